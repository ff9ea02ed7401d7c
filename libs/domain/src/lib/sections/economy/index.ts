// The economy section: the layout and its computation (model.ts), the check (check.ts), tables across versions and units (across.ts).
export type { ComputedEconomy, ComputedRow, EconomyColumn, EconomyContent, EconomyRow, EconomyRowSource, EconomyTableConfig, Figures, MoneyUnit } from './model';
export { columnLabel, computeEconomy, ECONOMY_COLUMN_LABELS, ECONOMY_COLUMNS, ECONOMY_FORMULAS, inputColumns, isComputed, MONEY_DECIMALS } from './model';
export type { EconomyCheck, EconomyIssue, TotalDisagreement } from './check';
export { checkEconomy, checkPrintedTotals, ECONOMY_LIMITS } from './check';
export type { CellChange } from './across';
export { carryEconomyForward, combineEconomy, committeeEconomyContent, diffEconomy } from './across';
