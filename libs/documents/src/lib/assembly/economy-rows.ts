/**
 * An economy table's layout as document rows (used by `economyTable` in section-blocks.ts): the
 * heading row over runs of columns, the rows with their sub-totals where the layout puts them
 * (on the row itself, or in a `Summa <row>` row after its sub-rows), and the total row. Every
 * figure comes from libs/domain's computeEconomy.
 */
import { type ComputedEconomy, type ComputedRow, type EconomyTableConfig, totalLabelOf } from '@rapportflode/domain';
import type { TableBlock, TableRow } from '../model';

/**
 * The header row over the columns when the layout groups them: an empty cell over the first
 * column and over each run of columns without a group, the group's label over its columns.
 * Undefined when the layout has no groups (the table keeps its one heading row).
 */
export function economyGroupHeaders(config: EconomyTableConfig): TableBlock['groupHeaders'] {
  const groups = config.groups ?? [];
  if (groups.length === 0) return undefined;
  const cells: Array<{ label: string; span: number }> = [{ label: '', span: 1 }];
  let at = 0;
  while (at < config.columns.length) {
    const group = groups.find((g) => g.columns[0] === config.columns[at]);
    if (group) {
      cells.push({ label: group.label, span: group.columns.length });
      at += group.columns.length;
      continue;
    }
    const last = cells[cells.length - 1];
    if (last.label === '' && cells.length > 1) last.span += 1;
    else cells.push({ label: '', span: 1 });
    at += 1;
  }
  return [cells];
}

/** `Barn och unga` → `barn och unga` for `Summa barn och unga`; `IFO` stays. */
function lowerFirst(label: string): string {
  return label.length > 1 && label[1] === label[1].toLocaleLowerCase('sv-SE') ? label[0].toLocaleLowerCase('sv-SE') + label.slice(1) : label;
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
