import {
  type Block,
  type RichTextDocument,
  type TextRun,
  RICH_TEXT_LIMITS,
  emptyDocument,
  paragraphTexts,
  plainText,
  sanitizeRichText,
} from './rich-text';

const NBSP = '\u00a0';

const VALD =
  'Antalet personer utsatta för våld i nära relationer som söker stöd och skydd har ökat avsevärt under perioden januari till och med augusti 2021.';
const UTFALL = 'Periodens utfall är 593,4 miljoner kronor, +5,8 miljoner kronor.';

function text(value: string, marks?: TextRun['marks']): TextRun {
  return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

function paragraph(value: string, id?: string): Block {
  return id === undefined
    ? { type: 'paragraph', content: [text(value)] }
    : { type: 'paragraph', id, content: [text(value)] };
}

function doc(...content: unknown[]): unknown {
  return { type: 'doc', version: 1, content };
}

/** Sanitizes what must be accepted, failing the test with the errors if it is not. */
function clean(input: unknown): { document: RichTextDocument; removed: string[] } {
  const result = sanitizeRichText(input);
  if (!result.ok) throw new Error(`expected a clean document, got errors: ${result.errors.join(' | ')}`);
  return result;
}

function errorsOf(input: unknown): string[] {
  const result = sanitizeRichText(input);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.errors;
}

/** A section as a unit head would write it (Socialnämndens delårsrapport, Gnesta 2021). */
const REPORT: RichTextDocument = {
  type: 'doc',
  version: 1,
  content: [
    { type: 'heading', level: 2, content: [text('Sammanfattning')] },
    {
      type: 'paragraph',
      id: 'p-sammanfattning',
      content: [text(`${UTFALL} Prognosen för helåret är `), text('ett underskott', [{ type: 'bold' }]), text('.')],
    },
    { type: 'heading', level: 3, content: [text('Tre viktigaste händelserna')] },
    {
      type: 'ordered_list',
      items: [
        [paragraph(VALD, 'p-vald')],
        [
          {
            type: 'paragraph',
            content: [
              text('Ny '),
              text('riktlinje för försörjningsstöd', [{ type: 'italic' }]),
              text(' har antagits, se '),
              text('kommunens webbplats', [{ type: 'link', href: 'https://www.gnesta.se/socialnamnden' }]),
              text('.'),
            ],
          },
        ],
        [
          paragraph('Rekryteringen av socialsekreterare:'),
          { type: 'bullet_list', items: [[paragraph('två tjänster tillsatta')], [paragraph('en vakant')]] },
        ],
      ],
    },
    {
      type: 'table',
      rows: [
        { header: true, cells: [[text('Indikator')], [text('Utfall 2021')], [text('Mål')]] },
        { cells: [[text('Andel ärenden med beslut inom 4 månader')], [text('87 %')], [text('90 %')]] },
        { cells: [[text('Antal hushåll med försörjningsstöd')], [text('312')], []] },
      ],
    },
    {
      type: 'paragraph',
      content: [
        text('Frågor besvaras av '),
        text('socialchefen', [{ type: 'link', href: 'mailto:socialchef@gnesta.se' }]),
        text('.'),
      ],
    },
  ],
};

describe('a clean document', () => {
  it('is stored exactly as written, with nothing reported', () => {
    const result = sanitizeRichText(REPORT);
    expect(result).toEqual({ ok: true, document: REPORT, removed: [] });
  });

  it('is a fresh copy, so later changes to the input cannot reach what was stored', () => {
    const input = structuredClone(REPORT);
    const { document } = clean(input);
    (input.content[0] as { content: TextRun[] }).content[0].text = 'Ändrad';
    expect(document.content[0]).toEqual({ type: 'heading', level: 2, content: [text('Sammanfattning')] });
  });

  it('the empty document is clean', () => {
    expect(emptyDocument()).toEqual({ type: 'doc', version: 1, content: [] });
    expect(sanitizeRichText(emptyDocument())).toEqual({ ok: true, document: emptyDocument(), removed: [] });
  });

  it('survives a round trip through JSON storage unchanged', () => {
    const stored = JSON.parse(JSON.stringify(clean(REPORT).document));
    expect(sanitizeRichText(stored)).toEqual({ ok: true, document: REPORT, removed: [] });
  });
});

describe('sanitizing is idempotent', () => {
  const messy = doc(
    { type: 'heading', level: 1, style: 'color:red', content: [text('Sammanfattning'), text('')] },
    {
      type: 'paragraph',
      id: 'p1',
      onclick: 'alert(1)',
      content: [
        text('Periodens utfall är '),
        {
          type: 'text',
          text: '593,4\u0007 miljoner kronor',
          marks: [{ type: 'italic' }, { type: 'bold' }, { type: 'bold' }],
        },
        { type: 'text', text: ', +5,8', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'text', text: ' miljoner kronor.', marks: [{ type: 'link', href: 'javascript:alert(1)' }] },
        { type: 'image', src: 'x' },
      ],
    },
    { type: 'script', content: 'alert(1)' },
    { type: 'bullet_list', items: [[paragraph('en', 'p1'), { type: 'heading', level: 3, content: [text('två')] }]] },
    { type: 'table', rows: [{ header: 'ja', cells: [[text('Indikator')], 'x'] }, { cells: [] }] },
  );

  it('a second pass changes nothing and reports nothing', () => {
    const first = clean(messy);
    expect(first.removed.length).toBeGreaterThan(0);
    const second = clean(first.document);
    expect(second.document).toEqual(first.document);
    expect(second.removed).toEqual([]);
  });

  it('the messy document comes out in canonical form', () => {
    expect(clean(messy).document).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', level: 2, content: [text('Sammanfattning')] },
        {
          type: 'paragraph',
          id: 'p1',
          content: [
            text('Periodens utfall är '),
            text('593,4 miljoner kronor, +5,8', [{ type: 'bold' }, { type: 'italic' }]),
            text(' miljoner kronor.'),
          ],
        },
        { type: 'bullet_list', items: [[paragraph('en'), paragraph('två')]] },
        { type: 'table', rows: [{ cells: [[text('Indikator')], []] }] },
      ],
    });
  });
});

