import { type RichTextDocument, type TextRun, sanitizeRichText } from '@rapportflode/domain';
import { documentFromElement, documentToHtml, safeHref } from './rich-text-dom';

function text(value: string, marks?: TextRun['marks']): TextRun {
  return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

/** A section as a unit head would write it (Socialnämnden, Nacka, tertialbokslut 2). */
const REPORT: RichTextDocument = {
  type: 'doc',
  version: 1,
  content: [
    { type: 'heading', level: 2, content: [text('Ekonomiskt resultat')] },
    {
      type: 'paragraph',
      id: 'p-resultat',
      content: [
        text('Periodens utfall är 593,4 miljoner kronor, '),
        text('+5,8 miljoner', [{ type: 'bold' }]),
        text(' mot budget. Se '),
        text('rapporten', [{ type: 'italic' }, { type: 'link', href: 'https://www.nacka.se/rapport?a=1&b=2' }]),
        text('.'),
      ],
    },
    { type: 'heading', level: 3, content: [text('Viktiga händelser')] },
    {
      type: 'bullet_list',
      items: [
        [{ type: 'paragraph', id: 'p-one', content: [text('Fler placeringar')] }],
        [
          { type: 'paragraph', id: 'p-two', content: [text('Nytt avtal')] },
          { type: 'ordered_list', items: [[{ type: 'paragraph', id: 'p-three', content: [text('Första steget')] }]] },
        ],
      ],
    },
    {
      type: 'table',
      rows: [
        { header: true, cells: [[text('Verksamhet')], [text('Avvikelse')]] },
        { cells: [[text('Barn och familj')], [text('−1,2', [{ type: 'bold' }])]] },
        { cells: [[], [text('rad ett\nrad två')]] },
      ],
    },
    { type: 'heading', level: 4, content: [text('Kontakt')] },
    { type: 'paragraph', id: 'p-contact', content: [text('Skriv till '), text('ekonomi', [{ type: 'link', href: 'mailto:ekonomi@nacka.se' }])] },
    { type: 'paragraph', id: 'p-empty', content: [] },
    { type: 'paragraph', id: 'p-break', content: [text('två  mellanslag och radbrytning\n')] },
  ],
};

function element(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

function counter(): () => string {
  let n = 0;
  return () => `p-new${++n}`;
}

describe('documentToHtml', () => {
  it('writes headings, paragraphs with their ids, marks, lists and tables', () => {
    const html = documentToHtml(REPORT);
    expect(html).toContain('<h2>Ekonomiskt resultat</h2>');
    expect(html).toContain('<p data-id="p-resultat">Periodens utfall');
    expect(html).toContain('<strong>+5,8 miljoner</strong>');
    expect(html).toContain('<a href="https://www.nacka.se/rapport?a=1&amp;b=2"><em>rapporten</em></a>');
    expect(html).toContain('<ul><li><p data-id="p-one">Fler placeringar</p></li>');
    expect(html).toContain('<tr><th>Verksamhet</th><th>Avvikelse</th></tr>');
    expect(html).toContain('<td>rad ett<br>rad två</td>');
    expect(html).toContain('<p data-id="p-empty"><br></p>');
  });

  it('escapes text and attributes, so <script> stays text', () => {
    const html = documentToHtml({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', id: 'p-x', content: [text('<script>alert("x")</script> & \'citat\'')] },
        { type: 'paragraph', content: [text('länk', [{ type: 'link', href: 'https://example.se/"><img src=x onerror=alert(1)>' }])] },
      ],
    });
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;citat&#39;');
    const root = element(html);
    expect(root.querySelectorAll('script, img')).toHaveLength(0);
    expect(root.textContent).toContain('<script>alert("x")</script>');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.se/"><img src=x onerror=alert(1)>');
  });

  it('drops links that are not http(s) or mailto, keeping their text', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<b>x</b>', '/relativ']) {
      const html = documentToHtml({
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [text('klicka', [{ type: 'link', href }])] }],
      });
      expect(html).toBe('<p>klicka</p>');
    }
  });

  it('numbers footnotes after their text, one marker for adjacent runs under one note, and lists the notes escaped', () => {
    const note = (value: string) => ({ type: 'footnote' as const, note: value });
    const html = documentToHtml({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '593,4', marks: [{ type: 'bold' }, note('Bokslut <aug>')] },
            { type: 'text', text: ' mnkr', marks: [note('Bokslut <aug>')] },
            { type: 'text', text: ' och prognos', marks: [note('Prognos 2')] },
          ],
        },
      ],
    });
    expect(html).toBe(
      '<p><strong>593,4</strong> mnkr<sup class="footnote-ref">1</sup> och prognos<sup class="footnote-ref">2</sup></p>' +
        '<ol class="footnotes" aria-label="Fotnoter"><li>Bokslut &lt;aug&gt;</li><li>Prognos 2</li></ol>',
    );
  });

  it('gives an invalid paragraph id no attribute', () => {
    const html = documentToHtml({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', id: '" onmouseover="x', content: [text('a')] }],
    });
    expect(html).toBe('<p>a</p>');
  });
});

