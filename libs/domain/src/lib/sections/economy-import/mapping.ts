/**
 * The column mapping: which header of the file holds what. Suggested from the headers (and the
 * saved mapping), read from API requests, and located in a file's headers before any row is read.
 */
import {
  columnLabel,
  ECONOMY_COLUMN_LABELS,
  type EconomyColumn,
  type EconomyTableConfig,
  inputColumns,
  isComputed,
} from '../economy';
import { DEFAULT_TOTAL_LABELS, type EconomyImportIssue, type EconomyImportMapping, type ImportGrid } from './types';

/** Header text as compared: lower case, single spaces, without a unit suffix such as `(tkr)`. */
export function normaliseHeader(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/\s*\((tkr|mnkr|kr)\)$/i, '')
    .replace(/[.:]$/, '')
    .toLocaleLowerCase('sv-SE');
}


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

/** A mapped economy column and where the file has it. */
export interface FigureColumn {
  column: EconomyColumn;
  header: string;
  /** 0-based index among the file's cells. */
  at: number;
  /** A computed column: what the file prints is compared, not stored. */
  computed: boolean;
}

/** Where the mapped columns are among a file's cells (null: not mapped). */
export interface LocatedColumns {
  label: number;
  unit: number | null;
  parent: number | null;
  key: number | null;
  comment: number | null;
  figures: FigureColumn[];
}

/**
 * The mapping against the file's headers: where each mapped column is, or (columns null) every
 * mapped header the file lacks, every entered column left unmapped and every column the layout lacks.
 */
export function locateColumns(
  grid: ImportGrid,
  mapping: EconomyImportMapping,
  config: EconomyTableConfig,
): { columns: LocatedColumns | null; issues: EconomyImportIssue[] } {
  const issues: EconomyImportIssue[] = [];
  const headerIndex = new Map<string, number>();
  grid.headers.forEach((h, i) => {
    if (h && !headerIndex.has(h)) headerIndex.set(h, i);
  });
  const listHeaders = () => grid.headers.filter(Boolean).map((h) => `"${h}"`).join(', ');
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
  const label = mapping.labelColumn ? locate(mapping.labelColumn, 'radens namn') : null;
  const unit = locate(mapping.unitColumn, 'enhet');
  const parent = locate(mapping.parentColumn, 'överordnad rad');
  const key = locate(mapping.keyColumn, 'radnyckel');
  const comment = locate(mapping.commentColumn, 'kommentar');
  const entered = inputColumns(config);
  const figures: FigureColumn[] = [];
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
    if (at !== null) figures.push({ column, header, at, computed });
  }
  for (const column of Object.keys(mapping.columns)) {
    if (!(config.columns as readonly string[]).includes(column)) {
      issues.push({ line: grid.headerLine, column: mapping.columns[column as EconomyColumn] ?? null, message: `Kolumnen "${column}" finns inte i avsnittets tabell.` });
    }
  }
  if (issues.length || label === null) return { columns: null, issues };
  return { columns: { label, unit, parent, key, comment, figures }, issues };
}

/** The file's header of an economy column (its label when the mapping has none); null for the whole row. */
export function mappedHeader(mapping: EconomyImportMapping, config: EconomyTableConfig, column: EconomyColumn | null): string | null {
  return column ? (mapping.columns[column] ?? columnLabel(config, column)) : null;
}
