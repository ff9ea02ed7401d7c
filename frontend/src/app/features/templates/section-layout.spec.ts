import { checkSectionConfig, DEFAULT_TABLE_CONFIG, EconomyTableConfig, isComputed } from '@rapportflode/domain';
import { addTableColumn, economyWith, removeTableColumn, sickLeavePresetOf, tableWithColumn } from './section-layout';

describe('section layouts in the template editor', () => {
  it('adds an economy column in the printed order, and a deviation is computed once both its inputs are in', () => {
    const gnesta: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast_deviation'], labels: { forecast_deviation: 'Prognos per augusti' } };
    expect(isComputed(gnesta, 'forecast_deviation')).toBe(false);
    const withForecast = economyWith(gnesta, 'forecast', true);
    expect(withForecast.columns).toEqual(['annual_budget', 'forecast', 'forecast_deviation']);
    expect(isComputed(withForecast, 'forecast_deviation')).toBe(true);
    const without = economyWith(withForecast, 'forecast_deviation', false);
    expect(without).toEqual({ unit: 'tkr', columns: ['annual_budget', 'forecast'] });
  });

  it('keeps column keys when a table column changes, and drops sum and decimals from a text column', () => {
    const numbered = tableWithColumn(DEFAULT_TABLE_CONFIG, 1, { decimals: 1, label: 'Belopp mnkr' });
    expect(numbered.columns[1]).toEqual({ key: 'belopp', label: 'Belopp mnkr', type: 'number', sum: true, decimals: 1 });
    const text = tableWithColumn(numbered, 1, { type: 'text' });
    expect(text.columns[1]).toEqual({ key: 'belopp', label: 'Belopp mnkr', type: 'text' });
    const added = addTableColumn(addTableColumn(DEFAULT_TABLE_CONFIG));
    expect(added.columns.map((c) => c.key)).toEqual(['beskrivning', 'belopp', 'kolumn-3', 'kolumn-4']);
    expect(checkSectionConfig('table', { table: added }).ok).toBe(true);
    expect(removeTableColumn(removeTableColumn(DEFAULT_TABLE_CONFIG, 0), 0).columns).toHaveLength(1);
  });

  it('recognises Nacka’s day limits and the standard ones', () => {
    expect(sickLeavePresetOf({ shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar', decimals: 2 })).toBe('nacka');
    expect(sickLeavePresetOf({ shortTermLabel: '1–14 dagar', longTermLabel: '15–90 dagar' })).toBe('standard');
    expect(sickLeavePresetOf({ shortTermLabel: '1–7 dagar', longTermLabel: '8+ dagar' })).toBe('custom');
  });
});