describe('unknown content is dropped and reported', () => {
  it('drops a block of unknown type, keeping the rest', () => {
    const result = clean(doc(paragraph(UTFALL), { type: 'script', content: [text('alert(1)')] }, paragraph(VALD)));
    expect(result.document.content).toEqual([paragraph(UTFALL), paragraph(VALD)]);
    expect(result.removed).toEqual(['Okänd blocktyp "script" togs bort.']);
  });

  it('drops blocks that are not objects or have no type', () => {
    const result = clean(
      doc('<p>hej</p>', null, 42, [paragraph(UTFALL)], { content: [text(UTFALL)] }, paragraph(VALD)),
    );
    expect(result.document.content).toEqual([paragraph(VALD)]);
    expect(result.removed).toEqual(['Ett ogiltigt block togs bort.']);
  });

  it('drops text parts of unknown type, and those without text', () => {
    const result = clean(
      doc({
        type: 'paragraph',
        content: [
          text('Utfall '),
          { type: 'image', src: 'https://evil.example/x.png' },
          { type: 'text', text: 42 },
          'lös text',
          text('593,4'),
        ],
      }),
    );
    expect(result.document.content).toEqual([paragraph('Utfall 593,4')]);
    expect(result.removed).toEqual([
      'Okänd textdel "image" togs bort.',
      'En textdel utan text togs bort.',
      'En ogiltig textdel togs bort.',
    ]);
  });

  it('drops unknown marks but keeps the text and the known marks', () => {
    const result = clean(
      doc({
        type: 'paragraph',
        content: [{ type: 'text', text: 'ökat avsevärt', marks: [{ type: 'underline' }, { type: 'bold' }, 'italic'] }],
      }),
    );
    expect(result.document.content).toEqual([
      { type: 'paragraph', content: [text('ökat avsevärt', [{ type: 'bold' }])] },
    ]);
    expect(result.removed).toEqual(['Okänd formatering "underline" togs bort.', 'Ogiltig formatering togs bort.']);
  });

  it('drops unknown properties everywhere and names them', () => {
    const result = clean({
      type: 'doc',
      version: 1,
      html: '<script>alert(1)</script>',
      content: [
        { type: 'heading', level: 2, attrs: { id: 'x' }, content: [text('Sammanfattning')] },
        { type: 'paragraph', style: 'background:url(javascript:alert(1))', content: [{ ...text(UTFALL), class: 'x' }] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'webbplatsen',
              marks: [
                { type: 'link', href: 'https://www.gnesta.se', target: '_blank' },
                { type: 'bold', color: 'red' },
              ],
            },
          ],
        },
        { type: 'bullet_list', start: 3, items: [[paragraph('en')]] },
        { type: 'table', border: 1, rows: [{ onclick: 'x', cells: [[text('312')]] }] },
      ],
    });
    expect(result.document).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', level: 2, content: [text('Sammanfattning')] },
        paragraph(UTFALL),
        {
          type: 'paragraph',
          content: [text('webbplatsen', [{ type: 'bold' }, { type: 'link', href: 'https://www.gnesta.se' }])],
        },
        { type: 'bullet_list', items: [[paragraph('en')]] },
        { type: 'table', rows: [{ cells: [[text('312')]] }] },
      ],
    });
    expect(result.removed).toEqual([
      'Okänd egenskap "html" i dokumentet togs bort.',
      'Okänd egenskap "attrs" i en rubrik togs bort.',
      'Okänd egenskap "style" i ett stycke togs bort.',
      'Okänd egenskap "class" i en textdel togs bort.',
      'Okänd egenskap "target" i en länk togs bort.',
      'Okänd egenskap "color" i en formatering togs bort.',
      'Okänd egenskap "start" i en lista togs bort.',
      'Okänd egenskap "border" i en tabell togs bort.',
      'Okänd egenskap "onclick" i en tabellrad togs bort.',
    ]);
  });

  it('does not let "__proto__" in the JSON reach the stored document or its prototype', () => {
    const input = JSON.parse(
      '{"type":"doc","version":1,"__proto__":{"polluted":true},"content":[{"type":"paragraph","__proto__":{"id":"x"},"content":[]}]}',
    );
    const result = clean(input);
    expect(result.document).toEqual({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [] }] });
    expect(Object.getPrototypeOf(result.document)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(result.removed).toContain('Okänd egenskap "__proto__" i dokumentet togs bort.');
  });

  it('reports each kind of removal once, however often it occurs', () => {
    const scripts = Array.from({ length: 5 }, () => ({ type: 'script' }));
    expect(clean(doc(...scripts, paragraph(UTFALL))).removed).toEqual(['Okänd blocktyp "script" togs bort.']);
  });

  it('quotes a long or odd type name shortened and without control characters', () => {
    const { removed } = clean(doc({ type: `x\u0000${'y'.repeat(100)}` }));
    expect(removed).toEqual([`Okänd blocktyp "x${'y'.repeat(38)}…" togs bort.`]);
  });
});

