import { checkGoals, commentDocument, diffGoals, GoalsContent, readGoalsContent } from './goals';
import { merge3Structured } from '../merge-structured';
import { checkSickLeave, readSickLeaveContent, SickLeaveContent } from './sick-leave';

const goalsWith = (comment: unknown) => ({
  type: 'goals',
  goals: [{ key: 'g', title: 'Bästa utveckling för alla', committeeGoals: [{ key: 'cg', title: 'Trygg uppväxt', assessment: null, comment, indicators: [] }] }],
});

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('comments of nämndmål and sick leave as rich text', () => {
  it('reads an old string comment as a document of its paragraphs', () => {
    const old = 'Arbetet har gått enligt plan.\n\nTvå nya familjehem har rekryterats.\nUppföljning sker i T3.';
    expect(commentDocument(old)).toEqual(doc(p('Arbetet har gått enligt plan.'), p('Två nya familjehem har rekryterats.'), p('Uppföljning sker i T3.')));
    const stored = goalsWith(old) as unknown as GoalsContent;
    expect(readGoalsContent(stored).goals[0].committeeGoals[0].comment).toEqual(commentDocument(old));
    const sick: SickLeaveContent = { type: 'sick_leave', values: { total: 4, shortTerm: 2, longTerm: 1 }, comment: 'Lägre än i fjol.' };
    expect(readSickLeaveContent(sick).comment).toEqual(doc(p('Lägre än i fjol.')));
    // An old string passes the same sanitizer: control characters do not survive.
    expect(commentDocument('Ringde\u0007 enheten.')).toEqual(doc(p('Ringde enheten.')));
    // A saved string becomes a document: the next save stores the new shape.
    const saved = checkGoals(null, goalsWith(old));
    expect(saved.ok && saved.content.goals[0].committeeGoals[0].comment).toEqual(commentDocument(old));
  });

  it('stores a comment with a heading, paragraphs and a list, sanitized: no unknown parts, scripts stay text', () => {
    const rich = doc(
      { type: 'heading', level: 3, content: [{ type: 'text', text: 'Åtgärder' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Sjukfrånvaron minskar.', marks: [{ type: 'bold' }, { type: 'colour', value: 'red' }] }] },
      { type: 'bullet_list', items: [[p('Friskvård')], [p('<script>alert(1)</script>')]] },
      { type: 'iframe', src: 'https://example.com' },
    );
    const result = checkSickLeave(null, { type: 'sick_leave', values: { total: 4, shortTerm: 2, longTerm: 1 }, comment: rich });
    expect(result.ok && result.content.comment).toEqual(
      doc(
        { type: 'heading', level: 3, content: [{ type: 'text', text: 'Åtgärder' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Sjukfrånvaron minskar.', marks: [{ type: 'bold' }] }] },
        { type: 'bullet_list', items: [[p('Friskvård')], [p('<script>alert(1)</script>')]] },
      ),
    );
  });

  it('refuses a comment that is not text or a document, and one that is too long, naming it', () => {
    const notText = checkSickLeave(null, { type: 'sick_leave', values: { total: 4, shortTerm: 2, longTerm: 1 }, comment: 42 });
    expect(!notText.ok && notText.issues).toEqual([{ row: 'Kommentar', column: 'comment', message: 'Kommentar: ska vara text.' }]);
    const long = checkGoals(null, goalsWith(doc(p('x'.repeat(5001)))));
    expect(!long.ok && long.issues).toEqual([{ row: 'Trygg uppväxt', column: 'comment', message: 'Kommentar: får vara högst 5\u00a0000 tecken (nu 5\u00a0001).' }]);
    const empty = checkGoals(null, goalsWith(doc(p('  '))));
    expect(empty.ok && 'comment' in empty.content.goals[0].committeeGoals[0]).toBe(false);
  });

  it('shows the reviewer a changed comment as its text; an old string and the same document are no change', () => {
    const before = goalsWith('Enligt plan.') as unknown as GoalsContent;
    const same = goalsWith(doc(p('Enligt plan.'))) as unknown as GoalsContent;
    expect(diffGoals(before, same)).toEqual([]);
    const after = goalsWith(doc(p('Enligt plan.'), { type: 'bullet_list', items: [[p('Nytt familjehem')]] })) as unknown as GoalsContent;
    expect(diffGoals(before, after)).toEqual([{ row: 'Trygg uppväxt', column: 'Kommentar', before: 'Enligt plan.', after: 'Enligt plan.\n\n- Nytt familjehem' }]);
  });

  it('merges a comment as one cell: changed by one side it is taken whole, changed by both it is one conflict named Kommentar', () => {
    const sick = (comment: unknown): SickLeaveContent => ({ type: 'sick_leave', values: { total: 4, shortTerm: 2, longTerm: 1 }, comment } as SickLeaveContent);
    const base = sick(doc(p('Som i fjol.')));
    const mine = sick(doc(p('Som i fjol.'), { type: 'bullet_list', items: [[p('Friskvård')]] }));
    const theirs = sick(doc(p('Lägre än i fjol.')));
    expect(merge3Structured(base, mine, base)).toEqual({ content: mine, conflicts: [] });
    const both = merge3Structured(base, mine, theirs);
    expect(both.conflicts.map((c) => [c.row, c.column, c.id])).toEqual([['Kommentar', 'Kommentar', 'comment']]);
    expect(both.content.comment).toEqual(mine.comment);
  });
});
