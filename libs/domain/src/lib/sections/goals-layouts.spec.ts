import { checkContent, checkSectionConfig, carryContentForward, diffContent } from './content';
import { checkRowAnchor, commentableRows } from './row-anchor';
import {
  checkGoals,
  computeGoals,
  directionMet,
  earlierLabels,
  GoalsConfig,
  GoalsContent,
  goalsPrintColumns,
} from './goals';

// A Gnesta-like layout: målområden, three earlier years per indicator, targets as directions.
const layout: GoalsConfig = { year: 2022, areas: true };

const content = (over: { assessment?: unknown; indicatorAssessment?: unknown; goalAssessment?: unknown } = {}) => ({
  type: 'goals',
  goals: [
    {
      key: 'g1',
      area: 'Livskvalitet',
      title: 'Gnesta ska vara en trygg kommun',
      ...(over.goalAssessment !== undefined ? { assessment: over.goalAssessment } : {}),
      committeeGoals: [
        {
          key: 'cg1',
          title: 'Fler barn ska känna sig trygga i skolan',
          assessment: over.assessment ?? null,
          indicators: [
            {
              key: 'i1',
              name: 'Andel elever som känner sig trygga',
              unit: 'percent',
              earlier: [
                { label: '2018', value: 81 },
                { label: '2019', value: '82,5' },
                { label: '2020', value: 84 },
              ],
              previous: null,
              value: 86,
              target: 'öka',
              assessment: over.indicatorAssessment ?? null,
            },
            {
              key: 'i2',
              name: 'Antal anmälda kränkningar',
              unit: 'count',
              earlier: [{ label: 'T2 2017', value: 40 }],
              previous: 31,
              value: 28,
              target: 'Minska',
              assessment: over.indicatorAssessment ?? null,
            },
          ],
        },
      ],
    },
    {
      key: 'g2',
      area: 'Livskvalitet',
      title: 'Gnesta ska ha ett rikt kulturliv',
      committeeGoals: [],
    },
  ],
});

