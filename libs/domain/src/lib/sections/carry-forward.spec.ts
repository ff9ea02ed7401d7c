import { earlierContentFor, emptyContent, type EarlierContent } from './content';
import type { GoalsContent } from './goals';

const goals = (title: string): GoalsContent => ({ type: 'goals', goals: [{ key: 'g', title, committeeGoals: [] }] });
const earlier = (over: Partial<EarlierContent>): EarlierContent => ({
  key: 'mal',
  title: 'Mål',
  kind: 'goals',
  unitId: null,
  periodEnd: '2024-08-31',
  content: goals('2024'),
  ...over,
});

describe('which earlier content a new cycle’s task starts from', () => {
  const section = { key: 'mal', title: 'Mål', kind: 'goals' as const };

  it('takes the latest approved content that holds something: an untouched closed cycle does not hide the one before', () => {
    const picked = earlierContentFor(section, null, [
      earlier({ periodEnd: '2024-08-31', content: goals('2024') }),
      earlier({ periodEnd: '2025-08-31', content: emptyContent('goals') }),
    ], false);
    expect(picked?.periodEnd).toBe('2024-08-31');
  });

  it('finds the section by key, else by title, else by kind when the template has only one of that kind', () => {
    const byTitle = earlier({ key: 'kf-mal-t1', title: ' mål ', periodEnd: '2025-04-30' });
    const other = earlier({ key: 'annat', title: 'Annat', periodEnd: '2025-06-30', content: goals('annat') });
    expect(earlierContentFor(section, null, [byTitle, other], false)).toBe(byTitle);
    expect(earlierContentFor({ ...section, title: 'Nämndens mål' }, null, [byTitle, other], false)).toBeUndefined();
    expect(earlierContentFor({ ...section, title: 'Nämndens mål' }, null, [byTitle, other], true)).toBe(other);
    const sameKey = earlier({ periodEnd: '2023-08-31' });
    expect(earlierContentFor(section, null, [other, sameKey, byTitle], true)).toBe(sameKey);
  });

  it('never takes another unit’s content or another kind’s', () => {
    const candidates = [earlier({ unitId: 'u-2' }), earlier({ kind: 'internal_control', content: { type: 'internal_control', plan: [], risks: [] } })];
    expect(earlierContentFor(section, 'u-1', candidates, true)).toBeUndefined();
    expect(earlierContentFor(section, null, candidates, true)).toBeUndefined();
  });
});
