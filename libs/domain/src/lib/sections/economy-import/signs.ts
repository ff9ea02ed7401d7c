/**
 * Whether a file's figures look signed the other way round than the section's layout (see
 * ../economy/signs.ts): most cost figures negative in a layout with costs positive, or positive
 * in one where negative amounts are net costs. Only a warning shown before the import is
 * confirmed; the figures are never turned.
 */
import { columnMeaning, type EconomyColumn, type EconomyMeasure, type EconomyTableConfig, type Figures, signsOf } from '../economy';
import { formatNumber } from '../../format';

/** Measures that are always costs; the net and budget measures count only when the file has none of these. */
const STRICT_COSTS: readonly EconomyMeasure[] = ['costs', 'budget_costs'];
const NET_COSTS: readonly EconomyMeasure[] = ['net', 'budget_net', 'annual_budget', 'forecast'];

/** At least this many figures, and this share of them the other way round, before the file is called reversed. */
const MIN_FIGURES = 2;
const SHARE = 2 / 3;

/** The warning, in Swedish, or null when the signs fit the layout (or there are too few figures to tell). */
export function importSignWarning(config: EconomyTableConfig, rows: readonly Figures[]): string | null {
  const costsPositive = signsOf(config) === 'costs_positive';
  const measured = (measures: readonly EconomyMeasure[]) =>
    config.columns.filter((c: EconomyColumn) => measures.includes(columnMeaning(config, c).measure));
  const count = (columns: readonly EconomyColumn[]) => {
    let total = 0;
    let reversed = 0;
    for (const row of rows) {
      for (const column of columns) {
        const value = row[column];
        if (typeof value !== 'number' || value === 0) continue;
        total += 1;
        if (costsPositive ? value < 0 : value > 0) reversed += 1;
      }
    }
    return { total, reversed };
  };
  let tally = count(measured(STRICT_COSTS));
  let what = 'kostnadsbelopp';
  if (tally.total < MIN_FIGURES) {
    tally = count(measured(NET_COSTS));
    what = 'belopp för netto, budget och prognos';
  }
  if (tally.total < MIN_FIGURES || tally.reversed / tally.total < SHARE) return null;
  const found = `${formatNumber(tally.reversed)} av ${formatNumber(tally.total)} ${what} i filen är ${costsPositive ? 'negativa' : 'positiva'}`;
  const layout = costsPositive
    ? 'avsnittets upplägg anger kostnader och nettokostnader med positiva belopp'
    : 'avsnittets upplägg anger kostnader och nettokostnader med negativa belopp (negativa belopp är nettokostnader)';
  return `Tecknen i filen ser omvända ut: ${found}, men ${layout}. Kontrollera filen innan du bekräftar importen – beloppen vänds inte automatiskt.`;
}
