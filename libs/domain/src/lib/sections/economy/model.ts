/**
 * The economy section (docs/domain.md, "Sections and their content"): a table per verksamhet or
 * enhet, with sub-rows that sum to their row and rows that sum to the table's total. Every
 * derived figure — netto, deviations, per cent of budget, sub-totals, the total — is computed
 * here and only here; the backend validates with it, the frontend shows its results live.
 * This file: the layout and the computation; check.ts: the check every save passes and printed
 * totals; across.ts: tables across versions and units (diff, the nämnd table, carrying forward).
 *
 * Signs follow the layout's `signs` (default as the references): income positive, costs
 * negative, net results negative, and a positive deviation is better than budget (deviation =
 * actual − budget, both signed). With 'costs_positive' costs, net costs (nettokostnad = costs −
 * income) and their budgets and forecasts are positive, and a deviation is budget − actual
 * (forecast deviation = budget − forecast): again positive when better than budget.
 */
import { isRecord, roundTo } from '../section-check';

export const ECONOMY_COLUMNS = [
  'income',
  'costs',
  'net',
  'budget_income',
  'budget_costs',
  'budget_net',
  'budget_deviation',
  'annual_budget',
  'forecast',
  'forecast_deviation',
  'percent_of_budget',
  'previous_year',
  'earlier_result',
  'earlier_forecast',
] as const;
export type EconomyColumn = (typeof ECONOMY_COLUMNS)[number];

export const ECONOMY_COLUMN_LABELS: Readonly<Record<EconomyColumn, string>> = {
  income: 'Utfall intäkter',
  costs: 'Utfall kostnader',
  net: 'Utfall netto',
  budget_income: 'Budget intäkter',
  budget_costs: 'Budget kostnader',
  budget_net: 'Budget netto',
  budget_deviation: 'Budgetavvikelse',
  annual_budget: 'Helårsbudget',
  forecast: 'Prognos',
  forecast_deviation: 'Prognosavvikelse',
  percent_of_budget: 'Utfall i % av helårsbudget',
  previous_year: 'Bokslut föregående år',
  earlier_result: 'Budgetavvikelse tidigare period',
  earlier_forecast: 'Prognosavvikelse tidigare period',
};

interface Formula {
  inputs: readonly EconomyColumn[];
  compute: (v: Readonly<Partial<Record<EconomyColumn, number>>>) => number | null;
}

/**
 * How each derived column follows from others. A column is computed when every input of its
 * formula is a column of the table; otherwise it is entered (Gnesta prints its deviation
 * against budget as "Resultat" without the figures behind it).
 */
export const ECONOMY_FORMULAS: Readonly<Partial<Record<EconomyColumn, Formula>>> = {
  net: { inputs: ['income', 'costs'], compute: (v) => sum(v.income, v.costs) },
  budget_net: { inputs: ['budget_income', 'budget_costs'], compute: (v) => sum(v.budget_income, v.budget_costs) },
  budget_deviation: { inputs: ['net', 'budget_net'], compute: (v) => difference(v.net, v.budget_net) },
  forecast_deviation: { inputs: ['forecast', 'annual_budget'], compute: (v) => difference(v.forecast, v.annual_budget) },
  percent_of_budget: {
    inputs: ['net', 'annual_budget'],
    compute: (v) => (v.net === undefined || !v.annual_budget ? null : roundTo((v.net / v.annual_budget) * 100, 1)),
  },
};

/** The same with costs and net costs positive: nettokostnad = costs − income, deviation = budget − actual. */
export const COSTS_POSITIVE_FORMULAS: Readonly<Partial<Record<EconomyColumn, Formula>>> = {
  ...ECONOMY_FORMULAS,
  net: { inputs: ['income', 'costs'], compute: (v) => netCost(v.costs, v.income) },
  budget_net: { inputs: ['budget_income', 'budget_costs'], compute: (v) => netCost(v.budget_costs, v.budget_income) },
  budget_deviation: { inputs: ['net', 'budget_net'], compute: (v) => difference(v.budget_net, v.net) },
  forecast_deviation: { inputs: ['forecast', 'annual_budget'], compute: (v) => difference(v.annual_budget, v.forecast) },
};

/** The formulas of a layout's sign convention. */
function formulasOf(config: EconomyTableConfig): Readonly<Partial<Record<EconomyColumn, Formula>>> {
  return signsOf(config) === 'costs_positive' ? COSTS_POSITIVE_FORMULAS : ECONOMY_FORMULAS;
}

/** Columns that are not sums: a sub-total row gets them from its own figures, not by adding. */
const RATIO_COLUMNS: readonly EconomyColumn[] = ['percent_of_budget'];

