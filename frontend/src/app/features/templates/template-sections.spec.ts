import { checkTemplateSections, OrganisationUnitNode, TEMPLATE_MAX_DEPTH } from '@rapportflode/domain';
import {
  addSection,
  allowedMoves,
  assignKeys,
  childCount,
  EditorSection,
  fromTemplateSections,
  indent,
  inReadingOrder,
  moveDown,
  moveUp,
  numberRows,
  outdent,
  removeSection,
  slugify,
  toSectionInputs,
  uniqueKey,
  unitChoices,
  updateSection,
} from './template-sections';

const row = (uid: string, parentUid: string | null = null, title = uid, savedKey: string | null = null): EditorSection => ({
  uid,
  savedKey,
  parentUid,
  title,
  kind: 'narrative',
  responsibility: 'committee',
  unitIds: [],
  reviewerRole: 'economist',
});

const outline = (rows: EditorSection[]) => {
  const numbers = numberRows(rows);
  return rows.map((r, i) => `${numbers[i].number} ${r.title}`);
};

/** A: 1, B: 1.1, C: 1.2, D: 1.2.1, E: 2 */
const sample = (): EditorSection[] => [row('a'), row('b', 'a'), row('c', 'a'), row('d', 'c'), row('e')];

describe('slugify', () => {
  it('makes keys of lowercase a–z, digits and dashes, å/ä as a and ö as o', () => {
    expect(slugify('Händelser av väsentlig betydelse')).toBe('handelser-av-vasentlig-betydelse');
    expect(slugify('Åtgärdsplan för budget i balans')).toBe('atgardsplan-for-budget-i-balans');
    expect(slugify('  Ekonomi – 2021 (tkr)!  ')).toBe('ekonomi-2021-tkr');
    expect(slugify('Café Über')).toBe('cafe-uber');
  });

  it('gives an untitled section a readable key and keeps keys within 60 characters', () => {
    expect(slugify('')).toBe('namnlost-avsnitt');
    expect(slugify('–––')).toBe('namnlost-avsnitt');
    const long = slugify('Styrning och uppföljning av den kommunala verksamheten och dess bolag och förbund');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[a-z0-9][a-z0-9_-]{0,59}$/);
    expect(long.endsWith('-')).toBe(false);
  });

  it('adds a number to a key that is taken', () => {
    expect(uniqueKey('ekonomi', new Set())).toBe('ekonomi');
    expect(uniqueKey('ekonomi', new Set(['ekonomi', 'ekonomi-2']))).toBe('ekonomi-3');
    const base = 'a'.repeat(60);
    expect(uniqueKey(base, new Set([base]))).toBe(`${'a'.repeat(58)}-2`);
  });
});

describe('keys of the sections', () => {
  it('keeps saved keys and gives new sections unique slugs of their titles', () => {
    const rows = [row('1', null, 'Ekonomi', 'ekonomi'), row('2', null, 'Ekonomi'), row('3', '2', 'Ekonomi'), row('4', null, '')];
    const keys = assignKeys(rows);
    expect([...keys.values()]).toEqual(['ekonomi', 'ekonomi-2', 'ekonomi-3', 'namnlost-avsnitt']);
  });

  it('follows the title of a new section, and its children follow the parent key', () => {
    let rows = [row('p', null, ''), row('c', 'p', 'Barn')];
    rows = updateSection(rows, 'p', { title: 'Förälder' });
    expect(toSectionInputs(rows).map((s) => [s.key, s.parentKey])).toEqual([
      ['foralder', null],
      ['barn', 'foralder'],
    ]);
  });

  it('sends chosen units only with chosen_units, and trims titles', () => {
    const rows = [
      { ...row('x', null, ' Åtgärdsplan '), responsibility: 'chosen_units' as const, unitIds: ['u1'] },
      { ...row('y', null, 'Ekonomi'), responsibility: 'all_units' as const, unitIds: ['u1'] },
    ];
    const [x, y] = toSectionInputs(rows);
    expect(x).toEqual({
      key: 'atgardsplan',
      parentKey: null,
      title: 'Åtgärdsplan',
      kind: 'narrative',
      responsibility: 'chosen_units',
      reviewerRole: 'economist',
      unitIds: ['u1'],
      guidance: null,
    });
    expect(y.unitIds).toBeUndefined();
  });

  it('sends a saved layout back with its section, and drops it once the kind no longer fits it', () => {
    const layout = { economy: { unit: 'tkr' as const, columns: ['annual_budget' as const, 'forecast' as const] } };
    const [loaded] = fromTemplateSections([
      { key: 'ekonomi', parentKey: null, title: 'Ekonomi', kind: 'economy', responsibility: 'all_units', reviewerRole: 'economist', unitIds: [], config: layout },
    ]);
    expect(toSectionInputs([loaded])[0].config).toEqual(layout);
    expect(toSectionInputs([{ ...loaded, kind: 'narrative' }])[0].config).toBeUndefined();
  });
});