describe('links', () => {
  const linked = (href: unknown): unknown =>
    doc({
      type: 'paragraph',
      content: [
        text('Läs mer i '),
        { type: 'text', text: 'delårsrapporten', marks: [{ type: 'link', href }] },
        text('.'),
      ],
    });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['upper case', 'JAVASCRIPT:alert(1)'],
    ['mixed case', 'JaVaScRiPt:alert(1)'],
    ['leading space', ' javascript:alert(1)'],
    ['leading tab and newline', '\t\njavascript:alert(1)'],
    ['newline inside the scheme', 'java\nscript:alert(1)'],
    ['tab inside the scheme', 'java\tscript:alert(1)'],
    ['carriage return inside the scheme', 'java\rscript:alert(1)'],
    ['NUL inside the scheme', 'java\u0000script:alert(1)'],
    ['zero-width space inside the scheme', 'java\u200bscript:alert(1)'],
    ['leading BOM', '\ufeffjavascript:alert(1)'],
    ['escaped as an HTML entity', 'javascript&colon;alert(1)'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:', 'vbscript:msgbox("hej")'],
    ['file:', 'file:///C:/Windows/system32'],
    ['relative path', '/rapporter/2021/delarsrapport.pdf'],
    ['relative file', 'delarsrapport.pdf'],
    ['protocol-relative', '//evil.example/x'],
    ['http without host', 'https:evil.example'],
    ['empty', ''],
  ])('removes a link with a %s address and keeps its text', (_case, href) => {
    const result = clean(linked(href));
    expect(result.document.content).toEqual([paragraph('Läs mer i delårsrapporten.')]);
    expect(plainText(result.document)).toBe('Läs mer i delårsrapporten.');
    expect(result.removed).toHaveLength(1);
    expect(result.removed[0]).toMatch(
      /^Länken ".*" togs bort eftersom bara webbadresser \(https:, http:\) och e-postadresser \(mailto:\) är tillåtna; texten finns kvar\.$/,
    );
  });

  it('names the removed address in the message', () => {
    expect(clean(linked('vbscript:msgbox(1)')).removed).toEqual([
      'Länken "vbscript:msgbox(1)" togs bort eftersom bara webbadresser (https:, http:) och e-postadresser (mailto:) är tillåtna; texten finns kvar.',
    ]);
  });

  it.each([[42], [null], [{ href: 'https://www.gnesta.se' }], [undefined]])(
    'removes a link whose address is not text (%p) and keeps its text',
    (href) => {
      const result = clean(linked(href));
      expect(result.document.content).toEqual([paragraph('Läs mer i delårsrapporten.')]);
      expect(result.removed).toEqual(['En länk utan giltig adress togs bort; texten finns kvar.']);
    },
  );

  it.each([
    [
      'https://www.gnesta.se/kommun-och-politik/delarsrapport-2021',
      'https://www.gnesta.se/kommun-och-politik/delarsrapport-2021',
    ],
    ['http://www.gnesta.se', 'http://www.gnesta.se'],
    ['HTTPS://WWW.GNESTA.SE', 'HTTPS://WWW.GNESTA.SE'],
    ['mailto:registrator@gnesta.se', 'mailto:registrator@gnesta.se'],
    ['MailTo:registrator@gnesta.se?subject=Delårsrapport', 'MailTo:registrator@gnesta.se?subject=Delårsrapport'],
    ['  https://www.gnesta.se  ', 'https://www.gnesta.se'],
    ['https://www.gnesta.se/\nrapport', 'https://www.gnesta.se/rapport'],
    ['https://www.gnesta.se/Delårsrapport 2021.pdf', 'https://www.gnesta.se/Delårsrapport%202021.pdf'],
  ])('keeps the safe address %p (stored as %p)', (href, stored) => {
    const result = clean(linked(href));
    expect(result.document.content).toEqual([
      {
        type: 'paragraph',
        content: [text('Läs mer i '), text('delårsrapporten', [{ type: 'link', href: stored }]), text('.')],
      },
    ]);
    expect(result.removed).toEqual([]);
  });

  it('removes a link with an unreasonably long address', () => {
    const result = clean(linked(`https://www.gnesta.se/${'a'.repeat(2_000)}`));
    expect(result.document.content).toEqual([paragraph('Läs mer i delårsrapporten.')]);
    expect(result.removed).toEqual([
      `En länk med för lång adress (2${NBSP}022 tecken, högst 2${NBSP}000) togs bort; texten finns kvar.`,
    ]);
  });

  it('keeps one link when a text has two', () => {
    const result = clean(
      doc({
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'webbplatsen',
            marks: [
              { type: 'link', href: 'https://www.gnesta.se' },
              { type: 'link', href: 'https://evil.example' },
            ],
          },
        ],
      }),
    );
    expect(result.document.content).toEqual([
      { type: 'paragraph', content: [text('webbplatsen', [{ type: 'link', href: 'https://www.gnesta.se' }])] },
    ]);
    expect(result.removed).toEqual(['En extra länk på samma text togs bort.']);
  });
});

