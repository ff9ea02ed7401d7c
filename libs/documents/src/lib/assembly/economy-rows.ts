/**
 * An economy table's layout as document rows (used by `economyTable` in section-blocks.ts): the
 * heading row over runs of columns, the rows with their sub-totals where the layout puts them
 * (on the row itself, or in a `Summa <row>` row after its sub-rows), and the total row. Every
 * figure comes from libs/domain's computeEconomy.
 */
import { columnGroupRuns, type ComputedEconomy, type ComputedRow, type EconomyTableConfig, totalLabelOf } from '@rapportflode/domain';
import type { TableBlock, TableRow } from '../model';

/**
 * The header row over the columns when the layout groups them (libs/domain `columnGroupRuns`):
 * an empty cell over the first column and over each run of columns without a group, the group's
 * label over its columns. Undefined when the layout has no groups (one heading row, as before).
 */
export function economyGroupHeaders(config: EconomyTableConfig): TableBlock['groupHeaders'] {
  const runs = columnGroupRuns(config);
  if (runs.length === 0) return undefined;
  return [[{ label: '', span: 1 }, ...runs.map((run) => ({ label: run.label ?? '', span: run.span }))]];
}

/** `Barn och unga` → `barn och unga` for `Summa barn och unga`; `IFO` stays. */
function lowerFirst(label: string): string {
  return label.length > 1 && label[1] === label[1].toLocaleLowerCase('sv-SE') ? label[0].toLocaleLowerCase('sv-SE') + label.slice(1) : label;
}

/**
 * The first column's heading: the layout's (`Kostnadsslag`) or the report's own (`Verksamhet`);
 * in the nämnd table per enhet (`Enhet / verksamhet`) the layout's names what is under each enhet.
 */
export function economyRowHeading(config: EconomyTableConfig, reportHeading: string): string {
  if (!config.rowHeading) return reportHeading;
  return reportHeading.startsWith('Enhet / ') ? `Enhet / ${lowerFirst(config.rowHeading)}` : config.rowHeading;
}

/** The rows of the table, sub-totals where the layout says, and the total row last. */
export function economyRows(
  config: EconomyTableConfig,
  computed: ComputedEconomy,
  onComment: (row: ComputedRow) => void,
): TableRow[] {
  const figures = (row: { values: ComputedRow['values'] }) => config.columns.map((c) => row.values[c] ?? null);
  const below = config.subtotalPosition === 'below';
  const rows: TableRow[] = [];
  const walk = (list: readonly ComputedRow[]) => {
    for (const row of list) {
      if (below && row.subtotal) {
        // The row's name over its sub-rows, then their sum.
        rows.push({ cells: [row.label, ...config.columns.map(() => null)], kind: row.depth > 0 ? 'sub' : 'body' });
        if (row.comment) onComment(row);
        walk(row.children);
        rows.push({ cells: [`Summa ${lowerFirst(row.label)}`, ...figures(row)], kind: 'subtotal' });
        continue;
      }
      const kind: TableRow['kind'] = row.depth > 0 ? 'sub' : row.subtotal ? 'subtotal' : 'body';
      rows.push({ cells: [row.label, ...figures(row)], kind });
      if (row.comment) onComment(row);
      walk(row.children);
    }
  };
  walk(computed.rows);
  rows.push({ cells: [totalLabelOf(config), ...config.columns.map((c) => computed.total[c] ?? null)], kind: 'total' });
  return rows;
}
