/**
 * The grid's rows, each checked and put in its unit's pile: its figures (numbers as the file
 * writes them), its unit, its name and key, rows twice, sub-rows and printed totals.
 */
import { parseSwedishNumber } from '../../format';
import type { Figures } from '../economy';
import type { FigureColumn, LocatedColumns } from './mapping';
import { type AddIssue, cellText, type EconomyImportMapping, type ImportCell, type ImportGrid, type ImportUnit, KEY, lower } from './types';
import { nestRows } from './nesting';
import { unitCellReader } from './units';

/** A row of a unit's table as read, before it gets its key. */
export interface PendingRow {
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
  /** The parent column's text: the parent's name or the way down to it (`A › B`); '' for a top-level row. */
  parentName: string;
  /** Names from the top down to the row itself (set when the rows are placed, nesting.ts). */
  path: string[];
}

/** A printed total or sub-total row: checked, not stored. */
export interface PendingTotal {
  line: number;
  label: string;
  /** null: the unit's total; otherwise the parent row's name. */
  parent: string | null;
  values: Figures;
}

/** One unit's rows as read. */
export interface PendingUnit {
  unit: ImportUnit;
  /** The table's top-level rows, their sub-rows in `children` (placed by nesting.ts once the file is read). */
  rows: PendingRow[];
  /** The rows the file printed, in its order, before they are placed. */
  read: PendingRow[];
  /** Rows by lower-case name (the first of that name) and by lower-case way down (`a › b`), see nesting.ts. */
  byPath: Map<string, PendingRow>;
  totals: PendingTotal[];
  firstLine: number;
  dataRows: number;
}

export interface ReadRows {
  /** Unit id → its rows, in the order the units first appear in the file. */
  units: Map<string, PendingUnit>;
  /** Printed totals of the whole file (total rows without a unit). */
  fileTotals: PendingTotal[];
  /** Rows of the file that are not printed totals (also those with problems). */
  dataRows: number;
}

/**
 * `3.100`, `-1.234.567`, `2.500,5`: in a file with decimal comma a dot between groups of three
 * digits separates thousands (as Swedish exports write them); such a number loses its dots.
 * Anything else (`3.1`, `1.2345`) is left for the number reader to refuse as a decimal point.
 */
export function withoutDotThousands(text: string, decimal: 'comma' | 'dot'): string {
  if (decimal !== 'comma') return text;
  const t = text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
  return /^[+\-\u2212\u2013]?\d{1,3}(\.\d{3})+(,\d+)?( ?%)?$/.test(t) ? t.replace(/\./g, '') : text;
}


/** A row's figures: entered columns to store, and what the file printed for computed columns (every column of a total row). */
function readFigures(
  cells: readonly ImportCell[],
  columns: readonly FigureColumn[],
  decimal: 'comma' | 'dot',
  total: boolean,
  report: (column: string, message: string) => void,
): { values: Figures; printed: Figures } {
  const values: Figures = {};
  const printed: Figures = {};
  for (const { column, header, at, computed } of columns) {
    const cell = cells[at];
    let value: number | null = null;
    if (typeof cell === 'number') {
      if (!Number.isFinite(cell)) {
        report(header, `"${String(cell)}" är inte ett tal.`);
        continue;
      }
      value = cell;
    } else if (cell !== null && cell !== undefined) {
      const parsed = parseSwedishNumber(withoutDotThousands(cell, decimal), { decimal, percent: column === 'percent_of_budget' });
      if (!parsed.ok) {
        report(header, parsed.message);
        continue;
      }
      value = parsed.value;
    }
    if (value === null) continue;
    if (computed || total) printed[column] = value;
    else values[column] = value;
  }
  return { values, printed };
}

/**
 * Reads every row of the grid into its unit's pile. A row with a problem is reported (with its
 * line and header) and left out; the rest are still read, so that every problem shows at once.
 */
