/**
 * What the structured section editors show beside the figures, computed live from a draft by
 * the domain's functions: the sick-leave trend, each action's status over time, måluppfyllelse,
 * a table's total row, the economy chart's figures, and a changed cell's values in the diff.
 * No Angular, no DOM.
 */
import {
  ACTION_STATUS_LABELS,
  type AccessibleTable,
  type ActionPlanContent,
  type ActionStatus,
  ACTION_STATUSES,
  computeTable,
  directionMetText,
  type EconomyContent,
  economyChartFigures,
  economyConfigOf,
  type EconomyPeriods,
  formatFulfilment,
  formatNumber,
  formatTableCell,
  fulfilment,
  moneyDecimals,
  parseSwedishNumber,
  type SectionConfig,
  type SectionKind,
  type SickLeaveContent,
  type SickLeaveSeries,
  sickLeaveMeasures,
  sickLeaveSeries,
  statusHistory,
  type TableContent,
  tableConfigOf,
  type TaskContent,
} from '@rapportflode/domain';
import type { ActionPlanDraft, IndicatorDraft, SickLeaveDraft, TableDraft } from './section-drafts';
import { goalsDecimals, sickLeaveDecimals } from './section-drafts';

/** Earlier cycles' approved content, as the task gives it (`TaskDto.earlier`). */
export interface EarlierContent {
  period: string;
  content: TaskContent;
}

/** A figure the person typed, or null while it is empty or not a number. */
function figure(text: string, percent = false): number | null {
  const parsed = parseSwedishNumber(text, { percent });
  return parsed.ok ? parsed.value : null;
}

/** The sick leave as typed so far (a figure that is not a number yet counts as missing). */
export function sickLeaveOfDraft(config: SectionConfig | null | undefined, draft: SickLeaveDraft): SickLeaveContent {
  const values: SickLeaveContent['values'] = { total: null, shortTerm: null, longTerm: null };
  for (const measure of sickLeaveMeasures(config?.sickLeave)) {
    const value = figure(draft.values[measure.key] ?? '', true);
    if (measure.key.startsWith('ageBands.')) values.ageBands = { ...values.ageBands, [measure.key.slice(9)]: value };
    else (values as unknown as Record<string, number | null>)[measure.key] = value;
  }
  return { type: 'sick_leave', values };
}

/** The trend: earlier cycles' figures (never retyped) and the current ones as typed. */
export function sickLeaveTrend(
  config: SectionConfig | null | undefined,
  earlier: readonly EarlierContent[],
  period: string,
  draft: SickLeaveDraft,
): SickLeaveSeries {
  const history = earlier.flatMap((e) => (e.content.type === 'sick_leave' ? [{ period: e.period, values: e.content.values }] : []));
  return sickLeaveSeries(history, { period, content: sickLeaveOfDraft(config, draft) }, config?.sickLeave);
}

/** `2,17 %` with the section's decimals; '' for none. */
export function sickLeaveText(config: SectionConfig | null | undefined, value: number | null): string {
  return value === null ? '' : `${formatNumber(value, sickLeaveDecimals(config))}\u00a0%`;
}

/** Each action's status across the earlier cycles and now, as a table (status as text). */
export function actionStatusTable(earlier: readonly EarlierContent[], period: string, draft: ActionPlanDraft): AccessibleTable {
  const current: ActionPlanContent = {
    type: 'action_plan',
    rows: draft.rows
      .filter((r) => (ACTION_STATUSES as readonly string[]).includes(r.status))
      .map((r) => ({ key: r.key, action: r.action.trim() || '(åtgärd utan text)', area: r.area, years: r.years, status: r.status as ActionStatus })),
  };
  const cycles = [
    ...earlier.flatMap((e) => (e.content.type === 'action_plan' ? [{ period: e.period, content: e.content }] : [])),
    { period, content: current },
  ];
  const periods = cycles.map((c) => c.period);
  const { rows } = statusHistory(cycles);
  return {
    caption: 'Status över tid',
    columnHeaders: ['Åtgärd', ...periods],
    rows: rows.map((row) => ({
      header: row.area ? `${row.action} (${row.area})` : row.action,
      cells: row.statuses.map((s) => (s === null ? { value: null, text: '–', srText: 'Ingår inte' } : { value: null, text: ACTION_STATUS_LABELS[s] })),
    })),
  };
}

/**
 * Måluppfyllelse of an indicator as typed (`106 %`, `–`); for a direction target (`Öka`) the words
 * the report prints (directionMetText in libs/domain: `Uppfyllt`, `Ej uppfyllt`).
 */
