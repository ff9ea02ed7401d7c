import { checkSectionConfig } from './content';
import { checkInternalControlConfig, RISK_GROUP_DISPLAY_LABELS, RISK_GROUP_DISPLAYS } from './internal-control';

describe('internal control: risk groups as heading rows', () => {
  it('accepts riskGroups rows and keeps it in the template', () => {
    expect(checkInternalControlConfig({ riskGroups: 'rows' })).toEqual({ ok: true, config: { riskGroups: 'rows' } });
    expect(checkSectionConfig('internal_control', { internalControl: { riskGroups: 'rows', hideEmptyColumns: true } })).toEqual({
      ok: true,
      config: { internalControl: { riskGroups: 'rows', hideEmptyColumns: true } },
    });
  });

  it('keeps a template without the choice, or with the first column, as today', () => {
    expect(checkInternalControlConfig({})).toEqual({ ok: true, config: {} });
    expect(checkInternalControlConfig({ riskGroups: 'column' })).toEqual({ ok: true, config: {} });
  });

  it.each(['Rows', 'rader', 'row', 3, true, ''])('refuses riskGroups %p in Swedish, naming the three choices', (value) => {
    expect(checkInternalControlConfig({ riskGroups: value })).toEqual({
      ok: false,
      errors: ['Riskernas rubriker skrivs ut som en kolumn, som en tabell per rubrik eller som rubrikrader i tabellen.'],
    });
  });

  it('has a Swedish label for every choice', () => {
    expect(RISK_GROUP_DISPLAYS.map((d) => RISK_GROUP_DISPLAY_LABELS[d])).toEqual(['Som första kolumn', 'En tabell per rubrik', 'Som rubrikrad i tabellen']);
  });
});
