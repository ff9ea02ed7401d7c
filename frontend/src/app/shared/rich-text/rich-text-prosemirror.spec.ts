import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Node as PmNode } from '@tiptap/pm/model';
import type { JSONContent } from '@tiptap/core';
import { type RichTextDocument, type TextRun, sanitizeRichText } from '@rapportflode/domain';
import {
  documentFromPastedHtml,
  documentFromProseMirror,
  documentToProseMirror,
  paragraphsNeedingIds,
  richTextSchema,
} from './rich-text-prosemirror';
import { cleanPastedHtml } from './word-paste';

const WORD_HTML = readFileSync(join(__dirname, '../../../../../test/fixtures/paste/word-report.html'), 'utf8');

function text(value: string, marks?: TextRun['marks']): TextRun {
  return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

function clean(doc: unknown): RichTextDocument {
  const result = sanitizeRichText(doc);
  if (!result.ok) throw new Error(result.errors.join(' | '));
  return result.document;
}

/** Through ProseMirror and back, the editor's way: the JSON must be valid in the editor's schema. */
function roundTrip(doc: RichTextDocument): RichTextDocument {
  const node = PmNode.fromJSON(richTextSchema(), documentToProseMirror(doc));
  node.check();
  return clean(documentFromProseMirror(node.toJSON() as JSONContent));
}

const REPORT: RichTextDocument = {
  type: 'doc',
  version: 1,
  content: [
    { type: 'heading', level: 2, content: [text('Sammanfattning')] },
    {
      type: 'paragraph',
      id: 'p-sammanfattning',
      content: [
        text('Periodens utfall är '),
        text('593,4 mnkr', [{ type: 'bold' }, { type: 'footnote', note: 'Enligt bokslutet per augusti.' }]),
        text(', se '),
        text('kommunens\nwebbplats', [{ type: 'italic' }, { type: 'link', href: 'https://www.gnesta.se/' }]),
        text('.\nNy rad.'),
      ],
    },
    { type: 'heading', level: 4, content: [text('Händelser')] },
    {
      type: 'ordered_list',
      items: [
        [
          { type: 'paragraph', id: 'p-1', content: [text('Första')] },
          { type: 'bullet_list', items: [[{ type: 'paragraph', id: 'p-1a', content: [text('Under')] }]] },
        ],
        [{ type: 'paragraph', id: 'p-2', content: [text('Andra', [{ type: 'bold' }, { type: 'italic' }])] }],
      ],
    },
    {
      type: 'table',
      rows: [{ header: true, cells: [[text('Verksamhet')], [text('Utfall')]] }, { cells: [[text('IFO\nvuxen')], []] }],
    },
    { type: 'paragraph', id: 'p-tom', content: [] },
    { type: 'paragraph', id: 'p-sist', content: [text('  två  mellanslag ')] },
  ],
};

describe('the stored model through ProseMirror and back', () => {
  it('keeps every heading, paragraph id, list, table, mark, footnote, line break and space', () => {
    expect(roundTrip(REPORT)).toEqual(REPORT);
  });

  it('gives the empty document one empty paragraph to write in, and reads it back as empty', () => {
    expect(documentToProseMirror({ type: 'doc', version: 1, content: [] })).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
    expect(roundTrip({ type: 'doc', version: 1, content: [] })).toEqual({ type: 'doc', version: 1, content: [] });
  });

  it('finds the paragraphs without an id and the later of two equal ids, not those in tables', () => {
    const doc: RichTextDocument = {
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', id: 'p-a', content: [text('a')] },
        { type: 'paragraph', content: [text('b')] },
        { type: 'paragraph', id: 'p-a', content: [text('c')] },
        { type: 'table', rows: [{ cells: [[text('cell')]] }] },
      ],
    };
    const node = PmNode.fromJSON(richTextSchema(), documentToProseMirror(doc));
    const texts = paragraphsNeedingIds(node).map((pos) => node.nodeAt(pos)?.textContent);
    expect(texts).toEqual(['b', 'c']);
  });
});

describe('pasting from Word', () => {
  const cleaned = cleanPastedHtml(WORD_HTML);

  it('drops the Office markup: mso styles, classes, fonts, <o:p>, conditional comments, list markers', () => {
    expect(cleaned).not.toMatch(/mso-/i);
    expect(cleaned).not.toMatch(/\b(?:style|class|lang|width|valign|align|border)=/i);
    expect(cleaned).not.toMatch(/<o:p|<\/o:p>|<!--|<!\[|\[endif\]|supportLists/i);
    expect(cleaned).not.toMatch(/Calibri|Symbol|Times New Roman|Courier|font/i);
    expect(cleaned).not.toMatch(/<meta|<style|<link|xml/i);
    // The one span left is the footnote's.
    expect(cleaned.match(/<span/g)).toHaveLength(1);
    expect(cleaned).not.toContain('·');
    expect(cleaned).not.toContain('[1]');
    expect(cleaned).not.toMatch(/<hr|<br|_ftn|_Toc/);
    expect(cleaned).toContain('<span data-footnote="" data-note="Boendet på Frejgatan öppnade i maj.">öppnat</span>');
  });

  it('keeps the headings, the nested bullet list, the numbered list, bold, italic, the link and the table', () => {
    const pasted = clean(documentFromPastedHtml(WORD_HTML));
    const item = (value: string | TextRun[]) => ({
      type: 'paragraph',
      content: typeof value === 'string' ? [text(value)] : value,
    });
    expect(pasted).toEqual({
      type: 'doc',
      version: 1,
      content: [
        { type: 'heading', level: 2, content: [text('Ekonomiskt resultat')] },
        {
          type: 'paragraph',
          content: [
            text('Periodens utfall är '),
            text('593,4 miljoner kronor', [{ type: 'bold' }]),
            text(', vilket är bättre än budget.'),
          ],
        },
        { type: 'heading', level: 2, content: [text('Tre viktigaste händelserna')] },
        {
          type: 'bullet_list',
          items: [
            [
              item([text('Fler söker stöd vid '), text('våld i nära relationer', [{ type: 'bold' }])]),
              { type: 'bullet_list', items: [[item('Särskilt bland unga')]] },
            ],
            [
              item([
                text('Nytt boende har '),
                text('öppnat', [{ type: 'footnote', note: 'Boendet på Frejgatan öppnade i maj.' }]),
              ]),
            ],
          ],
        },
        {
          type: 'ordered_list',
          items: [
            [item('Ta fram en handlingsplan')],
            [item([text('Följ upp '), text('varje kvartal', [{ type: 'italic' }])])],
          ],
        },
        {
          type: 'table',
          rows: [
            {
              header: true,
              cells: [[text('Verksamhet', [{ type: 'bold' }])], [text('Utfall (tkr)', [{ type: 'bold' }])]],
            },
            { cells: [[text('Individ- och familjeomsorg')], [text('12\u00a0345')]] },
          ],
        },
        {
          type: 'paragraph',
          content: [
            text('Läs mer på '),
            text('kommunens webbplats', [{ type: 'link', href: 'https://www.gnesta.se/' }]),
            text('.'),
          ],
        },
      ],
    });
  });

  it('keeps no link the sanitizer would refuse and no script', () => {
    const pasted = clean(
      documentFromPastedHtml(
        '<p>a <a href="javascript:alert(1)">b</a><script>alert(2)</script> <img src=x onerror="alert(3)">c</p>',
      ),
    );
    expect(pasted.content).toEqual([{ type: 'paragraph', content: [text('a b c')] }]);
  });
});