describe('numbering', () => {
  it('numbers live as the check of the server does', () => {
    const rows = sample();
    expect(outline(rows)).toEqual(['1 a', '1.1 b', '1.2 c', '1.2.1 d', '2 e']);
    const checked = checkTemplateSections(toSectionInputs(rows));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.sections.map((s) => s.number)).toEqual(numberRows(rows).map((n) => n.number));
    expect(numberRows(rows).map((n) => n.depth)).toEqual([1, 2, 2, 3, 1]);
  });

  it('numbers even while the template is not valid (a section without a title)', () => {
    const rows = [row('a'), row('b', 'a', '')];
    expect(checkTemplateSections(toSectionInputs(rows)).ok).toBe(false);
    expect(numberRows(rows).map((n) => n.number)).toEqual(['1', '1.1']);
  });
});

describe('moving sections', () => {
  it('moves a section with its subsections past its siblings, never out of its parent', () => {
    expect(outline(moveUp(sample(), 'c'))).toEqual(['1 a', '1.1 c', '1.1.1 d', '1.2 b', '2 e']);
    expect(outline(moveDown(sample(), 'a'))).toEqual(['1 e', '2 a', '2.1 b', '2.2 c', '2.2.1 d']);
    expect(outline(moveUp(sample(), 'b'))).toEqual(outline(sample()));
    expect(outline(moveDown(sample(), 'c'))).toEqual(outline(sample()));
    expect(allowedMoves(sample(), 'b')).toEqual({ up: false, down: true, indent: false, outdent: true });
    expect(allowedMoves(sample(), 'e')).toEqual({ up: true, down: false, indent: true, outdent: false });
  });

  it('indents a section under the sibling before it, as its last subsection', () => {
    const rows = indent(sample(), 'e');
    expect(outline(rows)).toEqual(['1 a', '1.1 b', '1.2 c', '1.2.1 d', '1.3 e']);
    expect(outline(indent(sample(), 'c'))).toEqual(['1 a', '1.1 b', '1.1.1 c', '1.1.1.1 d', '2 e']);
  });

  it('cannot indent the first section of a level, or past the deepest level', () => {
    expect(indent(sample(), 'a')).toEqual(sample());
    expect(allowedMoves(sample(), 'a').indent).toBe(false);
    // a > b > c > d is TEMPLATE_MAX_DEPTH (4) levels; e cannot go below d.
    const deep = [row('a'), row('b', 'a'), row('c', 'b'), row('d', 'c'), row('e', 'c')];
    expect(TEMPLATE_MAX_DEPTH).toBe(4);
    expect(allowedMoves(deep, 'e').indent).toBe(false);
    // Nor can a subtree of two levels go where its child would land on level 5.
    const tall = [row('a'), row('b', 'a'), row('c', 'b'), row('x', 'b'), row('y', 'x')];
    expect(allowedMoves(tall, 'x').indent).toBe(false);
  });

  it('outdents a section with its subsections to follow its former parent', () => {
    expect(outline(outdent(sample(), 'b'))).toEqual(['1 a', '1.1 c', '1.1.1 d', '2 b', '3 e']);
    expect(outline(outdent(sample(), 'c'))).toEqual(['1 a', '1.1 b', '2 c', '2.1 d', '3 e']);
    expect(outline(outdent(sample(), 'a'))).toEqual(outline(sample()));
  });

  it('no sequence of moves puts a section inside itself', () => {
    let rows = sample();
    const moves = [indent, outdent, moveUp, moveDown];
    for (let i = 0; i < 200; i += 1) {
      const move = moves[(i * 7) % 4];
      const target = rows[(i * 5) % rows.length].uid;
      rows = move(rows, target);
      const checked = checkTemplateSections(toSectionInputs(rows));
      expect(checked.ok).toBe(true);
      if (checked.ok) expect(checked.sections.map((s) => s.key)).toEqual(toSectionInputs(rows).map((s) => s.key));
    }
  });
});

