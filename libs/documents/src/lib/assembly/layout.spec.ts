import { DEFAULT_TEMPLATE_LAYOUT, type EconomyContent, type RichTextDocument } from '@rapportflode/domain';
import { renderDocx } from '../../docx';
import { paragraphsOf, unzip } from '../../../testing/read-docx';
import { renderHtml, tocEntries } from '../html';
import { headingsOf, tablesOf } from '../model';
import { assembleReport, type AssemblyInput } from './assemble';
import { checksumText } from './canonical';

const doc = (value: string): RichTextDocument => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }] });
const ECONOMY: EconomyContent = { type: 'economy', rows: [{ key: 'a', label: 'Äldreomsorg', values: { net: -9504, budget_net: -10000, forecast: -14000, annual_budget: -15000 } }] };

/** A Gnesta-like delårsrapport: a heading-only chapter over two sections, an economy table, a section placed as appendix. */
function input(layout?: AssemblyInput['layout']): AssemblyInput {
  return {
    cycle: {
      committee: 'Vård- och omsorgsnämnden',
      municipality: 'Gnesta kommun',
      title: 'Delårsrapport 2024',
      year: 2024,
      periodEnd: '2024-08-31',
      periodLabel: 'T2 2024',
      diaryNumber: 'VON 2024/12',
      dates: [{ label: 'Sammanträde', date: '2024-10-01' }],
    },
    sections: [
      { id: 's1', number: '1', depth: 1, title: 'Verksamhetens utveckling', kind: 'narrative', config: null, headingOnly: true },
      { id: 's11', number: '1.1', depth: 2, title: 'Viktiga händelser', kind: 'narrative', config: null },
      { id: 's12', number: '1.2', depth: 2, title: 'Ekonomi', kind: 'economy', config: null },
      { id: 'sb1', number: 'B1', depth: 1, title: 'Uppföljning av internkontroll', kind: 'narrative', config: null, placement: 'appendix' },
      { id: 'sb11', number: 'B1.1', depth: 2, title: 'Kontrollmoment', kind: 'narrative', config: null },
    ],
    units: [],
    tasks: [
      { sectionId: 's11', unitId: null, state: 'approved', content: doc('Nya boendet öppnade.') },
      { sectionId: 's12', unitId: null, state: 'approved', content: ECONOMY },
      { sectionId: 'sb1', unitId: null, state: 'approved', content: doc('Alla kontroller gjordes.') },
      { sectionId: 'sb11', unitId: null, state: 'submitted', content: null },
    ],
    ...(layout ? { layout } : {}),
  };
}

describe('the template layout in assembly and the renderers', () => {
  it('prints a heading-only chapter as its heading alone, never missing, and a section placed as appendix as Bilaga 1 after the main text', () => {
    const { model, missing } = assembleReport(input());
    expect(headingsOf(model).map((h) => `${h.number ?? ''} ${h.text}`.trim())).toEqual([
      '1 Verksamhetens utveckling',
      '1.1 Viktiga händelser',
      '1.2 Ekonomi',
      'Kontrollmoment',
    ]);
    // Nothing follows the heading-only chapter's heading but its first sub-section.
    expect(model.body[1]).toMatchObject({ type: 'heading', number: '1.1' });
    expect(missing.map((m) => m.section)).toEqual(['B1.1 Kontrollmoment']);
    expect(model.appendices).toHaveLength(1);
    expect(model.appendices[0]).toMatchObject({ number: 1, title: 'Uppföljning av internkontroll', id: 'bilaga-1' });
    expect(model.appendices[0].body[0]).toEqual({ type: 'paragraph', content: [{ text: 'Alla kontroller gjordes.' }] });
    expect(tocEntries(model).map((e) => e.label)).toEqual([
      '1 Verksamhetens utveckling',
      '1.1 Viktiga händelser',
      '1.2 Ekonomi',
      'Bilaga 1 Uppföljning av internkontroll',
      'Kontrollmoment',
    ]);
  });

  it('leaves the model as before when the layout is the default one (a frozen version keeps its checksum)', () => {
    const without = assembleReport(input()).model;
    const withDefaults = assembleReport(input({ ...DEFAULT_TEMPLATE_LAYOUT })).model;
    expect(without.layout).toBeUndefined();
    expect(checksumText(withDefaults)).toBe(checksumText(without));
    expect(renderHtml(without, { target: 'print' })).toContain('<body class="kind-report target-print">');
    expect(renderHtml(without, { target: 'standalone' })).toContain('<caption>Tabell 1. Ekonomi, Vård- och omsorgsnämnden (tkr)</caption>');
  });

  it('prints unnumbered headings in the body and the table of contents, in HTML and in Word', async () => {
    const { model } = assembleReport(input({ ...DEFAULT_TEMPLATE_LAYOUT, numberedHeadings: false }));
    expect(headingsOf(model).every((h) => h.number === undefined)).toBe(true);
    const html = renderHtml(model, { target: 'standalone' });
    expect(html).toContain('<h1 id="avsnitt-1">Verksamhetens utveckling</h1>');
    expect(html).toContain('<li class="toc-l2"><a href="#avsnitt-1-1">Viktiga händelser</a></li>');
    expect(html).not.toContain('class="hn"');
    const paragraphs = paragraphsOf(unzip(await renderDocx(model)).get('word/document.xml') ?? '');
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Verksamhetens utveckling', 'Bilaga 1 Uppföljning av internkontroll']);
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(['Viktiga händelser', 'Ekonomi', 'Kontrollmoment']);
  });

  it('prints table captions without "Tabell N." when captions are off, in HTML and in Word', async () => {
    const { model } = assembleReport(input({ ...DEFAULT_TEMPLATE_LAYOUT, captions: false }));
    expect(model.layout).toEqual({ captions: false });
    expect(tablesOf(model)).toHaveLength(1);
    const html = renderHtml(model, { target: 'standalone' });
    expect(html).toContain('<caption>Ekonomi, Vård- och omsorgsnämnden (tkr)</caption>');
    expect(html).not.toContain('Tabell 1.');
    const word = paragraphsOf(unzip(await renderDocx(model)).get('word/document.xml') ?? '').map((p) => p.text);
    expect(word).toContain('Ekonomi, Vård- och omsorgsnämnden (tkr)');
    expect(word.some((t) => t.startsWith('Tabell 1.'))).toBe(false);
  });

  it('lets chapters run on in print when chapterPageBreak is off, the appendix still on its own page', () => {
    const { model } = assembleReport(input({ ...DEFAULT_TEMPLATE_LAYOUT, chapterPageBreak: false }));
    const html = renderHtml(model, { target: 'print' });
    expect(html).toContain('<body class="kind-report target-print chapters-run-on">');
    expect(html).toContain('.chapters-run-on main > .chapter-break:has(+ h1) { break-before: auto;');
    expect(html).toMatch(/<div class="chapter-break" aria-hidden="true"><\/div><section class="appendix"/);
  });

  it('follows the template’s table-of-contents depth, 0 meaning none', () => {
    expect(assembleReport(input({ ...DEFAULT_TEMPLATE_LAYOUT, tocDepth: 1 })).model.tocDepth).toBe(1);
    const none = assembleReport(input({ ...DEFAULT_TEMPLATE_LAYOUT, tocDepth: 0 })).model;
    expect(tocEntries(none)).toEqual([]);
    expect(renderHtml(none, { target: 'standalone' })).not.toContain('<nav class="toc"');
  });
});
