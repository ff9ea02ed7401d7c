/** The figures the chart beside an economy table draws: only accepted figures, derived ones computed here. */
import { roundTo } from '../section-check';
import { acceptedEconomy } from './check';
import { columnLabel, type EconomyPeriods, meaningHeading } from './meaning';
import { computeEconomy, type EconomyColumn, type EconomyContent, type EconomyTableConfig, moneyDecimals, signsOf } from './model';

export interface EconomyChartFigures {
  series: Array<{ label: string; /** How a derived series is computed, in words; null when it is entered. */ derivedFrom: string | null }>;
  groups: Array<{ label: string; values: Array<number | null> }>;
}

/**
 * Budget and prognos per top-level row (sub-rows summed): the helårsbudget (or the period's
 * budget netto) against the year's prognos — entered, or the helårsbudget plus the forecast
 * deviation where the table holds that instead (deviation = prognos − helårsbudget; with costs
 * positive, helårsbudget − prognos, so the prognos is the budget less the deviation). A figure
 * the check refuses is never drawn, nor anything derived from it. Null when the table has
 * neither a budget nor a prognos.
 */
export function economyChartFigures(config: EconomyTableConfig, content: EconomyContent, periods?: EconomyPeriods | null): EconomyChartFigures | null {
  const has = (c: EconomyColumn) => config.columns.includes(c);
  const budgetColumn: EconomyColumn | null = has('annual_budget') ? 'annual_budget' : has('budget_net') ? 'budget_net' : null;
  const forecastFrom = has('forecast') ? 'forecast' : has('annual_budget') && has('forecast_deviation') ? 'deviation' : null;
  if (!budgetColumn && !forecastFrom) return null;
  const decimals = moneyDecimals(config);
  const deviationSign = signsOf(config) === 'costs_positive' ? -1 : 1;
  const rows = computeEconomy(config, acceptedEconomy(config, content)).rows;
  const series: EconomyChartFigures['series'] = [
    ...(budgetColumn ? [{ label: columnLabel(config, budgetColumn, periods), derivedFrom: null }] : []),
    ...(forecastFrom === 'forecast'
      ? [{ label: columnLabel(config, 'forecast', periods), derivedFrom: null }]
      : forecastFrom === 'deviation'
        ? [
            {
              label: meaningHeading(config, 'forecast', periods),
              derivedFrom: `${columnLabel(config, 'annual_budget', periods)} ${deviationSign < 0 ? '−' : '+'} ${columnLabel(config, 'forecast_deviation', periods)}`,
            },
          ]
        : []),
  ];
  const groups = rows.map((row) => {
    const v = row.values;
    const budget = budgetColumn ? (v[budgetColumn] ?? null) : null;
    const forecast =
      forecastFrom === 'forecast'
        ? (v.forecast ?? null)
        : typeof v.annual_budget === 'number' && typeof v.forecast_deviation === 'number'
          ? roundTo(v.annual_budget + deviationSign * v.forecast_deviation, decimals)
          : null;
    return { label: row.label || '(utan namn)', values: [...(budgetColumn ? [budget] : []), ...(forecastFrom ? [forecast] : [])] };
  });
  return { series, groups };
}
