/**
 * What each economy column holds: a measure (utfall, budget, budgetavvikelse, prognos,
 * prognosavvikelse …) and a period (the cycle's own period, an earlier period of the same
 * year, the year, the previous year). Headings are built from it, a template's own heading is
 * shown only when it names the same measure, and carrying a table into the next cycle moves a
 * figure only into a column of the same measure and the right period — never by position.
 */
import { monthName } from '../../format';
import type { ReportKind } from '../../template';
import { type EconomyColumn, type EconomyTableConfig, ECONOMY_COLUMN_LABELS } from './model';

export type EconomyMeasure =
  | 'income'
  | 'costs'
  | 'net'
  | 'budget_income'
  | 'budget_costs'
  | 'budget_net'
  | 'budget_deviation'
  | 'annual_budget'
  | 'forecast'
  | 'forecast_deviation'
  | 'percent_of_budget';

/** `period`: the cycle's own period; `earlier`: an earlier period of the same year; `year`: the whole year; `previous_year`: last year's accounts. */
export type EconomyPeriodKind = 'period' | 'earlier' | 'year' | 'previous_year';

export interface ColumnMeaning {
  measure: EconomyMeasure;
  period: EconomyPeriodKind;
}

/** What the two "earlier period" columns hold when the template does not say: the deviations, as the references print them. */
export const DEFAULT_EARLIER_MEASURES = { earlier_result: 'budget_deviation', earlier_forecast: 'forecast_deviation' } as const;

export function columnMeaning(config: EconomyTableConfig, column: EconomyColumn): ColumnMeaning {
  switch (column) {
    case 'annual_budget':
      return { measure: 'annual_budget', period: 'year' };
    case 'previous_year':
      return { measure: 'net', period: 'previous_year' };
    case 'earlier_result':
      return { measure: config.earlierMeasures?.earlier_result ?? DEFAULT_EARLIER_MEASURES.earlier_result, period: 'earlier' };
    case 'earlier_forecast':
      return { measure: config.earlierMeasures?.earlier_forecast ?? DEFAULT_EARLIER_MEASURES.earlier_forecast, period: 'earlier' };
    default:
      return { measure: column, period: 'period' };
  }
}

/** The periods a cycle's headings name: `augusti`, the earlier period `april` (null when there is none that year), the year. */
export interface EconomyPeriods {
  current: string;
  earlier: string | null;
  year: number;
}

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The end of the earlier period whose figures a cycle's "earlier" columns hold: four months back
 * for tertial reports, delårsrapporter and årsredovisningar (augusti → april, december → augusti),
 * one month back for a månadsuppföljning; null when that falls in another year.
 */
export function earlierPeriodEnd(kind: ReportKind, periodEnd: string): string | null {
  const year = Number(periodEnd.slice(0, 4));
  const month = Number(periodEnd.slice(5, 7)) - (kind === 'monthly_report' ? 1 : 4);
  if (!Number.isInteger(year) || month < 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(lastDayOfMonth(year, month)).padStart(2, '0')}`;
}

export function economyPeriods(kind: ReportKind, periodEnd: string): EconomyPeriods {
  const earlier = earlierPeriodEnd(kind, periodEnd);
  return { current: monthName(periodEnd), earlier: earlier ? monthName(earlier) : null, year: Number(periodEnd.slice(0, 4)) };
}

/** Headings of the measures with the cycle's period named (`Budgetavvikelse prognos per augusti`, `Prognos helår per augusti`). */
const MEASURE_HEADINGS: Readonly<Record<EconomyMeasure, string>> = {
  income: 'Utfall intäkter',
  costs: 'Utfall kostnader',
  net: 'Utfall netto',
  budget_income: 'Budget intäkter',
  budget_costs: 'Budget kostnader',
  budget_net: 'Budget netto',
  budget_deviation: 'Budgetavvikelse utfall',
  annual_budget: 'Helårsbudget',
  forecast: 'Prognos helår',
  forecast_deviation: 'Budgetavvikelse prognos',
  percent_of_budget: 'Utfall i % av helårsbudget',
};

/** The same without a period (a layout seen outside a cycle): the standard names. */
const MEASURE_NAMES: Readonly<Record<EconomyMeasure, string>> = ECONOMY_COLUMN_LABELS;

/** The heading a column gets from what it holds, with the cycle's periods when they are known. */
export function meaningHeading(config: EconomyTableConfig, column: EconomyColumn, periods?: EconomyPeriods | null): string {
  const { measure, period } = columnMeaning(config, column);
  if (period === 'year') return periods ? `${MEASURE_HEADINGS[measure]} ${periods.year}` : MEASURE_NAMES[measure];
  if (period === 'previous_year') return periods ? `Bokslut ${periods.year - 1}` : ECONOMY_COLUMN_LABELS.previous_year;
  if (period === 'earlier') {
    const base = periods ? MEASURE_HEADINGS[measure] : MEASURE_NAMES[measure];
    return periods?.earlier ? `${base} per ${periods.earlier}` : `${base} tidigare period`;
  }
  return periods?.current ? `${MEASURE_HEADINGS[measure]} per ${periods.current}` : MEASURE_NAMES[measure];
}

const has = (text: string, ...words: string[]) => words.some((w) => text.includes(w));

/**
 * Whether a heading a template gives a column names what the column holds: a deviation is
 * called an avvikelse, a forecast a prognos, a budget a budget, an outcome none of these.
 * "Prognos per augusti" over a prognosavvikelse does not.
 */
export function headingFits(config: EconomyTableConfig, column: EconomyColumn, heading: string): boolean {
  const text = heading.toLocaleLowerCase('sv-SE');
  const deviation = has(text, 'avvikelse', 'avv.');
  const { measure } = columnMeaning(config, column);
  switch (measure) {
    case 'budget_deviation':
      return deviation && !has(text, 'prognos');
    case 'forecast_deviation':
      return deviation && has(text, 'prognos');
    case 'forecast':
      return !deviation && has(text, 'prognos');
    case 'budget_income':
    case 'budget_costs':
    case 'budget_net':
    case 'annual_budget':
      return !deviation && has(text, 'budget') && !has(text, 'prognos', 'utfall');
    case 'percent_of_budget':
      return has(text, '%', 'procent');
    default:
      return !deviation && !has(text, 'prognos', 'budget');
  }
}

/**
 * The heading shown for a column: the template's own when it names what the column holds,
 * else the one built from the column's measure and the cycle's periods.
 */
export function columnHeading(config: EconomyTableConfig, column: EconomyColumn, periods?: EconomyPeriods | null): string {
  const own = config.labels?.[column];
  return own && headingFits(config, column, own) ? own : meaningHeading(config, column, periods);
}

/** A column's heading (see `columnHeading`); the name every message and table uses. */
export function columnLabel(config: EconomyTableConfig, column: EconomyColumn, periods?: EconomyPeriods | null): string {
  return columnHeading(config, column, periods);
}
