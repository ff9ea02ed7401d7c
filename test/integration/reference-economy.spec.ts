import { checkEconomy, checkPrintedTotals, computeEconomy, EconomyColumn, ECONOMY_COLUMNS, EconomyContent, EconomyTableConfig } from '@rapportflode/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The economy tables of the three reference reports (test/fixtures/reference, transcribed as
 * printed): every column is entered through the domain's checker, summed by the domain, and
 * compared with the totals the reports printed. Where a report's total disagrees with its own
 * rows, exactly that disagreement must be flagged, with both numbers.
 */
interface Fixture {
  title: string;
  unit: 'tkr' | 'mnkr';
  columns: Array<{ label: string; meaning: string }>;
  rows: Array<{ label: string; values: Array<number | null> }>;
  printedTotals: Array<{ label: string; values: Array<number | null> }>;
  checks: Array<{ total: string; column: string; printed: number; sumOfRows: number }>;
}

const folder = join(__dirname, '../fixtures/reference');
const summable = (meaning: string) => (ECONOMY_COLUMNS as readonly string[]).includes(meaning) && meaning !== 'percent_of_budget';
// Tables with at least one summed economy column (the KF budget-allocation table of 004 has none).
const files = readdirSync(folder)
  .filter((f) => /-economy-.*\.json$/.test(f))
  .filter((f) =>
    (JSON.parse(readFileSync(join(folder, f), 'utf8')) as Fixture).columns.some((c) => summable(c.meaning === 'result_deviation' ? 'budget_deviation' : c.meaning)),
  );

describe('the reference reports’ economy tables', () => {
  it('are all there', () => {
    expect(files.length).toBe(17);
  });

  it.each(files)('%s: rows entered and summed by the domain reproduce the printed totals, and exactly the known disagreements are flagged', (file) => {
    const fixture = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Fixture;
    const flagged: Array<{ total: string; column: string; printed: number; sumOfRows: number | null }> = [];
    let checkedColumns = 0;
    fixture.columns.forEach((column, index) => {
      // Ratios are not sums, and "other" columns have no figure rule; every summed column is checked on its own.
      const meaning = column.meaning === 'result_deviation' ? 'budget_deviation' : column.meaning;
      if (!summable(meaning)) return;
      const key = meaning as EconomyColumn;
      const config: EconomyTableConfig = { unit: fixture.unit, columns: [key], labels: { [key]: column.label } };
      const input: EconomyContent = {
        type: 'economy',
        rows: fixture.rows.map((row, i) => ({ key: `r${i}`, label: row.label, values: { [key]: row.values[index] } })),
      };
      const checked = checkEconomy(config, input);
      if (!checked.ok) throw new Error(`${file} ${column.label}: ${JSON.stringify(checked.issues)}`);
      const computed = computeEconomy(config, checked.content);
      checkedColumns += 1;
      for (const total of fixture.printedTotals) {
        for (const d of checkPrintedTotals(config, computed, [{ row: null, values: { [key]: total.values[index] } }])) {
          flagged.push({ total: total.label, column: column.label, printed: d.printed, sumOfRows: d.computed });
        }
      }
    });
    expect(checkedColumns).toBeGreaterThan(0);
    const known = new Set(
      fixture.columns
        .filter((c) => c.meaning !== 'other' && c.meaning !== 'percent_of_budget')
        .map((c) => c.label),
    );
    const expected = fixture.checks
      .filter((c) => known.has(c.column))
      .map(({ total, column, printed, sumOfRows }) => ({ total, column, printed, sumOfRows }));
    expect(flagged).toEqual(expected);
  });
});
