import { emptyDocument, type GoalsContent, type SectionConfig } from '@rapportflode/domain';
import { checkDraft } from './draft-check';
import {
  type GoalsDraft,
  type InternalControlDraft,
  newActionRow,
  newCommitteeGoal,
  newControlRow,
  newCouncilGoal,
  newIndicator,
  newTableRow,
  tidyFigure,
  toGoalsDraft,
  toSickLeaveDraft,
  toTableDraft,
} from './section-drafts';
import { fieldRef } from './section-grid';

/** Nacka's sick-leave model (reference 000): ≤59 / ≥60 days, two decimals. */
const NACKA: SectionConfig = { sickLeave: { shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar', decimals: 2 } };
const INVESTMENTS: SectionConfig = {
  table: {
    columns: [
      { key: 'projekt', label: 'Projekt', type: 'text', required: true },
      { key: 'budget', label: 'Budget tkr', type: 'number', sum: true },
    ],
    totalLabel: 'Summa investeringar',
  },
};

describe('sick leave drafts', () => {
  const draft = (total: string, shortTerm: string, longTerm: string) => ({ type: 'sick_leave' as const, values: { total, shortTerm, longTerm }, comment: emptyDocument() });

  it('shows stored figures with the template’s decimals and reads typed ones back (Barn och familjeenheten, T2 2021)', () => {
    expect(toSickLeaveDraft(NACKA, { type: 'sick_leave', values: { total: 2.17, shortTerm: 1.56, longTerm: 0.6 } }).values).toEqual({
      total: '2,17',
      shortTerm: '1,56',
      longTerm: '0,60',
    });
    const check = checkDraft(NACKA, draft('2,17', '1,56', '0,60'));
    expect(check.messages).toEqual([]);
    expect(check.content).toEqual({ type: 'sick_leave', values: { total: 2.17, shortTerm: 1.56, longTerm: 0.6 } });
  });

  it('puts the domain’s message at the figure: over 100 %, and short + long above the total', () => {
    const impossible = checkDraft(NACKA, draft('104', '', ''));
    expect(impossible.content).toBeNull();
    expect(impossible.at.get(fieldRef('', 'total'))).toContain('kan inte vara över 100 %');
    const parts = checkDraft(NACKA, draft('2,17', '3,50', '0,60'));
    expect(parts.at.get(fieldRef('', 'total'))).toContain('mer än total sjukfrånvaro 2,17');
    expect(parts.messages).toHaveLength(1);
  });
});

describe('action plan drafts', () => {
  it('places each row’s message at its own row, even when both rows are still unnamed', () => {
    const a = { ...newActionRow(), key: 'a1' };
    const b = { ...newActionRow(), key: 'b2', action: '', years: '2022 - 2021' };
    const check = checkDraft(null, { type: 'action_plan', rows: [a, b] });
    expect(check.at.get(fieldRef('a1', 'action'))).toBe('Åtgärd saknas.');
    expect(check.at.get(fieldRef('b2', 'years'))).toContain('startåret kan inte vara efter slutåret');
    expect(check.at.has(fieldRef('a1', 'years'))).toBe(false);
  });

  it('reads the effect only where the template has the column', () => {
    const row = { ...newActionRow(), key: 'a1', action: 'Kartläggning av stödboende', effect: '1 300' };
    expect(checkDraft({ actionPlan: { effect: true } }, { type: 'action_plan', rows: [row] }).content).toEqual({
      type: 'action_plan',
      rows: [{ key: 'a1', action: 'Kartläggning av stödboende', area: '', years: '', status: 'not_started', effect: 1300 }],
    });
    expect(checkDraft(null, { type: 'action_plan', rows: [row] }).content).toMatchObject({ rows: [{ key: 'a1' }] });
  });
});

describe('internal control drafts', () => {
  const control = { ...newControlRow(), key: 'c1', area: 'Ekonomistyrning', goal: 'Att uppmärksamma avvikelser i månadsavstämningar' };

  it('asks for the comment at the row whose result is Avvikelse', () => {
    const check = checkDraft(null, { type: 'internal_control', plan: [{ ...control, result: 'deviation' }], risks: [] });
    expect(check.at.get(fieldRef('c1', 'comment'))).toContain('vid Avvikelse');
  });

  it('saves without a result but says handing in needs one', () => {
    const draft: InternalControlDraft = { type: 'internal_control', plan: [control], risks: [] };
    const check = checkDraft(null, draft);
    expect(check.content).not.toBeNull();
    expect(check.beforeSubmit).toEqual(['Ekonomistyrning: Resultat saknas för perioden.']);
  });

  it('places a risk row’s message at that row', () => {
    const check = checkDraft(null, {
      type: 'internal_control',
      plan: [],
      risks: [{ key: 't1', title: 'Omvärldsrisker', rows: [{ key: 'r1', risk: '', cause: 'Pandemi.', impact: '', handling: '', status: 'active', group: '' }] }],
    });
    expect(check.at.get(fieldRef('r1', 'risk'))).toBe('Risk saknas.');
  });
});

describe('goals drafts', () => {
  it('tells a council goal’s message from its nämnd goal’s when both are unnamed', () => {
    const goal = { ...newCouncilGoal(), key: 'g1', committeeGoals: [{ ...newCommitteeGoal(), key: 'cg1' }] };
    const check = checkDraft(null, { type: 'goals', goals: [goal] });
    expect(check.at.get(fieldRef('g1', 'title'))).toBe('Kommunfullmäktiges mål saknas.');
    expect(check.at.get(fieldRef('cg1', 'title'))).toBe('Nämndmål saknas.');
  });

  it('refuses a share over 100 % at the indicator’s figure and reads good figures (reference 000: 85, 90, 85 %)', () => {
    const indicator = { ...newIndicator(), key: 'i1', name: 'Andel som inte utsätts för våld', previous: '85', value: '104', target: '85' };
    const draft: GoalsDraft = {
      type: 'goals',
      goals: [{ key: 'g1', title: 'Bästa utveckling för alla', area: '', assessment: '', committeeGoals: [{ ...newCommitteeGoal(), key: 'cg1', title: 'Barn och vuxna', indicators: [indicator] }] }],
    };
    expect(checkDraft(null, draft).at.get(fieldRef('i1', 'value'))).toContain('ingen andel');
    draft.goals[0].committeeGoals[0].indicators[0] = { ...indicator, value: '90 %', assessment: 'met' };
    const check = checkDraft(null, draft);
    expect(check.content).toMatchObject({ goals: [{ committeeGoals: [{ indicators: [{ previous: 85, value: 90, target: 85, assessment: 'met' }] }] }] });
    expect(check.beforeSubmit).toEqual(['Barn och vuxna: Bedömning saknas; välj Uppnås, Delvis eller Uppnås ej.']);
    expect(toGoalsDraft(null, check.content as never).goals[0].committeeGoals[0].indicators[0]).toMatchObject({ value: '90', assessment: 'met' });
  });
});

describe('goals drafts under a template’s goals layout', () => {
  const layout: SectionConfig = { goals: { year: 2022, areas: true, assessIndicators: false } };
  const stored = {
    type: 'goals',
    goals: [
      {
        key: 'g1',
        area: 'Livskvalitet',
        title: 'Gnesta ska vara en trygg kommun',
        committeeGoals: [
          {
            key: 'cg1',
            title: 'Fler barn ska känna sig trygga',
            assessment: 'partly',
            comment: 'Arbetet pågår.\nEnkäten görs i oktober.',
            indicators: [
              { key: 'i1', name: 'Andel trygga elever', unit: 'percent', earlier: [{ label: '2019', value: 81 }, { label: '2020', value: 82.5 }], previous: 84, value: 86, target: 'Öka', assessment: null },
            ],
          },
        ],
      },
    ],
  } as unknown as GoalsContent;

  it('shows the målområde, each earlier year with its label, a text target, and an old string comment as paragraphs', () => {
    const draft = toGoalsDraft(layout, stored);
    expect(draft.goals[0].area).toBe('Livskvalitet');
    const [ind] = draft.goals[0].committeeGoals[0].indicators;
    expect(ind.earlier).toEqual([{ label: '2019', value: '81' }, { label: '2020', value: '82,5' }]);
    expect(ind.target).toBe('Öka');
    expect(draft.goals[0].committeeGoals[0].comment.content.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  it('hands in without indicator assessments when the template does not assess them, and asks for a målområde', () => {
    const draft = toGoalsDraft(layout, stored);
    const check = checkDraft(layout, draft);
    expect(check.beforeSubmit).toEqual([]);
    expect(check.content).toMatchObject({ goals: [{ area: 'Livskvalitet', committeeGoals: [{ indicators: [{ earlier: [{ label: '2019', value: 81 }, { label: '2020', value: 82.5 }], target: 'Öka' }] }] }] });
    const withoutArea = checkDraft(layout, { ...draft, goals: [{ ...draft.goals[0], area: '' }] });
    expect(withoutArea.at.get(fieldRef('g1', 'area'))).toBe('Målområde saknas.');
    const typo = { ...draft.goals[0].committeeGoals[0].indicators[0], earlier: [{ label: '2019', value: '8x' }] };
    const bad = checkDraft(layout, { ...draft, goals: [{ ...draft.goals[0], committeeGoals: [{ ...draft.goals[0].committeeGoals[0], indicators: [typo] }] }] });
    expect(bad.at.get(fieldRef('i1', 'earlier'))).toMatch(/^Utfall 2019: /);
  });
});

describe('table drafts', () => {
  it('refuses text in a number column at its cell and reads Swedish numbers', () => {
    const row = { ...newTableRow(INVESTMENTS), key: 'r1', cells: { projekt: 'Verksamhetssystem', budget: 'tusen' } };
    expect(checkDraft(INVESTMENTS, { type: 'table', rows: [row] }).at.get(fieldRef('r1', 'budget'))).toContain('kolumnen tar bara tal');
    const check = checkDraft(INVESTMENTS, { type: 'table', rows: [{ ...row, cells: { projekt: 'Verksamhetssystem', budget: '2 500' } }] });
    expect(check.content).toEqual({ type: 'table', rows: [{ key: 'r1', cells: { projekt: 'Verksamhetssystem', budget: 2500 } }] });
    expect(toTableDraft(INVESTMENTS, check.content as never).rows[0].cells).toEqual({ projekt: 'Verksamhetssystem', budget: '2\u00a0500' });
  });
});

describe('tidying a typed figure', () => {
  it('shows a readable figure the Swedish way and leaves anything else as typed', () => {
    expect(tidyFigure('2322', 0)).toBe('2\u00a0322');
    expect(tidyFigure('5,30', 1, { percent: true })).toBe('5,3');
    expect(tidyFigure('5,3 %', 1, { percent: true })).toBe('5,3');
    expect(tidyFigure('5,3 %', 1)).toBeNull();
    expect(tidyFigure('5.3', 1)).toBeNull();
    expect(tidyFigure('1,25', 1)).toBeNull();
    expect(tidyFigure('', 1)).toBeNull();
    expect(tidyFigure('85', 1, { wholeShort: true })).toBe('85');
    expect(tidyFigure('85', 1)).toBe('85,0');
  });
});
