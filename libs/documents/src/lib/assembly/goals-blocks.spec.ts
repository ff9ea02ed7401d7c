import { GoalsConfig, GoalsContent, SickLeaveContent } from '@rapportflode/domain';
import { renderDocx } from '../../docx';
import { nackaT2Fixture } from '../../../testing/nacka-fixture';
import { paragraphsOf, rowsOf, tablesXmlOf, textOf, unzip } from '../../../testing/read-docx';
import { renderHtml } from '../html';
import type { Block, DocumentModel, ParagraphBlock, TableBlock } from '../model';
import { Ids } from './context';
import type { AssemblyCycle } from './input';
import { contentBlocks } from './section-blocks';

const cycle: AssemblyCycle = {
  committee: 'Kommunstyrelsen',
  municipality: 'Gnesta kommun',
  title: 'Delårsrapport 2022',
  year: 2022,
  periodEnd: '2022-08-31',
  periodLabel: 'T2 2022',
  diaryNumber: null,
  dates: [],
};

const ctx = () => ({ ids: new Ids(), cycle, sectionName: '4 Mål', sectionTitle: 'Mål och indikatorer', base: 2, headingId: 'h-4' });
const model = (body: Block[]): DocumentModel => ({ ...nackaT2Fixture(), body, appendices: [] });
const plain = (p: ParagraphBlock) => p.content.map((i) => i.text).join('');
const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });

const goals: GoalsContent = {
  type: 'goals',
  goals: [
    {
      key: 'g1',
      area: 'Livskvalitet',
      title: 'Gnesta ska vara en trygg kommun',
      committeeGoals: [
        {
          key: 'cg1',
          title: 'Fler barn ska känna sig trygga i skolan',
          assessment: 'partly',
          comment: { type: 'doc', version: 1, content: [p('Arbetet pågår.'), p('Enkäten görs i oktober.')] },
          indicators: [
            {
              key: 'i1',
              name: 'Andel elever som känner sig trygga',
              unit: 'percent',
              earlier: [
                { label: '2018', value: 79 },
                { label: '2019', value: 81 },
                { label: '2020', value: 82.5 },
              ],
              previous: 84,
              value: 86,
              target: 'Öka',
              assessment: 'met',
              source: 'Egen mätning',
            },
          ],
        },
      ],
    },
    { key: 'g2', area: 'Livskvalitet', title: 'Gnesta ska ha ett rikt kulturliv', committeeGoals: [] },
    { key: 'g3', area: 'Hållbar tillväxt', title: 'Fler företag ska etablera sig', committeeGoals: [] },
  ],
};

function goalBlocks(config: GoalsConfig | null, content: GoalsContent = goals): Block[] {
  const section = { id: 's', number: '4', depth: 1, title: 'Mål och indikatorer', kind: 'goals' as const, config: config ? { goals: config } : null };
  return contentBlocks(section, content, ctx(), null);
}

