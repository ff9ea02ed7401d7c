import { staleSaveHeading } from './merge-wording';
import { blockIdentity, merge3Documents, merge3Lines, mergeDocuments3, resolveDocumentMerge, unionBlocks } from './merge3';
import { plainText, RichTextDocument, sanitizeRichText } from './rich-text';

const para = (text: string, id?: string) => ({ type: 'paragraph' as const, ...(id ? { id } : {}), content: [{ type: 'text' as const, text }] });
const doc = (...texts: Array<string | ReturnType<typeof para>>): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: texts.map((t) => (typeof t === 'string' ? para(t) : t)),
});
const lines = (d: RichTextDocument) => (plainText(d) === '' ? [] : plainText(d).split('\n\n'));

/** Small documents drawn from a few paragraphs, to check the laws on many shapes. */
function* documents(): Generator<RichTextDocument> {
  const pool = ['A', 'B', 'C', 'D'];
  yield doc();
  for (const a of pool) {
    yield doc(a);
    for (const b of pool) {
      yield doc(a, b);
      for (const c of pool) if (c !== b) yield doc(a, b, c);
    }
  }
}

describe('merge3Documents', () => {
  it('takes the one side that changed: merge3(base, x, base) is x and merge3(base, base, y) is y', () => {
    for (const base of documents()) {
      for (const x of documents()) {
        expect(lines(mergeDocuments3(base, x, base))).toEqual(lines(x));
        expect(lines(mergeDocuments3(base, base, x))).toEqual(lines(x));
        // the same edit on both sides comes once
        expect(lines(mergeDocuments3(base, x, x))).toEqual(lines(x));
        expect(merge3Documents(base, x, x).conflicts).toEqual([]);
      }
    }
  });

  it('keeps both tabs’ new paragraphs each exactly once, the shared ones once', () => {
    const base = doc('Inledning.', 'Avslutning.');
    const mine = doc('Inledning.', 'Avslutning.', 'Lars lade till en slutsats.');
    const theirs = doc('Inledning.', 'Anna skrev om placeringar.', 'Avslutning.');
    const merge = merge3Documents(base, mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(lines(resolveDocumentMerge(merge))).toEqual(['Inledning.', 'Anna skrev om placeringar.', 'Avslutning.', 'Lars lade till en slutsats.']);
  });

  it('adds both sides’ paragraphs at the same place without a conflict, a paragraph both added once', () => {
    const base = doc('Inledning.');
    const mine = doc('Inledning.', 'Gemensam.', 'Min.');
    const theirs = doc('Inledning.', 'Gemensam.', 'Deras.');
    const merged = mergeDocuments3(base, mine, theirs);
    expect(lines(merged)).toEqual(['Inledning.', 'Gemensam.', 'Deras.', 'Min.']);
  });

  it('merges edits of different paragraphs in place', () => {
    const base = doc('Ett.', 'Två.', 'Tre.');
    const mine = doc('Ett ändrat av mig.', 'Två.', 'Tre.');
    const theirs = doc('Ett.', 'Två.', 'Tre ändrat av dem.');
    expect(lines(mergeDocuments3(base, mine, theirs))).toEqual(['Ett ändrat av mig.', 'Två.', 'Tre ändrat av dem.']);
    // neighbours changed on each side, nothing shared between them
    const next = mergeDocuments3(doc('Ett.', 'Två.'), doc('Ett!', 'Två.'), doc('Ett.', 'Två!'));
    expect(lines(next)).toEqual(['Ett!', 'Två!']);
  });

  it('takes a changed paragraph and a paragraph added after it on the other side, both', () => {
    const base = doc('Ett.', 'Två.');
    expect(lines(mergeDocuments3(base, doc('Ett.', 'Två.', 'Tillagd.'), doc('Ett.', 'Två ändrad.')))).toEqual(['Ett.', 'Två ändrad.', 'Tillagd.']);
    expect(lines(mergeDocuments3(base, doc('Före.', 'Ett.', 'Två.'), doc('Ett ändrad.', 'Två.')))).toEqual(['Före.', 'Ett ändrad.', 'Två.']);
    expect(merge3Documents(base, doc('Ett.', 'Två.', 'Tillagd.'), doc('Ett.', 'Två ändrad.')).conflicts).toEqual([]);
  });

  it('offers a paragraph both changed differently as a conflict, resolved by choice', () => {
    const base = doc(para('Prognos +5,0 mnkr.', 'p1'), para('Slut.'));
    const mine = doc(para('Prognos +5,8 mnkr.', 'p1'), para('Slut.'));
    const theirs = doc(para('Prognos +5,6 mnkr.', 'p1'), para('Slut.'));
    const merge = merge3Documents(base, mine, theirs);
    expect(merge.conflicts).toHaveLength(1);
    expect(merge.conflicts[0].mine.map(blockIdentity)).toEqual([blockIdentity(para('Prognos +5,8 mnkr.'))]);
    expect(lines(resolveDocumentMerge(merge, { 0: 'mine' }))).toEqual(['Prognos +5,8 mnkr.', 'Slut.']);
    expect(lines(resolveDocumentMerge(merge, { 0: 'theirs' }))).toEqual(['Prognos +5,6 mnkr.', 'Slut.']);
    const both = resolveDocumentMerge(merge);
    expect(lines(both)).toEqual(['Prognos +5,6 mnkr.', 'Prognos +5,8 mnkr.', 'Slut.']);
    // the anchor stays on the stored paragraph; the result is a valid document
    expect(both.content.map((b) => (b.type === 'paragraph' ? (b.id ?? null) : null))).toEqual(['p1', null, null]);
    const checked = sanitizeRichText(both);
    expect(checked.ok && checked.document).toEqual(both);
  });

  it('a paragraph one side removed and the other changed is a conflict; removed and untouched is gone', () => {
    const base = doc('Ett.', 'Två.', 'Tre.');
    expect(lines(mergeDocuments3(base, doc('Ett.', 'Tre.'), base))).toEqual(['Ett.', 'Tre.']);
    const merge = merge3Documents(base, doc('Ett.', 'Tre.'), doc('Ett.', 'Två ändrad.', 'Tre.'));
    expect(merge.conflicts).toHaveLength(1);
    expect(lines(resolveDocumentMerge(merge, { 0: 'mine' }))).toEqual(['Ett.', 'Tre.']);
  });

  it('does not count paragraph ids or split runs as changes', () => {
    const base = doc('Samma text.');
    const roundTrip: RichTextDocument = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', id: 'x1', content: [{ type: 'text', text: 'Samma ' }, { type: 'text', text: 'text.' }] }],
    };
    expect(lines(mergeDocuments3(base, roundTrip, doc('Samma text.', 'Ny.')))).toEqual(['Samma text.', 'Ny.']);
  });
});

