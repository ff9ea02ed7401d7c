import { checkGoals, GoalsContent } from '@rapportflode/domain';
import { renderDocx } from '../../docx';
import { nackaT2Fixture } from '../../../testing/nacka-fixture';
import { paragraphsOf, unzip } from '../../../testing/read-docx';
import { renderHtml } from '../html';
import type { Block, DocumentModel, ListBlock, ParagraphBlock } from '../model';
import { Ids } from './context';
import type { AssemblyCycle } from './input';
import { contentBlocks } from './section-blocks';

const cycle: AssemblyCycle = {
  committee: 'Socialnämnden',
  municipality: 'Nacka kommun',
  title: 'Tertialrapport 2 2021',
  year: 2021,
  periodEnd: '2021-08-31',
  periodLabel: 'T2 2021',
  diaryNumber: null,
  dates: [],
};

const ctx = () => ({ ids: new Ids(), cycle, sectionName: '2 Mål', sectionTitle: 'Mål och indikatorer', base: 2, headingId: 'h-2' });
const model = (body: Block[]): DocumentModel => ({ ...nackaT2Fixture(), body, appendices: [] });
const p = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const NAME = 'Andel kvinnor som inte utsätts för våld';

const goalsWith = (comment: unknown): GoalsContent =>
  ({
    type: 'goals',
    goals: [
      {
        key: 'g',
        title: 'Maximalt värde för skattepengarna',
        committeeGoals: [
          {
            key: 'cg',
            title: 'Trygghet för våldsutsatta',
            assessment: 'met',
            indicators: [{ key: 'i1', name: NAME, unit: 'percent', previous: 85, value: 90, target: 85, assessment: 'met', ...(comment === undefined ? {} : { comment }) }],
          },
        ],
      },
    ],
  }) as GoalsContent;

const blocksOf = (content: GoalsContent) =>
  contentBlocks({ id: 's', number: '2', depth: 1, title: 'Mål och indikatorer', kind: 'goals', config: { goals: { year: 2021 } } }, content, ctx(), null);
/** The blocks after the indicator table: the comments. */
const afterTable = (blocks: Block[]) => blocks.slice(blocks.findIndex((b) => b.type === 'table') + 1);

describe('an indicator comment in the report', () => {
  const sentence = 'Under tertial 2 har 10 våldsutsatta lämnat skyddade boenden.';
  /** The note every indicator comment printed as before comments were rich text. */
  const note: ParagraphBlock = { type: 'paragraph', content: [{ text: `${NAME}: `, marks: ['italic'] }, { text: sentence }], style: 'note' };

  it('prints a comment of one paragraph exactly as before: an italic name and the text as a note, stored as a string or as rich text', () => {
    expect(afterTable(blocksOf(goalsWith(sentence)))).toEqual([note]);
    expect(afterTable(blocksOf(goalsWith({ type: 'doc', version: 1, content: [p(sentence)] })))).toEqual([note]);
    // As saved through the check (a string becomes a document): the same note.
    const saved = checkGoals({ year: 2021 }, goalsWith(sentence));
    expect(saved.ok && afterTable(blocksOf(saved.content))).toEqual([note]);
    const html = renderHtml(model(blocksOf(goalsWith(sentence))), { target: 'preview' });
    const again = renderHtml(model(blocksOf(goalsWith({ type: 'doc', version: 1, content: [p(sentence)] }))), { target: 'preview' });
    expect(again).toBe(html);
    expect(afterTable(blocksOf(goalsWith(undefined)))).toEqual([]);
  });

  it('prints two paragraphs and a list under the name in bold, in HTML and Word', async () => {
    const blocks = blocksOf(
      goalsWith({
        type: 'doc',
        version: 1,
        content: [p('Fler har lämnat skyddat boende.'), p('Insatser under hösten:'), { type: 'bullet_list', items: [[p('Uppföljande samtal')], [p('Stöd i boendet')]] }],
      }),
    );
    const comment = afterTable(blocks);
    expect(comment.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'list']);
    expect((comment[0] as ParagraphBlock).content).toEqual([{ text: NAME, marks: ['bold'] }]);
    expect((comment[3] as ListBlock).items.map((i) => i.content.map((c) => c.text).join(''))).toEqual(['Uppföljande samtal', 'Stöd i boendet']);
    const html = renderHtml(model(blocks), { target: 'preview' });
    expect(html).toContain(`<strong>${NAME}</strong>`);
    expect(html).toContain('<p>Fler har lämnat skyddat boende.</p>');
    expect(html).toContain('<p>Insatser under hösten:</p>');
    expect(html).toMatch(/<ul>\s*<li>Uppföljande samtal<\/li>\s*<li>Stöd i boendet<\/li>\s*<\/ul>/);
    const document = unzip(await renderDocx(model(blocks))).get('word/document.xml') ?? '';
    const paragraphs = paragraphsOf(document);
    const texts = paragraphs.map((x) => x.text);
    const at = texts.indexOf(NAME);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(texts.slice(at, at + 5)).toEqual([NAME, 'Fler har lämnat skyddat boende.', 'Insatser under hösten:', 'Uppföljande samtal', 'Stöd i boendet']);
    expect(paragraphs[at].xml).toContain('<w:b/>');
    expect(paragraphs.slice(at + 3, at + 5).every((x) => x.xml.includes('<w:numPr>'))).toBe(true);
  });

  it('prints an old string comment of two lines as its two paragraphs', () => {
    const comment = afterTable(blocksOf(goalsWith('Fler har lämnat skyddat boende.\nUppföljning sker i T3.')));
    expect(comment.map((b) => (b.type === 'paragraph' ? b.content.map((i) => i.text).join('') : b.type))).toEqual([NAME, 'Fler har lämnat skyddat boende.', 'Uppföljning sker i T3.']);
  });
});
