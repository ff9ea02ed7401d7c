/**
 * What the file printed against what the domain computes: a unit's printed totals and
 * sub-totals, computed columns printed on ordinary rows, and the totals of the whole file.
 * The rules stay in ../economy/ (checkPrintedTotals, combineEconomy); this only points the
 * disagreements back at the file's lines and headers.
 */
import {
  checkPrintedTotals,
  combineEconomy,
  type ComputedEconomy,
  type ComputedRow,
  type EconomyColumn,
  type EconomyTableConfig,
  type Figures,
  moneyDecimals,
} from '../economy';
import { parentPath, pathKey } from './nesting';
import type { PendingTotal, PendingUnit } from './rows';
import type { UnitTable } from './tables';
import type { AddIssue, EconomyImportDisagreement, EconomyImportUnitResult } from './types';

/** The file's header of an economy column, as a disagreement names it. */
export type HeaderOf = (column: EconomyColumn) => string;

/**
 * One unit's disagreements: its printed parent rows (their figures are sub-totals) and total
 * rows, then computed columns the file printed on ordinary rows. A sub-total row whose parent
 * has no sub-rows is an issue.
 */
export function unitDisagreements(
  config: EconomyTableConfig,
  bucket: PendingUnit,
  table: UnitTable,
  computed: ComputedEconomy,
  headerOf: HeaderOf,
  /** The file's header of the parent row's name (where a sub-total without sub-rows is reported). */
  parentColumn: string | null,
  add: AddIssue,
): EconomyImportDisagreement[] {
  const disagreements: EconomyImportDisagreement[] = [];
  // A parent row the file printed with figures: those figures are its printed sub-total.
  const printedTotals: Array<{ line: number; label: string; row: string | null; values: Figures }> = [];
  for (const row of table.rows) {
    if (row.children.length && row.explicit) {
      const values = { ...row.printed, ...row.values };
      if (Object.keys(values).length) printedTotals.push({ line: row.line, label: row.label, row: row.path.join(' › '), values });
    }
  }
  for (const total of bucket.totals) {
    const parentRow = total.parent ? bucket.byPath.get(pathKey(parentPath(total.parent))) : undefined;
    if (total.parent && !parentRow?.children.length) {
      add(total.line, parentColumn, `${total.label}: raden "${total.parent}" har inga underrader i filen att summera.`);
      continue;
    }
    printedTotals.push({ line: total.line, label: total.label, row: parentRow ? parentRow.path.join(' › ') : null, values: total.values });
  }
  for (const printed of printedTotals) {
    for (const d of checkPrintedTotals(config, computed, [{ row: printed.row, values: printed.values }])) {
      disagreements.push({ line: printed.line, unitName: bucket.unit.name, row: printed.label, column: d.column, header: headerOf(d.column), printed: d.printed, computed: d.computed });
    }
  }
  // Computed columns the file printed on ordinary rows.
  const computedByLine = new Map<number, ComputedRow>();
  const walk = (rows: readonly ComputedRow[], names: string[]) => {
    for (const row of rows) {
      const named = [...names, row.label];
      const line = table.lineOf.get(named.join(' › '));
      if (line !== undefined) computedByLine.set(line, row);
      walk(row.children, named);
    }
  };
  walk(computed.rows, []);
  const decimals = moneyDecimals(config);
  for (const row of table.rows) {
    if (row.children.length) continue;
    const figures = computedByLine.get(row.line)?.values ?? {};
    for (const [column, printedValue] of Object.entries(row.printed) as Array<[EconomyColumn, number]>) {
      const value = figures[column] ?? null;
      const tolerance = column === 'percent_of_budget' ? 0.05 : 10 ** -decimals / 2;
      if (value === null || Math.abs(value - printedValue) > tolerance + 1e-9) {
        disagreements.push({ line: row.line, unitName: bucket.unit.name, row: row.label, column, header: headerOf(column), printed: printedValue, computed: value });
      }
    }
  }
  return disagreements;
}

/** Totals of the whole file (rows without a unit): against the sum over every unit's table. */
export function fileTotalDisagreements(
  config: EconomyTableConfig,
  units: readonly EconomyImportUnitResult[],
  fileTotals: readonly PendingTotal[],
  headerOf: HeaderOf,
): EconomyImportDisagreement[] {
  if (!fileTotals.length) return [];
  const combined = combineEconomy(
    config,
    units.map((u) => ({ key: u.unitId, name: u.unitName, content: u.content })),
  );
  const disagreements: EconomyImportDisagreement[] = [];
  for (const total of fileTotals) {
    for (const d of checkPrintedTotals(config, combined, [{ row: null, values: total.values }])) {
      disagreements.push({ line: total.line, unitName: 'Hela filen', row: total.label, column: d.column, header: headerOf(d.column), printed: d.printed, computed: d.computed });
    }
  }
  return disagreements;
}
