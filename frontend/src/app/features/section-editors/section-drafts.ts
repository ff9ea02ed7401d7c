/**
 * The structured section editors' drafts: what each editor holds while a person types (every
 * figure as the text in its input, choices as codes or ''), how content becomes a draft and a
 * draft becomes the input the domain checks (`checkContent`, the same check the server runs;
 * draft-check.ts runs it and puts each message at its field), and new rows. No Angular, no DOM.
 */
import {
  type ActionPlanContent,
  type AuditRecommendationRow,
  commentDocument,
  type ControlRow,
  emptyDocument,
  type GoalsContent,
  type InternalControlContent,
  formatNumber,
  parseSwedishNumber,
  type RichTextDocument,
  type SectionConfig,
  type SectionKind,
  type SickLeaveContent,
  sickLeaveMeasures,
  type SystematicControlRow,
  type TableContent,
  tableConfigOf,
  type TaskContent,
} from '@rapportflode/domain';
import { newRowKey } from './section-grid';

/* ---------- Drafts ---------- */

export interface SickLeaveDraft {
  type: 'sick_leave';
  /** By measure key (`total`, `shortTerm`, `ageBands.upp_till_29`): the text in the input. */
  values: Record<string, string>;
  /** The commentary as rich text (an older string comment read as its paragraphs). */
  comment: RichTextDocument;
}

export interface ActionDraftRow {
  key: string;
  action: string;
  area: string;
  years: string;
  /** A status code, '' for none chosen. */
  status: string;
  comment: string;
  effect: string;
}
export interface ActionPlanDraft {
  type: 'action_plan';
  rows: ActionDraftRow[];
}

/** A control row as typed: the domain's `ControlRow` with every field a text (`result` a code, '' while not reported). */
export type ControlDraftRow = { [F in keyof ControlRow]-?: string };
export interface RiskDraftRow {
  key: string;
  risk: string;
  cause: string;
  impact: string;
  handling: string;
  status: string;
  group: string;
}
export interface RiskDraftTable {
  key: string;
  title: string;
  rows: RiskDraftRow[];
}
/** The rows of the two other internal control layouts, as typed (all text). */
export type RecommendationDraftRow = { [F in keyof AuditRecommendationRow]-?: string };
export type SystematicControlDraftRow = { [F in keyof SystematicControlRow]-?: string };
export interface InternalControlDraft {
  type: 'internal_control';
  plan: ControlDraftRow[];
  risks: RiskDraftTable[];
  /** Layout audit_recommendations only. */
  recommendations?: RecommendationDraftRow[];
  /** Layout systematic_controls only. */
  controls?: SystematicControlDraftRow[];
}

/** An earlier year of an indicator as typed: its label (`2019`) and value. */
export interface EarlierDraft {
  label: string;
  value: string;
}
export interface IndicatorDraft {
  key: string;
  name: string;
  unit: 'percent' | 'count';
  /** Years before the previous one, oldest first. */
  earlier: EarlierDraft[];
  previous: string;
  value: string;
  target: string;
  lowerIsBetter: boolean;
  assessment: string;
  source: string;
  /** The comment as rich text (an older string comment read as its paragraphs). */
  comment: RichTextDocument;
}
export interface CommitteeGoalDraft {
  key: string;
  title: string;
  assessment: string;
  comment: RichTextDocument;
  indicators: IndicatorDraft[];
}
export interface CouncilGoalDraft {
  key: string;
  title: string;
  /** The målområde (when the template has them), '' for none. */
  area: string;
  /** A code, '' for none (only when the template assesses kommunfullmäktige's goals). */
  assessment: string;
  committeeGoals: CommitteeGoalDraft[];
}
export interface GoalsDraft {
  type: 'goals';
  goals: CouncilGoalDraft[];
}

