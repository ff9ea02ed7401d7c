import { renderDocx } from '../docx';
import { kallelseInput as input, kallelseItems as items } from '../../testing/kallelse-fixture';
import { assertWellFormed, paragraphsOf, tablesXmlOf, textOf, unzip } from '../../testing/read-docx';
import { renderHtml } from './html';
import { correctionLine, kallelseModel } from './kallelse-model';
import { Block, DocumentModel, headingsOf } from './model';

const texts = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'heading':
        return [b.text];
      case 'paragraph':
        return [b.content.map((i) => i.text).join('')];
      case 'list':
        return b.items.map((i) => i.content.map((c) => c.text).join(''));
      case 'facts':
        return b.rows.map((r) => `${r.label}: ${r.value}`);
      case 'notice':
        return [b.title, ...texts(b.content)];
      case 'signatures':
        return b.people.map((p) => `${p.name}, ${p.title}`);
      default:
        return [];
    }
  });

/** The blocks of one ärende: from its heading to the next heading. */
function itemSlice(model: DocumentModel, number: number): Block[] {
  const start = model.body.findIndex((b) => b.type === 'heading' && b.id === `arende-${number}`);
  const end = model.body.findIndex((b, i) => i > start && b.type === 'heading');
  return model.body.slice(start, end === -1 ? undefined : end);
}

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'wbr', 'col', 'source', 'area', 'base', 'embed', 'track']);