describe('text', () => {
  it('keeps HTML-like text as literal characters', () => {
    const html = '<script>alert("hej")</script> <img src=x onerror=alert(1)> &lt;b&gt;';
    const result = clean(doc(paragraph(html)));
    expect(result.document.content).toEqual([paragraph(html)]);
    expect(plainText(result.document)).toBe(html);
    expect(result.removed).toEqual([]);
  });

  it('removes control characters but keeps line breaks and tabs', () => {
    const result = clean(doc(paragraph('Utfall\u0000 593,4\u0008\r\nmiljoner\tkronor\u001b[31m\u007f\u0085.')));
    expect(result.document.content).toEqual([paragraph('Utfall 593,4\nmiljoner\tkronor[31m.')]);
    expect(result.removed).toEqual(['Otillåtna styrtecken togs bort ur texten.']);
  });

  it('keeps Swedish letters, no-break spaces and the true minus sign', () => {
    const value = `Avvikelse mot budget: \u22129${NBSP}504 tkr för Stöd och vägledning – åtgärder pågår.`;
    expect(clean(doc(paragraph(value))).document.content).toEqual([paragraph(value)]);
  });

  it('drops empty text runs and a run emptied of control characters', () => {
    const result = clean(
      doc({
        type: 'paragraph',
        content: [text(''), text('Sammanfattning'), text('\u0000', [{ type: 'bold' }]), text('')],
      }),
    );
    expect(result.document.content).toEqual([paragraph('Sammanfattning')]);
  });

  it('merges adjacent runs with the same marks, in whatever order the marks came', () => {
    const result = clean(
      doc({
        type: 'paragraph',
        content: [
          text('Periodens utfall är '),
          text('593,4 miljoner', [{ type: 'bold' }, { type: 'italic' }]),
          text(' kronor', [{ type: 'italic' }, { type: 'bold' }]),
          text(', +5,8 miljoner kronor.'),
          text(' Se '),
          text('rapporten', [{ type: 'link', href: 'https://www.gnesta.se/a' }]),
          text(' här', [{ type: 'link', href: 'https://www.gnesta.se/b' }]),
        ],
      }),
    );
    expect(result.document.content).toEqual([
      {
        type: 'paragraph',
        content: [
          text('Periodens utfall är '),
          text('593,4 miljoner kronor', [{ type: 'bold' }, { type: 'italic' }]),
          text(', +5,8 miljoner kronor. Se '),
          text('rapporten', [{ type: 'link', href: 'https://www.gnesta.se/a' }]),
          text(' här', [{ type: 'link', href: 'https://www.gnesta.se/b' }]),
        ],
      },
    ]);
    expect(result.removed).toEqual([]);
  });

  it('treats a missing content as an empty paragraph and a non-list content as invalid', () => {
    const result = clean(doc({ type: 'paragraph' }, { type: 'paragraph', content: '<b>Sammanfattning</b>' }));
    expect(result.document.content).toEqual([
      { type: 'paragraph', content: [] },
      { type: 'paragraph', content: [] },
    ]);
    expect(result.removed).toEqual(['Ogiltigt textinnehåll i ett stycke togs bort.']);
  });
});

