import { chartFigures, checkChartConfig, CHART_TOTAL_ROW } from './chart-block';
import type { EconomyContent, EconomyTableConfig } from './economy';
import type { TableConfig, TableContent } from './generic-table';

const economyConfig: EconomyTableConfig = { unit: 'tkr', columns: ['income', 'costs', 'net', 'annual_budget', 'forecast', 'forecast_deviation'] };
const economy: EconomyContent = {
  type: 'economy',
  rows: [
    { key: 'aldre', label: 'Äldreomsorg', values: { income: 1200, costs: -5000, annual_budget: -6000, forecast: -6500 } },
    {
      key: 'lss',
      label: 'LSS',
      values: {},
      children: [
        { key: 'boende', label: 'Boende', values: { income: 100, costs: -900, annual_budget: -1200, forecast: -1100 } },
        { key: 'daglig', label: 'Daglig verksamhet', values: { income: 0, costs: -400, annual_budget: -500, forecast: -520 } },
      ],
    },
  ],
};

const tableConfig: TableConfig = {
  columns: [
    { key: 'bidrag', label: 'Statsbidrag', type: 'text' },
    { key: 'sokt', label: 'Sökt tkr', type: 'number', sum: true },
    { key: 'beviljat', label: 'Beviljat tkr', type: 'number', sum: true, decimals: 1 },
  ],
  totalLabel: 'Totalt',
};
const table: TableContent = {
  type: 'table',
  rows: [
    { key: 'a', cells: { bidrag: 'Läsa skriva räkna', sokt: 500, beviljat: 450.5 } },
    { key: 'b', cells: { bidrag: 'Lärarlönelyftet', sokt: 300, beviljat: null } },
  ],
};

describe('charts drawn from a table of the report', () => {
  it('draws an economy table’s computed figures: netto is computed, sub-rows summed, never typed', () => {
    const figures = chartFigures({ source: 'ekonomi', title: 'Netto och prognos', series: ['net', 'forecast_deviation'] }, { kind: 'economy', config: economyConfig, content: economy });
    expect(figures.categories).toEqual(['Äldreomsorg', 'LSS']);
    expect(figures.series).toEqual([
      { key: 'net', name: 'Utfall netto', values: [-3800, -1200] },
      { key: 'forecast_deviation', name: 'Prognosavvikelse', values: [-500, 80] },
    ]);
    expect(figures).toMatchObject({ type: 'bar', unit: 'tkr', decimals: 0 });
    expect(figures.description).toBe('Stapeldiagram över utfall netto, prognosavvikelse i tkr för Äldreomsorg, LSS.');
  });

  it('draws a table’s number columns per row, or its rows (and total) per column, as a line', () => {
    const byRow = chartFigures({ source: 'bidrag', title: 'Statsbidrag' }, { kind: 'table', config: tableConfig, content: table });
    expect(byRow.categories).toEqual(['Läsa skriva räkna', 'Lärarlönelyftet']);
    expect(byRow.series.map((s) => [s.name, s.values])).toEqual([
      ['Sökt tkr', [500, 300]],
      ['Beviljat tkr', [450.5, null]],
    ]);
    expect(byRow.decimals).toBe(1);
    const byColumn = chartFigures(
      { source: 'bidrag', title: 'Statsbidrag', type: 'line', categories: 'columns', series: ['a', CHART_TOTAL_ROW] },
      { kind: 'table', config: tableConfig, content: table },
    );
    expect(byColumn.type).toBe('line');
    expect(byColumn.categories).toEqual(['Sökt tkr', 'Beviljat tkr']);
    expect(byColumn.series.map((s) => [s.name, s.values])).toEqual([
      ['Läsa skriva räkna', [500, 450.5]],
      ['Totalt', [800, 450.5]],
    ]);
    expect(byColumn.description).toMatch(/^Linjediagram över läsa skriva räkna, totalt för Sökt tkr, Beviljat tkr\.$/);
  });

  it('checks a chart’s settings in Swedish; absent type is a bar chart', () => {
    const columns = [{ key: 'sokt', label: 'Sökt tkr' }];
    expect(checkChartConfig({ source: 'bidrag', title: ' Bidrag ' }, columns)).toEqual({ ok: true, chart: { source: 'bidrag', title: 'Bidrag' } });
    expect(checkChartConfig({ source: 'bidrag', title: 'Bidrag', type: 'pie' }, columns)).toEqual({ ok: false, errors: ['Välj stapeldiagram eller linjediagram.'] });
    expect(checkChartConfig({ source: 'bidrag', title: '' }, columns)).toEqual({ ok: false, errors: ['Diagrammets rubrik ska vara 1–120 tecken.'] });
    expect(checkChartConfig({ source: 'bidrag', title: 'B', series: ['sokt', 'sokt'] }, columns)).toEqual({ ok: false, errors: ['Serien "sokt" förekommer två gånger i diagrammet.'] });
  });
});
