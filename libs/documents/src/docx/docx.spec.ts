import { renderDocx } from '../docx';
import { DocumentModel, paragraph, tablesOf, text } from '../lib/model';
import { NACKA_CHAPTERS, NACKA_MISSING, nackaT2Fixture } from '../../testing/nacka-fixture';
import { assertWellFormed, fieldInstructions, paragraphsOf, rowsOf, tablesXmlOf, textOf, unzip } from '../../testing/read-docx';

const NBSP = '\u00a0';
const MINUS = '\u2212';

interface Docx {
  files: Map<string, string>;
  document: string;
  styles: string;
  /** Header and footer parts by the section's reference type: default, first. */
  header: Record<string, string>;
  footer: Record<string, string>;
  rels: string;
}

async function open(model: DocumentModel): Promise<Docx> {
  const buffer = await renderDocx(model);
  expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
  const files = unzip(buffer);
  for (const [name, content] of files) if (name.endsWith('.xml') || name.endsWith('.rels')) assertWellFormed(content, name);
  const document = files.get('word/document.xml') ?? '';
  const rels = files.get('word/_rels/document.xml.rels') ?? '';
  const part = (kind: 'header' | 'footer') => {
    const out: Record<string, string> = {};
    for (const m of document.matchAll(new RegExp(`<w:${kind}Reference w:type="(\\w+)" r:id="(\\w+)"/>`, 'g'))) {
      const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
      out[m[1]] = files.get(`word/${target?.[1] ?? target?.[2]}`) ?? '';
    }
    return out;
  };
  return { files, document, styles: files.get('word/styles.xml') ?? '', header: part('header'), footer: part('footer'), rels };
}