export type MoneyUnit = 'tkr' | 'mnkr';

/** Decimals shown and stored per unit by default: whole tkr, mnkr with one decimal (a layout may give mnkr two, see `moneyDecimals`). */
export const MONEY_DECIMALS: Readonly<Record<MoneyUnit, number>> = { tkr: 0, mnkr: 1 };

/**
 * How a layout signs its figures: 'net_cost_negative' (default, the references: costs and net
 * costs negative) or 'costs_positive' (costs and nettokostnad positive, deviations budget − actual).
 */
export type EconomySigns = 'net_cost_negative' | 'costs_positive';
export const ECONOMY_SIGNS: readonly EconomySigns[] = ['net_cost_negative', 'costs_positive'];

/** A heading over a run of adjacent columns (`Helår` over Budget · Prognos · Avvikelse). */
export interface EconomyColumnGroup {
  label: string;
  /** Adjacent columns of the table, in the table's order. */
  columns: readonly EconomyColumn[];
}

/** Where a row with sub-rows shows their sum: on the row itself (default) or in a `Summa <row>` row after them. */
export type SubtotalPosition = 'above' | 'below';

/** How a template lays out an economy table. */
export interface EconomyTableConfig {
  unit: MoneyUnit;
  columns: readonly EconomyColumn[];
  /**
   * The column headings as the municipality prints them (`Budget 2021`, `Prognosavvikelse`); one
   * that does not name what its column holds is not shown (see `columnHeading`).
   */
  labels?: Partial<Record<EconomyColumn, string>>;
  /** What the two earlier-period columns hold (default: the budget deviation and the forecast deviation). */
  earlierMeasures?: { earlier_result?: 'net' | 'budget_deviation'; earlier_forecast?: 'forecast' | 'forecast_deviation' };
  /** How figures are signed (default 'net_cost_negative'). */
  signs?: EconomySigns;
  /** Headings over runs of columns, printed as a header row above the columns' own (default none). */
  groups?: readonly EconomyColumnGroup[];
  /** The total row's label (default "Summa"). */
  totalLabel?: string;
  /** Where a row's sub-total is shown (default 'above': on the row itself). */
  subtotalPosition?: SubtotalPosition;
  /** The first column's heading (default: the report's own, "Verksamhet" or "Enhet / verksamhet"). */
  rowHeading?: string;
  /** Decimals in mnkr: 1 (default) or 2; tkr are always whole. */
  decimals?: 1 | 2;
}

/** The layout's sign convention. */
export function signsOf(config: EconomyTableConfig): EconomySigns {
  return config.signs ?? 'net_cost_negative';
}

/** Decimals a layout shows and stores: whole tkr, mnkr with one decimal or the layout's two. */
export function moneyDecimals(config: EconomyTableConfig): number {
  return config.unit === 'mnkr' ? (config.decimals ?? MONEY_DECIMALS.mnkr) : MONEY_DECIMALS.tkr;
}

/**
 * The heading row over the columns, in the columns' order: a group's label over its columns, an
 * empty heading (label null) over each run of columns in no group. Empty when the layout has no
 * groups (the table has one heading row). What the printed table and the editor's grid show.
 */
export function columnGroupRuns(config: EconomyTableConfig): Array<{ label: string | null; span: number }> {
  const groups = config.groups ?? [];
  if (groups.length === 0) return [];
  const runs: Array<{ label: string | null; span: number }> = [];
  let at = 0;
  while (at < config.columns.length) {
    const group = groups.find((g) => g.columns[0] === config.columns[at]);
    if (group && group.columns.length > 0) {
      runs.push({ label: group.label, span: group.columns.length });
      at += group.columns.length;
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && last.label === null) last.span += 1;
    else runs.push({ label: null, span: 1 });
    at += 1;
  }
  return runs;
}

/** The total row's label: the layout's, or "Summa". */
export function totalLabelOf(config: EconomyTableConfig): string {
  return config.totalLabel ?? 'Summa';
}

/**
 * The label of the `Summa <row>` row a 'below' layout prints after a row's sub-rows:
 * `Barn och unga` → `Summa barn och unga`; an abbreviation (`IFO`) keeps its capitals.
 */
export function subtotalLabelOf(label: string): string {
  const lower =
    label.length > 1 && label[1] === label[1].toLocaleLowerCase('sv-SE') ? label[0].toLocaleLowerCase('sv-SE') + label.slice(1) : label;
  return `Summa ${lower}`;
}

