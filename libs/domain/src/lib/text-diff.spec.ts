import { type Block, type RichTextDocument, plainText } from './rich-text';
import { type DiffPart, MAX_DIFF_CELLS, diffDocuments, diffWords } from './text-diff';

const VALD =
  'Antalet personer utsatta för våld i nära relationer som söker stöd och skydd har ökat avsevärt under perioden januari till och med augusti 2021.';
const UTFALL = 'Periodens utfall är 593,4 miljoner kronor, +5,8 miljoner kronor.';

const WORDS = [
  'nämnden',
  'prognosen',
  'utfall',
  'miljoner',
  'kronor',
  'försörjningsstöd',
  'placeringar',
  'barn',
  'unga',
  'ökat',
  'minskat',
  'jämfört',
  'med',
  'föregående',
  'år',
  'och',
  'i',
  'på',
  'för',
  'hemtjänst',
  'personal',
  'rekrytering',
  '593,4',
  '+5,8',
  '−9 504',
  'avvikelse',
];

/** The text before the change, rebuilt from a diff. */
function beforeOf(parts: DiffPart[]): string {
  return parts
    .filter((part) => part.kind !== 'added')
    .map((part) => part.text)
    .join('');
}

/** The text after the change, rebuilt from a diff. */
function afterOf(parts: DiffPart[]): string {
  return parts
    .filter((part) => part.kind !== 'removed')
    .map((part) => part.text)
    .join('');
}

function expectExact(before: string, after: string, parts: DiffPart[]): void {
  expect(beforeOf(parts)).toBe(before);
  expect(afterOf(parts)).toBe(after);
  expect(parts.filter((part) => part.text === '')).toEqual([]);
  // Neighbours are never of the same kind: they would have been merged.
  expect(parts.filter((part, at) => at > 0 && parts[at - 1].kind === part.kind)).toEqual([]);
}

function changes(parts: DiffPart[]): DiffPart[] {
  return parts.filter((part) => part.kind !== 'same');
}