describe('adding and removing sections', () => {
  it('adds an untitled top-level section at the end', () => {
    const rows = addSection(sample(), 'new');
    expect(rows.at(-1)).toMatchObject({ uid: 'new', parentUid: null, title: '', savedKey: null, responsibility: 'committee' });
    expect(numberRows(rows).at(-1)?.number).toBe('3');
  });

  it('removes a section and moves its subsections up one level in its place', () => {
    expect(childCount(sample(), 'a')).toBe(2);
    expect(outline(removeSection(sample(), 'a'))).toEqual(['1 b', '2 c', '2.1 d', '3 e']);
    expect(outline(removeSection(sample(), 'c'))).toEqual(['1 a', '1.1 b', '1.2 d', '2 e']);
  });
});

describe('a saved template in the editor', () => {
  it('is put in reading order and keeps its keys', () => {
    const saved = [
      { key: 'b', parentKey: 'a', title: 'B', kind: 'economy' as const, responsibility: 'all_units' as const, reviewerRole: 'economist' as const, unitIds: [] },
      { key: 'c', parentKey: null, title: 'C', kind: 'narrative' as const, responsibility: 'committee' as const, reviewerRole: 'director' as const, unitIds: [] },
      { key: 'a', parentKey: null, title: 'A', kind: 'narrative' as const, responsibility: 'chosen_units' as const, reviewerRole: 'reviewer' as const, unitIds: ['u'] },
    ];
    const rows = fromTemplateSections(saved);
    expect(outline(rows)).toEqual(['1 C', '2 A', '2.1 B']);
    expect(toSectionInputs(rows).map((s) => [s.key, s.parentKey])).toEqual([
      ['c', null],
      ['a', null],
      ['b', 'a'],
    ]);
  });

  it('breaks a loop rather than losing sections', () => {
    const rows = inReadingOrder([row('a', 'b'), row('b', 'a'), row('c')]);
    expect(rows.map((r) => r.uid).sort()).toEqual(['a', 'b', 'c']);
    expect(checkTemplateSections(toSectionInputs(rows)).ok).toBe(true);
  });
});

describe('units to choose from', () => {
  it('lists active units in tree order with their depth, and inactive ones only when already chosen', () => {
    const node = (id: string, children: OrganisationUnitNode[] = [], active = true): OrganisationUnitNode => ({
      id,
      name: id.toUpperCase(),
      kind: 'unit',
      code: null,
      active,
      children,
    });
    const tree = [node('sf', [node('sov', [node('vux'), node('old', [], false)])])];
    expect(unitChoices(tree).map((u) => `${u.depth}:${u.id}`)).toEqual(['1:sf', '2:sov', '3:vux']);
    expect(unitChoices(tree, new Set(['old'])).map((u) => u.id)).toEqual(['sf', 'sov', 'vux', 'old']);
    expect(unitChoices(tree).map((u) => u.parentName)).toEqual([null, 'SF', 'SOV']);
  });
});
