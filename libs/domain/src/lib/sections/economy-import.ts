/**
 * Importing economy tables from the finance system's exports (CSV or XLSX, read elsewhere into
 * a grid of cells): a column mapping from the file's headers to the section's layout, then every
 * row checked and turned into one economy table per unit. Nothing here knows about files or the
 * database; the rules about figures stay in economy.ts (checkEconomy, computeEconomy,
 * checkPrintedTotals) and are only pointed back at the file's lines and headers.
 */
import { CsvError, type CsvDelimiter, type CsvEncoding, decodeCsvBytes, parseCsv } from '../csv';
import { parseSwedishNumber } from '../format';
import {
  checkEconomy,
  checkPrintedTotals,
  columnLabel,
  combineEconomy,
  computeEconomy,
  type ComputedRow,
  ECONOMY_COLUMN_LABELS,
  type EconomyColumn,
  type EconomyContent,
  type EconomyRow,
  type EconomyTableConfig,
  type Figures,
  inputColumns,
  isComputed,
  MONEY_DECIMALS,
} from './economy';

export type ImportCell = string | number | null;

/** A file as rows of cells: what the CSV parser or the XLSX reader hands over. */
export interface ImportGrid {
  /** 1-based line of the header row, as Excel numbers rows. */
  headerLine: number;
  headers: string[];
  rows: Array<{ line: number; cells: ImportCell[] }>;
  /** How numbers written as text separate decimals: Swedish Excel's comma (`;` files, XLSX) or a dot. */
  decimal: 'comma' | 'dot';
}

/** Which header of the file holds what; saved per template section and suggested from the headers. */
export interface EconomyImportMapping {
  /** The unit each row belongs to (name, path `A / B`, or code); null: the whole file is one unit. */
  unitColumn: string | null;
  /** The row's name (`Heldygnsvård`). */
  labelColumn: string;
  /** The name of the row a sub-row belongs to (empty for a top-level row). */
  parentColumn: string | null;
  /** A stable row key, when the finance system has one (an account or activity code). */
  keyColumn: string | null;
  commentColumn: string | null;
  /**
   * Economy column → header. Every entered column of the layout must be mapped; a computed
   * column may be mapped too, and is then only compared with what the domain computes.
   */
  columns: Partial<Record<EconomyColumn, string>>;
  /** A row whose name starts with one of these words is a printed total, checked and not stored. */
  totalLabels: string[];
  /** Overrides the file's decimal separator for numbers written as text (null: from the file). */
  decimal: 'comma' | 'dot' | null;
}

export const DEFAULT_TOTAL_LABELS: readonly string[] = ['Summa', 'Totalt', 'Total'];

/** A unit that delivers the section: the import recognises it by name, path from the top, or code. */
export interface ImportUnit {
  id: string;
  name: string;
  /** Names from the top of the tree down to the unit itself. */
  path: readonly string[];
  code?: string | null;
}

export interface EconomyImportIssue {
  /** 1-based line in the file (the header is `headerLine`). */
  line: number;
  /** The file's header of the column, or null for the whole row or file. */
  column: string | null;
  message: string;
}

/** A figure the file printed (a total, a sub-total or a computed column) that the domain computes otherwise. */
export interface EconomyImportDisagreement {
  line: number;
  unitName: string;
  /** The row as people name it (`Summa barn och unga`, `Barn och unga › Heldygnsvård`), `Totalt` for a file total. */
  row: string;
  column: EconomyColumn;
  header: string;
  printed: number;
  computed: number | null;
}

export interface EconomyImportUnitResult {
  unitId: string;
  unitName: string;
  content: EconomyContent;
  /** Data rows of the file that went into this table (printed totals not counted). */
  rows: number;
  firstLine: number;
  total: Figures;
}

export interface EconomyImportResult {
  units: EconomyImportUnitResult[];
  issues: EconomyImportIssue[];
  disagreements: EconomyImportDisagreement[];
  /** Data rows read (printed totals included). */
  rowCount: number;
}

