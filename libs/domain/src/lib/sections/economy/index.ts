// The economy section: the layout and its computation (model.ts), what each column holds and its heading (meaning.ts), the check (check.ts), tables across versions and units (across.ts), the chart's figures (chart.ts).
export type { ComputedEconomy, ComputedRow, EconomyColumn, EconomyContent, EconomyRow, EconomyRowSource, EconomyTableConfig, Figures, MoneyUnit } from './model';
export { computeEconomy, ECONOMY_COLUMN_LABELS, ECONOMY_COLUMNS, ECONOMY_FORMULAS, inputColumns, isComputed, MONEY_DECIMALS } from './model';
export type { ColumnMeaning, EconomyMeasure, EconomyPeriodKind, EconomyPeriods } from './meaning';
export { columnHeading, columnLabel, columnMeaning, DEFAULT_EARLIER_MEASURES, earlierPeriodEnd, economyPeriods, headingFits, meaningHeading } from './meaning';
export type { EconomyCheck, EconomyIssue, TotalDisagreement } from './check';
export { acceptedEconomy, checkEconomy, checkPrintedTotals, ECONOMY_LIMITS } from './check';
export type { CellChange, EconomyCyclePeriod } from './across';
export { carryEconomyForward, combineEconomy, committeeEconomyContent, diffEconomy } from './across';
export type { EconomyChartFigures } from './chart';
export { economyChartFigures } from './chart';