export interface TableDraftRow {
  key: string;
  /** By column key: the text in the input. */
  cells: Record<string, string>;
  group: string;
}
export interface TableDraft {
  type: 'table';
  rows: TableDraftRow[];
  /** The total typed or pasted with the rows, by summed column key (kept as typed; see tableTotalFlags). */
  printedTotal?: Record<string, string>;
}

export type SectionDraft = SickLeaveDraft | ActionPlanDraft | InternalControlDraft | GoalsDraft | TableDraft;

/** A figure as it is shown in its input (Swedish, the given decimals); '' for none. */
export function figureText(value: number | null | undefined, decimals: number): string {
  return typeof value === 'number' ? formatNumber(value, decimals) : '';
}

/**
 * A typed figure as its input shows it once left (`2322` → `2 322`, `5,30` → `5,3`), or null
 * when it is not a number with at most `decimals` decimals (it stays as typed; the check marks
 * it). `percent` allows a trailing `%`; `wholeShort` shows a whole number without decimals.
 */
export function tidyFigure(text: string, decimals: number, options: { percent?: boolean; wholeShort?: boolean } = {}): string | null {
  const parsed = parseSwedishNumber(text, { percent: options.percent });
  if (!parsed.ok || parsed.value === null) return null;
  const factor = 10 ** decimals;
  if (Math.round(parsed.value * factor) / factor !== parsed.value) return null;
  return figureText(parsed.value, options.wholeShort && Number.isInteger(parsed.value) ? 0 : decimals);
}

/** Decimals of a figure as stored: at least `min`, as many as it has (up to 4). */
function decimalsOf(value: number, min: number): number {
  for (let d = min; d < 4; d += 1) if (Math.round(value * 10 ** d) / 10 ** d === value) return d;
  return 4;
}

export function sickLeaveDecimals(config: SectionConfig | null | undefined): number {
  return config?.sickLeave?.decimals ?? 1;
}

export function goalsDecimals(config: SectionConfig | null | undefined): number {
  return config?.goals?.decimals ?? 1;
}

export function toSickLeaveDraft(config: SectionConfig | null | undefined, content: SickLeaveContent): SickLeaveDraft {
  const decimals = sickLeaveDecimals(config);
  const values: Record<string, string> = {};
  for (const measure of sickLeaveMeasures(config?.sickLeave)) values[measure.key] = figureText(measure.get(content.values), decimals);
  return { type: 'sick_leave', values, comment: commentDocument(content.comment) ?? emptyDocument() };
}

export function toActionPlanDraft(content: ActionPlanContent): ActionPlanDraft {
  return {
    type: 'action_plan',
    rows: content.rows.map((r) => ({
      key: r.key,
      action: r.action,
      area: r.area,
      years: r.years,
      status: r.status,
      comment: r.comment ?? '',
      effect: figureText(r.effect, 0),
    })),
  };
}

export function toInternalControlDraft(content: InternalControlContent): InternalControlDraft {
  return {
    type: 'internal_control',
    plan: content.plan.map((r) => ({
      key: r.key,
      area: r.area,
      goal: r.goal,
      responsible: r.responsible,
      method: r.method,
      frequency: r.frequency,
      reportedTo: r.reportedTo,
      result: r.result ?? '',
      comment: r.comment ?? '',
      group: r.group ?? '',
    })),
    risks: content.risks.map((t) => ({
      key: t.key,
      title: t.title,
      rows: t.rows.map((r) => ({ key: r.key, risk: r.risk, cause: r.cause, impact: r.impact, handling: r.handling, status: r.status, group: r.group ?? '' })),
    })),
    ...(content.recommendations ? { recommendations: content.recommendations.map((r) => ({ ...r })) } : {}),
    ...(content.controls ? { controls: content.controls.map((r) => ({ ...r })) } : {}),
  };
}

/** An indicator figure as typed: whole numbers without decimals (`85`), others with the template's (`2,5`). */
function indicatorFigure(value: number | null, decimals: number): string {
  return value === null ? '' : figureText(value, Number.isInteger(value) ? 0 : decimals);
}

