import type { RichTextDocument } from '@rapportflode/domain';
import { renderDocx } from '../docx';
import { nackaT2Fixture } from '../../testing/nacka-fixture';
import { unzip } from '../../testing/read-docx';
import { renderInlines } from './html/blocks';
import { richTextBlocks } from './memo-model';

const NOTE = 'Enligt bokslutet per augusti.';

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
    { type: 'bullet_list', items: [[{ type: 'paragraph', content: [{ type: 'text', text: 'punkt', marks: [{ type: 'footnote', note: 'Tre' }] }] }]] },
  ],
};

describe('footnotes in documents', () => {
  it('number the markers in order after their text (one for adjacent runs under one note) and end the section with the notes', () => {
    const blocks = richTextBlocks(TEXT, 'del');
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        { text: '593,4', marks: ['bold'] },
        { text: ' mnkr', footnote: 1 },
        { text: ' och ' },
        { text: 'prognosen', footnote: 2 },
      ],
    });
    expect(blocks[1]).toEqual({ type: 'list', ordered: false, items: [{ content: [{ text: 'punkt', footnote: 3 }] }] });
    expect(blocks.slice(2)).toEqual([
      { type: 'paragraph', style: 'note', content: [{ text: '', footnote: 1 }, { text: ` ${NOTE}` }] },
      { type: 'paragraph', style: 'note', content: [{ text: '', footnote: 2 }, { text: ' Prognos <2>' }] },
      { type: 'paragraph', style: 'note', content: [{ text: '', footnote: 3 }, { text: ' Tre' }] },
    ]);
  });

  it('show the marker as superscript in HTML (and PDF), the note escaped', () => {
    const [paragraph, , , note] = richTextBlocks(TEXT, 'del');
    expect(paragraph.type === 'paragraph' && renderInlines(paragraph.content)).toBe(
      '<strong>593,4</strong> mnkr<sup class="footnote-ref">1</sup> och prognosen<sup class="footnote-ref">2</sup>',
    );
    expect(note.type === 'paragraph' && renderInlines(note.content)).toBe('<sup class="footnote-ref">2</sup> Prognos &lt;2&gt;');
  });

  it('show the marker as a superscript run in DOCX', async () => {
    const model = nackaT2Fixture();
    const buffer = await renderDocx({ ...model, body: [...model.body, ...richTextBlocks(TEXT, 'del')] });
    const document = unzip(buffer).get('word/document.xml') ?? '';
    expect(document).toMatch(/<w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">1<\/w:t>/);
    expect(document).toContain(NOTE);
  });
});
