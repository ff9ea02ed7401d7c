import { checkContent, checkSectionConfig, type SectionConfig, type SectionKind } from '@rapportflode/domain';
import { sectionSampleBlocks, sectionSampleContent, sectionSampleHtml } from './section-sample';

/** A layout as the template editor saves it: checked and in clean form. */
function layout(kind: SectionKind, input: unknown): SectionConfig | null {
  const checked = checkSectionConfig(kind, input);
  if (!checked.ok) throw new Error(checked.errors.join(' '));
  return checked.config;
}

const BLOCKS = layout('blocks', {
  blocks: {
    blocks: [
      { key: 'inledning', kind: 'narrative', title: 'Periodens utfall' },
      {
        key: 'investeringar',
        kind: 'table',
        title: 'Investeringar',
        config: {
          table: {
            columns: [
              { key: 'projekt', label: 'Projekt', type: 'text', required: true },
              { key: 'budget', label: 'Budget tkr', type: 'number', sum: true },
              { key: 'utfall', label: 'Utfall tkr', type: 'number', decimals: 1, sum: true },
            ],
            totalLabel: 'Summa investeringar',
          },
        },
      },
      { key: 'analys', kind: 'narrative' },
      { key: 'diagram', kind: 'chart', chart: { source: 'investeringar', type: 'line', title: 'Budget och utfall per projekt', series: ['budget', 'utfall'] } },
    ],
  },
});