describe('unionBlocks and merge3Lines', () => {
  it('keeps common blocks once', () => {
    expect(lines(doc(...unionBlocks(doc('A', 'B').content, doc('A', 'C').content) as never[]))).toEqual(['A', 'B', 'C']);
  });

  it('merges lists of lines three-way, null on a real conflict', () => {
    expect(merge3Lines(['a', 'b'], ['a', 'b', 'c'], ['x', 'a', 'b'])).toEqual(['x', 'a', 'b', 'c']);
    expect(merge3Lines(['a'], ['b'], ['c'])).toBeNull();
    expect(merge3Lines(['a'], ['a'], ['a'])).toEqual(['a']);
  });
});

describe('staleSaveHeading', () => {
  it('tells the same person of their other tab, and names anyone else with the time', () => {
    expect(staleSaveHeading({ sameUser: true, savedByName: 'Eva Andersson', savedAt: '2026-03-02T12:05:00Z' })).toBe(
      'Du har sparat en nyare version i en annan flik eller ett annat fönster',
    );
    expect(staleSaveHeading({ sameUser: false, savedByName: 'Johan Ek', savedAt: '2026-03-02T12:05:00Z' })).toBe(
      'Johan Ek har sparat en nyare version kl. 13:05',
    );
    expect(staleSaveHeading({ sameUser: false, savedByName: null, savedAt: null })).toBe('Någon annan har sparat en nyare version');
  });
});
