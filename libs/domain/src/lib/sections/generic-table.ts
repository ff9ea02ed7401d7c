/**
 * Table sections (docs/domain.md, "Section kinds and what they hold"): statsbidrag, investeringar,
 * personnel, verksamhetsstatistik. The template defines the columns (text or number, decimals,
 * which numbers add up to a total row, which must be filled in); rows hold cells by column key
 * and may sit under a group heading (`Gemensam verksamhet`). The total row is computed; a total
 * the writer typed or pasted with the rows (`Summa` under the statsbidrag) is kept beside it as
 * the printed total, and a disagreement between the two is flagged (tableTotalFlags), never replaced.
 */
import { formatNumber } from '../format';
import type { CellChange } from './economy';
import {
  DiffCell,
  diffCells,
  isRecord,
  notOfKind,
  readList,
  readNumber,
  readRows,
  readText,
  roundTo,
  rowNames,
  SECTION_ROW_KEY,
  SectionCheck,
  SectionIssue,
} from './section-check';

export interface TableColumn {
  key: string;
  /** As printed: `Sökt belopp tkr (år)`. */
  label: string;
  type: 'text' | 'number';
  /** Number columns: decimals typed and shown (0 by default). */
  decimals?: number;
  /** Number columns: added up in the total row. */
  sum?: boolean;
  required?: boolean;
}

export interface TableConfig {
  columns: readonly TableColumn[];
  /** The total row's label (`Totalt`, `Summa investeringar`). */
  totalLabel?: string;
  /** How the rows' group headings print (TABLE_GROUP_DISPLAYS); 'column' when absent. */
  groups?: TableGroupDisplay;
}

/** A first column Grupp (default), or a heading row above each group's rows inside the table. */
export const TABLE_GROUP_DISPLAYS = ['column', 'rows'] as const;
export type TableGroupDisplay = (typeof TABLE_GROUP_DISPLAYS)[number];
export const TABLE_GROUP_DISPLAY_LABELS: Readonly<Record<TableGroupDisplay, string>> = {
  column: 'Som första kolumn',
  rows: 'Som rubrikrad i tabellen',
};

export type TableCell = string | number | null;

export interface GenericTableRow {
  key: string;
  cells: Record<string, TableCell>;
  /** Heading the row is printed under. */
  group?: string;
}

export interface TableContent {
  type: 'table';
  rows: GenericTableRow[];
  /** The total the writer typed or pasted (by summed column key), kept as typed; absent when none was. */
  printedTotal?: Record<string, number | null>;
}

export const TABLE_LIMITS = { maxColumns: 20, maxCellText: 1_000 };

/** Checks a template's column definitions. */
export function checkTableConfig(input: unknown): { ok: true; config: TableConfig } | { ok: false; errors: string[] } {
  if (!isRecord(input) || !Array.isArray(input['columns'])) return { ok: false, errors: ['Tabellens kolumner saknas.'] };
  const errors: string[] = [];
  const columns: TableColumn[] = [];
  const keys = new Set<string>();
  const raws = input['columns'] as unknown[];
  if (raws.length === 0) errors.push('Tabellen behöver minst en kolumn.');
  if (raws.length > TABLE_LIMITS.maxColumns) errors.push(`Tabellen får ha högst ${TABLE_LIMITS.maxColumns} kolumner.`);
  raws.slice(0, TABLE_LIMITS.maxColumns).forEach((raw, i) => {
    const c = isRecord(raw) ? raw : {};
    const label = typeof c['label'] === 'string' ? c['label'].trim() : '';
    const name = label || `Kolumn ${i + 1}`;
    const key = typeof c['key'] === 'string' ? c['key'] : '';
    if (!SECTION_ROW_KEY.test(key)) errors.push(`${name}: kolumnen saknar en giltig nyckel.`);
    else if (keys.has(key)) errors.push(`${name}: nyckeln "${key}" förekommer två gånger.`);
    keys.add(key);
    if (!label || label.length > 120) errors.push(`${name}: kolumnrubriken ska vara 1–120 tecken.`);
    const type = c['type'];
    if (type !== 'text' && type !== 'number') errors.push(`${name}: välj typ text eller tal.`);
    const decimals = c['decimals'] ?? 0;
    if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 4) errors.push(`${name}: antal decimaler ska vara 0–4.`);
    if (c['sum'] === true && type !== 'number') errors.push(`${name}: bara talkolumner kan summeras.`);
    columns.push({
      key,
      label,
      type: type === 'number' ? 'number' : 'text',
      ...(type === 'number' && decimals ? { decimals: decimals as number } : {}),
      ...(c['sum'] === true ? { sum: true } : {}),
      ...(c['required'] === true ? { required: true } : {}),
    });
  });
  const totalLabel = typeof input['totalLabel'] === 'string' ? input['totalLabel'].trim() : '';
  const groups = input['groups'] ?? 'column';
  if (!(TABLE_GROUP_DISPLAYS as readonly unknown[]).includes(groups)) errors.push('Radernas rubriker skrivs ut som en första kolumn eller som rubrikrader i tabellen.');
  if (errors.length) return { ok: false, errors };
  return { ok: true, config: { columns, ...(totalLabel ? { totalLabel } : {}), ...(groups === 'rows' ? { groups: 'rows' as const } : {}) } };
}