const LAYOUTS: ReadonlyArray<[string, SectionKind, SectionConfig | null]> = [
  ['table, default columns', 'table', null],
  ['table with two decimals and a total label', 'table', layout('table', { table: { columns: [{ key: 'namn', label: 'Namn', type: 'text', required: true }, { key: 'antal', label: 'Antal', type: 'number', decimals: 2, sum: true }, { key: 'not', label: 'Not', type: 'text', required: true }], totalLabel: 'Totalt' } })],
  ['table with group heading rows', 'table', layout('table', { table: { columns: [{ key: 'projekt', label: 'Projekt', type: 'text' }, { key: 'belopp', label: 'Belopp tkr', type: 'number', sum: true }], groups: 'rows' } })],
  ['sick leave, default', 'sick_leave', null],
  ['sick leave by gender and age, two decimals', 'sick_leave', layout('sick_leave', { sickLeave: { shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar', byGender: true, decimals: 2, ageBands: [{ key: 'unga', label: '29 år eller yngre' }, { key: 'mitt', label: '30–49 år' }, { key: 'aldre', label: '50 år eller äldre' }] } })],
  ['sick leave, one age band', 'sick_leave', layout('sick_leave', { sickLeave: { shortTermLabel: '1–14 dagar', longTermLabel: '15–90 dagar', ageBands: [{ key: 'alla', label: 'alla åldrar' }] } })],
  ['action plan, default', 'action_plan', null],
  ['action plan with areas and effect', 'action_plan', layout('action_plan', { actionPlan: { areas: ['FL', 'SOV'], effect: true } })],
  ['internal control, plan', 'internal_control', null],
  ['internal control, plan with results required and an added result', 'internal_control', layout('internal_control', { internalControl: { requireResults: true, results: [{ key: 'delvis', label: 'Delvis genomförd' }] } })],
  ['internal control, audit recommendations', 'internal_control', layout('internal_control', { internalControl: { layout: 'audit_recommendations', caption: 'Revisionens iakttagelser', hideEmptyColumns: true } })],
  ['internal control, systematic controls with risk tables per group and added statuses', 'internal_control', layout('internal_control', { internalControl: { layout: 'systematic_controls', riskGroups: 'tables', statuses: [{ key: 'troligen-klart', label: 'Troligen klart i år' }] } })],
  ['goals, default', 'goals', null],
  ['goals with målområden, every level assessed', 'goals', layout('goals', { goals: { year: 2025, areas: true, assessGoals: true } })],
  ['goals, nothing assessed', 'goals', layout('goals', { goals: { assessCommitteeGoals: false, assessIndicators: false } })],
  ['blocks', 'blocks', BLOCKS],
];

describe('sectionSampleContent', () => {
  it.each(LAYOUTS)('%s: the sample passes its own layout, also when handed in', (_name, kind, config) => {
    const content = sectionSampleContent(kind, config);
    const checked = checkContent(kind, config, content, { forSubmit: true });
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    if (checked.ok) expect(checked.content).toEqual(content);
  });
});

describe('sectionSampleHtml', () => {
  it('prints a table section with its columns, the layout decimals and the total row', () => {
    const html = sectionSampleHtml('table', LAYOUTS[1][2], 'Statsbidrag');
    expect(html).toContain('<h2 id="exempel-rubrik-statsbidrag">Statsbidrag</h2>');
    expect(html).toContain('<caption>Statsbidrag</caption>');
    expect(html).toContain('>Namn</th><th scope="col" class="num">Antal</th><th scope="col">Not</th>');
    // 1 562,88 + 2 902,88 + 1 056,63, the rows printed above it.
    expect(html).toMatch(/<th scope="row">Hemtjänst<\/th><td class="num">1\s562,88<\/td>/);
    expect(html).toMatch(/<tr class="total"><th scope="row">Totalt<\/th><td class="num">5\s522,39<\/td>/);
  });

  it('prints group heading rows inside a table whose layout asks for them, and no Grupp column', () => {
    const html = sectionSampleHtml('table', LAYOUTS[2][2], 'Investeringar');
    expect(html).toContain('<tr class="group-row"><th scope="rowgroup" colspan="2">Äldreomsorg</th></tr>');
    expect(html).toContain('<tr class="group-row"><th scope="rowgroup" colspan="2">Individ- och familjeomsorg</th></tr>');
    expect(html).not.toContain('>Grupp</th>');
    expect(sectionSampleHtml('table', null)).not.toContain('group-row');
  });

  it('prints a section of blocks in block order: lead text, table, text, chart as svg with its data table', () => {
    const html = sectionSampleHtml('blocks', BLOCKS, 'Ekonomisk uppföljning');
    const order = [
      '<p class="lead"><strong>Periodens utfall</strong></p>',
      'Nämnden redovisar ett underskott',
      '<caption>Investeringar</caption>',
      'Summa investeringar',
      'Prognosen för helåret',
      '<figcaption>Budget och utfall per projekt</figcaption>',
      '<svg role="img"',
      '<polyline class="line"',
      '<table class="chart-data"><caption>Budget och utfall per projekt</caption>',
    ];
    const at = order.map((part) => html.indexOf(part));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html).not.toContain('inga godkända värden');
  });

  it('prints the audit recommendations layout with its caption and columns, hiding the column empty in every row', () => {
    const html = sectionSampleHtml('internal_control', LAYOUTS[10][2], 'Intern kontroll');
    expect(html).toContain('<caption>Revisionens iakttagelser</caption>');
    expect(html).toContain('<th scope="col">Revision/Granskning</th><th scope="col">Åtgärd</th><th scope="col">Status</th>');
    expect(html).not.toContain('Bakgrund');
    expect(html).not.toContain('Kontrollområde');
    // The risk table's empty Påverkan is left out too.
    expect(html).toContain('<caption>Verksamhetsrisker</caption>');
    expect(html).not.toContain('Påverkan');
  });

  it('without hideEmptyColumns the empty column is printed with a dash', () => {
    const config = layout('internal_control', { internalControl: { layout: 'audit_recommendations' } });
    const html = sectionSampleHtml('internal_control', config);
    expect(html).toContain('<caption>Revisionens rekommendationer</caption>');
    expect(html).toContain('<th scope="col">Revision/Granskning</th><th scope="col">Bakgrund</th><th scope="col">Åtgärd</th>');
    expect(html).toContain('<td>–</td>');
  });

  it('prints risk groups as one table per group with the status the template adds', () => {
    const html = sectionSampleHtml('internal_control', LAYOUTS[11][2]);
    expect(html).toContain('<caption>Verksamhetsrisker: Äldreomsorg</caption>');
    expect(html).toContain('<caption>Verksamhetsrisker: Individ- och familjeomsorg</caption>');
    expect(html).toContain('Troligen klart i år');
    expect(html).toContain('<caption>Systematiska kontroller</caption>');
    expect(html).not.toContain('>Grupp</th>');
  });

  it('prints the plan with the result the template adds and the group column of the risks', () => {
    const html = sectionSampleHtml('internal_control', LAYOUTS[9][2]);
    expect(html).toContain('<caption>Intern kontrollplan</caption>');
    expect(html).toContain('Delvis genomförd');
    expect(html).toContain('<th scope="col">Grupp</th><th scope="col">Risk</th>');
  });

  it('prints sick leave with the layout limits, decimals and the trend chart', () => {
    const html = sectionSampleHtml('sick_leave', LAYOUTS[4][2]);
    expect(html).toContain('<caption>Sjukfrånvaro, T2 2025 (%)</caption>');
    expect(html).toContain('Kort sjukfrånvaro (≤59 dagar)');
    expect(html).toContain('Sjukfrånvaro kvinnor');
    expect(html).toContain('Sjukfrånvaro 30–49 år');
    expect(html).toMatch(/6,31[\s\u00a0]?%/);
    expect(html).toContain('<svg role="img"');
  });

  it('prints a goals block of a section of blocks with its goal, nämndmål and indicators', () => {
    const config = layout('blocks', { blocks: { blocks: [{ key: 'text', kind: 'narrative' }, { key: 'mal', kind: 'goals', title: 'Mål och resultat', config: { goals: { year: 2025 } } }] } });
    const html = sectionSampleHtml('blocks', config, 'Verksamhet');
    expect(html).toContain('Den som har hemtjänst är nöjd med sin hjälp');
    expect(html).toContain('Andel brukare som är nöjda med hemtjänsten');
    expect(html.indexOf('Nämnden redovisar')).toBeLessThan(html.indexOf('Andel brukare'));
  });

  it('prints the action plan with the effect column only when the layout has it', () => {
    expect(sectionSampleHtml('action_plan', null)).not.toContain('Effekt (tkr)');
    const html = sectionSampleHtml('action_plan', LAYOUTS[7][2]);
    expect(html).toContain('Effekt (tkr)');
    expect(html).toContain('<td>FL</td>');
    expect(html).toMatch(/<td class="num">1\s200<\/td>/);
  });

  it('gives every id the prefix, so several previews on one page keep them unique', () => {
    const blocks = sectionSampleBlocks('blocks', BLOCKS, 'Ekonomi', 'mall-ekonomi');
    const ids = blocks.flatMap((b) => ('id' in b && typeof b.id === 'string' ? [b.id] : []));
    expect(ids.length).toBeGreaterThan(2);
    expect(ids.every((id) => id.startsWith('mall-ekonomi-'))).toBe(true);
  });
});
