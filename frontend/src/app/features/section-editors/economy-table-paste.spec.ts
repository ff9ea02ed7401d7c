import type { EconomyTableConfig } from '@rapportflode/domain';
import { type EditRow, parsePastedBlock } from './economy-table';
import { applyPaste, economyPasteNote } from './economy-table-paste';

const MINUS = '\u2212';
const NBSP = '\u00a0';

/** Nacka's layout: netto and the deviations computed, between entered columns. */
const NACKA: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
};

function row(key: string, label: string, cells: EditRow['cells'] = {}, children: EditRow[] = []): EditRow {
  return { key, label, cells, comment: '', children };
}

describe('pasting a printed row into a grid with computed columns', () => {
  // Barn och unga 0-20 år as reference 000 prints it: every column, the computed ones included.
  const printed = 'Barn och unga 0-20 år\t5 318\t-111 434\t-106 116\t4 372\t-116 071\t-111 699\t5 583\t-167 548\t-161 900\t5 648';

  it('puts every figure under its own heading and leaves out the computed ones, saying which', () => {
    const result = applyPaste(NACKA, [row('r-a', '')], { key: 'r-a', column: 'label' }, parsePastedBlock(printed));
    expect(result.rows[0].label).toBe('Barn och unga 0-20 år');
    expect(result.rows[0].cells).toEqual({
      income: `5${NBSP}318`,
      costs: `${MINUS}111${NBSP}434`,
      budget_income: `4${NBSP}372`,
      budget_costs: `${MINUS}116${NBSP}071`,
      annual_budget: `${MINUS}167${NBSP}548`,
      forecast: `${MINUS}161${NBSP}900`,
    });
    expect(result.skipped).toBe(0);
    expect(result.computed).toEqual(['Utfall netto', 'Budget netto', 'Budgetavvikelse', 'Prognosavvikelse']);
    expect(result.disagreements).toEqual([]);
    expect(economyPasteNote(1, result)).toBe(
      'En rad inklistrad. Värdena under Utfall netto, Budget netto, Budgetavvikelse och Prognosavvikelse lästes inte in: kolumnerna räknas ut av tabellen.',
    );
  });

  it('says so when a pasted computed value is not what the row computes', () => {
    const wrong = printed.replace('\t5 583\t', '\t5 000\t');
    const result = applyPaste(NACKA, [row('r-a', '')], { key: 'r-a', column: 'label' }, parsePastedBlock(wrong));
    expect(result.disagreements).toEqual(['Barn och unga 0-20 år, Budgetavvikelse: inklistrat +5\u00a0000, men raden räknas ut till +5\u00a0583.']);
    expect(economyPasteNote(1, result)).toContain('Barn och unga 0-20 år, Budgetavvikelse: inklistrat +5\u00a0000, men raden räknas ut till +5\u00a0583.');
  });

  it('starting at an entered column after a computed one, maps by the columns as shown', () => {
    const rows = [row('r-a', 'Vuxna 21-64 år')];
    const result = applyPaste(NACKA, rows, { key: 'r-a', column: 'annual_budget' }, [['-60 999', '-65 968', '-4 969', '12']]);
    expect(result.rows[0].cells).toEqual({ annual_budget: `${MINUS}60${NBSP}999`, forecast: `${MINUS}65${NBSP}968` });
    expect(result.computed).toEqual(['Prognosavvikelse']);
    expect(result.skipped).toBe(1);
    expect(economyPasteNote(1, result)).toBe(
      'En rad inklistrad. Värdena under Prognosavvikelse lästes inte in: kolumnen räknas ut av tabellen. Ett värde fick inte plats i tabellen.',
    );
  });

  it('compares with the layout’s sign convention: with costs positive the deviation is budget − actual', () => {
    const config: EconomyTableConfig = { unit: 'mnkr', decimals: 2, columns: ['annual_budget', 'forecast', 'forecast_deviation'], signs: 'costs_positive' };
    const result = applyPaste(config, [row('r-a', 'Personal')], { key: 'r-a', column: 'annual_budget' }, parsePastedBlock('18,60\t19,25\t-0,65\n4,65\t4,30\t0,30'));
    expect(result.rows.map((r) => r.cells)).toEqual([
      { annual_budget: '18,60', forecast: '19,25' },
      { annual_budget: '4,65', forecast: '4,30' },
    ]);
    expect(result.disagreements).toEqual([`Ny rad, Prognosavvikelse: inklistrat +0,30, men raden räknas ut till +0,35.`]);
  });
});
