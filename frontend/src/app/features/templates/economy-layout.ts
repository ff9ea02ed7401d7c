/**
 * The economy layout as the template editor changes it (libs/domain sections/economy/config.ts
 * checks the result): columns taken in and out and moved, headings over groups of columns, and
 * the other options, an option at its default left out as the check stores it. No Angular.
 */
import { ECONOMY_COLUMNS, type EconomyColumn, type EconomyColumnGroup, type EconomyTableConfig } from '@rapportflode/domain';
import { moveItem } from '../section-editors/section-grid';

/** The options the form sets besides columns, headings and groups. */
export type EconomyOptions = Pick<EconomyTableConfig, 'unit' | 'signs' | 'totalLabel' | 'subtotalPosition' | 'rowHeading' | 'decimals'>;

function withGroups(config: EconomyTableConfig, groups: readonly EconomyColumnGroup[]): EconomyTableConfig {
  const { groups: _old, ...rest } = config;
  return { ...rest, ...(groups.length ? { groups } : {}) };
}

/**
 * The layout with a column taken in or out. A new column goes before the first column that
 * follows it in the usual printed order (ECONOMY_COLUMNS), so a column the template has moved
 * stays where it is; one taken out loses its heading and its place in a group.
 */
export function withEconomyColumn(config: EconomyTableConfig, column: EconomyColumn, included: boolean): EconomyTableConfig {
  if (included) {
    if (config.columns.includes(column)) return config;
    const order = ECONOMY_COLUMNS.indexOf(column);
    const before = config.columns.findIndex((c) => ECONOMY_COLUMNS.indexOf(c) > order);
    const columns = before < 0 ? [...config.columns, column] : [...config.columns.slice(0, before), column, ...config.columns.slice(before)];
    return { ...config, columns };
  }
  const labels = { ...config.labels };
  delete labels[column];
  const { labels: _old, ...rest } = config;
  const groups = (config.groups ?? []).map((g) => ({ ...g, columns: g.columns.filter((c) => c !== column) }));
  return withGroups(
    { ...rest, columns: config.columns.filter((c) => c !== column), ...(Object.keys(labels).length ? { labels } : {}) },
    groups.filter((g) => g.columns.length > 0),
  );
}

/** The layout with a column moved `by` places (−1 up, +1 down); the same layout at either end. */
export function moveEconomyColumn(config: EconomyTableConfig, column: EconomyColumn, by: number): EconomyTableConfig {
  const at = config.columns.indexOf(column);
  const columns = moveItem(config.columns, at, by);
  return columns.every((c, i) => c === config.columns[i]) ? config : { ...config, columns };
}

/** Which group (by index) a column is in, or null. */
export function groupIndexOf(config: EconomyTableConfig, column: EconomyColumn): number | null {
  const index = (config.groups ?? []).findIndex((g) => g.columns.includes(column));
  return index < 0 ? null : index;
}

/** The layout with a column put in a group (by index) or in none; a group's columns stay in the table's order. */
export function setColumnGroup(config: EconomyTableConfig, column: EconomyColumn, index: number | null): EconomyTableConfig {
  const groups = (config.groups ?? []).map((g, i) => {
    const others = g.columns.filter((c) => c !== column);
    const columns = i === index ? config.columns.filter((c) => c === column || others.includes(c)) : others;
    return { ...g, columns };
  });
  return withGroups(config, groups);
}

/** A new group `Grupp N` without columns (the check asks for columns until some are put in it). */
export function addColumnGroup(config: EconomyTableConfig): EconomyTableConfig {
  const groups = config.groups ?? [];
  const taken = new Set(groups.map((g) => g.label));
  let n = groups.length + 1;
  while (taken.has(`Grupp ${n}`)) n += 1;
  return withGroups(config, [...groups, { label: `Grupp ${n}`, columns: [] }]);
}

export function renameColumnGroup(config: EconomyTableConfig, index: number, label: string): EconomyTableConfig {
  return withGroups(config, (config.groups ?? []).map((g, i) => (i === index ? { ...g, label: label.trim() } : g)));
}

export function removeColumnGroup(config: EconomyTableConfig, index: number): EconomyTableConfig {
  return withGroups(config, (config.groups ?? []).filter((_, i) => i !== index));
}

/**
 * The layout with options changed; an option at its default (net costs negative, "Summa", sums
 * on the row, the report's first heading, one decimal) is left out. Tkr have no decimals to choose.
 */
export function withEconomyOptions(config: EconomyTableConfig, change: Partial<EconomyOptions>): EconomyTableConfig {
  const next: EconomyTableConfig = { ...config, ...change };
  const { signs, totalLabel, subtotalPosition, rowHeading, decimals, ...rest } = next;
  const total = totalLabel?.trim();
  const heading = rowHeading?.trim();
  return {
    ...rest,
    ...(signs === 'costs_positive' ? { signs } : {}),
    ...(total && total !== 'Summa' ? { totalLabel: total } : {}),
    ...(subtotalPosition === 'below' ? { subtotalPosition } : {}),
    ...(heading ? { rowHeading: heading } : {}),
    ...(next.unit === 'mnkr' && decimals === 2 ? { decimals } : {}),
  };
}