const checked = (config: GoalsConfig | null, input: unknown): GoalsContent => {
  const result = checkGoals(config, input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.content;
};

describe('goals layouts a template chooses', () => {
  it('groups kommunfullmäktige’s goals under målområden, and asks for the målområde only where the template has them', () => {
    const goals = checked(layout, content());
    expect(goals.goals.map((g) => [g.area, g.title])).toEqual([
      ['Livskvalitet', 'Gnesta ska vara en trygg kommun'],
      ['Livskvalitet', 'Gnesta ska ha ett rikt kulturliv'],
    ]);
    const missing = checkGoals(layout, { ...content(), goals: [{ ...content().goals[1], area: ' ' }] });
    expect(!missing.ok && missing.issues).toEqual([{ row: 'Gnesta ska ha ett rikt kulturliv', column: 'area', message: 'Målområde saknas.' }]);
    // Without målområden in the template nothing about them is stored.
    expect(checked({ year: 2022 }, content()).goals.every((g) => g.area === undefined)).toBe(true);
  });

  it('keeps each indicator’s own earlier years with their labels, and the table shows every label once in time order', () => {
    const goals = checked(layout, content());
    const [trygga, krankningar] = goals.goals[0].committeeGoals[0].indicators;
    expect(trygga.earlier).toEqual([
      { label: '2018', value: 81 },
      { label: '2019', value: 82.5 },
      { label: '2020', value: 84 },
    ]);
    expect(krankningar.earlier).toEqual([{ label: 'T2 2017', value: 40 }]);
    expect(earlierLabels([trygga, krankningar])).toEqual(['T2 2017', '2018', '2019', '2020']);
  });

  it('refuses an earlier year without its label, one given twice, last year’s as an earlier one and a share over 100 %, naming the year', () => {
    const bad = content();
    bad.goals[0].committeeGoals[0].indicators[0].earlier = [
      { label: '', value: 81 },
      { label: '2020', value: 120 },
      { label: '2020', value: 82 },
      { label: '2021', value: 83 },
    ];
    const result = checkGoals(layout, bad);
    expect(!result.ok && result.issues.map((i) => i.message)).toEqual([
      'Tidigare år 1: ange året (1–20 tecken), t.ex. 2019.',
      'Utfall 2020: 120,0\u00a0% är ingen andel; en andel ligger mellan 0 och 100 %.',
      'Utfall 2020 förekommer två gånger.',
      'Utfall 2021 är redan en egen kolumn; tidigare år är åren före den.',
    ]);
  });

  it('takes a target as a direction in text or as a figure; a direction has no måluppfyllelse but is met or not against the year before', () => {
    const goals = checked(layout, content());
    const [trygga, krankningar] = goals.goals[0].committeeGoals[0].indicators;
    expect([trygga.target, krankningar.target]).toEqual(['Öka', 'Minska']);
    expect(computeGoals(goals)[0].committeeGoals[0].indicators.map((i) => i.fulfilment)).toEqual([null, null]);
    // Öka: 86 against 2020’s 84 (no figure for 2021); Minska: 28 against last year’s 31.
    expect([directionMet(trygga), directionMet(krankningar)]).toEqual([true, true]);
    expect(directionMet({ ...krankningar, value: 33 })).toBe(false);
    const figure = checked(layout, { ...content(), goals: [{ ...content().goals[0], committeeGoals: [{ ...content().goals[0].committeeGoals[0], indicators: [{ ...content().goals[0].committeeGoals[0].indicators[0], target: '90 %' }] }] }] });
    expect(figure.goals[0].committeeGoals[0].indicators[0].target).toBe(90);
    const typo = checkGoals(layout, { ...content(), goals: [{ ...content().goals[0], committeeGoals: [{ ...content().goals[0].committeeGoals[0], indicators: [{ ...content().goals[0].committeeGoals[0].indicators[0], target: '9O' }] }] }] });
    expect(typo.ok).toBe(false);
  });

  it('asks for assessments at submit only at the levels the template assesses, with the Swedish message where it does', () => {
    const submit = (config: GoalsConfig, input: unknown) => checkContent('goals', { goals: config }, input, { forSubmit: true });
    // Today’s default: nämndmål and indicators are assessed, kommunfullmäktige’s goals are not.
    const refused = submit(layout, content());
    expect(!refused.ok && refused.errors).toEqual([
      'Fler barn ska känna sig trygga i skolan: Bedömning saknas; välj Uppnås, Delvis eller Uppnås ej.',
      'Andel elever som känner sig trygga: Bedömning saknas; välj Uppnås, Delvis eller Uppnås ej.',
      'Antal anmälda kränkningar: Bedömning saknas; välj Uppnås, Delvis eller Uppnås ej.',
    ]);
    expect(submit({ ...layout, assessCommitteeGoals: false, assessIndicators: false }, content()).ok).toBe(true);
    const onlyIndicators = submit({ ...layout, assessCommitteeGoals: false }, content({ indicatorAssessment: 'Uppnås' }));
    expect(onlyIndicators.ok).toBe(true);
    const goalsToo = submit({ ...layout, assessGoals: true }, content({ assessment: 'Delvis', indicatorAssessment: 'met' }));
    expect(!goalsToo.ok && goalsToo.errors).toEqual([
      'Gnesta ska vara en trygg kommun: Bedömning saknas; välj Uppnås, Delvis eller Uppnås ej.',
      'Gnesta ska ha ett rikt kulturliv: Bedömning saknas; välj Uppnås, Delvis eller Uppnås ej.',
    ]);
    const all = submit({ ...layout, assessGoals: true }, content({ goalAssessment: 'Uppnås', assessment: 'Delvis', indicatorAssessment: 'met' }));
    expect(all.ok).toBe(false); // the second goal has no assessment
    // Saving a draft never asks.
    expect(checkContent('goals', { goals: { ...layout, assessGoals: true } }, content()).ok).toBe(true);
  });

  it('prints the columns the template chooses; an unassessed indicator level never prints its assessment', () => {
    expect(goalsPrintColumns(null)).toEqual(['unit', 'earlier', 'previous', 'value', 'target', 'fulfilment', 'assessment', 'source']);
    expect(goalsPrintColumns({ printColumns: ['target', 'earlier', 'value', 'assessment'] })).toEqual(['earlier', 'value', 'target', 'assessment']);
    expect(goalsPrintColumns({ printColumns: ['value', 'assessment'], assessIndicators: false })).toEqual(['value']);
  });

  it('checks the template’s goals layout in Swedish and keeps only what differs from the default', () => {
    expect(checkSectionConfig('goals', { goals: { year: 2022, areas: true, assessGoals: true, assessCommitteeGoals: true, assessIndicators: false, printColumns: ['value', 'unit'] } })).toEqual({
      ok: true,
      config: { goals: { year: 2022, areas: true, assessGoals: true, assessIndicators: false, printColumns: ['unit', 'value'] } },
    });
    expect(checkSectionConfig('goals', { goals: { printColumns: ['value', 'farg'] } })).toEqual({ ok: false, errors: ['Indikatortabellen har en okänd kolumn.'] });
    expect(checkSectionConfig('goals', { goals: { areas: 'ja' } })).toEqual({ ok: false, errors: ['Målens inställningar ska vara ja eller nej.'] });
    // Today’s layouts stay as they were.
    expect(checkSectionConfig('goals', { goals: { year: 2021, requireAssessment: true } })).toEqual({ ok: true, config: { goals: { year: 2021, requireAssessment: true } } });
  });

  it('carries the goals into the next year: this year’s value becomes last year’s, last year’s joins the earlier years and the oldest leaves', () => {
    const goals = checked(layout, { ...content(), goals: [{ ...content().goals[0], committeeGoals: [{ ...content().goals[0].committeeGoals[0], indicators: [{ ...content().goals[0].committeeGoals[0].indicators[0], previous: 85 }] }] }] });
    const next = carryContentForward('goals', goals, false) as GoalsContent;
    const ind = next.goals[0].committeeGoals[0].indicators[0];
    expect(ind.earlier).toEqual([
      { label: '2019', value: 82.5 },
      { label: '2020', value: 84 },
      { label: '2021', value: 85 },
    ]);
    expect([ind.previous, ind.value, ind.target, ind.assessment]).toEqual([86, null, 'Öka', null]);
    expect(next.goals[0].area).toBe('Livskvalitet');
    const same = carryContentForward('goals', goals, true) as GoalsContent;
    expect(same.goals[0].committeeGoals[0].indicators[0].earlier).toEqual(goals.goals[0].committeeGoals[0].indicators[0].earlier);
  });

  it('lets a reviewer comment on the målområde and the earlier years, and on an assessment only where the template has one', () => {
    const goals = checked(layout, content());
    const config = { goals: { ...layout, assessIndicators: false } };
    const rows = commentableRows(goals, config);
    expect(rows.find((r) => r.key === 'g1')?.columns.map((c) => c.label)).toEqual(['Målområde']);
    expect(rows.find((r) => r.key === 'i1')?.columns.map((c) => c.key)).toEqual(['unit', 'earlier', 'previous', 'value', 'target', 'fulfilment', 'source', 'comment']);
    expect(checkRowAnchor(goals, config, { kind: 'row', rowKey: 'i1', column: 'earlier' }).ok).toBe(true);
    expect(checkRowAnchor(goals, config, { kind: 'row', rowKey: 'i1', column: 'assessment' })).toEqual({ ok: false, message: 'Raden ”Andel elever som känner sig trygga” har ingen sådan kolumn att kommentera.' });
  });

  it('shows the reviewer a changed earlier year, målområde and text target by their headings', () => {
    const before = checked(layout, content());
    const changed = content();
    changed.goals[0].area = 'Trygghet';
    changed.goals[0].committeeGoals[0].indicators[0].earlier[1].value = 83;
    changed.goals[0].committeeGoals[0].indicators[0].target = 'Bibehålla';
    const after = checked(layout, changed);
    expect(diffContent('goals', { goals: layout }, before, after).cells).toEqual([
      { row: 'Gnesta ska vara en trygg kommun', column: 'Målområde', before: 'Livskvalitet', after: 'Trygghet' },
      { row: 'Andel elever som känner sig trygga', column: 'Utfall 2019', before: 82.5, after: 83 },
      { row: 'Andel elever som känner sig trygga', column: 'Mål 2022', before: 'Öka', after: 'Bibehålla' },
    ]);
  });
});
