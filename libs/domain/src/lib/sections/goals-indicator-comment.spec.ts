import { carryGoalsForward, checkGoals, commentDocument, diffGoals, GoalsContent, readGoalsContent } from './goals';
import { merge3Structured } from '../merge-structured';

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

const indicatorWith = (comment: unknown) => ({
  type: 'goals',
  goals: [
    {
      key: 'g',
      title: 'Bästa utveckling för alla',
      committeeGoals: [
        {
          key: 'cg',
          title: 'Trygg uppväxt',
          assessment: 'met',
          indicators: [{ key: 'i1', name: 'Andel nöjda brukare', unit: 'percent', previous: 80, value: 85, target: 90, assessment: 'partly', comment }],
        },
      ],
    },
  ],
});

const commentOf = (content: unknown) => (content as GoalsContent).goals[0].committeeGoals[0].indicators[0].comment;

describe('indicator comments as rich text', () => {
  it('reads an old string comment as a document of its paragraphs, and a save stores the document', () => {
    const old = 'Resultatet förbättras.\nFler svarade i år.';
    const expected = doc(p('Resultatet förbättras.'), p('Fler svarade i år.'));
    expect(commentOf(readGoalsContent(indicatorWith(old) as unknown as GoalsContent))).toEqual(expected);
    const saved = checkGoals(null, indicatorWith(old));
    expect(saved.ok && commentOf(saved.content)).toEqual(expected);
    expect(commentDocument('En mening.')).toEqual(doc(p('En mening.')));
  });

  it('stores a comment with paragraphs and a list sanitized: unknown marks and parts dropped, scripts kept as text', () => {
    const rich = doc(
      { type: 'paragraph', content: [{ type: 'text', text: 'Målet nås nästan.', marks: [{ type: 'bold' }, { type: 'colour', value: 'red' }] }] },
      { type: 'bullet_list', items: [[p('Fler hembesök')], [p('<script>alert(1)</script>')]] },
      { type: 'iframe', src: 'https://example.com' },
    );
    const saved = checkGoals(null, indicatorWith(rich));
    expect(saved.ok && commentOf(saved.content)).toEqual(
      doc(
        { type: 'paragraph', content: [{ type: 'text', text: 'Målet nås nästan.', marks: [{ type: 'bold' }] }] },
        { type: 'bullet_list', items: [[p('Fler hembesök')], [p('<script>alert(1)</script>')]] },
      ),
    );
  });

  it('refuses a comment that is not text, and one that is too long, naming the indicator; an empty one is not stored', () => {
    const notText = checkGoals(null, indicatorWith(42));
    expect(!notText.ok && notText.issues).toEqual([{ row: 'Andel nöjda brukare', column: 'comment', message: 'Kommentar: ska vara text.' }]);
    const long = checkGoals(null, indicatorWith(doc(p('x'.repeat(5001)))));
    expect(!long.ok && long.issues).toEqual([{ row: 'Andel nöjda brukare', column: 'comment', message: 'Kommentar: får vara högst 5\u00a0000 tecken (nu 5\u00a0001).' }]);
    const empty = checkGoals(null, indicatorWith(doc(p('   '))));
    expect(empty.ok && 'comment' in empty.content.goals[0].committeeGoals[0].indicators[0]).toBe(false);
  });

  it('shows the reviewer a changed comment as its text; an old string and the same document are no change', () => {
    const before = indicatorWith('Enligt plan.') as unknown as GoalsContent;
    expect(diffGoals(before, indicatorWith(doc(p('Enligt plan.'))) as unknown as GoalsContent)).toEqual([]);
    const after = indicatorWith(doc(p('Enligt plan.'), { type: 'bullet_list', items: [[p('Fler hembesök')]] })) as unknown as GoalsContent;
    expect(diffGoals(before, after)).toEqual([{ row: 'Andel nöjda brukare', column: 'Kommentar', before: 'Enligt plan.', after: 'Enligt plan.\n\n- Fler hembesök' }]);
  });

  it('merges the comment as one cell: taken whole from the side that changed it, one conflict named Kommentar when both did', () => {
    const base = indicatorWith(doc(p('Som i fjol.'))) as unknown as GoalsContent;
    const mine = indicatorWith(doc(p('Som i fjol.'), { type: 'bullet_list', items: [[p('Fler hembesök')]] })) as unknown as GoalsContent;
    const theirs = indicatorWith(doc(p('Bättre än i fjol.'))) as unknown as GoalsContent;
    expect(merge3Structured(base, mine, base)).toEqual({ content: mine, conflicts: [] });
    expect(merge3Structured(base, base, theirs)).toEqual({ content: theirs, conflicts: [] });
    const both = merge3Structured(base, mine, theirs);
    expect(both.conflicts.map((c) => [c.row, c.column])).toEqual([['Andel nöjda brukare', 'Kommentar']]);
    expect(commentOf(both.content)).toEqual(commentOf(mine));
  });

  it('takes the writer’s new comment without a conflict when the version they started from held the same comment as an old string', () => {
    const base = indicatorWith('Som i fjol.') as unknown as GoalsContent;
    const theirs = indicatorWith(doc(p('Som i fjol.'))) as unknown as GoalsContent;
    const mine = indicatorWith(doc(p('Bättre än i fjol.'), p('Fler svarade.'))) as unknown as GoalsContent;
    const merged = merge3Structured(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(commentOf(merged.content)).toEqual(commentOf(mine));
    const other = merge3Structured(base, indicatorWith(doc(p('Som i fjol.'))) as unknown as GoalsContent, mine);
    expect(other.conflicts).toEqual([]);
    expect(commentOf(other.content)).toEqual(commentOf(mine));
  });

  it('does not carry a comment into the next cycle', () => {
    const saved = checkGoals(null, indicatorWith(doc(p('Ett'), p('Två'))));
    if (!saved.ok) throw new Error('not saved');
    const next = carryGoalsForward(saved.content, false);
    expect('comment' in next.goals[0].committeeGoals[0].indicators[0]).toBe(false);
    expect(next.goals[0].committeeGoals[0].indicators[0].previous).toBe(85);
  });
});