describe('documentFromElement', () => {
  it('reads back what documentToHtml wrote (round trip), ids kept', () => {
    const root = element(documentToHtml(REPORT));
    const read = documentFromElement(root, { whitespace: 'preserve', newId: counter() });
    expect(read).toEqual(REPORT);
    const sanitized = sanitizeRichText(read);
    expect(sanitized).toEqual({ ok: true, document: REPORT, removed: [] });
  });

  it('reads what a browser contenteditable produces', () => {
    const root = element(
      'Lös text<div data-id="p-kept">Ett <b>fett</b> och <i>kursivt</i> ord<br></div>' +
        '<div><br></div>' +
        '<h2>Rubrik</h2><h1>Stor</h1><h6>Liten</h6>' +
        '<ul><li>punkt ett</li><li>punkt <strong>två</strong></li></ul>' +
        '<p>sista<span style="font-weight: bold;"> fet</span></p>',
    );
    const doc = documentFromElement(root, { newId: counter() });
    expect(doc.content).toEqual([
      { type: 'paragraph', id: 'p-new1', content: [text('Lös text')] },
      {
        type: 'paragraph',
        id: 'p-kept',
        content: [text('Ett '), text('fett', [{ type: 'bold' }]), text(' och '), text('kursivt', [{ type: 'italic' }]), text(' ord')],
      },
      { type: 'paragraph', id: 'p-new2', content: [] },
      { type: 'heading', level: 2, content: [text('Rubrik')] },
      { type: 'heading', level: 2, content: [text('Stor')] },
      { type: 'heading', level: 4, content: [text('Liten')] },
      {
        type: 'bullet_list',
        items: [
          [{ type: 'paragraph', id: 'p-new3', content: [text('punkt ett')] }],
          [{ type: 'paragraph', id: 'p-new4', content: [text('punkt '), text('två', [{ type: 'bold' }])] }],
        ],
      },
      { type: 'paragraph', id: 'p-new5', content: [text('sista'), text(' fet', [{ type: 'bold' }])] },
    ]);
    expect(sanitizeRichText(doc)).toMatchObject({ ok: true, removed: [] });
  });

  it('gives new paragraphs fresh ids, keeps existing ones, and renames a duplicate (Enter copies data-id)', () => {
    const root = element('<p data-id="p-a">första</p><p data-id="p-a">kopia</p><p data-id="ogiltigt id!">x</p><p>ny</p>');
    const told: Array<[string, string]> = [];
    const doc = documentFromElement(root, {
      newId: counter(),
      onNewId: (el, id) => told.push([el.textContent ?? '', id]),
    });
    expect(doc.content.map((block) => (block.type === 'paragraph' ? block.id : null))).toEqual(['p-a', 'p-new1', 'p-new2', 'p-new3']);
    expect(told).toEqual([
      ['kopia', 'p-new1'],
      ['x', 'p-new2'],
      ['ny', 'p-new3'],
    ]);
  });

  it('makes fresh ids of the form p-<8 letters or digits> by default', () => {
    const doc = documentFromElement(element('<p>a</p><p>b</p>'));
    const ids = doc.content.map((block) => (block.type === 'paragraph' ? block.id : ''));
    for (const id of ids) expect(id).toMatch(/^p-[a-z0-9]{8}$/);
    expect(new Set(ids).size).toBe(2);
  });

  it('drops hostile links (javascript:, data:) but keeps their text, and never keeps script', () => {
    const root = element(
      '<p data-id="p-1"><a href="javascript:alert(1)">klicka</a> <a href="data:text/html,x">här</a> ' +
        '<a href="https://ok.se">ok</a><script>alert(1)</script><img src="x" onerror="alert(1)"></p>',
    );
    const doc = documentFromElement(root);
    expect(doc.content).toEqual([
      {
        type: 'paragraph',
        id: 'p-1',
        content: [text('klicka här '), text('ok', [{ type: 'link', href: 'https://ok.se' }])],
      },
    ]);
  });

  it('keeps <script> typed as text as plain text, escaped again on the way out', () => {
    const root = element('<p data-id="p-1">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    const doc = documentFromElement(root);
    expect(doc.content).toEqual([{ type: 'paragraph', id: 'p-1', content: [text('<script>alert(1)</script>')] }]);
    expect(documentToHtml(doc)).toBe('<p data-id="p-1">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('reads a table inserted by the toolbar, and unknown elements as their text', () => {
    const root = element(
      '<table><tbody><tr><th><br></th><th>B</th></tr><tr><td>1</td><td><p>a</p><p>b</p></td></tr></tbody></table>' +
        '<blockquote><p data-id="p-q">citat</p></blockquote><p data-id="p-u"><u>under</u><custom-thing>x</custom-thing></p>',
    );
    const doc = documentFromElement(root, { newId: counter() });
    expect(doc.content).toEqual([
      {
        type: 'table',
        rows: [
          { header: true, cells: [[], [text('B')]] },
          { cells: [[text('1')], [text('a\nb')]] },
        ],
      },
      { type: 'paragraph', id: 'p-q', content: [text('citat')] },
      { type: 'paragraph', id: 'p-u', content: [text('underx')] },
    ]);
  });

  it('leaves out empty paragraphs at the very end (the line kept after a table), not those between', () => {
    const root = element('<p data-id="p-a">a</p><p data-id="p-b"><br></p><p data-id="p-c">c</p><table><tbody><tr><td>x</td></tr></tbody></table><p><br></p><p></p>');
    const doc = documentFromElement(root, { newId: counter() });
    expect(doc.content.map((block) => block.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'table']);
    expect(documentFromElement(element('<p><br></p>')).content).toEqual([]);
  });

  it('reads the cells of table parts left outside a table as paragraphs', () => {
    // An HTML parser drops them, so they are built the way an editing command leaves them.
    const root = element('<p data-id="p-a">före</p>');
    const tbody = root.appendChild(document.createElement('tbody'));
    const row = tbody.appendChild(document.createElement('tr'));
    row.appendChild(document.createElement('th')).textContent = 'A1';
    row.appendChild(document.createElement('td')).appendChild(document.createElement('br'));
    row.appendChild(document.createElement('td')).textContent = 'C1';
    const doc = documentFromElement(root, { newId: counter() });
    expect(doc.content).toEqual([
      { type: 'paragraph', id: 'p-a', content: [text('före')] },
      { type: 'paragraph', id: 'p-new1', content: [text('A1')] },
      { type: 'paragraph', id: 'p-new2', content: [] },
      { type: 'paragraph', id: 'p-new3', content: [text('C1')] },
    ]);
  });
});

describe('safeHref', () => {
  it('accepts http, https and mailto only', () => {
    expect(safeHref(' https://nacka.se ')).toBe('https://nacka.se');
    expect(safeHref('mailto:a@b.se')).toBe('mailto:a@b.se');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
    expect(safeHref('www.nacka.se')).toBeNull();
  });
});