export function toGoalsDraft(config: SectionConfig | null | undefined, content: GoalsContent): GoalsDraft {
  const decimals = goalsDecimals(config);
  return {
    type: 'goals',
    goals: content.goals.map((g) => ({
      key: g.key,
      title: g.title,
      area: g.area ?? '',
      assessment: g.assessment ?? '',
      committeeGoals: g.committeeGoals.map((cg) => ({
        key: cg.key,
        title: cg.title,
        assessment: cg.assessment ?? '',
        comment: commentDocument(cg.comment) ?? emptyDocument(),
        indicators: cg.indicators.map((i) => ({
          key: i.key,
          name: i.name,
          unit: i.unit,
          earlier: (i.earlier ?? []).map((e) => ({ label: e.label, value: indicatorFigure(e.value, decimals) })),
          previous: indicatorFigure(i.previous, decimals),
          value: indicatorFigure(i.value, decimals),
          target: typeof i.target === 'string' ? i.target : indicatorFigure(i.target, decimals),
          lowerIsBetter: i.lowerIsBetter === true,
          assessment: i.assessment ?? '',
          source: i.source ?? '',
          comment: commentDocument(i.comment) ?? emptyDocument(),
        })),
      })),
    })),
  };
}

export function toTableDraft(config: SectionConfig | null | undefined, content: TableContent): TableDraft {
  const columns = tableConfigOf(config).columns;
  return {
    type: 'table',
    rows: content.rows.map((r) => {
      const cells: Record<string, string> = {};
      for (const c of columns) {
        const v = r.cells[c.key];
        cells[c.key] = typeof v === 'number' ? figureText(v, Math.max(c.decimals ?? 0, decimalsOf(v, c.decimals ?? 0))) : (v ?? '');
      }
      return { key: r.key, cells, group: r.group ?? '' };
    }),
    ...(content.printedTotal
      ? {
          printedTotal: Object.fromEntries(
            Object.entries(content.printedTotal).map(([k, v]) => [k, typeof v === 'number' ? figureText(v, columns.find((c) => c.key === k)?.decimals ?? 0) : '']),
          ),
        }
      : {}),
  };
}

/** The draft of any structured content but economy (which has its own editor model). */
export function toDraft(config: SectionConfig | null | undefined, content: TaskContent): SectionDraft | null {
  switch (content.type) {
    case 'sick_leave':
      return toSickLeaveDraft(config, content);
    case 'action_plan':
      return toActionPlanDraft(content);
    case 'internal_control':
      return toInternalControlDraft(content);
    case 'goals':
      return toGoalsDraft(config, content);
    case 'table':
      return toTableDraft(config, content);
    default:
      return null;
  }
}

/* ---------- Draft → input for the check ---------- */

const orNull = (text: string | undefined) => (text === undefined || text.trim() === '' ? null : text);

export function sickLeaveInput(config: SectionConfig | null | undefined, draft: SickLeaveDraft): unknown {
  const values: Record<string, unknown> = {};
  const ageBands: Record<string, unknown> = {};
  for (const measure of sickLeaveMeasures(config?.sickLeave)) {
    const text = orNull(draft.values[measure.key] ?? '');
    if (measure.key.startsWith('ageBands.')) ageBands[measure.key.slice('ageBands.'.length)] = text;
    else values[measure.key] = text;
  }
  if (Object.keys(ageBands).length) values['ageBands'] = ageBands;
  return { type: 'sick_leave', values, comment: draft.comment };
}

export function actionPlanInput(config: SectionConfig | null | undefined, draft: ActionPlanDraft): unknown {
  return {
    type: 'action_plan',
    rows: draft.rows.map(({ effect, ...row }) => ({ ...row, ...(config?.actionPlan?.effect ? { effect: orNull(effect) } : {}) })),
  };
}