export interface EconomyImportOptions {
  config: EconomyTableConfig;
  units: readonly ImportUnit[];
  /** The unit a file without a unit column belongs to (the section's only unit, or the one chosen). */
  defaultUnitId?: string | null;
  /** Marks every imported row with `source: { importId, line }`. */
  importId?: string;
  /** A unit's current table: rows with the same name keep their key (and their comment when the file has none). */
  previous?: (unitId: string) => EconomyContent | null | undefined;
}

const KEY = /^[A-Za-z0-9_-]{1,60}$/;
const MAX_ISSUES = 500;

/** Header text as compared: lower case, single spaces, without a unit suffix such as `(tkr)`. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/\s*\((tkr|mnkr|kr)\)$/i, '')
    .replace(/[.:]$/, '')
    .toLocaleLowerCase('sv-SE');
}

const lower = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');

/** Other names finance systems and Swedish reports give the columns. */
const COLUMN_SYNONYMS: Readonly<Record<EconomyColumn, readonly string[]>> = {
  income: ['Intäkter', 'Utfall intäkter', 'Ack utfall intäkter'],
  costs: ['Kostnader', 'Utfall kostnader', 'Ack utfall kostnader'],
  net: ['Netto', 'Utfall netto', 'Utfall', 'Ack utfall netto', 'Nettoutfall'],
  budget_income: ['Budget intäkter', 'Periodens budget intäkter'],
  budget_costs: ['Budget kostnader', 'Periodens budget kostnader'],
  budget_net: ['Budget netto', 'Periodens budget', 'Budget period', 'Ack budget netto'],
  budget_deviation: ['Budgetavvikelse', 'Budget avvikelse', 'Avvikelse budget'],
  annual_budget: ['Helårsbudget', 'Årsbudget', 'Budget helår', 'Budget'],
  forecast: ['Prognos', 'Helårsprognos', 'Prognos helår', 'Prognos netto'],
  forecast_deviation: ['Prognosavvikelse', 'Prognos avvikelse', 'Avvikelse prognos'],
  percent_of_budget: ['% av helårsbudget', 'Procent av budget', 'Utfall i procent av helårsbudget'],
  previous_year: ['Bokslut föregående år', 'Bokslut fg år', 'Bokslut'],
  earlier_result: ['Resultat tidigare period'],
  earlier_forecast: ['Prognos tidigare period'],
};

const UNIT_HEADERS = ['Enhet', 'Enhetsnamn', 'Ansvarsenhet', 'Ansvar', 'Enhetskod'];
const LABEL_HEADERS = ['Rad', 'Radnamn', 'Benämning', 'Verksamhet', 'Post', 'Text', 'Namn', 'Tkr', 'Mnkr'];
const PARENT_HEADERS = ['Överordnad rad', 'Huvudrad', 'Överordnad', 'Grupp'];
const KEY_HEADERS = ['Nyckel', 'Radnyckel', 'Radkod', 'Id'];
const COMMENT_HEADERS = ['Kommentar', 'Kommentarer'];

/**
 * A mapping from the file's headers: the saved one where its headers are in the file, otherwise
 * the template's printed labels, the standard Swedish names and common synonyms, case-insensitive.
 * Each header is used once; what matches nothing is left out (and reported by the import).
 */
