import { emptyDocument } from '../rich-text';
import { SECTION_KINDS } from '../template';
import { ActionPlanContent } from './action-plan';
import {
  carryContentForward,
  checkContent,
  checkSectionConfig,
  diffContent,
  emptyContent,
  isEmptyContent,
  isStructured,
  issueText,
  STRUCTURED_KINDS,
} from './content';
import { committeeEconomyContent, computeEconomy, EconomyTableConfig } from './economy';
import { GoalsContent } from './goals';
import { InternalControlContent } from './internal-control';

const sickLeave = (total: unknown, shortTerm: unknown, longTerm: unknown) => ({ type: 'sick_leave', values: { total, shortTerm, longTerm } });

describe('task content by section kind', () => {
  it('gives every kind but narrative text a structured schema whose empty form is empty and valid', () => {
    expect(STRUCTURED_KINDS).toEqual(SECTION_KINDS.filter((k) => k !== 'narrative'));
    for (const kind of SECTION_KINDS) {
      const empty = emptyContent(kind);
      expect(isEmptyContent(empty)).toBe(true);
      expect(checkContent(kind, null, empty).ok).toBe(true);
      expect(empty.type === 'doc').toBe(!isStructured(kind));
    }
  });

  it('checks each kind with its own rules and names the row and the figure (Omsorgsenheten T2 2021, reference 000)', () => {
    const nacka = { sickLeave: { shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar', decimals: 2 as const } };
    const ok = checkContent('sick_leave', nacka, sickLeave('6,39', '2,17', '4,22'));
    expect(ok).toEqual({ ok: true, content: { type: 'sick_leave', values: { total: 6.39, shortTerm: 2.17, longTerm: 4.22 } }, removed: [] });
    const over = checkContent('sick_leave', nacka, sickLeave('104', null, null));
    expect(over.ok).toBe(false);
    expect(!over.ok && over.errors.join('\n')).toMatch(/104.*över 100 %/);
    // Rich text where a table belongs is refused, not stored as text.
    expect(checkContent('action_plan', null, emptyDocument()).ok).toBe(false);
    expect(checkContent('table', null, { type: 'table', rows: [{ key: 'r1', cells: { beskrivning: 'Projekt', belopp: '12,5' } }] })).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^Projekt: Belopp tkr/)],
    });
  });

  it('requires every control result and every assessment only when the section is handed in', () => {
    const plan = {
      type: 'internal_control',
      plan: [{ key: 'k1', area: 'Ekonomistyrning', goal: 'Budgetuppföljning varje månad', result: null }],
      risks: [],
    };
    expect(checkContent('internal_control', null, plan).ok).toBe(true);
    const submitted = checkContent('internal_control', null, plan, { forSubmit: true });
    expect(submitted.ok).toBe(false);
    expect(!submitted.ok && submitted.errors[0]).toMatch(/^Ekonomistyrning: /);
  });

  it('diffs tables cell by cell with the old and the new value', () => {
    const before = checkContent('sick_leave', null, sickLeave('5,3', '2,1', '3,2'));
    const after = checkContent('sick_leave', null, sickLeave('5,3', '2,0', '3,2'));
    if (!before.ok || !after.ok) throw new Error('fixture invalid');
    const diff = diffContent('sick_leave', null, before.content, after.content);
    expect(diff.blocks).toEqual([]);
    expect(diff.cells).toEqual([expect.objectContaining({ before: 2.1, after: 2 })]);
  });

  it('carries the unfinished actions, the control plan and the goals into the next cycle, never last period’s comments or results', () => {
    const plan: ActionPlanContent = {
      type: 'action_plan',
      rows: [
        { key: 'a1', action: 'Se över organisationen', area: 'FL', years: '2020 - 2021', status: 'started', comment: 'Pågår' },
        { key: 'a2', action: 'Nytt avtal', area: 'SOV', years: '2021', status: 'done' },
      ],
    };
    expect(carryContentForward('action_plan', plan, true)).toEqual({
      type: 'action_plan',
      rows: [{ key: 'a1', action: 'Se över organisationen', area: 'FL', years: '2020 - 2021', status: 'started' }],
    });
    const control: InternalControlContent = {
      type: 'internal_control',
      plan: [{ key: 'k1', area: 'Ekonomi', goal: 'Följsamhet', responsible: 'EC', method: 'Stickprov', frequency: '2 ggr/år', reportedTo: 'SN', result: 'deviation', comment: 'Brister' }],
      risks: [],
    };
    const next = carryContentForward('internal_control', control, true) as InternalControlContent;
    expect(next.plan[0]).toMatchObject({ area: 'Ekonomi', result: null });
    expect(next.plan[0].comment).toBeUndefined();
    const goals: GoalsContent = {
      type: 'goals',
      goals: [
        {
          key: 'g1',
          title: 'Bästa utveckling för alla',
          committeeGoals: [
            {
              key: 'n1',
              title: 'Stöd ges i rätt tid',
              assessment: 'met',
              comment: 'Bra',
              indicators: [{ key: 'i1', name: 'Skyddat boende', unit: 'percent', previous: 85, value: 90, target: 85, assessment: 'met', comment: 'x' }],
            },
          ],
        },
      ],
    };
    const newYear = carryContentForward('goals', goals, false) as GoalsContent;
    expect(newYear.goals[0].committeeGoals[0]).toMatchObject({ assessment: null, indicators: [{ previous: 90, value: null, target: 85, assessment: null }] });
    const sameYear = carryContentForward('goals', goals, true) as GoalsContent;
    expect(sameYear.goals[0].committeeGoals[0].indicators[0]).toMatchObject({ previous: 85, value: 90 });
    expect(carryContentForward('sick_leave', sickLeave(5, 2, 3) as never, true)).toEqual(emptyContent('sick_leave'));
  });
});

