// The economy section: the layout and its computation (model.ts), what each column holds and its heading (meaning.ts), the check (check.ts), tables across versions and units (across.ts), the chart's figures (chart.ts).
export type { ComputedEconomy, ComputedRow, EconomyColumn, EconomyColumnGroup, EconomyContent, EconomyRow, EconomyRowSource, EconomySigns, EconomyTableConfig, Figures, MoneyUnit, SubtotalPosition } from './model';
export { columnGroupRuns, computeEconomy, COSTS_POSITIVE_FORMULAS, ECONOMY_COLUMN_LABELS, ECONOMY_COLUMNS, ECONOMY_FORMULAS, ECONOMY_SIGNS, inputColumns, isComputed, MONEY_DECIMALS, moneyDecimals, signsOf, subtotalLabelOf, totalLabelOf } from './model';
export type { ColumnMeaning, EconomyMeasure, EconomyPeriodKind, EconomyPeriods } from './meaning';
export { columnHeading, columnLabel, columnMeaning, DEFAULT_EARLIER_MEASURES, earlierPeriodEnd, economyPeriods, headingFits, meaningHeading } from './meaning';
export type { EconomyCheck, EconomyIssue, TotalDisagreement } from './check';
export { acceptedEconomy, checkEconomy, checkPrintedTotals, ECONOMY_LIMITS } from './check';
export type { CellChange, EconomyCyclePeriod } from './across';
export { carryEconomyForward, combineEconomy, committeeEconomyContent, diffEconomy } from './across';
export type { EconomyChartFigures } from './chart';
export { economyChartFigures } from './chart';
export type { EconomyConfigCheck } from './config';
export { checkEconomyConfig, ECONOMY_CONFIG_LIMITS } from './config';
export { changesSign, ECONOMY_SIGN_LABELS, economySignNote, inSignsOf } from './signs';
