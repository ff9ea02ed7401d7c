/**
 * The two sign conventions of an economy table (model.ts, `EconomySigns`): which figures change
 * sign between them, and the note printed under a table. Deviations keep their sign (positive is
 * better than budget in both), as do income and per cent of budget.
 */
import { columnMeaning, type EconomyMeasure } from './meaning';
import { type EconomyColumn, type EconomyTableConfig, signsOf } from './model';

/** Measures of costs or net costs: negative with 'net_cost_negative', positive with 'costs_positive'. */
const COST_MEASURES: readonly EconomyMeasure[] = ['costs', 'budget_costs', 'net', 'budget_net', 'annual_budget', 'forecast'];

/** Whether a figure of the measure is written with the opposite sign in the other convention. */
export function changesSign(measure: EconomyMeasure): boolean {
  return COST_MEASURES.includes(measure);
}

/** A figure of `column` in the `from` layout written in the `to` layout's convention. */
export function inSignsOf(from: EconomyTableConfig, to: EconomyTableConfig, column: EconomyColumn, value: number): number {
  if (signsOf(from) === signsOf(to) || !changesSign(columnMeaning(from, column).measure)) return value;
  return value === 0 ? 0 : -value;
}

/** The note printed under the table, saying how its figures are signed. */
export function economySignNote(config: EconomyTableConfig): string {
  return signsOf(config) === 'costs_positive'
    ? 'Kostnader och nettokostnader anges med positiva belopp; en positiv avvikelse är bättre än budget.'
    : 'Negativa belopp är nettokostnader.';
}

/** The convention in words, for the template editor and messages. */
export const ECONOMY_SIGN_LABELS: Readonly<Record<'net_cost_negative' | 'costs_positive', string>> = {
  net_cost_negative: 'Negativa belopp är nettokostnader (kostnader negativa, avvikelse = utfall − budget)',
  costs_positive: 'Kostnader och nettokostnader positiva (avvikelse = budget − utfall)',
};