/** Throws unless the page is structurally valid HTML: a doctype, balanced elements, quoted attributes, unique ids. */
function assertValidHtml(html: string): void {
  if (!html.startsWith('<!doctype html>')) throw new Error('no doctype');
  const stack: string[] = [];
  const ids = new Set<string>();
  const withoutStyle = html.replace(/<style>[\s\S]*?<\/style>/g, '<style></style>');
  for (const match of withoutStyle.slice('<!doctype html>'.length).matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>|[<>]/g)) {
    if (match[0] === '<' || match[0] === '>') throw new Error(`stray ${match[0]} at ${match.index}: ${withoutStyle.slice((match.index ?? 0) - 40, (match.index ?? 0) + 40)}`);
    const [, closing, rawName, attributes] = match;
    const name = rawName.toLowerCase();
    if (closing) {
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open element`);
      continue;
    }
    if (!/^(\s+[a-zA-Z-]+(="[^"]*")?)*\s*\/?$/.test(attributes)) throw new Error(`bad attributes on <${name}>: ${attributes}`);
    const id = /\sid="([^"]*)"/.exec(attributes)?.[1];
    if (id !== undefined) {
      if (ids.has(id)) throw new Error(`duplicate id ${id}`);
      ids.add(id);
    }
    if (!VOID.has(name) && !attributes.endsWith('/')) stack.push(name);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
}

describe('kallelseModel', () => {
  const model = kallelseModel(input, items('internal'));

  it('is a memo-style document of its own kind: header facts first, then the title, no title page or TOC', () => {
    expect(model.meta).toMatchObject({
      kind: 'kallelse',
      title: 'Kallelse 15 december 2026',
      diaryNumber: 'SN 2026/140',
      language: 'sv-SE',
      runningHeader: 'Socialnämnden, Kallelse 15 december 2026, version 2',
    });
    expect(model.titlePage).toBe(false);
    expect(model.tocDepth).toBe(0);
    expect(model.body[0]).toEqual({
      type: 'facts',
      rows: [
        { label: 'Sammanträde', value: '2026-12-15' },
        { label: 'Diarienummer', value: 'SN 2026/140' },
        { label: 'Version', value: '2' },
      ],
    });
    expect(model.body[1]).toEqual({ type: 'heading', level: 1, text: 'Kallelse', id: 'kallelse' });
  });

  it('says when and where in Swedish words, and who chairs and keeps the minutes', () => {
    expect(kallelseModel({ ...input, meetingDate: '2027-03-01', startTime: '09:30' }, []).meta.title).toBe('Kallelse 1 mars 2027');
    expect(() => kallelseModel({ ...input, meetingDate: '2026-13-01' }, [])).toThrow(RangeError);
    const facts = model.body.find((b, i) => i > 1 && b.type === 'facts');
    expect(facts).toEqual({
      type: 'facts',
      rows: [
        { label: 'Nämnd', value: 'Socialnämnden' },
        { label: 'Tid', value: 'tisdag 15 december 2026 kl. 13.00' },
        { label: 'Plats', value: 'Sammanträdesrum Jelgava, Nacka stadshus, Granitvägen 15' },
        { label: 'Ordförande', value: 'Lena Ahl' },
        { label: 'Sekreterare', value: 'Maria Ek' },
      ],
    });
  });

  it('puts the rättelse at the top, right under the title', () => {
    expect(correctionLine(2, { reason: ' Ny handling. ', date: '2026-12-08' })).toBe('Rättelse (version 2, 2026-12-08): Ny handling.');
    expect(model.body[2]).toMatchObject({ type: 'notice', tone: 'warning', title: 'Rättelse (version 2, 2026-12-08): Ärende 4 har fått en ny handling.' });
    const first = kallelseModel({ ...input, version: 1, correction: null }, items('internal'));
    expect(texts(first.body).some((t) => t.startsWith('Rättelse'))).toBe(false);
    expect(first.body[0]).toEqual({ type: 'facts', rows: [{ label: 'Sammanträde', value: '2026-12-15' }, { label: 'Diarienummer', value: 'SN 2026/140' }] });
    expect(first.meta.runningHeader).toBe('Socialnämnden, Kallelse 15 december 2026');
  });

  it('groups the föredragningslista under the AGENDA_SECTIONS headings, the ärenden numbered 1…n in order', () => {
    expect(headingsOf(model).map((h) => `${h.level} ${h.text}`)).toEqual([
      '1 Kallelse',
      '1 Föredragningslista',
      '2 Beslutsärenden',
      '3 1. Avgifter för äldreomsorgen 2027 & "maxtaxa" <ny>',
      '3 2. Delårsrapport 2026',
      '3 3. Ansökan om vård enligt LVU för Kalle Svensson',
      '2 Informationsärenden',
      '3 4. Information om läget i hemtjänsten',
      '2 Anmälningar',
      '3 5. Anmälan av delegationsbeslut november 2026',
      '3 6. Skrivelse från pensionärsrådet',
    ]);
    const ids = headingsOf(model).map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Sections without ärenden are left out.
    const onlyDecisions = kallelseModel(input, items('internal').filter((i) => i.kind === 'decision'));
    expect(headingsOf(onlyDecisions).filter((h) => h.level === 2).map((h) => h.text)).toEqual(['Beslutsärenden']);
    const none = kallelseModel(input, []);
    expect(texts(none.body)).toContain('Inga ärenden är anmälda ännu.');
  });

  it('gives each ärende its diarienummer, föredragande, numbered förslag till beslut and handlingar', () => {
    const item = itemSlice(model, 2);
    expect(item[1]).toEqual({
      type: 'facts',
      rows: [
        { label: 'Paragraf', value: '§ 123 (preliminärt)' },
        { label: 'Diarienummer', value: 'SN 2026/112' },
        { label: 'Föredragande', value: 'Anna Berg, förvaltningschef' },
      ],
    });
    expect(texts(item.slice(2))).toEqual([
      'Förslag till beslut',
      'Socialnämnden godkänner delårsrapporten för 2026.',
      'Delårsrapporten överlämnas till kommunstyrelsen.',
      'Handlingar',
      'Tjänsteskrivelse 2026-11-20',
      'Delårsrapport 2026',
      'Bilaga 1 Sjukfrånvaro per enhet',
    ]);
    expect(item[3]).toMatchObject({ type: 'list', ordered: true });
    expect(item[5]).toMatchObject({ type: 'list', ordered: false });
    // No § preview unless given; an information ärende without proposals has no "Förslag till beslut".
    expect(texts(itemSlice(model, 1)).some((t) => t.startsWith('Paragraf'))).toBe(false);
    expect(texts(itemSlice(model, 4))).toEqual(['4. Information om läget i hemtjänsten', 'Föredragande: Per Holm, enhetschef']);
  });

  it('shows a secret ärende in the public version only by its public title and its OSL reference', () => {
    const pub = kallelseModel({ ...input, audience: 'public' }, items('public'));
    expect(texts(itemSlice(pub, 3))).toEqual(['3. Ärende enligt LVU', 'Sekretess enligt 26 kap. 1 § OSL']);
    const all = JSON.stringify(pub);
    for (const secret of ['Kalle Svensson', 'LVU för', 'förvaltningsrätten', 'Eva Lind', 'SN 2026/130', 'Handling med sekretess']) expect(all).not.toContain(secret);
    // The members' version marks the ärende and keeps its contents.
    const internal = texts(itemSlice(model, 3));
    expect(internal.slice(0, 2)).toEqual(['3. Ansökan om vård enligt LVU för Kalle Svensson', 'Sekretess enligt 26 kap. 1 § OSL']);
    expect(internal).toContain('Utredning 2026-11-30 Kalle Svensson');
    // The public version's other ärenden are complete.
    expect(texts(itemSlice(pub, 2))).toContain('Bilaga 1 Sjukfrånvaro per enhet');
  });

  it('ends with where to report absence (the address as a mail link) and the signatures', () => {
    const tail = model.body.slice(-2);
    expect(tail[0]).toEqual({
      type: 'notice',
      tone: 'info',
      title: 'Förhinder',
      content: [
        {
          type: 'paragraph',
          content: [
            { text: 'Förhinder anmäls till ' },
            { text: 'Maria Ek, 08-718 80 00, ' },
            { text: 'maria.ek@nacka.se', href: 'mailto:maria.ek@nacka.se' },
            { text: '.' },
          ],
        },
      ],
    });
    expect(tail[1]).toEqual({
      type: 'signatures',
      people: [
        { name: 'Lena Ahl', title: 'Ordförande' },
        { name: 'Maria Ek', title: 'Sekreterare' },
      ],
    });
    const unsigned = kallelseModel({ ...input, chair: null, secretary: null }, []);
    expect(unsigned.body.some((b) => b.type === 'signatures')).toBe(false);
    expect(texts(unsigned.body).some((t) => t.startsWith('Ordförande') || t.startsWith('Sekreterare'))).toBe(false);
  });
});

describe('the kallelse rendered', () => {
  const model = kallelseModel(input, items('internal'));

  it('is valid Swedish HTML with the header block, the title once and every ärende, escaped', () => {
    expect(() => assertValidHtml('<!doctype html><html><p><b>x</p></html>')).toThrow('does not close');
    expect(() => assertValidHtml('<!doctype html><html><p id="a"></p><p id="a"></p></html>')).toThrow('duplicate id');
    for (const target of ['preview', 'standalone', 'print'] as const) {
      const html = renderHtml(model, { target });
      assertValidHtml(html);
      expect(html).toContain('<html lang="sv-SE">');
      expect(html).toContain(`<body class="kind-kallelse target-${target}">`);
      expect(html).not.toContain('<div class="title-page">');
      expect(html).not.toContain('<nav');
      expect(html.match(/<h1[^>]*>Kallelse<\/h1>/g)).toHaveLength(1);
      expect(html.indexOf('<dt>Sammanträde</dt><dd>2026-12-15</dd>')).toBeLessThan(html.indexOf('<h1'));
      expect(html).toContain('<dt>Tid</dt><dd>tisdag 15 december 2026 kl. 13.00</dd>');
      expect(html).toContain('Rättelse (version 2, 2026-12-08): Ärende 4 har fått en ny handling.');
      expect(html).toContain('<h2 id="avsnitt-decisions">Beslutsärenden</h2>');
      expect(html).toContain('<h3 id="arende-1">1. Avgifter för äldreomsorgen 2027 &amp; &quot;maxtaxa&quot; &lt;ny&gt;</h3>');
      for (const item of items('internal')) expect(html).toContain(`<h3 id="arende-${item.number}">${item.number}. `);
      expect(html).toContain('<a href="mailto:maria.ek@nacka.se">maria.ek@nacka.se</a>');
    }
    const pub = renderHtml(kallelseModel({ ...input, audience: 'public' }, items('public')), { target: 'standalone' });
    expect(pub).toContain('<h3 id="arende-3">3. Ärende enligt LVU</h3>');
    expect(pub).not.toContain('Kalle Svensson');
  });

  it('is a Word file with the header table, the title once as Heading 1 and the ärenden as Heading 3', async () => {
    const buffer = await renderDocx(model);
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzip(buffer);
    for (const [name, content] of files) if (name.endsWith('.xml') || name.endsWith('.rels')) assertWellFormed(content, name);
    const document = files.get('word/document.xml') ?? '';
    expect(document).not.toContain('<w:titlePg/>');
    expect(textOf(tablesXmlOf(document)[0])).toBe('Sammanträde2026-12-15DiarienummerSN 2026/140Version2');
    const paragraphs = paragraphsOf(document);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Kallelse', 'Föredragningslista']);
    expect(paragraphs.filter((p) => p.style === 'Heading3').map((p) => p.text)).toEqual(headingsOf(model).filter((h) => h.level === 3).map((h) => h.text));
    expect(paragraphs.map((p) => p.text)).toContain('Rättelse (version 2, 2026-12-08): Ärende 4 har fått en ny handling.');
    expect(files.get('word/styles.xml')).toMatch(/<w:lang w:val="sv-SE"/);
  });
});
