/**
 * The grid's rows, each checked and put in its unit's pile: its figures (numbers as the file
 * writes them), its unit, its name and key, rows twice, sub-rows and printed totals.
 */
import { parseSwedishNumber } from '../../format';
import type { Figures } from '../economy';
import type { FigureColumn, LocatedColumns } from './mapping';
import { type AddIssue, cellText, type EconomyImportMapping, type ImportCell, type ImportGrid, type ImportUnit, KEY, lower } from './types';
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
  rows: PendingRow[];
  /** Rows by lower-case name (`parent\u0000name` for a sub-row). */
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
      const parsed = parseSwedishNumber(cell, { decimal, percent: column === 'percent_of_budget' });
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
  const isTotal = (label: string) => {
    const l = lower(label);
    return totalWords.some((w) => l === w || l.startsWith(`${w} `));
  };
  const readUnit = unitCellReader(units);
  const pending = new Map<string, PendingUnit>();
  const fileTotals: PendingTotal[] = [];

  for (const { line, cells } of grid.rows) {
    const label = cellText(cells[columns.label]);
    const unitText = columns.unit === null ? '' : cellText(cells[columns.unit]);
    const parent = columns.parent === null ? '' : cellText(cells[columns.parent]);
    const total = label !== '' && isTotal(label);

    // Figures first: a bad number is reported whatever else is wrong with the row.
    const { values, printed } = readFigures(cells, columns.figures, decimal, total, (header, message) => add(line, header, message));

    let unit: ImportUnit | null = defaultUnit;
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
    const keyText = columns.key === null ? '' : cellText(cells[columns.key]);
    if (keyText && !KEY.test(keyText)) {
      add(line, mapping.keyColumn, `Radnyckeln "${keyText}" får bara innehålla bokstäver a–z, siffror, - och _ (högst 60 tecken).`);
    }
    const comment = columns.comment === null ? '' : cellText(cells[columns.comment]);
    const path = parent ? `${lower(parent)}\u0000${lower(label)}` : lower(label);
    const existing = bucket.byPath.get(path);
    if (existing && existing.explicit) {
      add(line, mapping.labelColumn, `Raden "${parent ? `${parent} › ` : ''}${label}" för ${target.name} förekommer redan på rad ${existing.line}.`);
      continue;
    }
    const row: PendingRow = existing ?? { line, label, key: null, comment: '', values: {}, printed: {}, children: [], explicit: true };
    Object.assign(row, { line, label, key: keyText && KEY.test(keyText) ? keyText : null, comment, values, printed, explicit: true });
    if (!existing) placeRow(bucket, row, path, parent, line);
  }
  return { units: pending, fileTotals };
}

/** A new row in its unit's table: at the top, or under its parent. A sub-row may come first: its parent is implied until (and unless) the file prints it. */
function placeRow(bucket: PendingUnit, row: PendingRow, path: string, parent: string, line: number): void {
  bucket.byPath.set(path, row);
  if (!parent) {
    bucket.rows.push(row);
    return;
  }
  let parentRow = bucket.byPath.get(lower(parent));
  if (!parentRow) {
    parentRow = { line, label: parent, key: null, comment: '', values: {}, printed: {}, children: [], explicit: false };
    bucket.byPath.set(lower(parent), parentRow);
    bucket.rows.push(parentRow);
  }
  parentRow.children.push(row);
}