export function readRows(
  grid: ImportGrid,
  mapping: EconomyImportMapping,
  columns: LocatedColumns,
  defaultUnit: ImportUnit | null,
  units: readonly ImportUnit[],
  add: AddIssue,
): ReadRows {
  const decimal = mapping.decimal ?? grid.decimal;
  const totalWords = mapping.totalLabels.map(lower).filter(Boolean);
  // `Summa`, `Summa nämnden`, `Totalt:`: a total word alone or first, in either the row's or the unit's column.
  const isTotal = (label: string) => {
    const l = lower(label).replace(/:$/, '');
    return totalWords.some((w) => l === w || l.startsWith(`${w} `) || l.startsWith(`${w}:`));
  };
  /** The rest of a total label after its total word (`Summa Omsorgsenheten` → `Omsorgsenheten`). */
  const afterTotalWord = (label: string) => {
    const l = lower(label);
    const word = totalWords.filter((w) => l.startsWith(w)).sort((a, b) => b.length - a.length)[0] ?? '';
    return label.replace(/[\s\u00a0\u202f]+/g, ' ').trim().slice(word.length).replace(/^[:\s]+/, '');
  };
  const readUnit = unitCellReader(units);
  const pending = new Map<string, PendingUnit>();
  const bucketOf = (unit: ImportUnit, line: number): PendingUnit => {
    let bucket = pending.get(unit.id);
    if (!bucket) {
      bucket = { unit, rows: [], read: [], byPath: new Map(), totals: [], firstLine: line, dataRows: 0 };
      pending.set(unit.id, bucket);
    }
    return bucket;
  };
  const fileTotals: PendingTotal[] = [];
  let dataRows = 0;

  for (const { line, cells } of grid.rows) {
    const label = cellText(cells[columns.label]);
    const unitText = columns.unit === null ? '' : cellText(cells[columns.unit]);
    const parent = columns.parent === null ? '' : cellText(cells[columns.parent]);
    // A total line may name itself in the unit column (`Summa`, `Summa nämnden`, `Summa Omsorgsenheten`).
    const unitTotal = unitText !== '' && isTotal(unitText) && readUnit.peek(unitText) === null;
    const total = unitTotal || (label !== '' && isTotal(label));
    if (!total) dataRows += 1;

    // Figures first: a bad number is reported whatever else is wrong with the row.
    const { values, printed } = readFigures(cells, columns.figures, decimal, total, (header, message) => add(line, header, message));

    let unit: ImportUnit | null = defaultUnit;
    if (unitTotal) {
      // The rest after the total word may name a unit: then it is that unit's total, otherwise the file's.
      const rest = afterTotalWord(unitText);
      const named = rest ? readUnit.peek(rest) : null;
      const totalLabel = label || unitText;
      if (named === null || Array.isArray(named)) {
        if (!parent) {
          fileTotals.push({ line, label: totalLabel, parent: null, values: { ...printed, ...values } });
          continue;
        }
        add(line, mapping.unitColumn, `${unitText}: ange enheten för summan av raden "${parent}".`);
        continue;
      }
      bucketOf(named, line).totals.push({ line, label: totalLabel, parent: parent || null, values: { ...printed, ...values } });
      continue;
    }
    if (columns.unit !== null) {
      if (unitText === '') {
        if (total && !parent) {
          fileTotals.push({ line, label, parent: null, values: { ...printed, ...values } });
          continue;
        }
        add(line, mapping.unitColumn, 'Enheten saknas. Skriv enhetens namn eller kod.');
        continue;
      }
      const found = readUnit(unitText);
      if (found.unit === null) {
        if (found.message !== null) add(line, mapping.unitColumn, found.message);
        continue;
      }
      unit = found.unit;
    }
    const target = unit as ImportUnit;
    const bucket = bucketOf(target, line);

    if (total) {
      bucket.totals.push({ line, label, parent: parent || null, values: { ...printed, ...values } });
      continue;
    }
    if (label === '') {
      add(line, mapping.labelColumn, 'Raden saknar namn.');
      continue;
    }
    bucket.dataRows += 1;
    const keyText = columns.key === null ? '' : cellText(cells[columns.key]);
    if (keyText && !KEY.test(keyText)) {
      add(line, mapping.keyColumn, `Radnyckeln "${keyText}" får bara innehålla bokstäver a–z, siffror, - och _ (högst 60 tecken).`);
    }
    const comment = columns.comment === null ? '' : cellText(cells[columns.comment]);
    const key = keyText && KEY.test(keyText) ? keyText : null;
    bucket.read.push({ line, label, key, comment, values, printed, children: [], explicit: true, parentName: parent, path: [] });
  }
  for (const bucket of pending.values()) nestRows(bucket, mapping.labelColumn, mapping.parentColumn, add);
  return { units: pending, fileTotals, dataRows };
}
