import type { RichTextDocument } from '@rapportflode/domain';
import { renderDocx } from '../docx';
import { nackaT2Fixture } from '../../testing/nacka-fixture';
import { unzip } from '../../testing/read-docx';
import { type BlockContext, renderBlocks, renderInlines } from './html/blocks';
import { richTextBlocks } from './memo-model';

const NOTE = 'Enligt bokslutet per augusti.';
const PREVIEW: BlockContext = { target: 'preview', anchors: new Map(), tableNumbers: new Map(), usedIds: new Set() };

const TEXT: RichTextDocument = {
  type: 'doc',
  version: 1,
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '593,4', marks: [{ type: 'bold' }, { type: 'footnote', note: NOTE }] },
        { type: 'text', text: ' mnkr', marks: [{ type: 'footnote', note: NOTE }] },
        { type: 'text', text: ' och ' },
        { type: 'text', text: 'prognosen', marks: [{ type: 'footnote', note: 'Prognos <2>' }] },
      ],
    },
    {
      type: 'bullet_list',
      items: [
        [{ type: 'paragraph', content: [{ type: 'text', text: 'punkt', marks: [{ type: 'footnote', note: 'Tre' }] }] }],
      ],
    },
  ],
};

describe('footnotes in documents', () => {
  it('number the markers in order after their text (one for adjacent runs under one note) and end the section with the notes', () => {
    const blocks = richTextBlocks(TEXT, 'del');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        { text: '593,4', marks: ['bold'] },
        { text: ' mnkr', footnote: { number: 1, text: NOTE } },
        { text: ' och ' },
        { text: 'prognosen', footnote: { number: 2, text: 'Prognos <2>' } },
      ],
    });
    expect(blocks[1]).toEqual({
      type: 'list',
      ordered: false,
      items: [{ content: [{ text: 'punkt', footnote: { number: 3, text: 'Tre' } }] }],
    });
    expect(blocks.slice(2)).toEqual([
      {
        type: 'paragraph',
        style: 'footnote',
        content: [{ text: '', footnote: { number: 1, text: NOTE } }, { text: ` ${NOTE}` }],
      },
      {
        type: 'paragraph',
        style: 'footnote',
        content: [{ text: '', footnote: { number: 2, text: 'Prognos <2>' } }, { text: ' Prognos <2>' }],
      },
      {
        type: 'paragraph',
        style: 'footnote',
        content: [{ text: '', footnote: { number: 3, text: 'Tre' } }, { text: ' Tre' }],
      },
    ]);
  });

  it('show the marker as superscript in HTML (and PDF), the note escaped', () => {
    const [paragraph, , , note] = richTextBlocks(TEXT, 'del');
    expect(paragraph.type === 'paragraph' && renderInlines(paragraph.content)).toBe(
      '<strong>593,4</strong> mnkr<sup class="footnote-ref">1</sup> och prognosen<sup class="footnote-ref">2</sup>',
    );
    expect(note.type === 'paragraph' && renderInlines(note.content)).toBe(
      '<sup class="footnote-ref">2</sup> Prognos &lt;2&gt;',
    );
    expect(renderBlocks([note], PREVIEW)).toContain('<p class="footnote">');
  });

  it('are real footnotes in DOCX, their texts in the footnotes part and not in the body', async () => {
    const model = nackaT2Fixture();
    const buffer = await renderDocx({ ...model, body: [...model.body, ...richTextBlocks(TEXT, 'del')] });
    const files = unzip(buffer);
    const document = files.get('word/document.xml') ?? '';
    const footnotes = files.get('word/footnotes.xml') ?? '';
    const ids = [...document.matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(footnotes).toContain(`<w:footnote w:id="${id}">`);
    expect(footnotes).toContain(NOTE);
    expect(footnotes).toContain('Prognos &lt;2&gt;');
    expect(document).not.toContain(NOTE);
    expect(document).toContain('prognosen');
  });
});
