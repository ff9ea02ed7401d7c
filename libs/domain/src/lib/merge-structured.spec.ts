import { applyCellChoices, cellValueText, merge3Structured } from './merge-structured';
import type { ActionPlanContent } from './sections/action-plan';
import type { EconomyContent } from './sections/economy';
import type { TableContent } from './sections/generic-table';
import type { GoalsContent } from './sections/goals';
import type { InternalControlContent } from './sections/internal-control';
import type { SickLeaveContent } from './sections/sick-leave';

const economy = (rows: Array<[string, string, Record<string, number | null>]>): EconomyContent => ({
  type: 'economy',
  rows: rows.map(([key, label, values]) => ({ key, label, values })),
});
const sick = (total: number | null, shortTerm: number | null, longTerm: number | null, comment?: string): SickLeaveContent => ({
  type: 'sick_leave',
  values: { total, shortTerm, longTerm },
  ...(comment ? { comment } : {}),
});

describe('merge3Structured', () => {
  const base = economy([
    ['r1', 'Förskola', { income: 100, costs: -80 }],
    ['r2', 'Grundskola', { income: 200, costs: -150 }],
  ]);

  it('takes the one side that changed, and an equal edit once', () => {
    const x = economy([
      ['r1', 'Förskola', { income: 110, costs: -80 }],
      ['r3', 'Gymnasium', { income: 5 }],
    ]);
    expect(merge3Structured(base, x, base)).toEqual({ content: x, conflicts: [] });
    expect(merge3Structured(base, base, x)).toEqual({ content: x, conflicts: [] });
    expect(merge3Structured(base, x, x)).toEqual({ content: x, conflicts: [] });
  });

  it('merges changes to different cells of the same table, both kept', () => {
    const mine = economy([
      ['r1', 'Förskola', { income: 120, costs: -80 }],
      ['r2', 'Grundskola', { income: 200, costs: -150 }],
    ]);
    const theirs = economy([
      ['r1', 'Förskola', { income: 100, costs: -90 }],
      ['r2', 'Grundskola', { income: 210, costs: -150 }],
    ]);
    const merged = merge3Structured(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.content.rows.map((r) => r.values)).toEqual([
      { income: 120, costs: -90 },
      { income: 210, costs: -150 },
    ]);
  });

  it('marks a cell both changed differently, with row, column and the three values; a choice applies', () => {
    const mine = economy([
      ['r1', 'Förskola', { income: 120, costs: -80 }],
      ['r2', 'Grundskola', { income: 200, costs: -150 }],
    ]);
    const theirs = economy([
      ['r1', 'Förskola', { income: 130, costs: -80 }],
      ['r2', 'Grundskola', { income: 200, costs: -155 }],
    ]);
    const merged = merge3Structured(base, mine, theirs);
    expect(merged.conflicts).toEqual([
      expect.objectContaining({ row: 'Förskola', column: 'Utfall intäkter', base: 100, mine: 120, theirs: 130 }),
    ]);
    expect(merged.content.rows[0].values.income).toBe(120);
    expect(merged.content.rows[1].values.costs).toBe(-155);
    const chosen = applyCellChoices(merged, { [merged.conflicts[0].id]: 'theirs' });
    expect(chosen.rows.map((r) => r.values)).toEqual([
      { income: 130, costs: -80 },
      { income: 200, costs: -155 },
    ]);
    expect(applyCellChoices(merged, { [merged.conflicts[0].id]: 'mine' })).toEqual(merged.content);
  });

  it('keeps rows both sides added, in order, and drops a row one side removed', () => {
    const mine = economy([...base.rows.map((r) => [r.key, r.label, r.values] as [string, string, Record<string, number>]), ['m', 'Min rad', { income: 1 }]]);
    const theirs = economy([['r2', 'Grundskola', { income: 200, costs: -150 }], ['t', 'Deras rad', { income: 2 }]]);
    const merged = merge3Structured(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.content.rows.map((r) => r.label)).toEqual(['Grundskola', 'Min rad', 'Deras rad']);
  });

  it('a row removed on one side and changed on the other is a choice for the whole row', () => {
    const mine = economy([['r2', 'Grundskola', { income: 200, costs: -150 }]]);
    const theirs = economy([
      ['r1', 'Förskola', { income: 101, costs: -80 }],
      ['r2', 'Grundskola', { income: 200, costs: -150 }],
    ]);
    const merged = merge3Structured(base, mine, theirs);
    expect(merged.conflicts).toEqual([expect.objectContaining({ row: 'Förskola', column: 'Hela raden', mine: undefined })]);
    expect(merged.content.rows.map((r) => r.key)).toEqual(['r2']);
    expect(applyCellChoices(merged, { [merged.conflicts[0].id]: 'theirs' }).rows.map((r) => r.key)).toEqual(['r2', 'r1']);
    expect(cellValueText(merged.conflicts[0].mine, true)).toBe('borttagen');
  });

  it('follows sub-rows by key', () => {
    const withChildren = (a: number, b: number): EconomyContent => ({
      type: 'economy',
      rows: [{ key: 'p', label: 'Barn och unga', values: {}, children: [{ key: 'c1', label: 'Heldygnsvård', values: { income: a } }, { key: 'c2', label: 'Öppenvård', values: { income: b } }] }],
    });
    const merged = merge3Structured(withChildren(1, 1), withChildren(2, 1), withChildren(1, 3));
    expect(merged.conflicts).toEqual([]);
    expect(merged.content.rows[0].children?.map((c) => c.values.income)).toEqual([2, 3]);
  });

  it('sick leave: figure by figure, named as the form names them', () => {
    const merged = merge3Structured(sick(5, 2, 3), sick(5.5, 2, 3), sick(6, 2, 3.2, 'Ökning'));
    expect(merged.conflicts).toEqual([expect.objectContaining({ row: 'Total sjukfrånvaro', column: 'Andel (%)', mine: 5.5, theirs: 6 })]);
    expect(merged.content).toEqual(sick(5.5, 2, 3.2, 'Ökning'));
    expect(cellValueText(5.5)).toBe('5,5');
  });

  it('action plan, internal control, goals and generic tables: rows by key, fields by name', () => {
    const plan = (status: 'started' | 'done', comment: string): ActionPlanContent => ({
      type: 'action_plan',
      rows: [{ key: 'a', action: 'Minska övertid', area: 'HR', years: '2025', status, comment }],
    });
    const ap = merge3Structured(plan('started', ''), plan('done', ''), plan('started', 'Klar i maj'));
    expect(ap.conflicts).toEqual([]);
    expect(ap.content.rows[0]).toEqual(expect.objectContaining({ status: 'done', comment: 'Klar i maj' }));
    const apc = merge3Structured(plan('started', ''), plan('started', 'Min'), plan('started', 'Deras'));
    expect(apc.conflicts).toEqual([expect.objectContaining({ row: 'Minska övertid', column: 'Kommentar' })]);

    const ic = (result: 'as_planned' | 'deviation' | null, risk: string): InternalControlContent => ({
      type: 'internal_control',
      plan: [{ key: 'k', area: 'Inköp', goal: 'Rätt', responsible: 'Eva', method: 'Stickprov', frequency: 'År', reportedTo: 'Nämnd', result }],
      risks: [{ key: 't', title: 'Risker', rows: [{ key: 'r', risk, cause: '', impact: '', handling: '', status: 'active' }] }],
    });
    const icm = merge3Structured(ic(null, 'Fel'), ic('as_planned', 'Fel'), ic(null, 'Felaktiga inköp'));
    expect(icm.conflicts).toEqual([]);
    expect(icm.content.plan[0].result).toBe('as_planned');
    expect(icm.content.risks[0].rows[0].risk).toBe('Felaktiga inköp');

    const goals = (value: number | null, target: number | null): GoalsContent => ({
      type: 'goals',
      goals: [{ key: 'g', title: 'Mål', committeeGoals: [{ key: 'n', title: 'Nämndmål', assessment: null, indicators: [{ key: 'i', name: 'Andel', unit: 'percent', previous: null, value, target, assessment: null }] }] }],
    });
    const gm = merge3Structured(goals(null, null), goals(40, null), goals(45, 50));
    expect(gm.conflicts).toEqual([expect.objectContaining({ row: 'Andel', column: 'Utfall', mine: 40, theirs: 45 })]);
    expect(gm.content.goals[0].committeeGoals[0].indicators[0].target).toBe(50);

    const table = (a: number | null, text: string): TableContent => ({ type: 'table', rows: [{ key: 'x', cells: { beskrivning: text, belopp: a } }] });
    const config = { table: { columns: [{ key: 'beskrivning', label: 'Beskrivning', type: 'text' as const }, { key: 'belopp', label: 'Belopp tkr', type: 'number' as const }] } };
    const tm = merge3Structured(table(1, 'Hyra'), table(2, 'Hyra'), table(3, 'Hyra lokal'), config);
    expect(tm.conflicts).toEqual([expect.objectContaining({ row: 'Hyra', column: 'Belopp tkr', mine: 2, theirs: 3 })]);
    expect(tm.content.rows[0].cells['beskrivning']).toBe('Hyra lokal');
  });

  it('treats a missing field, null and empty text as the same empty cell', () => {
    const merged = merge3Structured(sick(null, null, null), { ...sick(1, null, null), comment: '' }, sick(null, null, null));
    expect(merged.conflicts).toEqual([]);
    expect(merged.content.values.total).toBe(1);
  });
});