describe('renderDocx, the Nacka Tertialbokslut 2 2021 (reference 000)', () => {
  let docx: Docx;
  const model = nackaT2Fixture();

  beforeAll(async () => {
    docx = await open(model);
  });

  it('is a Word file with the main parts, every XML part well-formed', () => {
    for (const name of ['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/settings.xml']) {
      expect(docx.files.has(name)).toBe(true);
    }
  });

  it('is A4, in Swedish, with a title page that has no header or footer', () => {
    expect(docx.document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(docx.styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="sv-SE"/);
    expect(docx.document).toContain('<w:titlePg/>');
    expect(textOf(docx.header['first'])).toBe('');
    expect(textOf(docx.footer['first'])).toBe('');
    const first = paragraphsOf(docx.document).slice(0, 6).map((p) => p.text);
    expect(first).toEqual([
      'Nacka kommun',
      'Socialnämnden',
      'Tertialbokslut 2 2021',
      'Period: januari–augusti 2021',
      'Diarienummer: SN.2021.73',
      'Upprättad: 2021-09-24',
    ]);
    expect(paragraphsOf(docx.document)[2].style).toBe('Title');
  });

  it('has the running header and a right-aligned PAGE(NUMPAGES) footer on the other pages', () => {
    expect(textOf(docx.header['default'])).toBe('Socialnämnden, Tertialbokslut 2 2021');
    expect(fieldInstructions(docx.footer['default'])).toEqual(['PAGE', 'NUMPAGES']);
    expect(textOf(docx.footer['default'])).toBe('()');
    expect(docx.footer['default']).toContain('<w:jc w:val="right"/>');
  });

  it("uses Word's Heading 1 for every chapter in order, the number in the text, and Heading 2 for sections", () => {
    const paragraphs = paragraphsOf(docx.document);
    const h1 = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1).toEqual([...NACKA_CHAPTERS, ...model.appendices.map((a) => `Bilaga ${a.number} ${a.title}`)]);
    const h2 = paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(h2.slice(0, 3)).toEqual(['1.1 Tre viktigaste händelserna', '1.2 Nulägesbeskrivning av Coronapandemin', '2.1 Maximalt värde för skattepengarna']);
    expect(h2).toContain('3.1 Utfall och prognos Socialnämnden');
    expect(paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text)).toContain('Barn och familjeenheten');
    // The appendix starts on a new page.
    for (const appendix of model.appendices) {
      expect(paragraphs.find((p) => p.text === `Bilaga ${appendix.number} ${appendix.title}`)?.xml).toContain('<w:pageBreakBefore/>');
    }
  });

  it('has a table of contents field over heading levels 1–2, with hyperlinks, after the title page', () => {
    const toc = fieldInstructions(docx.document).find((f) => f.startsWith('TOC'));
    expect(toc).toBeDefined();
    expect(toc).toContain('\\o "1-2"');
    expect(toc).toContain('\\h');
    const paragraphs = paragraphsOf(docx.document);
    const tocHeading = paragraphs.findIndex((p) => p.text === 'Innehåll');
    expect(paragraphs[tocHeading].style).toBe('TOCHeading');
    expect(tocHeading).toBeLessThan(paragraphs.findIndex((p) => p.style === 'Heading1'));
  });

  it('numbers and captions every table, with its unit, in document order', () => {
    const captions = paragraphsOf(docx.document)
      .filter((p) => p.style === 'Caption' && p.text.startsWith('Tabell'))
      .map((p) => p.text);
    expect(captions).toEqual(tablesOf(model).map(({ number, table }) => `Tabell ${number}. ${table.caption} (${table.unit})`));
    expect(captions).toContain('Tabell 2. Ekonomiskt utfall per verksamhet, Socialnämnden (tkr)');
  });

  it("repeats each table's header rows on every page and never splits a row", () => {
    const tables = tablesXmlOf(docx.document).filter((t) => t.includes('w:tblHeader'));
    const modelTables = tablesOf(model).map((t) => t.table);
    // Every model table plus the chart's data table.
    expect(tables.length).toBe(modelTables.length + 1);
    const economy = tables.find((t) => textOf(t).includes('Ack utfall 2021'))!;
    const rows = rowsOf(economy);
    expect(rows.map((r) => r.includes('<w:tblHeader/>'))).toEqual([true, true, ...Array(7).fill(false)]);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    // The group heading spans its three columns.
    expect(rows[0]).toMatch(/<w:gridSpan w:val="3"\/>[\s\S]*Ack utfall 2021/);
    for (const table of tables) expect(rowsOf(table)[0]).toContain('<w:tblHeader/>');
  });

  it('prints the economy figures the Swedish way, right-aligned, the total row bold', () => {
    const economy = tablesXmlOf(docx.document).find((t) => textOf(t).includes('Ack utfall 2021'))!;
    const rows = rowsOf(economy);
    const cells = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    const barnOchUnga = cells(rows[2]);
    expect(barnOchUnga.map(textOf)).toEqual([
      'Barn och unga 0-20 år',
      `5${NBSP}318`,
      `${MINUS}111${NBSP}434`,
      `${MINUS}106${NBSP}116`,
      `4${NBSP}372`,
      `${MINUS}116${NBSP}071`,
      `${MINUS}111${NBSP}699`,
      `5${NBSP}582`,
      `${MINUS}167${NBSP}548`,
      `${MINUS}161${NBSP}900`,
      `5${NBSP}648`,
    ]);
    expect(barnOchUnga[0]).not.toContain('<w:jc w:val="right"/>');
    for (const cell of barnOchUnga.slice(1)) expect(cell).toContain('<w:jc w:val="right"/>');
    const total = cells(rows[rows.length - 1]);
    expect(textOf(total[3])).toBe(`${MINUS}593${NBSP}401`);
    expect(total.every((c) => c.includes('<w:b/>'))).toBe(true);
    expect(cells(rows[3]).some((c) => c.includes('<w:b/>'))).toBe(false);
  });

  it('gives each figure column room for its widest figure, the grid filling the text width', () => {
    // The 11-column economy table: 7 pt text; with the old equal shares LibreOffice broke
    // "−636 537" over two lines (checked by converting with soffice, see the note).
    const economy = tablesXmlOf(docx.document).find((t) => textOf(t).includes('Ack utfall 2021'))!;
    const grid = [...economy.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(11);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1417);
    expect(Math.min(...grid.slice(1))).toBeGreaterThanOrEqual(700);
    expect(grid[0]).toBeGreaterThan(Math.max(...grid.slice(1)));
  });

  it('lays out a table of text columns only, and one of figures only, across the text width', async () => {
    const wide = (kind: 'text' | 'number', n: number) => ({
      type: 'table' as const,
      id: `t-${kind}`,
      caption: `${n} kolumner`,
      columns: Array.from({ length: n }, (_, i) => ({ label: `Kolumn ${i + 1}`, kind })),
      rows: [{ cells: Array.from({ length: n }, (_, i) => (kind === 'number' ? -1234567 * (i + 1) : `Text ${i + 1}`)) }],
    });
    const model = nackaT2Fixture();
    const file = await open({ ...model, body: [wide('text', 9), wide('number', 12)], appendices: [] });
    for (const table of tablesXmlOf(file.document)) {
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.every((w) => Number.isInteger(w) && w > 0)).toBe(true);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(11906 - 2 * 1417);
    }
  });

  it('prints per cent with a space and the sign, empty numbers as a dash, sub-rows indented, markers as text', () => {
    const all = tablesXmlOf(docx.document).map(textOf).join('\n');
    expect(all).toContain(`2,17${NBSP}%`);
    expect(all).toContain(`0,60${NBSP}%`);
    const grants = tablesXmlOf(docx.document).find((t) => textOf(t).includes('Prio BoU 2016'))!;
    const prio = rowsOf(grants).find((r) => textOf(r).includes('Prio BoU 2016'))!;
    expect(textOf(prio)).toBe('Prio BoU 2016StorSthlm–566566');
    const sub = paragraphsOf(docx.document).find((p) => p.text === 'Familjerådgivning o insatser familjerätt')!;
    expect(sub.xml).toMatch(/<w:ind w:left="284"\/>/);
    const indicators = tablesXmlOf(docx.document).find((t) => textOf(t).includes('Måluppfyllelse 2021'))!;
    expect(textOf(indicators)).toContain('anskaffar en egen bostad.  \u25cf grön: uppnås');
    expect(textOf(indicators)).toContain('\u25cf gul: uppnås delvis');
  });

  it('gives the chart as its data table with the title as caption, and its description', () => {
    const paragraphs = paragraphsOf(docx.document);
    const caption = paragraphs.findIndex((p) => p.text === 'Diagram 1. Total sjukfrånvaro T2 2018–2021 (%)');
    expect(caption).toBeGreaterThan(0);
    expect(paragraphs[caption].style).toBe('Caption');
    expect(paragraphs.map((p) => p.text)).toContain(
      'Den totala sjukfrånvaron har sjunkit för båda enheterna: Barn o familjeenheten från 4,30 % (T2 2018) till 2,17 % (T2 2021), Omsorgsenheten från 4,10 % till 2,85 %.',
    );
    const chart = tablesXmlOf(docx.document).find((t) => textOf(t).startsWith('Barn o familjeenhetenOmsorgsenheten'))!;
    expect(rowsOf(chart).map(textOf)).toEqual([
      'Barn o familjeenhetenOmsorgsenheten',
      'T2 20184,304,10',
      'T2 20194,205,50',
      'T2 20204,703,80',
      'T2 20212,172,85',
    ]);
  });

  it('keeps bold, italic, links and nested bullet lists', () => {
    const paragraphs = paragraphsOf(docx.document);
    const skolfam = paragraphs.find((p) => p.text.startsWith('Antal placerade barn som ingått i SkolFam'))!;
    expect(skolfam.xml).toMatch(/<w:b\/>[\s\S]*?22 barn/);
    expect(skolfam.xml).toMatch(/<w:i\/>[\s\S]*?82 procent/);
    // (docx makes the relationship id up: letters, digits, '_' and '-')
    const link = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>[\s\S]*?SKR[\s\S]*?<\/w:hyperlink>/.exec(skolfam.xml);
    expect(link).not.toBeNull();
    expect(docx.rels).toMatch(new RegExp(`Id="${link![1].replace(/[-\\^$*+?.()|[\]{}]/g, '\\$&')}"[^>]*Target="https://skr.se/"[^>]*TargetMode="External"`));
    const item = paragraphs.find((p) => p.text === '6 barn i högstadiet')!;
    const nested = paragraphs.find((p) => p.text === 'varav fyra når inte målen i samtliga ämnen')!;
    expect(item.xml).toContain('<w:ilvl w:val="0"/>');
    expect(nested.xml).toContain('<w:ilvl w:val="1"/>');
    expect(docx.files.get('word/numbering.xml')).toContain('w:val="bullet"');
  });

  it('says which frozen version it is', () => {
    const texts = paragraphsOf(docx.document).map((p) => p.text);
    expect(texts).toContain('Fastställd version 2, 2021-09-24, kontrollsumma 3f9a1c0b7d2e');
    expect(docx.document).not.toContain('UTKAST');
  });
});

