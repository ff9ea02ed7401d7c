/**
 * Rows printed under heading rows inside one table (TableRow kind 'group', see ../model.ts): the
 * internal control's risks with riskGroups 'rows' and generic tables whose layout prints its
 * groups as rows (libs/domain/src/lib/sections/generic-table.ts).
 */
import type { TableBlock, TableRow } from '../model';

/**
 * The rows by group, in the order the groups first appear; rows without a group first (the same
 * order as one table per group). Rows keep their order within their group.
 */
export function byGroup<R>(rows: readonly R[], groupOf: (row: R) => string | undefined): R[] {
  const groups = [...new Set(rows.map((r) => groupOf(r)?.trim() || ''))].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  return groups.flatMap((group) => rows.filter((r) => (groupOf(r)?.trim() || '') === group));
}

/** A heading row: the group's text, printed across the whole table. */
export function groupRow(group: string): TableRow {
  return { cells: [group], kind: 'group' };
}

/**
 * `table` (whose rows were built from `sourceRows`, one table row each, in that order) with a
 * group row above each run of rows under the same group; rows without a group get none.
 * Rows the table has beyond `sourceRows` (a total) follow unchanged.
 */
export function withGroupRows<R>(table: TableBlock, sourceRows: readonly R[], groupOf: (row: R) => string | undefined): TableBlock {
  const rows: TableRow[] = [];
  let current = '';
  table.rows.forEach((row, i) => {
    if (i < sourceRows.length) {
      const group = groupOf(sourceRows[i])?.trim() || '';
      if (group && group !== current) rows.push(groupRow(group));
      current = group;
    }
    rows.push(row);
  });
  return { ...table, rows };
}