export function suggestEconomyMapping(
  headers: readonly string[],
  config: EconomyTableConfig,
  saved?: Partial<EconomyImportMapping> | null,
): EconomyImportMapping {
  const byName = new Map<string, string>();
  for (const header of headers) {
    const key = normaliseHeader(header);
    if (key && !byName.has(key)) byName.set(key, header);
  }
  const used = new Set<string>();
  const present = (header: string | null | undefined): string | null => (header && headers.includes(header) ? header : null);
  const take = (header: string | null): string | null => {
    if (header === null || used.has(header)) return null;
    used.add(header);
    return header;
  };
  const find = (candidates: ReadonlyArray<string | undefined>): string | null => {
    for (const candidate of candidates) {
      if (!candidate) continue;
      const header = byName.get(normaliseHeader(candidate));
      if (header && !used.has(header)) return take(header);
    }
    return null;
  };
  const columns: Partial<Record<EconomyColumn, string>> = {};
  // Saved choices first, then the template's own labels, then the standard names and synonyms.
  for (const column of config.columns) {
    const header = take(present(saved?.columns?.[column]));
    if (header) columns[column] = header;
  }
  const ordered = [...inputColumns(config), ...config.columns.filter((c) => isComputed(config, c))];
  for (const column of ordered) {
    if (columns[column]) continue;
    const header = find([config.labels?.[column]]);
    if (header) columns[column] = header;
  }
  for (const column of ordered) {
    if (columns[column]) continue;
    const header = find([ECONOMY_COLUMN_LABELS[column], column, ...COLUMN_SYNONYMS[column]]);
    if (header) columns[column] = header;
  }
  const savedOr = (value: string | null | undefined, candidates: readonly string[]) => take(present(value)) ?? find(candidates);
  const unitColumn = saved && saved.unitColumn === null ? null : savedOr(saved?.unitColumn, UNIT_HEADERS);
  const parentColumn = savedOr(saved?.parentColumn, PARENT_HEADERS);
  const keyColumn = savedOr(saved?.keyColumn, KEY_HEADERS);
  const commentColumn = savedOr(saved?.commentColumn, COMMENT_HEADERS);
  const labelColumn =
    savedOr(saved?.labelColumn, LABEL_HEADERS) ??
    // Reports put the row names first, under the table's unit (`(Tkr)`) or no heading at all.
    take(headers.find((h) => !used.has(h)) ?? null) ??
    '';
  return {
    unitColumn,
    labelColumn,
    parentColumn,
    keyColumn,
    commentColumn,
    columns,
    // The saved words and the usual ones: a file from another export may still say `Summa`.
    totalLabels: [...new Set([...(saved?.totalLabels ?? []), ...DEFAULT_TOTAL_LABELS])],
    decimal: saved?.decimal ?? null,
  };
}

/** Whether a value has the shape of a mapping (the API checks requests with it). */
export function readEconomyImportMapping(value: unknown, config: EconomyTableConfig): { ok: true; mapping: EconomyImportMapping } | { ok: false; message: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'Kolumnkopplingen har fel format.' };
  const raw = value as Record<string, unknown>;
  const text = (field: string, required = false): string | null | undefined => {
    const v = raw[field];
    if (v === undefined || v === null || v === '') return required ? undefined : null;
    return typeof v === 'string' && v.length <= 200 ? v : undefined;
  };
  const fields = { unitColumn: text('unitColumn'), labelColumn: text('labelColumn', true), parentColumn: text('parentColumn'), keyColumn: text('keyColumn'), commentColumn: text('commentColumn') };
  for (const [field, v] of Object.entries(fields)) {
    if (v === undefined) return { ok: false, message: field === 'labelColumn' ? 'Välj kolumnen med radernas namn.' : `Kolumnkopplingen har fel format (${field}).` };
  }
  const columnsRaw = raw['columns'];
  const columns: Partial<Record<EconomyColumn, string>> = {};
  if (typeof columnsRaw !== 'object' || columnsRaw === null || Array.isArray(columnsRaw)) return { ok: false, message: 'Kolumnkopplingen saknar ekonomikolumnerna.' };
  for (const [column, header] of Object.entries(columnsRaw as Record<string, unknown>)) {
    if (header === null || header === '' || header === undefined) continue;
    if (!(config.columns as readonly string[]).includes(column)) return { ok: false, message: `Kolumnen "${column}" finns inte i avsnittets tabell.` };
    if (typeof header !== 'string' || header.length > 200) return { ok: false, message: 'Kolumnkopplingen har fel format.' };
    columns[column as EconomyColumn] = header;
  }
  const totalsRaw = raw['totalLabels'];
  const totalLabels = Array.isArray(totalsRaw)
    ? totalsRaw.filter((t): t is string => typeof t === 'string' && t.trim() !== '' && t.length <= 60).map((t) => t.trim()).slice(0, 10)
    : [...DEFAULT_TOTAL_LABELS];
  const decimal = raw['decimal'] === 'comma' || raw['decimal'] === 'dot' ? raw['decimal'] : null;
  return {
    ok: true,
    mapping: {
      unitColumn: fields.unitColumn as string | null,
      labelColumn: fields.labelColumn as string,
      parentColumn: fields.parentColumn as string | null,
      keyColumn: fields.keyColumn as string | null,
      commentColumn: fields.commentColumn as string | null,
      columns,
      totalLabels,
      decimal,
    },
  };
}