describe('renderDocx, a draft', () => {
  it('is marked UTKAST on every page and lists what is missing on the first page', async () => {
    const docx = await open(nackaT2Fixture({ draft: true }));
    expect(textOf(docx.header['default'])).toBe('Socialnämnden, Tertialbokslut 2 2021\tUTKAST');
    expect(textOf(docx.header['first'])).toBe('UTKAST');
    const paragraphs = paragraphsOf(docx.document);
    const toc = paragraphs.findIndex((p) => p.text === 'Innehåll');
    const firstPage = paragraphs.slice(0, toc).map((p) => p.text);
    expect(firstPage).toEqual(
      expect.arrayContaining([
        'UTKAST',
        'Detta är ett utkast och inte en fastställd version.',
        'Saknas eller är inte godkänt ännu:',
        `${NACKA_MISSING[0].section}, Omsorgsenheten: Ej påbörjad`,
        '3 Ekonomiskt resultat: Inlämnad',
      ]),
    );
    // The notice is one framed box.
    const notice = paragraphs.find((p) => p.text === 'UTKAST')!;
    expect(notice.xml).toContain('<w:pBdr>');
    expect(notice.xml).toContain('<w:shd');
    expect(paragraphs.some((p) => p.text.startsWith('Fastställd version'))).toBe(false);
  });
});

