import { emptyDocument } from '../rich-text';
import type { ActionPlanContent } from './action-plan';
import type { EconomyContent } from './economy';
import type { GoalsContent } from './goals';
import type { InternalControlContent } from './internal-control';
import { checkRowAnchor, commentableRows, rowAnchorText } from './row-anchor';

const economy: EconomyContent = {
  type: 'economy',
  rows: [
    { key: 'r1', label: 'Bemanning', values: { income: 10 }, children: [{ key: 'r1a', label: 'Vikarier', values: {} }] },
    { key: 'r2', label: '', values: {} },
  ],
};

const plan: ActionPlanContent = {
  type: 'action_plan',
  rows: [
    { key: 'a1', action: 'Minska vikarier', area: 'Skola', years: '2025', status: 'started' },
    { key: 'a2', action: 'Ny rutin', area: '', years: '2025', status: 'not_started' },
  ],
};

describe('commentableRows', () => {
  it('lists economy rows and their sub-rows with the configured columns', () => {
    const rows = commentableRows(economy, { economy: { unit: 'tkr', columns: ['income', 'forecast'], labels: { forecast: 'Prognos helår' } } });
    expect(rows.map((r) => [r.key, r.name])).toEqual([
      ['r1', 'Bemanning'],
      ['r1a', 'Vikarier'],
      ['r2', 'Rad 2'],
    ]);
    expect(rows[0].columns.map((c) => c.label)).toEqual(['Utfall intäkter', 'Prognos helår', 'Kommentar']);
  });

  it('names sick leave measures, nested goals and risk rows', () => {
    expect(commentableRows({ type: 'sick_leave', values: { total: 5, shortTerm: 2, longTerm: 3 } }).map((r) => r.name)[0]).toBe('Total sjukfrånvaro');
    const goals: GoalsContent = {
      type: 'goals',
      goals: [
        {
          key: 'g1',
          title: 'Trygg kommun',
          committeeGoals: [
            { key: 'c1', title: 'Fler i arbete', assessment: null, indicators: [{ key: 'i1', name: 'Andel', unit: 'percent', previous: null, value: null, target: null, assessment: null }] },
          ],
        },
      ],
    };
    expect(commentableRows(goals).map((r) => r.key)).toEqual(['g1', 'c1', 'i1']);
    const control: InternalControlContent = {
      type: 'internal_control',
      plan: [],
      risks: [{ key: 't1', title: 'Omvärldsrisker', rows: [{ key: 'k1', risk: 'Inflation', cause: '', impact: '', handling: '', status: 'active' }] }],
    };
    expect(commentableRows(control)).toEqual([expect.objectContaining({ key: 'k1', name: 'Omvärldsrisker › Inflation' })]);
  });
});

describe('checkRowAnchor', () => {
  it('accepts a row and a cell of the current content', () => {
    const row = checkRowAnchor(plan, null, { kind: 'row', rowKey: 'a2' });
    expect(row).toEqual(expect.objectContaining({ ok: true, anchor: { kind: 'row', rowKey: 'a2' }, column: null }));
    const cell = checkRowAnchor(economy, null, { kind: 'row', rowKey: 'r1a', column: 'forecast', extra: 'dropped' });
    expect(cell.ok && cell.anchor).toEqual({ kind: 'row', rowKey: 'r1a', column: 'forecast' });
    expect(cell.ok && rowAnchorText(cell.row.name, cell.column?.label)).toBe('Gäller rad: Vikarier, kolumn Prognos');
  });

  it('refuses a row that is not in the table, an unknown column and a malformed anchor', () => {
    expect(checkRowAnchor(plan, null, { kind: 'row', rowKey: 'gone' })).toEqual({ ok: false, message: 'Raden kommentaren gäller finns inte längre i tabellen.' });
    expect(checkRowAnchor(plan, null, { kind: 'row', rowKey: 'a1', column: 'effect' })).toEqual({
      ok: false,
      message: 'Raden ”Minska vikarier” har ingen sådan kolumn att kommentera.',
    });
    expect(checkRowAnchor(plan, { actionPlan: { effect: true } }, { kind: 'row', rowKey: 'a1', column: 'effect' }).ok).toBe(true);
    expect(checkRowAnchor(plan, null, { kind: 'paragraph', rowKey: 'a1' })).toEqual({ ok: false, message: 'Ange vilken rad kommentaren gäller.' });
    expect(checkRowAnchor(plan, null, 'a1').ok).toBe(false);
    expect(checkRowAnchor(emptyDocument(), null, { kind: 'row', rowKey: 'a1' }).ok).toBe(false);
  });
});
