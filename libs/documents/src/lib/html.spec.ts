import { emptyMemoContent, formatNumber } from '@rapportflode/domain';
import { memoModel } from './memo-model';
import { renderHtml } from './html';
import type { Block, DocumentModel, TableBlock } from './model';
import { NACKA_CHAPTERS, NACKA_ECONOMY_TABLE, nackaT2Fixture } from '../../testing/nacka-fixture';

const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('renderHtml', () => {
  const model = nackaT2Fixture();

  it('is a Swedish HTML page with the document title', () => {
    const html = renderHtml(model, { target: 'standalone' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="sv-SE">');
    expect(html).toContain('<title>Tertialbokslut 2 2021, Socialnämnden</title>');
    expect(html).toMatch(/<header>[\s\S]*<\/header>[\s\S]*<nav class="toc" aria-labelledby="innehall"><h2 id="innehall">Innehåll<\/h2>[\s\S]*<main>/);
  });

  it('has a title page that is not a heading, and numbered chapter headings with ids in order', () => {
    const html = renderHtml(model, { target: 'preview' });
    expect(html).toContain('<p class="doc-title" id="dokument-titel">Tertialbokslut 2 2021</p>');
    expect(html).toContain('<p class="municipality">Nacka kommun</p>');
    expect(html).toContain('Diarienummer: SN.2021.73');
    const chapters = [...html.matchAll(/<h1 id="([^"]+)"><span class="hn">(\d+)<\/span> ([^<]+)<\/h1>/g)].map((m) => `${m[2]} ${m[3]}`);
    expect(chapters).toEqual(NACKA_CHAPTERS);
    expect(html).toContain('<h2 id="h-2-3"><span class="hn">2.3</span> Attraktiva livsmiljöer i hela Nacka</h2>');
    expect(html.indexOf('<h1')).toBeGreaterThan(html.indexOf('class="title-page"'));
  });

  it('lists headings up to the TOC depth and the appendices in the table of contents', () => {
    const html = renderHtml(model, { target: 'standalone' });
    const toc = html.slice(html.indexOf('<nav'), html.indexOf('</nav>'));
    expect(toc).toContain('<li class="toc-l1"><a href="#h-3">3 Ekonomiskt resultat</a></li>');
    expect(toc).toContain('<li class="toc-l2"><a href="#h-2-3">2.3 Attraktiva livsmiljöer i hela Nacka</a></li>');
    expect(toc).toContain('<a href="#bilaga-1">Bilaga 1 Översyn OE T2</a>');
    expect(toc).not.toContain('Barn och familjeenheten'); // level 3: deeper than tocDepth 2
    expect(html).toContain('<section class="appendix" aria-labelledby="bilaga-1"><h1 id="bilaga-1">Bilaga 1 Översyn OE T2</h1>');
  });

  it('gives the print TOC one line per entry with the page numbers it is given', () => {
    const html = renderHtml(model, { target: 'print', tocPages: { 'h-3': 7, 'bilaga-1': 12 } });
    expect(html).toContain('<a href="#h-3"><span class="t">3 Ekonomiskt resultat</span><span class="n">7</span></a>');
    expect(html).toContain('<a href="#h-1"><span class="t">1 Sammanfattning</span><span class="n"></span></a>');
    expect(html).toContain('<span class="t">Bilaga 1 Översyn OE T2</span><span class="n">12</span>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@top-left { content: "Socialnämnden, Tertialbokslut 2 2021";');
    expect(html).toContain('@bottom-right { content: counter(page) "(" counter(pages) ")";');
    expect(html).toContain('@page :first { @top-left { content: none; } @bottom-right { content: none; } }');
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('shows the economy table with Swedish numbers, grouped headers, row headers and a bold total', () => {
    const html = renderHtml(model, { target: 'preview' });
    expect(formatNumber(-593401)).toBe(`${MINUS}593${NBSP}401`);
    expect(html).toContain('<caption>Tabell 2. Ekonomiskt utfall per verksamhet, Socialnämnden (tkr)</caption>');
    expect(html).toContain('<th scope="colgroup" colspan="3">Ack utfall 2021</th>');
    expect(html).toContain('<th scope="col" class="num">Utfall netto</th>');
    expect(html).toContain(`<th scope="row">Vuxna 21-64 år</th><td class="num">12${NBSP}432</td><td class="num">${MINUS}56${NBSP}946</td>`);
    expect(html).toContain(`<tr class="total"><th scope="row">Summa</th><td class="num">43${NBSP}136</td>`);
    expect(html).toContain('<p>Negativa belopp är nettokostnader.</p>');
  });

  it('formats percentages, empty cells, sub-rows and markers with a text equivalent', () => {
    const html = renderHtml(model, { target: 'preview' });
    expect(html).toContain(`<td class="num">2,17${NBSP}%</td>`);
    expect(html).toContain(`<th scope="row">Prio BoU 2016</th><td>StorSthlm</td><td class="num">–</td>`);
    expect(html).toContain('<tr class="sub"><th scope="row">Familjerådgivning o insatser familjerätt</th>');
    expect(html).toMatch(/<span class="marker marker-green" aria-hidden="true"><\/span><span class="vh"> \(grön: uppnås\)<\/span>/);
  });

  it('draws charts as accessible SVG with the data as a table', () => {
    const html = renderHtml(model, { target: 'standalone' });
    expect(html).toContain('<svg role="img" aria-labelledby="diagram-sjukfranvaro-t diagram-sjukfranvaro-d"');
    expect(html).toContain('<title id="diagram-sjukfranvaro-t">Total sjukfrånvaro T2 2018–2021</title>');
    expect(html).toMatch(/<details class="chart-details"><summary>Visa diagrammets data som tabell<\/summary><table class="chart-data">/);
    expect(html).toContain('<td class="num">4,30</td>');
  });

  it('keeps bold, italic and http(s)/mailto links, and drops other links to text', () => {
    const withLinks = nackaT2Fixture();
    withLinks.body.push({
      type: 'paragraph',
      content: [
        { text: 'farlig', href: 'javascript:alert(1)' },
        { text: ' och ' },
        { text: 'post', href: 'mailto:info@nacka.se' },
      ],
    });
    const html = renderHtml(withLinks, { target: 'preview' });
    expect(html).toContain('<strong>22 barn</strong>');
    expect(html).toContain('<em>82 procent</em>');
    expect(html).toContain('<a href="https://skr.se/">SKR</a>');
    expect(html).toContain('<p>farlig och <a href="mailto:info@nacka.se">post</a></p>');
    expect(html).not.toContain('javascript:');
    expect(html).toMatch(/<ul><li>10 barn på lågstadiet<\/li>[\s\S]*<li>6 barn i högstadiet<ul><li>varav fyra/);
  });

  it('marks a draft as UTKAST with what is missing, on the page and in the running header', () => {
    const html = renderHtml(nackaT2Fixture({ draft: true }), { target: 'print' });
    expect(html).toContain('<p class="draft-label" id="utkast-rubrik">UTKAST</p>');
    expect(html).toContain('<li>2.3 Attraktiva livsmiljöer i hela Nacka, Omsorgsenheten: Ej påbörjad</li>');
    expect(html).toContain('<li>3 Ekonomiskt resultat: Inlämnad</li>');
    expect(html).toContain('<div class="watermark" aria-hidden="true">UTKAST</div>');
    expect(html).toContain('@top-left { content: "UTKAST – Socialnämnden, Tertialbokslut 2 2021";');
    expect(html).toContain('<title>UTKAST – Tertialbokslut 2 2021, Socialnämnden</title>');
    expect(html).not.toContain('Fastställd version');
  });

  it('says which frozen version a final document is', () => {
    const html = renderHtml(model, { target: 'standalone' });
    expect(html).toContain('<p class="status-final">Fastställd version 2, 2021-09-24, kontrollsumma 3f9a1c0b7d2e</p>');
    expect(html).not.toContain('UTKAST');
  });

  it('renders a tjänsteskrivelse with a header block and the title as h1, without title page', () => {
    const memo: DocumentModel = {
      meta: {
        kind: 'memo',
        committee: 'Socialnämnden',
        municipality: 'Gnesta kommun',
        title: 'Delårsrapport 2021',
        diaryNumber: 'SN.2021.73',
        dates: [{ label: 'Upprättad', date: '2021-09-24' }],
        language: 'sv-SE',
        runningHeader: 'Socialnämnden, Delårsrapport 2021',
        status: { kind: 'draft', missing: [] },
      },
      titlePage: false,
      tocDepth: 0,
      body: [
        { type: 'heading', level: 2, text: 'Förslag till beslut i socialnämnden', id: 'forslag' },
        { type: 'list', ordered: true, items: [{ content: [{ text: 'Socialnämnden godkänner delårsrapporten för 2021.' }] }] },
        { type: 'signatures', people: [{ name: 'Lena Karlsson Leksell', title: 'Förvaltningschef' }] },
      ],
      appendices: [],
    };
    const html = renderHtml(memo, { target: 'standalone' });
    expect(html).not.toContain('<div class="title-page">');
    expect(html).not.toContain('<nav');
    expect(html).toContain('<dl class="facts"><div><dt>Upprättad</dt><dd>2021-09-24</dd></div><div><dt>Diarienummer</dt><dd>SN.2021.73</dd></div></dl>');
    expect(html).toContain('<h1 class="doc-title">Delårsrapport 2021</h1>');
    expect(html.indexOf('<dl class="facts">')).toBeLessThan(html.indexOf('<h1'));
    expect(html).toContain('<ol><li>Socialnämnden godkänner delårsrapporten för 2021.</li></ol>');
    expect(html).toContain('<span class="name">Lena Karlsson Leksell</span><br><span class="role">Förvaltningschef</span>');
  });

  it('prints a memo’s own facts block and title once, in the header and as the h1', () => {
    const html = renderHtml(
      memoModel(
        { ...emptyMemoContent(), title: 'Delårsrapport 2021', preparedOn: '2021-09-24', proposals: ['Socialnämnden godkänner delårsrapporten för 2021.'] },
        { committee: 'Socialnämnden', municipality: 'Gnesta kommun', diaryNumber: 'SN 2019/1703', report: 'Delårsrapport 2021', status: { kind: 'draft', missing: [] } },
      ),
      { target: 'preview' },
    );
    expect(html.match(/<dt>Diarienummer<\/dt>/g)).toHaveLength(1);
    expect(html.match(/<dt>Upprättad<\/dt><dd>2021-09-24<\/dd>/g)).toHaveLength(1);
    expect(html.match(/<h1[^>]*>Delårsrapport 2021<\/h1>/g)).toHaveLength(1);
    expect(html.indexOf('<dl class="facts">')).toBeLessThan(html.indexOf('<h1'));
  });

  it('has no scripts in any target', () => {
    for (const target of ['preview', 'standalone', 'print'] as const) {
      expect(renderHtml(model, { target })).not.toMatch(/<script|\son\w+=/i);
    }
  });

  it('escapes every text field, including the CSS of the running header', () => {
    const evil = `<script>alert(1)</script>"');}`;
    const inlines = [{ text: evil }, { text: evil, marks: ['bold' as const], href: `https://x.se/"><script>` }];
    const table: TableBlock = {
      type: 'table',
      id: evil,
      caption: evil,
      unit: evil,
      groupHeaders: [[{ label: evil, span: 2 }]],
      columns: [
        { label: evil, kind: 'text' },
        { label: evil, kind: 'number' },
      ],
      rows: [{ cells: [evil, evil], marker: 'red' }],
      footnotes: [evil],
    };
    const body: Block[] = [
      { type: 'heading', level: 1, number: evil, text: evil, id: evil },
      { type: 'paragraph', content: inlines },
      { type: 'list', ordered: false, items: [{ content: inlines, children: { type: 'list', ordered: true, items: [{ content: inlines }] } }] },
      table,
      { type: 'chart', id: evil, title: evil, description: evil, unit: evil, categories: [evil], series: [{ name: evil, values: [1] }] },
      { type: 'notice', tone: 'warning', title: evil, content: [{ type: 'paragraph', content: inlines }] },
      { type: 'facts', rows: [{ label: evil, value: evil }] },
      { type: 'signatures', people: [{ name: evil, title: evil }] },
    ];
    const model: DocumentModel = {
      meta: {
        kind: 'report',
        committee: evil,
        municipality: evil,
        title: evil,
        subtitle: evil,
        period: evil,
        diaryNumber: evil,
        dates: [{ label: evil, date: evil }],
        language: 'sv-SE',
        runningHeader: `${evil}\\ </style><script>`,
        status: { kind: 'draft', missing: [{ section: evil, unit: evil, state: evil }] },
      },
      titlePage: true,
      tocDepth: 3,
      body,
      appendices: [{ number: 1, title: evil, id: evil, body }],
    };
    for (const target of ['preview', 'standalone', 'print'] as const) {
      const html = renderHtml(model, { target });
      expect(html).not.toMatch(/<script/i);
      expect(html.slice(html.indexOf('</style>'))).not.toContain(`"');}`);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;);}');
      expect((html.match(/<\/style>/g) ?? []).length).toBe(1);
      for (const id of html.matchAll(/\sid="([^"]*)"/g)) expect(id[1]).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
      if (target !== 'preview') {
        const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
        const header = css.match(/@top-left \{ content: ("(?:[^"\\]|\\.)*"); /);
        expect(header?.[1]).toBe(
          '"UTKAST – \\3C script\\3E alert(1)\\3C /script\\3E \\"\');}\\\\ \\3C /style\\3E \\3C script\\3E "',
        );
        expect(css).toContain('@bottom-right { content: counter(page) "(" counter(pages) ")";');
      }
    }
  });

  it('renders a 60-unit report with ~50 tables fast', () => {
    const big = nackaT2Fixture();
    for (let unit = 1; unit <= 60; unit++) {
      big.body.push({ type: 'heading', level: 2, number: `3.${unit}`, text: `Enhet ${unit}`, id: `enhet-${unit}` });
      big.body.push({ type: 'paragraph', content: [{ text: 'Kommentar till utfallet. '.repeat(20) }] });
      if (unit <= 50) big.body.push({ ...NACKA_ECONOMY_TABLE, id: `t-${unit}` });
    }
    renderHtml(big, { target: 'print' });
    const started = performance.now();
    const html = renderHtml(big, { target: 'print' });
    const ms = performance.now() - started;
    expect(html).toContain('Tabell 54.');
    expect(ms).toBeLessThan(100);
  });
});