const memo = (): DocumentModel => ({
  meta: {
    kind: 'memo',
    committee: 'Barn- och utbildningsnämnden',
    municipality: 'Gnesta kommun',
    title: 'Delårsrapport 2021',
    diaryNumber: 'BUN 2021/112',
    dates: [{ label: 'Upprättad', date: '2021-09-20' }],
    language: 'sv-SE',
    runningHeader: 'Tjänsteskrivelse, Delårsrapport 2021',
    status: { kind: 'final', version: 1, frozenAt: '2021-09-20T12:00:00.000Z', checksum: 'abc123' },
  },
  titlePage: false,
  tocDepth: 0,
  body: [
    { type: 'heading', level: 2, text: 'Förslag till beslut', id: 'forslag' },
    {
      type: 'list',
      ordered: true,
      items: [{ content: [text('Nämnden godkänner delårsrapporten.')] }, { content: [text('Rapporten skickas till kommunstyrelsen.')] }],
    },
    { type: 'heading', level: 2, text: 'Beslutsunderlag', id: 'underlag' },
    { type: 'list', ordered: true, items: [{ content: [text('Delårsrapport 2021, Barn- och utbildningsnämnden')] }] },
    {
      type: 'signatures',
      people: [
        { name: 'Karin Lindqvist', title: 'Förvaltningschef' },
        { name: 'Johan Ek', title: 'Förvaltningsekonom' },
      ],
    },
    { type: 'page_break' },
    paragraph('Sändlista: Kommunstyrelsen'),
  ],
  appendices: [],
});