export interface EconomyRow {
  /** Stable within the table (the import and the figure diff follow rows by it). */
  key: string;
  label: string;
  /** Entered figures only; computed ones are never stored. */
  values: Partial<Record<EconomyColumn, number | null>>;
  comment?: string;
  /** Sub-rows (e.g. Heldygnsvård under Barn och unga 0-20 år): the row's figures are their sum. */
  children?: EconomyRow[];
  /** Where the row's figures came from when they were imported: the import's record and the file's line. */
  source?: EconomyRowSource;
}

export interface EconomyRowSource {
  importId: string;
  line: number;
}

const SOURCE_ID = /^[0-9a-f-]{36}$/i;

/** A row's import trace as stored, or null when it is missing or not one (it is then dropped, never an error). */
export function readSource(value: unknown): EconomyRowSource | null {
  if (!isRecord(value)) return null;
  const { importId, line } = value;
  return typeof importId === 'string' && SOURCE_ID.test(importId) && typeof line === 'number' && Number.isInteger(line) && line > 0
    ? { importId, line }
    : null;
}

export interface EconomyContent {
  type: 'economy';
  rows: EconomyRow[];
}

export function isComputed(config: EconomyTableConfig, column: EconomyColumn): boolean {
  const formula = ECONOMY_FORMULAS[column];
  return formula !== undefined && formula.inputs.every((input) => config.columns.includes(input));
}

/** The columns a person (or an import) fills in. */
export function inputColumns(config: EconomyTableConfig): EconomyColumn[] {
  return config.columns.filter((column) => !isComputed(config, column));
}

export type Figures = Partial<Record<EconomyColumn, number | null>>;

export interface ComputedRow {
  key: string;
  label: string;
  depth: number;
  values: Figures;
  comment?: string;
  /** Whether the row's figures are the sum of its sub-rows. */
  subtotal: boolean;
  children: ComputedRow[];
}

export interface ComputedEconomy {
  rows: ComputedRow[];
  /** The table's total (the nämnd total in the nämnd table). */
  total: Figures;
}

function sum(...values: Array<number | undefined>): number | null {
  if (values.every((v) => v === undefined)) return null;
  return roundTo(values.reduce<number>((acc, v) => acc + (v ?? 0), 0), 6);
}

/** Costs less income, either missing taken as nothing (as `sum` does); null when both are missing. */
function netCost(costs: number | undefined, income: number | undefined): number | null {
  if (costs === undefined && income === undefined) return null;
  return roundTo((costs ?? 0) - (income ?? 0), 6);
}

function difference(a: number | undefined, b: number | undefined): number | null {
  if (a === undefined || b === undefined) return null;
  return roundTo(a - b, 6);
}

/** Fills in every computed column of a set of figures, in formula order. */
function derive(config: EconomyTableConfig, entered: Figures): Figures {
  const known: Partial<Record<EconomyColumn, number>> = {};
  for (const column of config.columns) {
    const value = entered[column];
    if (typeof value === 'number' && !isComputed(config, column)) known[column] = value;
  }
  const result: Figures = {};
  for (const column of ECONOMY_COLUMNS) {
    if (!config.columns.includes(column)) continue;
    if (isComputed(config, column)) {
      const value = (formulasOf(config)[column] as Formula).compute(known);
      if (value !== null) known[column] = value;
    }
  }
  for (const column of config.columns) result[column] = known[column] ?? null;
  return result;
}

/** Adds rows' figures column by column (ratio columns are derived again from the sums). */
export function addUp(config: EconomyTableConfig, rows: readonly Figures[]): Figures {
  const entered: Figures = {};
  for (const column of inputColumns(config)) {
    if (RATIO_COLUMNS.includes(column)) continue;
    const present = rows.map((r) => r[column]).filter((v): v is number => typeof v === 'number');
    entered[column] = present.length ? roundTo(present.reduce((a, b) => a + b, 0), 6) : null;
  }
  return derive(config, entered);
}

/** Every figure of the table: entered ones, computed columns, sub-totals from sub-rows, and the total. */
export function computeEconomy(config: EconomyTableConfig, content: EconomyContent): ComputedEconomy {
  const visit = (row: EconomyRow, depth: number): ComputedRow => {
    const children = (row.children ?? []).map((child) => visit(child, depth + 1));
    const values = children.length ? addUp(config, children.map((c) => c.values)) : derive(config, row.values);
    return { key: row.key, label: row.label, depth, values, comment: row.comment, subtotal: children.length > 0, children };
  };
  const rows = content.rows.map((row) => visit(row, 0));
  return { rows, total: addUp(config, rows.map((r) => r.values)) };
}
