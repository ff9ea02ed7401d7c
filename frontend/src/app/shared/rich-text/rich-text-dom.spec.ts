import { type RichTextDocument, type TextRun } from '@rapportflode/domain';
import { documentToHtml, safeHref } from './rich-text-dom';

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

describe('safeHref', () => {
  it('accepts http, https and mailto only', () => {
    expect(safeHref(' https://nacka.se ')).toBe('https://nacka.se');
    expect(safeHref('mailto:a@b.se')).toBe('mailto:a@b.se');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('vbscript:x')).toBeNull();
    expect(safeHref('www.nacka.se')).toBeNull();
  });
});