describe('headings', () => {
  it.each([
    [1, 2],
    [0, 2],
    [5, 4],
    [6, 4],
  ])('clamps level %p to %p and says so', (level, clamped) => {
    const result = clean(doc({ type: 'heading', level, content: [text('Sammanfattning')] }));
    expect(result.document.content).toEqual([{ type: 'heading', level: clamped, content: [text('Sammanfattning')] }]);
    expect(result.removed).toEqual([`Rubriknivå ${level} ändrades till ${clamped}.`]);
  });

  it.each([2, 3, 4])('keeps level %p', (level) => {
    const result = clean(doc({ type: 'heading', level, content: [text('Tre viktigaste händelserna')] }));
    expect(result.document.content).toEqual([
      { type: 'heading', level, content: [text('Tre viktigaste händelserna')] },
    ]);
    expect(result.removed).toEqual([]);
  });

  it.each([['2'], [2.5], [null], [undefined]])('gives a heading with level %p level 2', (level) => {
    const result = clean(doc({ type: 'heading', level, content: [text('Sammanfattning')] }));
    expect(result.document.content).toEqual([{ type: 'heading', level: 2, content: [text('Sammanfattning')] }]);
    expect(result.removed).toEqual(['En rubrik utan giltig nivå fick nivå 2.']);
  });
});

describe('paragraph ids', () => {
  it('keeps valid unique ids, in lists too', () => {
    const input = doc(paragraph(UTFALL, 'a'), { type: 'bullet_list', items: [[paragraph(VALD, 'B-2_x')]] });
    expect(clean(input).document).toEqual(input);
  });

  it('drops the second of two equal ids, keeping the paragraph', () => {
    const result = clean(doc(paragraph(UTFALL, 'p1'), { type: 'bullet_list', items: [[paragraph(VALD, 'p1')]] }));
    expect(result.document.content).toEqual([
      paragraph(UTFALL, 'p1'),
      { type: 'bullet_list', items: [[paragraph(VALD)]] },
    ]);
    expect(result.removed).toEqual(['Styckes-id "p1" förekom flera gånger; dubbletten togs bort.']);
  });

  it.each([['med mellanslag'], ['"><script>'], [''], ['x'.repeat(41)], ['å']])('drops the invalid id %p', (id) => {
    const result = clean(doc(paragraph(UTFALL, id)));
    expect(result.document.content).toEqual([paragraph(UTFALL)]);
    expect(result.removed).toHaveLength(1);
    expect(result.removed[0]).toMatch(/^Ogiltigt styckes-id ".*" togs bort\.$/);
  });

  it('drops an id that is not text', () => {
    const result = clean(doc({ type: 'paragraph', id: 7, content: [text(UTFALL)] }));
    expect(result.document.content).toEqual([paragraph(UTFALL)]);
    expect(result.removed).toEqual(['Ett ogiltigt styckes-id togs bort.']);
  });

  it('accepts an id of exactly 40 characters', () => {
    const id = 'x'.repeat(40);
    expect(clean(doc(paragraph(UTFALL, id))).document.content).toEqual([paragraph(UTFALL, id)]);
  });
});