describe('section layouts in templates', () => {
  it('accepts a layout for its own kind in clean form and refuses one for another kind', () => {
    expect(checkSectionConfig('sick_leave', { sickLeave: { shortTermLabel: ' ≤59 dagar ', longTermLabel: '≥60 dagar', decimals: 2, extra: 1 } })).toEqual({
      ok: true,
      config: { sickLeave: { shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar', decimals: 2 } },
    });
    expect(checkSectionConfig('narrative', { table: { columns: [{ key: 'a', label: 'A', type: 'text' }] } })).toEqual({
      ok: false,
      errors: [expect.stringMatching(/passar inte avsnittstypen/)],
    });
    expect(checkSectionConfig('table', { table: { columns: [] } }).ok).toBe(false);
    expect(checkSectionConfig('action_plan', { actionPlan: { areas: ['FL', ''] } }).ok).toBe(false);
    expect(checkSectionConfig('goals', null)).toEqual({ ok: true, config: null });
  });
});

describe('the nämnd economy table from the units’ tables', () => {
  it('keeps each unit’s rows under the unit and adds up to the same nämnd total as the units’ own totals', () => {
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast', 'forecast_deviation'] };
    const unitA = {
      type: 'economy' as const,
      rows: [
        { key: 'r1', label: 'Heldygnsvård', values: { annual_budget: -1000, forecast: -1100 } },
        { key: 'r2', label: 'Öppenvård', values: {}, children: [{ key: 'r3', label: 'Biståndsbedömd', values: { annual_budget: -200, forecast: -150 } }] },
      ],
    };
    const unitB = { type: 'economy' as const, rows: [{ key: 'r1', label: 'Daglig verksamhet', values: { annual_budget: -500, forecast: -480 } }] };
    const content = committeeEconomyContent(config, [
      { unitId: '11111111-2222-3333-4444-555555555555', name: 'Barn och familj', config, content: unitA },
      { unitId: '66666666-2222-3333-4444-555555555555', name: 'Omsorg', config, content: unitB },
    ]);
    expect(content.rows.map((r) => [r.label, r.children?.map((c) => c.label)])).toEqual([
      ['Barn och familj', ['Heldygnsvård', 'Öppenvård']],
      ['Omsorg', ['Daglig verksamhet']],
    ]);
    expect(checkContent('economy', { economy: config }, content).ok).toBe(true);
    const total = computeEconomy(config, content).total;
    expect(total).toMatchObject({ annual_budget: -1700, forecast: -1730, forecast_deviation: -30 });
  });
});

describe('issue texts', () => {
  it('names the row once, also when the message begins with it', () => {
    expect(issueText({ row: 'Bemanning', message: 'Raden saknar namn.' })).toBe('Bemanning: Raden saknar namn.');
    expect(issueText({ row: 'Total sjukfrånvaro', message: 'Total sjukfrånvaro: en andel kan inte vara negativ.' })).toBe(
      'Total sjukfrånvaro: en andel kan inte vara negativ.',
    );
    expect(issueText({ row: null, message: 'Innehållet har fel format.' })).toBe('Innehållet har fel format.');
  });

  it('gives sick leave errors without the measure twice', () => {
    const checked = checkContent('sick_leave', null, { type: 'sick_leave', values: { total: '-2', shortTerm: '104', longTerm: 'x' } });
    expect(checked.ok).toBe(false);
    const errors = checked.ok ? [] : checked.errors;
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const error of errors) expect(error).not.toMatch(/^([^:]+): \1/);
    expect(errors).toContain('Total sjukfrånvaro: en andel kan inte vara negativ.');
  });
});
