import { EconomyColumn, EconomyTableConfig, SICK_LEAVE_PRESETS, SickLeaveConfig, TableColumn, TableConfig } from '@rapportflode/domain';
import { withEconomyColumn } from './economy-layout';

/** The economy layout with a column taken in or out (see economy-layout.ts, withEconomyColumn). */
export function economyWith(config: EconomyTableConfig, column: EconomyColumn, included: boolean): EconomyTableConfig {
  return withEconomyColumn(config, column, included);
}

/** Which of the known day limits the layout uses, or `custom`. */
export function sickLeavePresetOf(config: SickLeaveConfig): keyof typeof SICK_LEAVE_PRESETS | 'custom' {
  for (const [name, preset] of Object.entries(SICK_LEAVE_PRESETS) as Array<[keyof typeof SICK_LEAVE_PRESETS, SickLeaveConfig]>) {
    if (preset.shortTermLabel === config.shortTermLabel && preset.longTermLabel === config.longTermLabel) return name;
  }
  return 'custom';
}

/**
 * The table with one column changed. A column that becomes text loses its decimals and sum;
 * keys never change (data and diffs follow them).
 */
export function tableWithColumn(config: TableConfig, index: number, change: Partial<TableColumn>): TableConfig {
  const columns = config.columns.map((column, i) => {
    if (i !== index) return column;
    const next: TableColumn = { ...column, ...change, key: column.key };
    if (next.type === 'text') {
      delete next.decimals;
      delete next.sum;
    }
    if (next.decimals === 0) delete next.decimals;
    if (next.sum === false) delete next.sum;
    if (next.required === false) delete next.required;
    return next;
  });
  return { ...config, columns };
}

/** A new text column at the end, keyed `kolumn-N` with N not yet used. */
export function addTableColumn(config: TableConfig): TableConfig {
  const taken = new Set(config.columns.map((c) => c.key));
  let n = config.columns.length + 1;
  while (taken.has(`kolumn-${n}`)) n += 1;
  return { ...config, columns: [...config.columns, { key: `kolumn-${n}`, label: `Kolumn ${n}`, type: 'text' }] };
}

export function removeTableColumn(config: TableConfig, index: number): TableConfig {
  return config.columns.length <= 1 ? config : { ...config, columns: config.columns.filter((_, i) => i !== index) };
}
