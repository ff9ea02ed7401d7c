/** Economy tables across versions and units: the changed cells, the nämnd table from the units', a new cycle's table from the last. */
import {
  addUp,
  type ComputedEconomy,
  type ComputedRow,
  computeEconomy,
  type EconomyColumn,
  type EconomyContent,
  type EconomyRow,
  type EconomyTableConfig,
  type Figures,
  inputColumns,
} from './model';
import type { ReportKind } from '../../template';
import { columnLabel, columnMeaning, earlierPeriodEnd, type EconomyMeasure, type EconomyPeriodKind } from './meaning';
import { inSignsOf } from './signs';

/** One changed cell between two versions of a table: what the reviewer sees. */
export interface CellChange {
  row: string;
  column: string;
  before: number | string | null;
  after: number | string | null;
}

/** The cells that differ between two economy tables, computed ones included (rows followed by key). */
export function diffEconomy(config: EconomyTableConfig, before: EconomyContent, after: EconomyContent): CellChange[] {
  const flatten = (content: EconomyContent) => {
    const cells = new Map<string, { row: string; column: string; value: number | string | null }>();
    const walk = (rows: readonly ComputedRow[], path: string[]) => {
      for (const row of rows) {
        const here = [...path, row.label].join(' › ');
        for (const column of config.columns) {
          cells.set(`${row.key}:${column}`, { row: here, column: columnLabel(config, column), value: row.values[column] ?? null });
        }
        cells.set(`${row.key}:comment`, { row: here, column: 'Kommentar', value: row.comment ?? null });
        walk(row.children, [...path, row.label]);
      }
    };
    const computed = computeEconomy(config, content);
    walk(computed.rows, []);
    for (const column of config.columns) {
      cells.set(`total:${column}`, { row: 'Totalt', column: columnLabel(config, column), value: computed.total[column] ?? null });
    }
    return cells;
  };
  const a = flatten(before);
  const b = flatten(after);
  const changes: CellChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    const beforeValue = x?.value ?? null;
    const afterValue = y?.value ?? null;
    if (beforeValue !== afterValue) {
      changes.push({ row: (y ?? x)?.row ?? '', column: (y ?? x)?.column ?? '', before: beforeValue, after: afterValue });
    }
  }
  return changes;
}

/**
 * The nämnd-level table from the units' approved tables: one row per unit with its table's
 * total, the unit's own rows beneath it, and the nämnd total over all of them.
 */
export function combineEconomy(
  config: EconomyTableConfig,
  units: ReadonlyArray<{ key: string; name: string; content: EconomyContent }>,
): ComputedEconomy {
  const rows: ComputedRow[] = units.map((unit) => {
    const computed = computeEconomy(config, unit.content);
    const children = computed.rows.map(function deepen(row: ComputedRow): ComputedRow {
      return { ...row, depth: row.depth + 1, children: row.children.map(deepen) };
    });
    return { key: unit.key, label: unit.name, depth: 0, values: computed.total, subtotal: true, children };
  });
  return { rows, total: addUp(config, rows.map((r) => r.values)) };
}

/**
 * The nämnd table as content to store in the nämnd-level section: a row per unit (keyed
 * `u-` and the first 12 characters of its id, without hyphens) with the unit's top-level rows
 * beneath it, each carrying its computed figures in the entered columns (sub-rows folded into
 * their row). Totals stay computed by `computeEconomy`, so the nämnd total is never typed.
 * Unit tables with another layout are read through this layout's entered columns, their figures
 * written in this layout's sign convention.
 */
export function committeeEconomyContent(
  config: EconomyTableConfig,
  units: ReadonlyArray<{ unitId: string; name: string; config: EconomyTableConfig; content: EconomyContent }>,
): EconomyContent {
  const entered = inputColumns(config);
  return {
    type: 'economy',
    rows: units.map((unit) => {
      const computed = computeEconomy(unit.config, unit.content);
      const unitKey = `u-${unit.unitId.replace(/-/g, '').slice(0, 12)}`;
      return {
        key: unitKey,
        label: unit.name,
        values: {},
        children: computed.rows.map((row) => {
          const values: Figures = {};
          for (const column of entered) {
            const value = row.values[column];
            if (typeof value === 'number') values[column] = inSignsOf(unit.config, config, column, value);
          }
          return { key: `${unitKey}-${row.key}`.slice(0, 60), label: row.label, values };
        }),
      };
    }),
  };
}

/** Which cycle a table belongs to, as carrying it forward needs to know: its report kind and the last day of its period. */
export interface EconomyCyclePeriod {
  kind: ReportKind;
  periodEnd: string;
}

/**
 * A new cycle's table from the previous cycle's approved one, so nothing is retyped: the same
 * rows (keys, names, sub-rows), and each figure of the previous table only in a column that
 * holds the same measure for the right period — the earlier period's columns get the previous
 * cycle's own figures only when that cycle reported exactly that earlier period of the same
 * year, the helårsbudget only within the same year, "bokslut föregående år" only from last
 * year's full-year accounts. Never by position or heading; everything else starts empty. A
 * figure is written in the new layout's sign convention.
 */
export function carryEconomyForward(
  config: EconomyTableConfig,
  previousConfig: EconomyTableConfig,
  previous: EconomyContent,
  target: EconomyCyclePeriod,
  source: EconomyCyclePeriod,
): EconomyContent {
  const computed = computeEconomy(previousConfig, previous);
  const targetYear = Number(target.periodEnd.slice(0, 4));
  const sourceYear = Number(source.periodEnd.slice(0, 4));
  const earlier = earlierPeriodEnd(target.kind, target.periodEnd);
  const sourceIsEarlier = earlier !== null && earlier.slice(0, 7) === source.periodEnd.slice(0, 7);
  const sourceIsLastYear = sourceYear === targetYear - 1 && source.periodEnd.slice(5, 7) === '12';
  // Where each of the previous table's figures came from: its measure and its period.
  const sourceColumn = (measure: EconomyMeasure, period: EconomyPeriodKind): EconomyColumn | null =>
    previousConfig.columns.find((c) => {
      const m = columnMeaning(previousConfig, c);
      return m.measure === measure && m.period === period;
    }) ?? null;
  const plan: Array<{ column: EconomyColumn; from: EconomyColumn }> = [];
  for (const column of inputColumns(config)) {
    const { measure, period } = columnMeaning(config, column);
    let from: EconomyColumn | null = null;
    if (period === 'earlier' && sourceIsEarlier) from = sourceColumn(measure, 'period');
    else if (period === 'year' && sourceYear === targetYear) from = sourceColumn(measure, 'year');
    else if (period === 'previous_year' && sourceIsLastYear) from = sourceColumn(measure, 'period');
    if (from) plan.push({ column, from });
  }
  const carry = (row: ComputedRow): EconomyRow => {
    const values: Figures = {};
    if (row.children.length === 0) {
      for (const { column, from } of plan) {
        const value = row.values[from];
        if (typeof value === 'number') values[column] = inSignsOf(previousConfig, config, from, value);
      }
    }
    return {
      key: row.key,
      label: row.label,
      values,
      ...(row.children.length ? { children: row.children.map(carry) } : {}),
    };
  };
  return { type: 'economy', rows: computed.rows.map(carry) };
}