describe('goals in the report, as the template lays them out', () => {
  it('prints each målområde once above its goals, the three earlier years, the text target and only the chosen columns', async () => {
    const config: GoalsConfig = { year: 2022, areas: true, assessCommitteeGoals: false, printColumns: ['earlier', 'previous', 'value', 'target', 'assessment'] };
    const blocks = goalBlocks(config);
    const paragraphs = blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph').map(plain);
    expect(paragraphs).toEqual([
      'Målområde: Livskvalitet',
      'Kommunfullmäktiges mål: Gnesta ska vara en trygg kommun',
      'Nämndmål: Fler barn ska känna sig trygga i skolan',
      'Arbetet pågår.',
      'Enkäten görs i oktober.',
      'Kommunfullmäktiges mål: Gnesta ska ha ett rikt kulturliv',
      'Målområde: Hållbar tillväxt',
      'Kommunfullmäktiges mål: Fler företag ska etablera sig',
    ]);
    const table = blocks.find((b): b is TableBlock => b.type === 'table');
    expect(table?.columns.map((c) => c.label)).toEqual(['Indikator', 'Utfall 2018', 'Utfall 2019', 'Utfall 2020', 'Utfall 2021', 'Utfall 2022', 'Mål 2022', 'Bedömning']);
    expect(table?.rows.map((r) => r.cells)).toEqual([['Andel elever som känner sig trygga', 79, 81, 82.5, 84, 86, 'Öka', 'Uppnås']]);
    const html = renderHtml(model(blocks), { target: 'preview' });
    expect(html).toContain('<strong>Målområde: </strong>Livskvalitet');
    expect(html).toContain('<td class="num">82,5</td>');
    expect(html).toContain('Öka');
    expect(html).not.toContain('Enhet');
    expect(html).not.toContain('Källa');
    const document = unzip(await renderDocx(model(blocks))).get('word/document.xml') ?? '';
    expect(textOf(rowsOf(tablesXmlOf(document)[0])[0])).toBe('IndikatorUtfall 2018Utfall 2019Utfall 2020Utfall 2021Utfall 2022Mål 2022Bedömning');
  });

  it('prints as before without a layout: every column, no målområde, the nämndmål’s assessment', () => {
    const blocks = goalBlocks({ year: 2022 });
    const paragraphs = blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph').map(plain);
    expect(paragraphs.slice(0, 2)).toEqual(['Kommunfullmäktiges mål: Gnesta ska vara en trygg kommun', 'Nämndmål: Fler barn ska känna sig trygga i skolan – Bedömning: Delvis']);
    const table = blocks.find((b): b is TableBlock => b.type === 'table');
    expect(table?.columns.map((c) => c.label)).toEqual([
      'Indikator',
      'Enhet',
      'Utfall 2018',
      'Utfall 2019',
      'Utfall 2020',
      'Utfall 2021',
      'Utfall 2022',
      'Mål 2022',
      'Måluppfyllelse 2022',
      'Bedömning',
      'Källa',
    ]);
    expect(table?.rows[0].marker).toBe('green');
  });

  it('prints kommunfullmäktige’s goals’ assessments only when the template assesses them', () => {
    const assessed = { ...goals, goals: goals.goals.map((g) => ({ ...g, assessment: 'met' as const })) };
    const paragraphs = goalBlocks({ assessGoals: true, assessIndicators: false }, assessed).filter((b): b is ParagraphBlock => b.type === 'paragraph').map(plain);
    expect(paragraphs[0]).toBe('Kommunfullmäktiges mål: Gnesta ska vara en trygg kommun – Bedömning: Uppnås');
    const table = goalBlocks({ assessIndicators: false }).find((b): b is TableBlock => b.type === 'table');
    expect(table?.columns.map((c) => c.label)).not.toContain('Bedömning');
    expect(table?.rows[0].marker).toBeUndefined();
  });
});

describe('the sick-leave commentary as rich text', () => {
  const sick = (comment: unknown): SickLeaveContent => ({ type: 'sick_leave', values: { total: 4.2, shortTerm: 2.1, longTerm: 1.9 }, comment } as SickLeaveContent);
  const sickBlocks = (content: SickLeaveContent) =>
    contentBlocks({ id: 's', number: '6', depth: 1, title: 'Sjukfrånvaro', kind: 'sick_leave', config: null }, content, ctx(), { id: 'u', name: 'Omsorgsenheten' });

  it('prints two paragraphs and a list in HTML and Word', async () => {
    const blocks = sickBlocks(
      sick({
        type: 'doc',
        version: 1,
        content: [p('Sjukfrånvaron har minskat.'), p('Insatser under hösten:'), { type: 'bullet_list', items: [[p('Friskvårdstimme')], [p('Tidiga samtal')]] }],
      }),
    );
    expect(blocks.slice(1).map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'list']);
    const html = renderHtml(model(blocks), { target: 'preview' });
    expect(html).toContain('<p>Sjukfrånvaron har minskat.</p>');
    expect(html).toContain('<p>Insatser under hösten:</p>');
    expect(html).toMatch(/<ul>\s*<li>Friskvårdstimme<\/li>\s*<li>Tidiga samtal<\/li>\s*<\/ul>/);
    const document = unzip(await renderDocx(model(blocks))).get('word/document.xml') ?? '';
    const texts = paragraphsOf(document).map((x) => x.text);
    expect(texts).toEqual(expect.arrayContaining(['Sjukfrånvaron har minskat.', 'Insatser under hösten:', 'Friskvårdstimme', 'Tidiga samtal']));
    const list = paragraphsOf(document).filter((x) => x.text === 'Friskvårdstimme' || x.text === 'Tidiga samtal');
    expect(list.every((x) => x.xml.includes('<w:numPr>'))).toBe(true);
  });

  it('prints an old string comment as its paragraphs', () => {
    const blocks = sickBlocks(sick('Lägre än i fjol.\nFler friska.'));
    expect(blocks.slice(1).map((b) => (b.type === 'paragraph' ? plain(b) : b.type))).toEqual(['Lägre än i fjol.', 'Fler friska.']);
  });
});
