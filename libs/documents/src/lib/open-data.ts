// Open data: every table of a document as CSV (for Swedish Excel) and all of them as one JSON value.
import type { CellValue, ColumnKind, DocumentModel, TableBlock, TableRow } from './model';
import { tablesOf } from './model';

const BOM = '\ufeff';
const SEPARATOR = ';';
const LINE_END = '\r\n';
/** What a spreadsheet would take as the start of a formula (CSV injection); `\t` and `\r` too, as OWASP advises. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A number as Swedish Excel reads it: no thousands separator, a decimal comma, an ASCII minus: `-9504,5`. */
export function csvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  let out = String(value);
  if (/e/i.test(out)) out = value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return out.replace('.', ',');
}

/** A text field: neutralised against formulas, quoted when it holds `;`, `"` or a line break. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvCell(value: CellValue, kind: ColumnKind): string {
  if (value === null) return '';
  if (typeof value === 'number') return kind === 'text' ? csvText(String(value)) : csvNumber(value);
  return csvText(value);
}

/**
 * The label of each column with the group headings above it, flattened: 'Ack utfall 2021 – Utfall netto';
 * just the label where no group heading covers the column.
 */
export function flatColumnLabels(table: TableBlock): string[] {
  return table.columns.map((column, index) => {
    const groups: string[] = [];
    for (const row of table.groupHeaders ?? []) {
      let start = 0;
      for (const cell of row) {
        const span = Math.max(1, cell.span);
        if (index >= start && index < start + span) {
          if (cell.label.trim()) groups.push(cell.label.trim());
          break;
        }
        start += span;
      }
    }
    return [...groups, column.label].join(' – ');
  });
}

/** The open-data name and label of the column a table's group rows become. */
export const OPEN_DATA_GROUP_COLUMN = { key: 'grupp', label: 'Grupp' } as const;

/**
 * The rows open data gives: a table's group rows (kind 'group') are no rows of their own; each
 * row under one carries the group's text (rows before the first group, and the total: null). `grouped` is false
 * for a table without group rows, whose open data stays as it was.
 */
export function openDataRows(table: TableBlock): { grouped: boolean; rows: Array<{ row: TableRow; group: string | null }> } {
  const rows: Array<{ row: TableRow; group: string | null }> = [];
  let group: string | null = null;
  let grouped = false;
  for (const row of table.rows) {
    if (row.kind === 'group') {
      grouped = true;
      const heading = row.cells[0];
      group = heading === null || heading === undefined || heading === '' ? null : String(heading);
      continue;
    }
    // The total row adds up the whole table, not the last group.
    rows.push({ row, group: row.kind === 'total' ? null : group });
  }
  return { grouped, rows };
}

/**
 * One table as CSV for Swedish Excel: UTF-8 with BOM, `;` separator, CRLF, decimal comma without
 * thousands separators, percent as the number, no value as an empty field. A table with group rows
 * gets a first column Grupp instead of those rows.
 */
export function tableCsv(table: TableBlock): string {
  const { grouped, rows } = openDataRows(table);
  const labels = flatColumnLabels(table);
  const lines = [(grouped ? [OPEN_DATA_GROUP_COLUMN.label, ...labels] : labels).map(csvText).join(SEPARATOR)];
  for (const { row, group } of rows) {
    const cells = table.columns.map((column, i) => csvCell(i < row.cells.length ? row.cells[i] : null, column.kind));
    lines.push((grouped ? [csvCell(group, 'text'), ...cells] : cells).join(SEPARATOR));
  }
  return BOM + lines.map((line) => line + LINE_END).join('');
}

/** ASCII slug: 'Ekonomi – Omsorgsenheten' → 'ekonomi-omsorgsenheten' (å, ä → a, ö → o). */
export function asciiSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** `tabell-3-ekonomi-omsorgsenheten.csv`: the table's number and its id (without its own 'tabell-'). */
export function csvFileName(number: number, table: Pick<TableBlock, 'id' | 'caption'>): string {
  const slug = asciiSlug(table.id.replace(/^tabell(-\d+)?-/i, '')) || asciiSlug(table.caption);
  return slug ? `tabell-${number}-${slug}.csv` : `tabell-${number}.csv`;
}

export interface OpenDataColumn {
  key: string;
  label: string;
  kind: ColumnKind;
  decimals: number | null;
}

export interface OpenDataRow {
  kind: NonNullable<TableRow['kind']>;
  marker?: TableRow['marker'];
  values: Record<string, string | number | null>;
}

export interface OpenDataTable {
  id: string;
  number: number;
  caption: string;
  unit: string | null;
  section: string | null;
  unitName: string | null;
  period: string | null;
  columns: OpenDataColumn[];
  rows: OpenDataRow[];
}

export interface OpenDataDocument {
  document: {
    title: string;
    committee: string;
    municipality: string;
    period: string | null;
    diaryNumber: string | null;
    status: 'draft' | 'final';
    version?: number;
  };
  tables: OpenDataTable[];
}

/** Column keys: the column's own key, else its label; unique within the table. */
function columnKeys(table: TableBlock): string[] {
  const seen = new Set<string>();
  return table.columns.map((column) => {
    const base = (column.key ?? column.label).trim() || 'kolumn';
    let key = base;
    for (let n = 2; seen.has(key); n += 1) key = `${base}_${n}`;
    seen.add(key);
    return key;
  });
}

/** `base`, or `base_2` … when a column of the table already has that key. */
function uniqueKey(base: string, taken: readonly string[]): string {
  let key = base;
  for (let n = 2; taken.includes(key); n += 1) key = `${base}_${n}`;
  return key;
}

function jsonValue(value: CellValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

/** Every table of the document as one JSON value, with units, periods and columns; numbers as JSON numbers. */
export function tablesJson(model: DocumentModel): OpenDataDocument {
  const { meta } = model;
  return {
    document: {
      title: meta.title,
      committee: meta.committee,
      municipality: meta.municipality,
      period: meta.period ?? null,
      diaryNumber: meta.diaryNumber,
      status: meta.status.kind,
      ...(meta.status.kind === 'final' ? { version: meta.status.version } : {}),
    },
    tables: tablesOf(model).map(({ number, table }) => {
      const keys = columnKeys(table);
      const { grouped, rows } = openDataRows(table);
      const groupKey = grouped ? uniqueKey(OPEN_DATA_GROUP_COLUMN.key, keys) : null;
      return {
        id: table.id,
        number,
        caption: table.caption,
        unit: table.unit ?? null,
        section: table.dataset?.section ?? null,
        unitName: table.dataset?.unit ?? null,
        period: table.dataset?.period ?? meta.period ?? null,
        columns: [
          ...(groupKey ? [{ key: groupKey, label: OPEN_DATA_GROUP_COLUMN.label, kind: 'text' as const, decimals: null }] : []),
          ...table.columns.map((column, i) => ({
            key: keys[i],
            label: column.label,
            kind: column.kind,
            decimals: column.kind === 'text' ? null : (column.decimals ?? 0),
          })),
        ],
        rows: rows.map(({ row, group }) => {
          const values: Record<string, string | number | null> = {};
          if (groupKey) values[groupKey] = group;
          keys.forEach((key, i) => (values[key] = jsonValue(row.cells[i])));
          return { kind: row.kind ?? 'body', ...(row.marker ? { marker: row.marker } : {}), values };
        }),
      };
    }),
  };
}
