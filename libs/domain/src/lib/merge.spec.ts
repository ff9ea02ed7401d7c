import { mergeDocuments } from './merge';
import { plainText, RichTextDocument, sanitizeRichText } from './rich-text';

const para = (text: string, id?: string) => ({ type: 'paragraph' as const, ...(id ? { id } : {}), content: [{ type: 'text' as const, text }] });
const doc = (...content: RichTextDocument['content']): RichTextDocument => ({ type: 'doc', version: 1, content });

describe('mergeDocuments', () => {
  it('keeps both people’s additions to the same draft', () => {
    const base = [para('Inledning.'), para('Avslutning.')];
    const current = doc(base[0], para('Anna skrev om placeringar.'), base[1]);
    const yours = doc(base[0], base[1], para('Lars lade till en slutsats.'));
    const merged = mergeDocuments(current, yours);
    expect(plainText(merged).split('\n\n')).toEqual([
      'Inledning.',
      'Anna skrev om placeringar.',
      'Avslutning.',
      'Lars lade till en slutsats.',
    ]);
  });

  it('keeps both versions of a paragraph both changed, the stored one first', () => {
    const merged = mergeDocuments(doc(para('Prognos +5,6 mnkr.', 'p1')), doc(para('Prognos +5,8 mnkr.', 'p1')));
    expect(plainText(merged)).toBe('Prognos +5,6 mnkr.\n\nPrognos +5,8 mnkr.');
    // the anchor stays on the stored paragraph, and the result is a valid document
    expect(merged.content.map((b) => (b.type === 'paragraph' ? (b.id ?? null) : null))).toEqual(['p1', null]);
    const checked = sanitizeRichText(merged);
    expect(checked.ok && checked.document).toEqual(merged);
  });

  it('returns the same document when both are equal, and the other when one is empty', () => {
    const one = doc(para('Samma text.', 'a'));
    expect(mergeDocuments(one, one)).toEqual(one);
    expect(mergeDocuments(doc(), one)).toEqual(one);
    expect(mergeDocuments(one, doc())).toEqual(one);
  });
});