describe('renderDocx, a tjänsteskrivelse (memo)', () => {
  it('has no title page or TOC: the header facts first, then the title as Heading 1', async () => {
    const docx = await open(memo());
    expect(docx.document).not.toContain('<w:titlePg/>');
    expect(fieldInstructions(docx.document).some((f) => f.startsWith('TOC'))).toBe(false);
    const facts = tablesXmlOf(docx.document)[0];
    expect(rowsOf(facts).map(textOf)).toEqual(['Upprättad2021-09-20', 'DiarienummerBUN 2021/112', 'NämndBarn- och utbildningsnämnden']);
    expect(facts).not.toContain('w:tblHeader');
    expect(docx.document.indexOf('Upprättad')).toBeLessThan(docx.document.indexOf('Delårsrapport 2021'));
    const paragraphs = paragraphsOf(docx.document);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Delårsrapport 2021']);
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(['Förslag till beslut', 'Beslutsunderlag']);
    expect(textOf(docx.header['default'])).toBe('Tjänsteskrivelse, Delårsrapport 2021');
    expect(docx.header['first']).toBeUndefined();
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining(['Karin Lindqvist', 'Förvaltningschef', 'Johan Ek', 'Förvaltningsekonom']));
    expect(docx.document).toContain('<w:br w:type="page"/>');
  });

  it('numbers each ordered list from 1 (a list instance of its own)', async () => {
    const docx = await open(memo());
    const paragraphs = paragraphsOf(docx.document);
    const numId = (t: string) => /<w:numId w:val="(\d+)"\/>/.exec(paragraphs.find((p) => p.text === t)!.xml)![1];
    expect(numId('Nämnden godkänner delårsrapporten.')).toBe(numId('Rapporten skickas till kommunstyrelsen.'));
    expect(numId('Delårsrapport 2021, Barn- och utbildningsnämnden')).not.toBe(numId('Nämnden godkänner delårsrapporten.'));
    expect(docx.files.get('word/numbering.xml')).toContain('w:val="decimal"');
  });
});

describe('renderDocx, text from users', () => {
  const hostile = '<script>alert("x")</script> & co';
  const model = (): DocumentModel => {
    const base = nackaT2Fixture({ draft: true });
    return {
      ...base,
      meta: {
        ...base.meta,
        title: hostile,
        runningHeader: `Rubrik ${hostile}`,
        status: { kind: 'draft', missing: [{ section: hostile, unit: 'A & B', state: 'Utkast' }] },
      },
      body: [
        { type: 'heading', level: 1, number: '1', text: hostile, id: 'h-1' },
        paragraph([text(hostile, ['bold']), { text: 'klicka', href: 'javascript:alert(1)' }, text('\u0007slut\nny rad')]),
        {
          type: 'table',
          id: 't',
          caption: hostile,
          columns: [
            { label: hostile, kind: 'text' },
            { label: 'Belopp', kind: 'number' },
          ],
          rows: [{ cells: [hostile, -9504.4] }],
        },
      ],
      appendices: [],
    };
  };

  it('prints <script> and & as literal text: escaped in the XML, never markup, the file still opens', async () => {
    const docx = await open(model());
    const escapedText = /&lt;script&gt;alert\((&quot;|")x(&quot;|")\)&lt;\/script&gt; &amp; co/;
    for (const part of [docx.document, docx.header['default']]) {
      expect(part).not.toContain('<script');
      expect(part).toMatch(escapedText);
    }
    const paragraphs = paragraphsOf(docx.document);
    expect(paragraphs.find((p) => p.style === 'Heading1')?.text).toBe(`1 ${hostile}`);
    expect(paragraphs.find((p) => p.style === 'Title')?.text).toBe(hostile);
    expect(paragraphs.map((p) => p.text)).toContain(`Tabell 1. ${hostile}`);
    expect(paragraphs.map((p) => p.text)).toContain(`${hostile}, A & B: Utkast`);
    // An unsafe link is kept as text, without a link; a control character is dropped; a newline is a line break.
    expect(docx.rels).not.toContain('javascript:');
    const para = paragraphs.find((p) => p.text.includes('klicka'))!;
    expect(para.text).toBe(`${hostile}klickaslutny rad`);
    expect(para.xml).not.toContain('<w:hyperlink');
    expect(para.xml).toContain('<w:br/>');
    expect(tablesXmlOf(docx.document).map(textOf).join()).toContain(`${MINUS}9${NBSP}504`);
  });
});