describe('lists and tables', () => {
  it('turns a heading in a list into a paragraph and drops a table there', () => {
    const result = clean(
      doc({
        type: 'bullet_list',
        items: [
          [{ type: 'heading', level: 2, content: [text('Sammanfattning')] }],
          [{ type: 'table', rows: [{ cells: [[text('312')]] }] }, paragraph(VALD)],
        ],
      }),
    );
    expect(result.document.content).toEqual([
      { type: 'bullet_list', items: [[paragraph('Sammanfattning')], [paragraph(VALD)]] },
    ]);
    expect(result.removed).toEqual([
      'En rubrik i en lista gjordes om till ett vanligt stycke.',
      'En tabell i en lista togs bort; tabeller kan inte stå i listor.',
    ]);
  });

  it('drops invalid list items and lists left empty', () => {
    const result = clean(doc({ type: 'bullet_list', items: [paragraph(VALD), 'punkt'] }, { type: 'ordered_list' }));
    expect(result.document.content).toEqual([]);
    expect(result.removed).toEqual(['En ogiltig listpunkt togs bort.', 'En tom lista togs bort.']);
  });

  it('replaces an invalid cell with an empty one so that the columns stay in place', () => {
    const result = clean(doc({ type: 'table', rows: [{ cells: [[text('Indikator')], '<td>', [text('Mål')]] }] }));
    expect(result.document.content).toEqual([
      { type: 'table', rows: [{ cells: [[text('Indikator')], [], [text('Mål')]] }] },
    ]);
    expect(result.removed).toEqual(['En ogiltig tabellcell ersattes med en tom cell.']);
  });

  it('drops invalid and empty rows and tables left empty', () => {
    const result = clean(doc({ type: 'table', rows: [null, { cells: 'x' }, { cells: [] }] }, { type: 'table' }));
    expect(result.document.content).toEqual([]);
    expect(result.removed).toEqual([
      'En ogiltig tabellrad togs bort.',
      'En tom tabellrad togs bort.',
      'En tom tabell togs bort.',
    ]);
  });

  it('keeps header rows and drops a header flag that is not true or false', () => {
    const result = clean(
      doc({
        type: 'table',
        rows: [
          { header: true, cells: [[text('Indikator')]] },
          { header: false, cells: [[text('Andel')]] },
          { header: 'ja', cells: [[text('Antal')]] },
        ],
      }),
    );
    expect(result.document.content).toEqual([
      {
        type: 'table',
        rows: [
          { header: true, cells: [[text('Indikator')]] },
          { cells: [[text('Andel')]] },
          { cells: [[text('Antal')]] },
        ],
      },
    ]);
    expect(result.removed).toEqual(['Ett ogiltigt värde för rubrikrad togs bort.']);
  });
});

describe('footnotes', () => {
  const note = (value: string) => ({ type: 'footnote' as const, note: value });

  it('keeps a footnote on the text it explains, after bold, italic and link', () => {
    const input = doc({
      type: 'paragraph',
      content: [text('Utfallet', [note('Enligt bokslutet per augusti.'), { type: 'bold' }]), text(' ökade.')],
    });
    expect(sanitizeRichText(input)).toEqual({
      ok: true,
      document: doc({
        type: 'paragraph',
        content: [text('Utfallet', [{ type: 'bold' }, note('Enligt bokslutet per augusti.')]), text(' ökade.')],
      }),
      removed: [],
    });
  });

  it('makes the note plain text on one line and drops an empty note or one that is not text, keeping the text', () => {
    const input = doc({
      type: 'paragraph',
      content: [
        text('a', [note(' Rad ett\nrad två\u0007 ')]),
        text('b', [note('   ')]),
        { type: 'text', text: 'c', marks: [{ type: 'footnote', note: 5, extra: true }] },
      ],
    });
    const result = clean(input);
    expect(result.document.content).toEqual([
      { type: 'paragraph', content: [text('a', [note('Rad ett rad två')]), text('bc')] },
    ]);
    expect(result.removed).toEqual([
      'En tom fotnot togs bort; texten den gällde finns kvar.',
      'Okänd egenskap "extra" i en fotnot togs bort.',
      'En fotnot utan text togs bort; texten den gällde finns kvar.',
    ]);
  });

  it('drops a footnote in a heading or a table cell, keeping the text, and keeps one in a list', () => {
    const input = doc(
      { type: 'heading', level: 2, content: [text('Rubrik', [note('Nej')])] },
      { type: 'table', rows: [{ cells: [[text('cell', [{ type: 'bold' }, note('Nej')])]] }] },
      { type: 'bullet_list', items: [[{ type: 'paragraph', content: [text('punkt', [note('Ja')])] }]] },
    );
    const result = clean(input);
    expect(result.document.content).toEqual([
      { type: 'heading', level: 2, content: [text('Rubrik')] },
      { type: 'table', rows: [{ cells: [[text('cell', [{ type: 'bold' }])]] }] },
      { type: 'bullet_list', items: [[{ type: 'paragraph', content: [text('punkt', [note('Ja')])] }]] },
    ]);
    expect(result.removed).toEqual(['En fotnot i en rubrik eller tabellcell togs bort; fotnoter kan stå i stycken och listor.']);
  });

  it('keeps one footnote when a text has two', () => {
    const result = clean(doc({ type: 'paragraph', content: [text('a', [note('Första'), note('Andra')])] }));
    expect(result.document.content).toEqual([{ type: 'paragraph', content: [text('a', [note('Första')])] }]);
    expect(result.removed).toEqual(['En extra fotnot på samma text togs bort.']);
  });

  it('accepts a note of exactly the maximum length and rejects one more, naming the length', () => {
    const max = RICH_TEXT_LIMITS.maxFootnoteLength;
    expect(sanitizeRichText(doc({ type: 'paragraph', content: [text('a', [note('x'.repeat(max))])] })).ok).toBe(true);
    expect(errorsOf(doc({ type: 'paragraph', content: [text('a', [note('x'.repeat(max + 1))])] }))).toEqual([
      'En fotnot är för lång: 2\u00a0001 tecken, högst 2\u00a0000.',
    ]);
  });
});