/** How rows are named in messages and the diff: by their first column's text. */
function namesOf(config: TableConfig, rows: readonly unknown[]): string[] {
  const first = config.columns[0]?.key ?? '';
  return rowNames(rows.map((r) => {
    const cells = isRecord(r) && isRecord(r['cells']) ? r['cells'] : {};
    const value = cells[first];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }));
}

/**
 * Checks a table against its columns and returns it in clean form: numbers (typed as Swedes
 * type them, `2 322`) with the column's decimals, text within limits, required cells filled,
 * no cells outside the columns. Each issue names the row by its first cell and the column.
 */
export function checkTable(config: TableConfig, input: unknown): SectionCheck<TableContent> {
  if (!isRecord(input) || input['type'] !== 'table') return notOfKind('Innehållet är inte en tabell.');
  const issues: SectionIssue[] = [];
  const listed = readList(input, 'rows', 'Tabellen', issues);
  // A pasted block often ends with its own total row: that row is the printed total, not a row to add up.
  const pastedTotal = listed.length > 0 && isTypedTotalRow(config, listed[listed.length - 1]) ? listed[listed.length - 1] : null;
  const raws = pastedTotal ? listed.slice(0, -1) : listed;
  const rows = readRows<GenericTableRow>(raws, namesOf(config, raws), new Set<string>(), issues, (raw, row, key) => {
    const rawCells = isRecord(raw['cells']) ? raw['cells'] : {};
    for (const column of Object.keys(rawCells)) {
      if (!config.columns.some((c) => c.key === column) && rawCells[column] !== null && rawCells[column] !== '') {
        issues.push({ row, column, message: `Kolumnen "${column}" finns inte i tabellen.` });
      }
    }
    const cells: Record<string, TableCell> = {};
    for (const column of config.columns) {
      const given = rawCells[column.key];
      const value = column.type === 'number' ? readNumberCell(column, given, row, issues) : readTextCell(column, rawCells, row, issues);
      const empty = given === undefined || given === null || (typeof given === 'string' && !given.trim());
      if (empty && column.required) {
        issues.push({ row, column: column.key, message: `${column.label} saknas.` });
      }
      cells[column.key] = value;
    }
    const group = readText(raw, { field: 'group', label: 'Rubrik' }, row, issues);
    return { key, cells, ...(group ? { group } : {}) };
  });
  const given = pastedTotal !== null && isRecord(pastedTotal) && isRecord(pastedTotal['cells']) ? pastedTotal['cells'] : input['printedTotal'];
  const printedTotal = readPrintedTotal(config, given, issues);
  if (issues.length) return { ok: false, issues };
  return { ok: true, content: { type: 'table', rows, ...(printedTotal ? { printedTotal } : {}) } };
}

/** The label a table's total row carries: the template's, else `Totalt`. */
export function tableTotalLabel(config: TableConfig): string {
  return config.totalLabel ?? 'Totalt';
}

const TOTAL_WORDS = ['summa', 'totalt', 'total', 'totalsumma'];

/**
 * Whether a raw row is a typed total: the table sums something, and the row's first text cell
 * is the total's label (`Summa`, `Totalt`, the template's own) with nothing else in text columns.
 */
export function isTypedTotalRow(config: TableConfig, raw: unknown): boolean {
  if (!isRecord(raw) || !isRecord(raw['cells'])) return false;
  if (!config.columns.some((c) => c.type === 'number' && c.sum)) return false;
  const texts = config.columns.filter((c) => c.type === 'text');
  if (!texts.length) return false;
  const cells = raw['cells'];
  const label = cells[texts[0].key];
  if (typeof label !== 'string') return false;
  const wanted = label.trim().replace(/:$/, '').toLocaleLowerCase('sv-SE');
  const known = [...TOTAL_WORDS, tableTotalLabel(config).toLocaleLowerCase('sv-SE')];
  if (!known.includes(wanted)) return false;
  return texts.slice(1).every((c) => cells[c.key] === undefined || cells[c.key] === null || (typeof cells[c.key] === 'string' && !(cells[c.key] as string).trim()));
}

/** The typed total by summed column, numbers as Swedes type them; null when nothing was typed. */
function readPrintedTotal(config: TableConfig, given: unknown, issues: SectionIssue[]): Record<string, number | null> | null {
  if (given === undefined || given === null) return null;
  const row = tableTotalLabel(config);
  if (!isRecord(given)) {
    issues.push({ row, column: null, message: 'Den inskrivna summaraden har fel format.' });
    return null;
  }
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) continue;
    const column = config.columns.find((c) => c.key === key);
    if (!column) {
      issues.push({ row, column: key, message: `Kolumnen "${key}" finns inte i tabellen.` });
      continue;
    }
    if (column.type !== 'number' || !column.sum) {
      // The total row's own label, or text in a column that is not summed: nothing to compare.
      if (column.type === 'text') continue;
      issues.push({ row, column: key, message: `${column.label}: kolumnen summeras inte, så summaraden kan inte ha ett belopp där.` });
      continue;
    }
    const number = readNumberCell(column, value, row, issues);
    if (number !== null) out[key] = number;
  }
  return Object.keys(out).length ? out : null;
}