/** A small deterministic pseudo-random generator (mulberry32), so that failures can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(count: number, next: () => number): string[] {
  return Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]);
}

function elapsed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

describe('diffWords', () => {
  it('shows an unchanged text as one unchanged part', () => {
    expect(diffWords(VALD, VALD)).toEqual([{ kind: 'same', text: VALD }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('shows changed figures as just those figures', () => {
    const after = 'Periodens utfall är 601,2 miljoner kronor, +13,6 miljoner kronor.';
    expect(diffWords(UTFALL, after)).toEqual([
      { kind: 'same', text: 'Periodens utfall är ' },
      { kind: 'removed', text: '593,4' },
      { kind: 'added', text: '601,2' },
      { kind: 'same', text: ' miljoner kronor, ' },
      { kind: 'removed', text: '+5,8' },
      { kind: 'added', text: '+13,6' },
      { kind: 'same', text: ' miljoner kronor.' },
    ]);
  });

  it('shows an inserted word as added, with its space', () => {
    const after = VALD.replace('har ökat avsevärt', 'har ökat mycket avsevärt');
    const parts = diffWords(VALD, after);
    expect(changes(parts)).toEqual([{ kind: 'added', text: 'mycket ' }]);
    expectExact(VALD, after, parts);
  });

  it('shows a deleted sentence as removed', () => {
    const before = `${UTFALL} ${VALD}`;
    expect(diffWords(before, UTFALL)).toEqual([
      { kind: 'same', text: UTFALL },
      { kind: 'removed', text: ` ${VALD}` },
    ]);
  });

  it('shows a replaced phrase as one removal and one addition, not word by word', () => {
    const after = VALD.replace('stöd och skydd', 'hjälp eller skydd');
    expect(changes(diffWords(VALD, after))).toEqual([
      { kind: 'removed', text: 'stöd och' },
      { kind: 'added', text: 'hjälp eller' },
    ]);
  });

  it('handles text written from nothing and text deleted entirely', () => {
    expect(diffWords('', UTFALL)).toEqual([{ kind: 'added', text: UTFALL }]);
    expect(diffWords(UTFALL, '')).toEqual([{ kind: 'removed', text: UTFALL }]);
  });

  it('notices a changed line break and changed spacing', () => {
    const after = UTFALL.replace('kronor, ', 'kronor,\n');
    const parts = diffWords(UTFALL, after);
    expect(changes(parts)).toEqual([
      { kind: 'removed', text: ' ' },
      { kind: 'added', text: '\n' },
    ]);
    expectExact(UTFALL, after, parts);
  });

  it('rebuilds both texts exactly for many random edits', () => {
    const next = random(2021);
    for (let round = 0; round < 300; round += 1) {
      const before = words(Math.floor(next() * 40), next);
      const after = [...before];
      const edits = Math.floor(next() * 6);
      for (let edit = 0; edit < edits; edit += 1) {
        const at = Math.floor(next() * (after.length + 1));
        const choice = next();
        if (choice < 0.33) after.splice(at, 1);
        else if (choice < 0.66) after.splice(at, 0, ...words(1 + Math.floor(next() * 3), next));
        else after[at] = words(1, next)[0];
      }
      const separator = () => (next() < 0.1 ? '\n' : next() < 0.1 ? '  ' : ' ');
      const beforeText = before.map((word) => word + separator()).join('');
      const afterText = after
        .filter((word) => word !== undefined)
        .map((word) => word + separator())
        .join('');
      expectExact(beforeText, afterText, diffWords(beforeText, afterText));
    }
  });

  it('keeps unchanged words unchanged when there are few edits', () => {
    const next = random(7);
    const before = words(300, next);
    const after = [...before];
    after[40] = 'VÄSENTLIGT';
    after.splice(200, 0, 'NYTT');
    const parts = diffWords(before.join(' '), after.join(' '));
    expect(changes(parts)).toEqual([
      { kind: 'removed', text: before[40] },
      { kind: 'added', text: 'VÄSENTLIGT' },
      { kind: 'added', text: expect.stringContaining('NYTT') },
    ]);
    expectExact(before.join(' '), after.join(' '), parts);
  });
});

describe('diffWords on long texts', () => {
  const next = random(5_000);
  const before = words(5_000, next);

  it('diffs 5 000 words with one local change precisely and quickly', () => {
    const after = [...before];
    after[2_500] = 'förändrat';
    let parts: DiffPart[] = [];
    const ms = elapsed(() => {
      parts = diffWords(before.join(' '), after.join(' '));
    });
    expect(ms).toBeLessThan(1_000);
    expect(changes(parts)).toEqual([
      { kind: 'removed', text: before[2_500] },
      { kind: 'added', text: 'förändrat' },
    ]);
    expectExact(before.join(' '), after.join(' '), parts);
  });

  it('diffs 5 000 words changed at both ends quickly, exactly and line by line', () => {
    // Lines of ten words: the word table would be about 10 000 × 10 000 cells, more than
    // MAX_DIFF_CELLS, so the diff goes line by line and then word by word within changed lines.
    const lines = (list: string[]) => list.map((word, at) => word + (at % 10 === 9 ? '\n' : ' ')).join('');
    const after = [...before];
    after[3] = 'inledningsvis';
    after[4_990] = 'slutligen';
    let parts: DiffPart[] = [];
    const ms = elapsed(() => {
      parts = diffWords(lines(before), lines(after));
    });
    expect(ms).toBeLessThan(1_000);
    expect(changes(parts)).toEqual([
      { kind: 'removed', text: before[3] },
      { kind: 'added', text: 'inledningsvis' },
      { kind: 'removed', text: before[4_990] },
      { kind: 'added', text: 'slutligen' },
    ]);
    expectExact(lines(before), lines(after), parts);
  });

  it('falls back to one removal and one addition for a long single line changed at both ends', () => {
    const after = [...before];
    after[3] = 'inledningsvis';
    after[4_990] = 'slutligen';
    let parts: DiffPart[] = [];
    const ms = elapsed(() => {
      parts = diffWords(before.join(' '), after.join(' '));
    });
    expect(ms).toBeLessThan(1_000);
    expect(parts.map((part) => part.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(parts[1].text.startsWith(before[3])).toBe(true);
    expect(parts[2].text.startsWith('inledningsvis')).toBe(true);
    expect(parts[2].text.endsWith('slutligen')).toBe(true);
    expectExact(before.join(' '), after.join(' '), parts);
  });

  it('diffs word by word up to the cell limit', () => {
    // The differing middle is some 1 800 tokens each side: about 3,2 million cells, under
    // MAX_DIFF_CELLS, so every change is found word by word.
    expect(MAX_DIFF_CELLS).toBe(4_000_000);
    const list = before.slice(0, 1_000);
    const after = list.map((word, at) => (at % 100 === 0 ? `${word}!` : word));
    let parts: DiffPart[] = [];
    const ms = elapsed(() => {
      parts = diffWords(list.join(' '), after.join(' '));
    });
    expect(ms).toBeLessThan(1_000);
    expect(changes(parts)).toHaveLength(20);
    expect(parts.filter((part) => part.kind === 'added').every((part) => part.text.endsWith('!'))).toBe(true);
    expectExact(list.join(' '), after.join(' '), parts);
  });

  it('diffs two entirely different 5 000-word texts quickly and exactly', () => {
    const other = words(5_000, random(99));
    let parts: DiffPart[] = [];
    const ms = elapsed(() => {
      parts = diffWords(before.join(' '), other.join(' '));
    });
    expect(ms).toBeLessThan(1_000);
    expectExact(before.join(' '), other.join(' '), parts);
  });
});

function paragraph(text: string): Block {
  return { type: 'paragraph', content: text === '' ? [] : [{ type: 'text', text }] };
}

function heading(text: string): Block {
  return { type: 'heading', level: 2, content: [{ type: 'text', text }] };
}

function docOf(...content: Block[]): RichTextDocument {
  return { type: 'doc', version: 1, content };
}

describe('diffDocuments', () => {
  const INTRO = 'Socialnämnden redovisar ett underskott mot budget för perioden.';
  const REKRYTERING = 'Rekryteringen av socialsekreterare har gått bättre än väntat.';
  const before = docOf(
    heading('Sammanfattning'),
    paragraph(INTRO),
    heading('Tre viktigaste händelserna'),
    paragraph(VALD),
  );

  it('shows an unchanged document as unchanged blocks', () => {
    expect(diffDocuments(before, before)).toEqual([
      {
        kind: 'same',
        before: 'Sammanfattning',
        after: 'Sammanfattning',
        parts: [{ kind: 'same', text: 'Sammanfattning' }],
      },
      { kind: 'same', before: INTRO, after: INTRO, parts: [{ kind: 'same', text: INTRO }] },
      {
        kind: 'same',
        before: 'Tre viktigaste händelserna',
        after: 'Tre viktigaste händelserna',
        parts: [{ kind: 'same', text: 'Tre viktigaste händelserna' }],
      },
      { kind: 'same', before: VALD, after: VALD, parts: [{ kind: 'same', text: VALD }] },
    ]);
  });

  it('shows an edited paragraph as changed, word by word', () => {
    const edited = INTRO.replace('ett underskott', 'ett överskott');
    const result = diffDocuments(
      before,
      docOf(heading('Sammanfattning'), paragraph(edited), before.content[2], before.content[3]),
    );
    expect(result.map((block) => block.kind)).toEqual(['same', 'changed', 'same', 'same']);
    expect(result[1]).toEqual({
      kind: 'changed',
      before: INTRO,
      after: edited,
      parts: [
        { kind: 'same', text: 'Socialnämnden redovisar ett ' },
        { kind: 'removed', text: 'underskott' },
        { kind: 'added', text: 'överskott' },
        { kind: 'same', text: ' mot budget för perioden.' },
      ],
    });
  });

  it('shows a replaced block as changed, an appended one as added and a deleted one as removed', () => {
    const after = docOf(heading('Sammanfattning'), paragraph(INTRO), paragraph(UTFALL), paragraph(VALD));
    expect(diffDocuments(before, after).map(({ kind, before: b, after: a }) => [kind, b, a])).toEqual([
      ['same', 'Sammanfattning', 'Sammanfattning'],
      ['same', INTRO, INTRO],
      ['changed', 'Tre viktigaste händelserna', UTFALL],
      ['same', VALD, VALD],
    ]);
    const appended = docOf(...before.content, paragraph(REKRYTERING));
    expect(diffDocuments(before, appended).at(-1)).toEqual({
      kind: 'added',
      before: null,
      after: REKRYTERING,
      parts: [{ kind: 'added', text: REKRYTERING }],
    });
    const shortened = docOf(before.content[0], before.content[2], before.content[3]);
    expect(diffDocuments(before, shortened)[1]).toEqual({
      kind: 'removed',
      before: INTRO,
      after: null,
      parts: [{ kind: 'removed', text: INTRO }],
    });
  });

  it('pairs removed and added blocks at the same place and leaves the rest removed', () => {
    const after = docOf(before.content[0], paragraph(`${INTRO} Prognosen är osäker.`), before.content[3]);
    const result = diffDocuments(before, after);
    expect(result.map((block) => block.kind)).toEqual(['same', 'changed', 'removed', 'same']);
    expect(changes(result[1].parts)).toEqual([{ kind: 'added', text: ' Prognosen är osäker.' }]);
    expect(result[2].before).toBe('Tre viktigaste händelserna');
  });

  it('compares lists and tables by their text and ignores empty paragraphs', () => {
    const list = (second: string): Block => ({
      type: 'bullet_list',
      items: [[paragraph('Ny riktlinje för försörjningsstöd')], [paragraph(second)]],
    });
    const table: Block = {
      type: 'table',
      rows: [{ cells: [[{ type: 'text', text: 'Antal hushåll' }], [{ type: 'text', text: '312' }]] }],
    };
    const result = diffDocuments(
      docOf(list('Två tjänster tillsatta'), table),
      docOf(paragraph(''), list('Tre tjänster tillsatta'), paragraph(''), table),
    );
    expect(result.map((block) => block.kind)).toEqual(['changed', 'same']);
    expect(result[0].after).toBe('- Ny riktlinje för försörjningsstöd\n- Tre tjänster tillsatta');
    expect(changes(result[0].parts)).toEqual([
      { kind: 'removed', text: 'Två' },
      { kind: 'added', text: 'Tre' },
    ]);
    expect(result[1].after).toBe('Antal hushåll\t312');
  });

  it('rebuilds both documents block by block and stays fast for a long report', () => {
    const next = random(42);
    const blocks = Array.from({ length: 1_000 }, () => paragraph(words(5, next).join(' ')));
    const edited = [...blocks];
    for (let at = 0; at < 1_000; at += 97) edited[at] = paragraph(words(5, next).join(' '));
    edited.splice(500, 1);
    edited.splice(700, 0, paragraph('Helt nytt stycke om placeringar.'));
    const a = docOf(...blocks);
    const b = docOf(...edited);
    let result: ReturnType<typeof diffDocuments> = [];
    const ms = elapsed(() => {
      result = diffDocuments(a, b);
    });
    expect(ms).toBeLessThan(1_000);
    const texts = (document: RichTextDocument) => document.content.map((block) => plainText(docOf(block)));
    expect(result.filter((block) => block.before !== null).map((block) => block.before)).toEqual(texts(a));
    expect(result.filter((block) => block.after !== null).map((block) => block.after)).toEqual(texts(b));
    expect(result.filter((block) => block.before !== null && beforeOf(block.parts) !== block.before)).toEqual([]);
    expect(result.filter((block) => block.after !== null && afterOf(block.parts) !== block.after)).toEqual([]);
    expect(result.filter((block) => block.kind !== 'same').length).toBeLessThanOrEqual(14);
  });

  it('finds nothing to show between two empty documents', () => {
    expect(diffDocuments(docOf(), docOf(paragraph('')))).toEqual([]);
  });
});