/** A CSV export as a grid: UTF-8, UTF-16 or Windows-1252, `;` or tab (decimal comma, as Swedish Excel writes them) or `,` (decimal dot). */
export function economyGridFromCsv(
  bytes: Uint8Array,
): { ok: true; grid: ImportGrid; encoding: CsvEncoding; delimiter: CsvDelimiter } | { ok: false; issue: EconomyImportIssue } {
  const { text, encoding } = decodeCsvBytes(bytes);
  let parsed: { delimiter: CsvDelimiter; rows: string[][] };
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, issue: { line: error.line, column: null, message: error.message } };
    throw error;
  }
  // Swedish Excel writes `;` or tab with a decimal comma; `,` as delimiter means a decimal dot.
  const grid = gridFromRows(parsed.rows.map((cells, i) => ({ line: i + 1, cells })), parsed.delimiter === ',' ? 'dot' : 'comma');
  return grid.ok ? { ok: true, grid: grid.grid, encoding, delimiter: parsed.delimiter } : grid;
}

/** Rows as read (line numbers included) to a grid: the first non-empty row holds the headers. */
export function gridFromRows(
  rows: ReadonlyArray<{ line: number; cells: ImportCell[] }>,
  decimal: 'comma' | 'dot',
): { ok: true; grid: ImportGrid } | { ok: false; issue: EconomyImportIssue } {
  const isEmpty = (cells: readonly ImportCell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
  const at = rows.findIndex((row) => !isEmpty(row.cells));
  if (at < 0) return { ok: false, issue: { line: 1, column: null, message: 'Filen är tom. Första raden ska innehålla kolumnrubrikerna.' } };
  const headerRow = rows[at];
  const headers = headerRow.cells.map((c) => (c === null ? '' : String(c).replace(/[\s\u00a0\u202f]+/g, ' ').trim()));
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const seen = new Map<string, number>();
  for (let i = 0; i < headers.length; i += 1) {
    const key = lower(headers[i]);
    if (!key) continue;
    if (seen.has(key)) {
      return {
        ok: false,
        issue: { line: headerRow.line, column: headers[i], message: `Rubriken "${headers[i]}" står två gånger (kolumn ${(seen.get(key) ?? 0) + 1} och ${i + 1}). Varje kolumn behöver en egen rubrik.` },
      };
    }
    seen.set(key, i);
  }
  return { ok: true, grid: { headerLine: headerRow.line, headers, rows: rows.slice(at + 1).filter((row) => !isEmpty(row.cells)), decimal } };
}

/** `heldygnsvard`, `barn-och-unga-0-20-ar`: a key from a row's name, for files without keys. */
export function rowKeyFromLabel(label: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return slug || 'rad';
}

function cellText(cell: ImportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? String(cell) : cell.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

interface PendingRow {
  line: number;
  label: string;
  key: string | null;
  comment: string;
  values: Figures;
  /** Values of computed columns as the file printed them (compared, not stored). */
  printed: Figures;
  children: PendingRow[];
  /** Whether the file printed this row itself (a parent row may only be implied by its sub-rows). */
  explicit: boolean;
}

interface PendingTotal {
  line: number;
  label: string;
  /** null: the unit's total; otherwise the parent row's name. */
  parent: string | null;
  values: Figures;
}

interface PendingUnit {
  unit: ImportUnit;
  rows: PendingRow[];
  byPath: Map<string, PendingRow>;
  totals: PendingTotal[];
  firstLine: number;
  dataRows: number;
}

function unitMatcher(units: readonly ImportUnit[]) {
  const exact = new Map<string, ImportUnit[]>();
  const add = (text: string, unit: ImportUnit) => {
    const key = lower(text);
    if (!key) return;
    const list = exact.get(key) ?? [];
    if (!list.includes(unit)) list.push(unit);
    exact.set(key, list);
  };
  for (const unit of units) {
    add(unit.name, unit);
    if (unit.code) add(unit.code, unit);
    // Every tail of the path: `Stöd och vägledning / Vuxenutbildning`, and the whole path.
    for (let i = 0; i < unit.path.length - 1; i += 1) add(unit.path.slice(i).join(' / '), unit);
  }
  return (text: string): ImportUnit | ImportUnit[] | null => {
    const found = exact.get(lower(text.replace(/\s*\/\s*/g, ' / ')));
    if (!found) return null;
    return found.length === 1 ? found[0] : found;
  };
}

/**
 * Reads a grid with a mapping into one economy table per unit. Every row is checked: numbers
 * (text, a decimal point where the file writes decimal comma, the unit's decimals, signs), the
 * unit, rows twice, sub-rows; every problem names the file's line and header. Printed totals,
 * sub-totals and computed columns are compared with what the domain computes, with both numbers.
 * When there are issues, `units` must not be stored.
 */
export function importEconomy(grid: ImportGrid, mapping: EconomyImportMapping, options: EconomyImportOptions): EconomyImportResult {
  const { config } = options;
  const issues: EconomyImportIssue[] = [];
  const disagreements: EconomyImportDisagreement[] = [];
  const fail = (): EconomyImportResult => ({ units: [], issues: issues.sort((a, b) => a.line - b.line), disagreements, rowCount: grid.rows.length });
  const headerIndex = new Map<string, number>();
  grid.headers.forEach((h, i) => {
    if (h && !headerIndex.has(h)) headerIndex.set(h, i);
  });
  const listHeaders = () => grid.headers.filter(Boolean).map((h) => `"${h}"`).join(', ');

  // The mapping against the file's headers.
  const locate = (header: string | null, what: string): number | null => {
    if (header === null) return null;
    const at = headerIndex.get(header);
    if (at === undefined) {
      issues.push({ line: grid.headerLine, column: header, message: `Kolumnen "${header}" (${what}) finns inte i filen. Filens kolumner: ${listHeaders()}.` });
      return null;
    }
    return at;
  };
  if (!mapping.labelColumn) issues.push({ line: grid.headerLine, column: null, message: 'Välj vilken kolumn som innehåller radernas namn.' });
  const labelAt = mapping.labelColumn ? locate(mapping.labelColumn, 'radens namn') : null;
  const unitAt = locate(mapping.unitColumn, 'enhet');
  const parentAt = locate(mapping.parentColumn, 'överordnad rad');
  const keyAt = locate(mapping.keyColumn, 'radnyckel');
  const commentAt = locate(mapping.commentColumn, 'kommentar');
  const entered = inputColumns(config);
  const figureColumns: Array<{ column: EconomyColumn; header: string; at: number; computed: boolean }> = [];
  for (const column of config.columns) {
    const header = mapping.columns[column];
    const computed = !entered.includes(column);
    if (!header) {
      if (!computed) {
        issues.push({
          line: grid.headerLine,
          column: null,
          message: `Kolumnen "${columnLabel(config, column)}" saknas: ingen kolumn i filen är kopplad till den. Filens kolumner: ${listHeaders()}.`,
        });
      }
      continue;
    }
    const at = locate(header, columnLabel(config, column));
    if (at !== null) figureColumns.push({ column, header, at, computed });
  }
  for (const column of Object.keys(mapping.columns)) {
    if (!(config.columns as readonly string[]).includes(column)) {
      issues.push({ line: grid.headerLine, column: mapping.columns[column as EconomyColumn] ?? null, message: `Kolumnen "${column}" finns inte i avsnittets tabell.` });
    }
  }
  let defaultUnit: ImportUnit | null = null;
  if (mapping.unitColumn === null) {
    defaultUnit = options.units.find((u) => u.id === options.defaultUnitId) ?? (options.units.length === 1 ? options.units[0] : null);
    if (!defaultUnit) {
      issues.push({
        line: grid.headerLine,
        column: null,
        message: 'Filen har ingen kolumn för enhet, och avsnittet lämnas av flera enheter. Koppla kolumnen med enheten, eller välj vilken enhet filen gäller.',
      });
    }
  }
  if (issues.length) return fail();

  const decimal = mapping.decimal ?? grid.decimal;
  const decimals = MONEY_DECIMALS[config.unit];
  const totalWords = mapping.totalLabels.map(lower).filter(Boolean);
  const isTotal = (label: string) => {
    const l = lower(label);
    return totalWords.some((w) => l === w || l.startsWith(`${w} `));
  };
  const findUnit = unitMatcher(options.units);
  const pending = new Map<string, PendingUnit>();
  const unknownUnits = new Map<string, number>();
  const fileTotals: PendingTotal[] = [];
  const add = (line: number, column: string | null, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ line, column, message });
  };

  for (const { line, cells } of grid.rows) {
    const label = cellText(cells[labelAt as number]);
    const unitText = unitAt === null ? '' : cellText(cells[unitAt]);
    const parent = parentAt === null ? '' : cellText(cells[parentAt]);
    const total = label !== '' && isTotal(label);

    // Figures first: a bad number is reported whatever else is wrong with the row.
    const values: Figures = {};
    const printed: Figures = {};
    for (const { column, header, at, computed } of figureColumns) {
      const cell = cells[at];
      let value: number | null = null;
      if (typeof cell === 'number') {
        if (!Number.isFinite(cell)) {
          add(line, header, `"${String(cell)}" är inte ett tal.`);
          continue;
        }
        value = cell;
      } else if (cell !== null && cell !== undefined) {
        const parsed = parseSwedishNumber(cell, { decimal, percent: column === 'percent_of_budget' });
        if (!parsed.ok) {
          add(line, header, parsed.message);
          continue;
        }
        value = parsed.value;
      }
      if (value === null) continue;
      if (computed || total) printed[column] = value;
      else values[column] = value;
    }

    let unit: ImportUnit | null = defaultUnit;
    if (unitAt !== null) {
      if (unitText === '') {
        if (total && !parent) {
          fileTotals.push({ line, label, parent: null, values: { ...printed, ...values } });
          continue;
        }
        add(line, mapping.unitColumn, 'Enheten saknas. Skriv enhetens namn eller kod.');
        continue;
      }
      const found = findUnit(unitText);
      if (found === null) {
        if (!unknownUnits.has(lower(unitText))) {
          unknownUnits.set(lower(unitText), line);
          const names = options.units.map((u) => u.name).sort((a, b) => a.localeCompare(b, 'sv-SE'));
          add(
            line,
            mapping.unitColumn,
            `Enheten "${unitText}" lämnar inte det här avsnittet, eller finns inte. ` +
              (names.length <= 12 ? `Enheter som lämnar avsnittet: ${names.join(', ')}.` : 'Skriv enhetens namn, väg eller kod som i Rapportflöde.'),
          );
        }
        continue;
      }
      if (Array.isArray(found)) {
        add(
          line,
          mapping.unitColumn,
          `Enheten "${unitText}" finns på flera ställen (${found.map((u) => u.path.join(' / ')).join('; ')}). Skriv vägen, till exempel "${found[0].path.slice(-2).join(' / ')}", eller enhetens kod.`,
        );
        continue;
      }
      unit = found;
    }
    const target = unit as ImportUnit;
    let bucket = pending.get(target.id);
    if (!bucket) {
      bucket = { unit: target, rows: [], byPath: new Map(), totals: [], firstLine: line, dataRows: 0 };
      pending.set(target.id, bucket);
    }

    if (total) {
      bucket.totals.push({ line, label, parent: parent || null, values: { ...printed, ...values } });
      continue;
    }
    if (label === '') {
      add(line, mapping.labelColumn, 'Raden saknar namn.');
      continue;
    }
    bucket.dataRows += 1;
    const keyText = keyAt === null ? '' : cellText(cells[keyAt]);
    if (keyText && !KEY.test(keyText)) {
      add(line, mapping.keyColumn, `Radnyckeln "${keyText}" får bara innehålla bokstäver a–z, siffror, - och _ (högst 60 tecken).`);
    }
    const comment = commentAt === null ? '' : cellText(cells[commentAt]);
    const path = parent ? `${lower(parent)}\u0000${lower(label)}` : lower(label);
    const existing = bucket.byPath.get(path);
    if (existing && existing.explicit) {
      add(line, mapping.labelColumn, `Raden "${parent ? `${parent} › ` : ''}${label}" för ${target.name} förekommer redan på rad ${existing.line}.`);
      continue;
    }
    const row: PendingRow = existing ?? { line, label, key: null, comment: '', values: {}, printed: {}, children: [], explicit: true };
    Object.assign(row, { line, label, key: keyText && KEY.test(keyText) ? keyText : null, comment, values, printed, explicit: true });
    if (!existing) {
      bucket.byPath.set(path, row);
      if (parent) {
        let parentRow = bucket.byPath.get(lower(parent));
        if (!parentRow) {
          // A sub-row may come first: its parent is implied until (and unless) the file prints it.
          parentRow = { line, label: parent, key: null, comment: '', values: {}, printed: {}, children: [], explicit: false };
          bucket.byPath.set(lower(parent), parentRow);
          bucket.rows.push(parentRow);
        }
        parentRow.children.push(row);
      } else {
        bucket.rows.push(row);
      }
    }
  }

  // Build each unit's table (also when rows above had problems: every problem is reported at once) and let the one checker judge it; its issues are pointed back at the file.
  const units: EconomyImportUnitResult[] = [];
  const headerOf = (column: EconomyColumn | null) => (column ? (mapping.columns[column] ?? columnLabel(config, column)) : null);
  for (const bucket of pending.values()) {
    const previous = options.previous?.(bucket.unit.id) ?? null;
    const previousByPath = new Map<string, EconomyRow>();
    const walkPrevious = (rows: readonly EconomyRow[], path: string[]) => {
      for (const row of rows) {
        const here = [...path, lower(row.label)];
        previousByPath.set(here.join('\u0000'), row);
        walkPrevious(row.children ?? [], here);
      }
    };
    walkPrevious(previous?.rows ?? [], []);
    const used = new Set<string>();
    const lineOf = new Map<string, number>();
    const all: PendingRow[] = [];
    const collect = (rows: readonly PendingRow[]) => {
      for (const row of rows) {
        all.push(row);
        collect(row.children);
      }
    };
    collect(bucket.rows);
    for (const row of all) if (row.key) used.add(row.key);
    const assignKey = (row: PendingRow, path: string[]) => {
      if (row.key) return row.key;
      const old = previousByPath.get(path.join('\u0000'));
      if (old && KEY.test(old.key) && !used.has(old.key)) {
        used.add(old.key);
        return old.key;
      }
      const base = rowKeyFromLabel(row.label);
      let key = base;
      for (let n = 2; used.has(key); n += 1) key = `${base}-${n}`;
      used.add(key);
      return key;
    };
    const build = (row: PendingRow, path: string[], names: string[]): EconomyRow => {
      const here = [...path, lower(row.label)];
      const named = [...names, row.label];
      lineOf.set(named.join(' › '), row.line);
      const key = assignKey(row, here);
      const old = previousByPath.get(here.join('\u0000'));
      const comment = row.comment || old?.comment || '';
      const children = row.children.map((child) => build(child, here, named));
      return {
        key,
        label: row.label,
        values: children.length ? {} : row.values,
        ...(comment ? { comment } : {}),
        ...(children.length ? { children } : {}),
        ...(options.importId ? { source: { importId: options.importId, line: row.line } } : {}),
      };
    };
    const content: EconomyContent = { type: 'economy', rows: bucket.rows.map((row) => build(row, [], [])) };
    const checked = checkEconomy(config, content);
    if (!checked.ok) {
      for (const issue of checked.issues) {
        const line = (issue.row !== null ? lineOf.get(issue.row) : undefined) ?? bucket.firstLine;
        add(line, headerOf(issue.column), `${bucket.unit.name}, ${issue.row ?? 'tabellen'}: ${issue.message}`);
      }
      continue;
    }
    const computed = computeEconomy(config, checked.content);

    // A parent row the file printed with figures: those figures are its printed sub-total.
    const printedTotals: Array<{ line: number; label: string; row: string | null; values: Figures }> = [];
    for (const row of bucket.rows) {
      if (row.children.length && row.explicit) {
        const values = { ...row.printed, ...row.values };
        if (Object.keys(values).length) printedTotals.push({ line: row.line, label: row.label, row: row.label, values });
      }
    }
    for (const total of bucket.totals) {
      const parentRow = total.parent ? bucket.byPath.get(lower(total.parent)) : undefined;
      if (total.parent && !parentRow?.children.length) {
        add(total.line, mapping.parentColumn, `${total.label}: raden "${total.parent}" har inga underrader i filen att summera.`);
        continue;
      }
      printedTotals.push({ line: total.line, label: total.label, row: parentRow ? parentRow.label : null, values: total.values });
    }
    for (const printed of printedTotals) {
      for (const d of checkPrintedTotals(config, computed, [{ row: printed.row, values: printed.values }])) {
        disagreements.push({ line: printed.line, unitName: bucket.unit.name, row: printed.label, column: d.column, header: headerOf(d.column) ?? d.column, printed: d.printed, computed: d.computed });
      }
    }
    // Computed columns the file printed on ordinary rows.
    const computedByLine = new Map<number, ComputedRow>();
    const walk = (rows: readonly ComputedRow[], names: string[]) => {
      for (const row of rows) {
        const named = [...names, row.label];
        const line = lineOf.get(named.join(' › '));
        if (line !== undefined) computedByLine.set(line, row);
        walk(row.children, named);
      }
    };
    walk(computed.rows, []);
    for (const row of all) {
      if (row.children.length) continue;
      const figures = computedByLine.get(row.line)?.values ?? {};
      for (const [column, printedValue] of Object.entries(row.printed) as Array<[EconomyColumn, number]>) {
        const value = figures[column] ?? null;
        const tolerance = column === 'percent_of_budget' ? 0.05 : 10 ** -decimals / 2;
        if (value === null || Math.abs(value - printedValue) > tolerance + 1e-9) {
          disagreements.push({ line: row.line, unitName: bucket.unit.name, row: row.label, column, header: headerOf(column) ?? column, printed: printedValue, computed: value });
        }
      }
    }
    units.push({ unitId: bucket.unit.id, unitName: bucket.unit.name, content: checked.content, rows: bucket.dataRows, firstLine: bucket.firstLine, total: computed.total });
  }
  if (issues.length) return fail();

  // Totals of the whole file (rows without a unit): against the sum over every unit's table.
  if (fileTotals.length) {
    const combined = combineEconomy(
      config,
      units.map((u) => ({ key: u.unitId, name: u.unitName, content: u.content })),
    );
    for (const total of fileTotals) {
      for (const d of checkPrintedTotals(config, combined, [{ row: null, values: total.values }])) {
        disagreements.push({ line: total.line, unitName: 'Hela filen', row: total.label, column: d.column, header: headerOf(d.column) ?? d.column, printed: d.printed, computed: d.computed });
      }
    }
  }
  disagreements.sort((a, b) => a.line - b.line);
  units.sort((a, b) => a.firstLine - b.firstLine);
  return { units, issues, disagreements, rowCount: grid.rows.length };
}

/** `Rad 5, kolumn "Prognos": "3.8" har decimalpunkt; …`: an issue as one line of text. */
export function importIssueText(issue: EconomyImportIssue): string {
  return `Rad ${issue.line}${issue.column ? `, kolumn "${issue.column}"` : ''}: ${issue.message}`;
}