describe('format errors', () => {
  it.each([
    ['null', null],
    ['a string', '<p>Sammanfattning</p>'],
    ['a number', 42],
    ['an array', [paragraph(UTFALL)]],
    ['a document of another type', { type: 'html', version: 1, content: [] }],
    ['a document of another version', { type: 'doc', version: 2, content: [] }],
    ['a version given as text', { type: 'doc', version: '1', content: [] }],
    ['a document without content', { type: 'doc', version: 1 }],
    ['a document whose content is not a list', { type: 'doc', version: 1, content: { 0: paragraph(UTFALL) } }],
  ])('rejects %s', (_case, input) => {
    expect(sanitizeRichText(input)).toEqual({ ok: false, errors: ['Innehållet har fel format.'] });
  });
});

describe('limits', () => {
  it('has the documented limits', () => {
    expect(RICH_TEXT_LIMITS).toEqual({
      maxChars: 100_000,
      maxBlocks: 2_000,
      maxDepth: 4,
      maxTableCells: 2_000,
      maxTextRunLength: 20_000,
      maxFootnoteLength: 2_000,
    });
  });

  it('accepts exactly the maximum number of characters and rejects one more', () => {
    const chunk = 'x'.repeat(20_000);
    const atLimit = doc(...Array.from({ length: 5 }, () => paragraph(chunk)));
    expect(sanitizeRichText(atLimit).ok).toBe(true);
    expect(errorsOf(doc(...Array.from({ length: 5 }, () => paragraph(chunk)), paragraph('x')))).toEqual([
      `Texten är för lång: 100${NBSP}001 tecken, högst 100${NBSP}000.`,
    ]);
  });

  it('names the real length of a long text', () => {
    const paragraphs = Array.from({ length: 7 }, () => paragraph(VALD.repeat(120)));
    const length = VALD.length * 120 * 7;
    expect(errorsOf(doc(...paragraphs))).toEqual([
      `Texten är för lång: ${length.toLocaleString('sv-SE')} tecken, högst 100${NBSP}000.`,
    ]);
  });

  it('counts table cells towards the length of the text', () => {
    const cells = Array.from({ length: 6 }, () => [text('x'.repeat(19_000))]);
    expect(errorsOf(doc({ type: 'table', rows: [{ cells }] }))).toEqual([
      `Texten är för lång: 114${NBSP}000 tecken, högst 100${NBSP}000.`,
    ]);
  });

  it('rejects one run of text longer than the limit, also when merged from shorter runs', () => {
    expect(sanitizeRichText(doc(paragraph('x'.repeat(20_000)))).ok).toBe(true);
    expect(errorsOf(doc(paragraph('x'.repeat(20_001))))).toEqual([
      `Ett textavsnitt är för långt: 20${NBSP}001 tecken, högst 20${NBSP}000.`,
    ]);
    const halves = doc({ type: 'paragraph', content: [text('x'.repeat(12_000)), text('y'.repeat(12_000))] });
    expect(errorsOf(halves)).toEqual([`Ett textavsnitt är för långt: 24${NBSP}000 tecken, högst 20${NBSP}000.`]);
  });

  it('accepts exactly the maximum number of blocks and rejects one more, nested ones counted', () => {
    const paragraphs = Array.from({ length: 1_998 }, () => paragraph('punkt'));
    const atLimit = doc({ type: 'bullet_list', items: [paragraphs.slice(0, 1)] }, ...paragraphs);
    expect(sanitizeRichText(atLimit).ok).toBe(true);
    const over = doc({ type: 'bullet_list', items: [paragraphs.slice(0, 2)] }, ...paragraphs);
    expect(errorsOf(over)).toEqual([
      `Texten har för många delar (rubriker, stycken, listor och tabeller): 2${NBSP}001, högst 2${NBSP}000.`,
    ]);
  });

  function nested(levels: number): unknown {
    let block: unknown = paragraph('innersta punkten');
    for (let level = 0; level < levels; level += 1) block = { type: 'bullet_list', items: [[block]] };
    return doc(block);
  }

  it('accepts lists nested four levels deep and rejects five', () => {
    const four = clean(nested(4));
    expect(plainText(four.document)).toBe('-\n  -\n    -\n      - innersta punkten');
    expect(errorsOf(nested(5))).toEqual(['Listorna är nästlade i för många nivåer: högst 4 nivåer tillåts.']);
  });

  it('rejects a hostile document nested thousands of levels deep without overflowing the stack', () => {
    expect(errorsOf(nested(100_000))).toEqual(['Listorna är nästlade i för många nivåer: högst 4 nivåer tillåts.']);
  });

  it('accepts exactly the maximum number of table cells and rejects one more, over all tables', () => {
    const table = (rows: number, columns: number): unknown => ({
      type: 'table',
      rows: Array.from({ length: rows }, () => ({ cells: Array.from({ length: columns }, () => [text('1')]) })),
    });
    expect(sanitizeRichText(doc(table(100, 10), table(100, 10))).ok).toBe(true);
    expect(errorsOf(doc(table(100, 10), table(100, 10), table(1, 1)))).toEqual([
      `Tabellerna har för många celler: 2${NBSP}001, högst 2${NBSP}000.`,
    ]);
  });

  it('reports every limit exceeded at once', () => {
    const errors = errorsOf(doc(paragraph('x'.repeat(100_001)), ...Array.from({ length: 2_000 }, () => paragraph(''))));
    expect(errors).toEqual([
      `Texten är för lång: 100${NBSP}001 tecken, högst 100${NBSP}000.`,
      `Ett textavsnitt är för långt: 100${NBSP}001 tecken, högst 20${NBSP}000.`,
      `Texten har för många delar (rubriker, stycken, listor och tabeller): 2${NBSP}001, högst 2${NBSP}000.`,
    ]);
  });

  it('does not count what was removed', () => {
    const result = clean(doc(paragraph('kort'), { type: 'script', content: [text('x'.repeat(200_000))] }));
    expect(result.document.content).toEqual([paragraph('kort')]);
  });
});