export function internalControlInput(draft: InternalControlDraft): unknown {
  return {
    type: 'internal_control',
    plan: draft.plan.map((r) => ({ ...r, result: orNull(r.result) })),
    risks: draft.risks,
    ...(draft.recommendations ? { recommendations: draft.recommendations } : {}),
    ...(draft.controls ? { controls: draft.controls } : {}),
  };
}

export function goalsInput(draft: GoalsDraft): unknown {
  return {
    type: 'goals',
    goals: draft.goals.map((g) => ({
      ...g,
      area: orNull(g.area),
      assessment: orNull(g.assessment),
      committeeGoals: g.committeeGoals.map((cg) => ({
        ...cg,
        assessment: orNull(cg.assessment),
        indicators: cg.indicators.map((i) => ({
          ...i,
          earlier: (i.earlier ?? []).map((e) => ({ label: e.label, value: orNull(e.value) })),
          previous: orNull(i.previous),
          value: orNull(i.value),
          target: orNull(i.target),
          assessment: orNull(i.assessment),
        })),
      })),
    })),
  };
}

export function tableInput(draft: TableDraft): unknown {
  return {
    type: 'table',
    rows: draft.rows.map((r) => ({ key: r.key, cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, orNull(v)])), group: r.group })),
    ...(draft.printedTotal && Object.values(draft.printedTotal).some((v) => v.trim())
      ? { printedTotal: Object.fromEntries(Object.entries(draft.printedTotal).map(([k, v]) => [k, orNull(v)])) }
      : {}),
  };
}

export function draftInput(config: SectionConfig | null | undefined, draft: SectionDraft): unknown {
  switch (draft.type) {
    case 'sick_leave':
      return sickLeaveInput(config, draft);
    case 'action_plan':
      return actionPlanInput(config, draft);
    case 'internal_control':
      return internalControlInput(draft);
    case 'goals':
      return goalsInput(draft);
    case 'table':
      return tableInput(draft);
  }
}

export const KIND_OF_DRAFT: Readonly<Record<SectionDraft['type'], SectionKind>> = {
  sick_leave: 'sick_leave',
  action_plan: 'action_plan',
  internal_control: 'internal_control',
  goals: 'goals',
  table: 'table',
};

/* ---------- New rows ---------- */

export function newActionRow(random?: () => number): ActionDraftRow {
  return { key: newRowKey(random), action: '', area: '', years: '', status: 'not_started', comment: '', effect: '' };
}

export function newControlRow(random?: () => number): ControlDraftRow {
  return { key: newRowKey(random), area: '', goal: '', responsible: '', method: '', frequency: '', reportedTo: '', result: '', comment: '', group: '' };
}

export function newRiskRow(random?: () => number): RiskDraftRow {
  return { key: newRowKey(random), risk: '', cause: '', impact: '', handling: '', status: 'active', group: '' };
}

export function newRiskTable(title = '', random?: () => number): RiskDraftTable {
  return { key: newRowKey(random), title, rows: [] };
}

export function newIndicator(random?: () => number): IndicatorDraft {
  return { key: newRowKey(random), name: '', unit: 'percent', earlier: [], previous: '', value: '', target: '', lowerIsBetter: false, assessment: '', source: '', comment: emptyDocument() };
}

export function newCommitteeGoal(random?: () => number): CommitteeGoalDraft {
  return { key: newRowKey(random), title: '', assessment: '', comment: emptyDocument(), indicators: [] };
}

export function newCouncilGoal(random?: () => number): CouncilGoalDraft {
  return { key: newRowKey(random), title: '', area: '', assessment: '', committeeGoals: [] };
}

export function newTableRow(config: SectionConfig | null | undefined, random?: () => number): TableDraftRow {
  return { key: newRowKey(random), cells: Object.fromEntries(tableConfigOf(config).columns.map((c) => [c.key, ''])), group: '' };
}