/**
 * What the reviewer and the draft are told about a typed total: one Swedish sentence for each
 * summed column whose typed total is not what the rows add up to
 * (`Summa, Belopp tkr: den inskrivna summan 2 400 stämmer inte med raderna, som summeras till 2 322.`).
 */
export function tableTotalFlags(config: TableConfig, content: TableContent): string[] {
  if (!content.printedTotal) return [];
  const computed = computeTable(config, content);
  return checkPrintedTableTotal(config, computed, content.printedTotal).map((d) => {
    const column = config.columns.find((c) => c.key === d.column);
    const decimals = column?.decimals ?? 0;
    const actual = d.computed === null ? 'raderna har inga belopp att summera' : `raderna summeras till ${formatNumber(d.computed, decimals)}`;
    return `${tableTotalLabel(config)}, ${column?.label ?? d.column}: den inskrivna summan ${formatNumber(d.printed, decimals)} stämmer inte med raderna; ${actual}.`;
  });
}

function readNumberCell(column: TableColumn, value: unknown, row: string, issues: SectionIssue[]): number | null {
  if (typeof value === 'string' && value.trim() && !/\d/.test(value)) {
    issues.push({ row, column: column.key, message: `${column.label}: "${value.trim()}" är text; kolumnen tar bara tal.` });
    return null;
  }
  return readNumber(value, { field: column.key, label: column.label, decimals: column.decimals ?? 0 }, row, issues);
}

function readTextCell(column: TableColumn, cells: Record<string, unknown>, row: string, issues: SectionIssue[]): string | null {
  const value = cells[column.key];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = readText(cells, { field: column.key, label: column.label, max: TABLE_LIMITS.maxCellText }, row, issues);
  return text || null;
}

export interface ComputedTable {
  rows: GenericTableRow[];
  /** The total row: the sum of each `sum` column, the label in the first text column; null when nothing is summed. */
  total: Record<string, TableCell> | null;
}

/** The table with its total row. */
export function computeTable(config: TableConfig, content: TableContent): ComputedTable {
  const summed = config.columns.filter((c) => c.type === 'number' && c.sum);
  if (!summed.length) return { rows: content.rows, total: null };
  const total: Record<string, TableCell> = {};
  const labelColumn = config.columns.find((c) => c.type === 'text');
  for (const column of config.columns) total[column.key] = null;
  if (labelColumn) total[labelColumn.key] = config.totalLabel ?? 'Totalt';
  for (const column of summed) {
    const values = content.rows.map((r) => r.cells[column.key]).filter((v): v is number => typeof v === 'number');
    total[column.key] = values.length ? roundTo(values.reduce((a, b) => a + b, 0), column.decimals ?? 0) : null;
  }
  return { rows: content.rows, total };
}

/** A cell as printed: numbers with the column's decimals and Swedish separators. */
export function formatTableCell(column: TableColumn, value: TableCell): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatNumber(value, column.decimals ?? 0) : value;
}

/** A printed total that disagrees with the rows (for flagging on import). */
export interface TableTotalDisagreement {
  column: string;
  printed: number;
  computed: number | null;
}

/** Compares the total a file or report printed (by column key) with what the rows add up to. */
export function checkPrintedTableTotal(config: TableConfig, computed: ComputedTable, printed: Readonly<Record<string, number | null>>): TableTotalDisagreement[] {
  const out: TableTotalDisagreement[] = [];
  for (const column of config.columns) {
    const value = printed[column.key];
    if (!column.sum || typeof value !== 'number') continue;
    const sum = computed.total?.[column.key];
    const actual = typeof sum === 'number' ? sum : null;
    if (actual === null || Math.abs(actual - value) > 10 ** -(column.decimals ?? 0) / 2) out.push({ column: column.key, printed: value, computed: actual });
  }
  return out;
}

/** The cells that changed, the total row included; rows followed by key. */
export function diffTable(config: TableConfig, before: TableContent, after: TableContent): CellChange[] {
  const flatten = (content: TableContent) => {
    const cells = new Map<string, DiffCell>();
    const names = namesOf(config, content.rows);
    const computed = computeTable(config, content);
    content.rows.forEach((r, i) => {
      cells.set(`${r.key}:group`, { row: names[i], column: 'Rubrik', value: r.group ?? null });
      for (const c of config.columns) cells.set(`${r.key}:${c.key}`, { row: names[i], column: c.label, value: r.cells[c.key] ?? null });
    });
    for (const c of config.columns) {
      if (c.sum) cells.set(`total:${c.key}`, { row: config.totalLabel ?? 'Totalt', column: c.label, value: computed.total?.[c.key] ?? null });
      const typed = content.printedTotal?.[c.key];
      if (c.sum && typeof typed === 'number') cells.set(`printed:${c.key}`, { row: `${tableTotalLabel(config)} (inskriven)`, column: c.label, value: typed });
    }
    return cells;
  };
  return diffCells(flatten(before), flatten(after));
}
