/**
 * Table sections (docs/domain.md, "Section kinds and what they hold"): statsbidrag, investeringar,
 * personnel, verksamhetsstatistik. The template defines the columns (text or number, decimals,
 * which numbers add up to a total row, which must be filled in); rows hold cells by column key
 * and may sit under a group heading (`Gemensam verksamhet`). The total row is computed, never
 * typed, and a printed total can be compared with it on import.
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
}

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
  if (errors.length) return { ok: false, errors };
  return { ok: true, config: { columns, ...(totalLabel ? { totalLabel } : {}) } };
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
  const raws = readList(input, 'rows', 'Tabellen', issues);
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
  return issues.length ? { ok: false, issues } : { ok: true, content: { type: 'table', rows } };
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
    }
    return cells;
  };
  return diffCells(flatten(before), flatten(after));
}