describe('plainText', () => {
  it('separates blocks by blank lines, prefixes list items and tab-separates table cells', () => {
    expect(plainText(REPORT)).toBe(
      [
        'Sammanfattning',
        `${UTFALL} Prognosen för helåret är ett underskott.`,
        'Tre viktigaste händelserna',
        [
          `1. ${VALD}`,
          '2. Ny riktlinje för försörjningsstöd har antagits, se kommunens webbplats.',
          '3. Rekryteringen av socialsekreterare:',
          '   - två tjänster tillsatta',
          '   - en vakant',
        ].join('\n'),
        [
          'Indikator\tUtfall 2021\tMål',
          'Andel ärenden med beslut inom 4 månader\t87 %\t90 %',
          'Antal hushåll med försörjningsstöd\t312\t',
        ].join('\n'),
        'Frågor besvaras av socialchefen.',
      ].join('\n\n'),
    );
  });

  it('leaves out empty blocks and indents continuation lines of a list item', () => {
    const document = clean(
      doc(
        paragraph(''),
        { type: 'bullet_list', items: [[paragraph('Första raden\nandra raden'), paragraph('Nytt stycke')], []] },
        paragraph(''),
        { type: 'table', rows: [{ cells: [[text('Cell med\nradbrytning\toch tabb')], [text('312')]] }] },
      ),
    ).document;
    expect(plainText(document)).toBe(
      '- Första raden\n  andra raden\n  Nytt stycke\n-\n\nCell med radbrytning och tabb\t312',
    );
  });

  it('is empty for the empty document', () => {
    expect(plainText(emptyDocument())).toBe('');
  });
});

describe('paragraphTexts', () => {
  it('lists every paragraph with its anchor, those in lists too, but not headings or tables', () => {
    expect(paragraphTexts(REPORT)).toEqual([
      { id: 'p-sammanfattning', text: `${UTFALL} Prognosen för helåret är ett underskott.` },
      { id: 'p-vald', text: VALD },
      { id: null, text: 'Ny riktlinje för försörjningsstöd har antagits, se kommunens webbplats.' },
      { id: null, text: 'Rekryteringen av socialsekreterare:' },
      { id: null, text: 'två tjänster tillsatta' },
      { id: null, text: 'en vakant' },
      { id: null, text: 'Frågor besvaras av socialchefen.' },
    ]);
  });
});
