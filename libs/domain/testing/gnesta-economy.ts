/**
 * Gnesta's nämnd table (references 003/004: "Ekonomisk uppföljning per verksamhetsområde", per augusti 2021):
 * helårsbudget, the result and the forecast per verksamhetsområde. Shared by the memo tests (unit and
 * integration). Test code only: it lives outside src/, so the library never ships it.
 */
import type { EconomyContent, EconomyTableConfig } from '../src/lib/sections/economy';

export const GNESTA_ECONOMY_CONFIG: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['annual_budget', 'earlier_result', 'earlier_forecast', 'budget_deviation', 'forecast_deviation'],
};

const row = (key: string, label: string, budget: number, result: number, forecast: number) => ({
  key,
  label,
  values: { annual_budget: budget, budget_deviation: result, forecast_deviation: forecast },
});

export const GNESTA_ECONOMY_2021: EconomyContent = {
  type: 'economy',
  rows: [
    row('sn', 'Socialnämnden', -26, 17, 20),
    row('fl', 'Förvaltningsledning', -2800, -458, -503),
    row('sov', 'Stöd och vägledning', -44000, -8229, -9002),
    row('afh', 'Äldre, funktionsstöd, hälso- och sjukvård', -21161, -14489, -18453),
    row('aob', 'Administration och bistånd', -171339, 13655, 18908),
  ],
};
