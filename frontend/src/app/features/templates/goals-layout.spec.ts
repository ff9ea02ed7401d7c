import { checkSectionConfig } from '@rapportflode/domain';
import { goalsColumnChosen, goalsLayoutPreview, goalsLayoutWith } from './goals-layout';

describe('the goals layout in the template editor', () => {
  it('keeps only what differs from today’s layout, and the server’s check accepts it as it is', () => {
    let layout = goalsLayoutWith(null, { year: 2022 });
    layout = goalsLayoutWith(layout, { areas: true });
    layout = goalsLayoutWith(layout, { assessIndicators: false });
    layout = goalsLayoutWith(layout, { column: 'unit', printed: false });
    layout = goalsLayoutWith(layout, { column: 'source', printed: false });
    expect(layout).toEqual({ year: 2022, areas: true, assessIndicators: false, printColumns: ['earlier', 'previous', 'value', 'target', 'fulfilment', 'assessment'] });
    expect(checkSectionConfig('goals', { goals: layout })).toEqual({ ok: true, config: { goals: layout } });
    // Back to the defaults: nothing is left to store.
    for (const change of [{ year: null }, { areas: false }, { assessIndicators: true }, { column: 'unit' as const, printed: true }, { column: 'source' as const, printed: true }]) {
      layout = goalsLayoutWith(layout, change);
    }
    expect(layout).toEqual({});
    expect(goalsColumnChosen(layout, 'unit')).toBe(true);
  });

  it('shows an example that follows the choices: målområde, assessments per level, the earlier years and only the printed columns', () => {
    expect(goalsLayoutPreview(null)).toEqual({
      lines: ['Kommunfullmäktiges mål: Alla ska kunna leva ett tryggt liv', 'Nämndmål: Fler kunder upplever att insatserna ger stöd – Bedömning: Delvis'],
      headings: ['Indikator', 'Enhet', 'Utfall 2019', 'Utfall 2020', 'Utfall föregående år', 'Utfall', 'Mål', 'Måluppfyllelse', 'Bedömning', 'Källa'],
      row: ['Andel kunder som upplever stöd', '%', '71', '73,5', '76', '81', 'Öka', '–', 'Uppnås', 'Egen mätning'],
    });
    const gnesta = goalsLayoutPreview({ year: 2022, areas: true, assessGoals: true, assessCommitteeGoals: false, assessIndicators: false, printColumns: ['earlier', 'previous', 'value', 'target', 'assessment'] });
    expect(gnesta.lines).toEqual([
      'Målområde: Livskvalitet',
      'Kommunfullmäktiges mål: Alla ska kunna leva ett tryggt liv – Bedömning: Uppnås',
      'Nämndmål: Fler kunder upplever att insatserna ger stöd',
    ]);
    expect(gnesta.headings).toEqual(['Indikator', 'Utfall 2019', 'Utfall 2020', 'Utfall 2021', 'Utfall 2022', 'Mål 2022']);
  });
});