export function indicatorFulfilment(indicator: IndicatorDraft): string {
  const percent = indicator.unit === 'percent';
  const value = figure(indicator.value, percent);
  const target = figure(indicator.target, percent);
  const direction =
    target === null && indicator.target.trim()
      ? directionMetText({
          value,
          previous: figure(indicator.previous, percent),
          earlier: indicator.earlier.map((e) => ({ label: e.label, value: figure(e.value, percent) })),
          target: indicator.target,
        })
      : null;
  return direction ?? formatFulfilment(fulfilment({ value, target, lowerIsBetter: indicator.lowerIsBetter }));
}

/** An indicator figure as shown read-only: `85 %`, `1 200`, '' for none. */
export function indicatorText(config: SectionConfig | null | undefined, indicator: IndicatorDraft, text: string): string {
  const value = figure(text, indicator.unit === 'percent');
  if (value === null) return text;
  const shown = formatNumber(value, Number.isInteger(value) ? 0 : goalsDecimals(config));
  return indicator.unit === 'percent' ? `${shown}\u00a0%` : shown;
}

/** The table's rows as typed so far (a number that cannot be read yet counts as empty). */
export function tableOfDraft(config: SectionConfig | null | undefined, draft: TableDraft): TableContent {
  const columns = tableConfigOf(config).columns;
  return {
    type: 'table',
    rows: draft.rows.map((r) => ({
      key: r.key,
      cells: Object.fromEntries(columns.map((c) => [c.key, c.type === 'number' ? figure(r.cells[c.key] ?? '') : (r.cells[c.key] ?? '').trim() || null])),
    })),
  };
}

/** The total row as shown, by column key; null when the table sums nothing. */
export function tableTotals(config: SectionConfig | null | undefined, draft: TableDraft): Array<{ key: string; text: string; number: boolean }> | null {
  const table = tableConfigOf(config);
  const computed = computeTable(table, tableOfDraft(config, draft));
  if (!computed.total) return null;
  const total = computed.total;
  return table.columns.map((c) => ({ key: c.key, number: c.type === 'number', text: formatTableCell(c, total[c.key] ?? null) }));
}

export interface EconomyChartData {
  seriesLabels: string[];
  groups: Array<{ label: string; values: Array<number | null> }>;
  table: AccessibleTable;
  /** How a derived series is computed (`Prognos helår per augusti = Helårsbudget 2021 + …`), for the chart's description. */
  notes: string[];
}

/**
 * Budget and prognos per row for the chart beside the economy table, from the domain's chart
 * figures (only accepted figures; a prognos derived from helårsbudget and the forecast
 * deviation is computed there and named as such), with the accessible table of the same figures.
 * Null when the table has neither a budget nor a prognos.
 */
export function economyChart(
  sectionConfig: SectionConfig | null | undefined,
  content: EconomyContent,
  periods?: EconomyPeriods | null,
): EconomyChartData | null {
  const config = economyConfigOf(sectionConfig);
  const figures = economyChartFigures(config, content, periods);
  if (!figures) return null;
  const decimals = moneyDecimals(config);
  const seriesLabels = figures.series.map((s) => s.label);
  return {
    seriesLabels,
    groups: figures.groups,
    notes: figures.series.filter((s) => s.derivedFrom !== null).map((s) => `${s.label} = ${s.derivedFrom}`),
    table: {
      caption: `Budget och prognos per rad (${config.unit})`,
      columnHeaders: ['Rad', ...figures.series.map((s) => (s.derivedFrom ? `${s.label} (räknad: ${s.derivedFrom})` : s.label))],
      rows: figures.groups.map((g) => ({
        header: g.label,
        cells: g.values.map((value) => (value === null ? { value, text: '–', srText: 'Uppgift saknas' } : { value, text: formatNumber(value, decimals) })),
      })),
    },
  };
}

/** A changed cell's value in the review diff: a figure the Swedish way with the section's decimals, `–` for none. */
export function diffCellText(kind: SectionKind, config: SectionConfig | null | undefined, value: number | string | null): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'string') return value;
  let decimals = 0;
  if (kind === 'economy') decimals = moneyDecimals(economyConfigOf(config));
  else if (kind === 'sick_leave') decimals = sickLeaveDecimals(config);
  else if (kind === 'goals') decimals = Number.isInteger(value) ? 0 : goalsDecimals(config);
  if (!Number.isInteger(value)) {
    for (decimals = Math.max(decimals, 1); decimals < 4 && Math.round(value * 10 ** decimals) / 10 ** decimals !== value; decimals += 1);
  }
  return formatNumber(value, decimals);
}
