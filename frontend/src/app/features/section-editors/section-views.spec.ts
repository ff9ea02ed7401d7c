import { type EconomyContent, emptyDocument, type SectionConfig } from '@rapportflode/domain';
import { actionStatusTable, diffCellText, economyChart, indicatorFulfilment, sickLeaveTrend, tableTotals } from './section-views';
import { newIndicator } from './section-drafts';

const NACKA_SICK_LEAVE: SectionConfig = { sickLeave: { shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar', decimals: 2 } };

describe('sickLeaveTrend', () => {
  it('puts earlier cycles (reference 000, Barn och familjeenheten) before the figures being typed', () => {
    const earlier = [
      { period: 'T2 2019', content: { type: 'sick_leave' as const, values: { total: 4.2, shortTerm: 2.6, longTerm: 1.6 } } },
      { period: 'T2 2020', content: { type: 'sick_leave' as const, values: { total: 4.7, shortTerm: 2.1, longTerm: 2.6 } } },
    ];
    const trend = sickLeaveTrend(NACKA_SICK_LEAVE, earlier, 'T2 2021', {
      type: 'sick_leave',
      values: { total: '2,17', shortTerm: 'x', longTerm: '' },
      comment: emptyDocument(),
    });
    expect(trend.periods).toEqual(['T2 2019', 'T2 2020', 'T2 2021']);
    expect(trend.series[0].values).toEqual([4.2, 4.7, 2.17]);
    expect(trend.series[1].values).toEqual([2.6, 2.1, null]);
    expect(trend.table.rows[0].cells.map((c) => c.text)).toEqual(['4,20\u00a0%', '4,70\u00a0%', '2,17\u00a0%']);
  });
});

describe('actionStatusTable', () => {
  it('shows each action’s status per cycle as text', () => {
    const table = actionStatusTable(
      [{ period: 'T2 2020', content: { type: 'action_plan', rows: [{ key: 'a', action: 'Uppföljning av placeringar', area: '', years: '2020', status: 'started' }] } }],
      'T2 2021',
      {
        type: 'action_plan',
        rows: [
          { key: 'a', action: 'Uppföljning av placeringar', area: 'FL', years: '2020', status: 'done', comment: '', effect: '' },
          { key: 'b', action: 'Skola med behandling', area: '', years: '', status: 'started', comment: '', effect: '' },
        ],
      },
    );
    expect(table.columnHeaders).toEqual(['Åtgärd', 'T2 2020', 'T2 2021']);
    expect(table.rows.map((r) => [r.header, ...r.cells.map((c) => c.text)])).toEqual([
      ['Uppföljning av placeringar (FL)', 'Påbörjat', 'Genomfört'],
      ['Skola med behandling', '–', 'Påbörjat'],
    ]);
  });
});

describe('indicatorFulfilment', () => {
  it('computes måluppfyllelse as the reference prints it (90 % of 85 % → 106 %)', () => {
    expect(indicatorFulfilment({ ...newIndicator(), value: '90', target: '85 %' })).toBe('106\u00a0%');
    expect(indicatorFulfilment({ ...newIndicator(), value: '', target: '85' })).toBe('–');
    expect(indicatorFulfilment({ ...newIndicator(), unit: 'count', value: '20', target: '10', lowerIsBetter: true })).toBe('50\u00a0%');
  });
});

describe('tableTotals', () => {
  it('sums the summed columns live, skipping what is not a number yet', () => {
    const config: SectionConfig = {
      table: {
        columns: [
          { key: 'projekt', label: 'Projekt', type: 'text' },
          { key: 'budget', label: 'Budget tkr', type: 'number', sum: true },
        ],
      },
    };
    const totals = tableTotals(config, {
      type: 'table',
      rows: [
        { key: 'a', cells: { projekt: 'Verksamhetssystem', budget: '2 500' }, group: '' },
        { key: 'b', cells: { projekt: 'Inventarier', budget: 'åtta' }, group: '' },
        { key: 'c', cells: { projekt: 'Fordon', budget: '800' }, group: '' },
      ],
    });
    expect(totals).toEqual([
      { key: 'projekt', number: false, text: 'Totalt' },
      { key: 'budget', number: true, text: '3\u00a0300' },
    ]);
  });
});

describe('economyChart', () => {
  const content: EconomyContent = {
    type: 'economy',
    rows: [
      { key: 'a', label: 'Grundläggande vuxenutbildning', values: { annual_budget: -7015, forecast_deviation: -1686 } },
      { key: 'b', label: 'Svenska för invandrare', values: { annual_budget: -2500 } },
    ],
  };

  it('gives budget and prognos per row (Gnesta: helårsbudget plus the prognosavvikelse) with the same figures as a table', () => {
    const chart = economyChart(
      { economy: { unit: 'tkr', columns: ['annual_budget', 'forecast_deviation'], labels: { annual_budget: 'Budget' } } },
      content,
    );
    expect(chart?.seriesLabels).toEqual(['Budget', 'Prognos']);
    expect(chart?.groups).toEqual([
      { label: 'Grundläggande vuxenutbildning', values: [-7015, -8701] },
      { label: 'Svenska för invandrare', values: [-2500, null] },
    ]);
    // The prognos nobody typed is named as computed, in the table and in the chart's description.
    expect(chart?.table.columnHeaders).toEqual(['Rad', 'Budget', 'Prognos (räknad: Budget + Prognosavvikelse)']);
    expect(chart?.notes).toEqual(['Prognos = Budget + Prognosavvikelse']);
    expect(chart?.table.rows[0].cells.map((c) => c.text)).toEqual(['\u22127\u00a0015', '\u22128\u00a0701']);
    expect(chart?.table.rows[1].cells[1]).toEqual({ value: null, text: '–', srText: 'Uppgift saknas' });
  });

  it('names the cycle’s periods, and draws no figure the check refuses (a helårsbudget with decimals in tkr)', () => {
    const refused: EconomyContent = {
      type: 'economy',
      rows: [
        { key: 'a', label: 'Grundläggande vuxenutbildning', values: { annual_budget: -7015.5, forecast_deviation: -1686 } },
        { key: 'b', label: 'Svenska för invandrare', values: { annual_budget: -2500, forecast_deviation: 300 } },
      ],
    };
    const chart = economyChart({ economy: { unit: 'tkr', columns: ['annual_budget', 'forecast_deviation'] } }, refused, {
      current: 'augusti',
      earlier: 'april',
      year: 2021,
    });
    expect(chart?.seriesLabels).toEqual(['Helårsbudget 2021', 'Prognos helår per augusti']);
    expect(chart?.groups).toEqual([
      { label: 'Grundläggande vuxenutbildning', values: [null, null] },
      { label: 'Svenska för invandrare', values: [-2500, -2200] },
    ]);
  });

  it('uses the entered prognos where the table has one, and gives nothing without budget or prognos', () => {
    const nacka = economyChart({ economy: { unit: 'tkr', columns: ['net', 'annual_budget', 'forecast'] } }, {
      type: 'economy',
      rows: [{ key: 'a', label: 'Barn och unga', values: { annual_budget: -100, forecast: -90 } }],
    });
    expect(nacka?.groups[0].values).toEqual([-100, -90]);
    expect(economyChart({ economy: { unit: 'tkr', columns: ['income', 'costs', 'net'] } }, content)).toBeNull();
  });
});

describe('diffCellText', () => {
  it('shows figures with the section’s decimals', () => {
    expect(diffCellText('sick_leave', NACKA_SICK_LEAVE, 0.6)).toBe('0,60');
    expect(diffCellText('economy', { economy: { unit: 'mnkr', columns: ['net'] } }, 3)).toBe('3,0');
    expect(diffCellText('economy', null, -9504)).toBe('\u22129\u00a0504');
    expect(diffCellText('goals', null, 105.9)).toBe('105,9');
    expect(diffCellText('table', null, 2.125)).toBe('2,125');
    expect(diffCellText('action_plan', null, 'Genomfört')).toBe('Genomfört');
    expect(diffCellText('table', null, null)).toBe('–');
  });
});
