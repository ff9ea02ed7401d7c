/**
 * A structured section's draft through the domain's check (the same check the server runs),
 * each message at the field it is about (row key and field), and what handing in would add.
 * No Angular, no DOM.
 */
import {
  checkActionPlan,
  checkContent,
  checkGoals,
  checkInternalControl,
  checkSickLeave,
  checkTable,
  emptyDocument,
  type SectionConfig,
  type SectionIssue,
  tableConfigOf,
  type TaskContent,
} from '@rapportflode/domain';
import {
  actionPlanInput,
  type CommitteeGoalDraft,
  type CouncilGoalDraft,
  draftInput,
  goalsInput,
  type InternalControlDraft,
  internalControlInput,
  KIND_OF_DRAFT,
  type SectionDraft,
  sickLeaveInput,
  tableInput,
} from './section-drafts';
import { fieldRef } from './section-grid';

export interface DraftCheck {
  /** The clean content when the draft passes the check the server runs. */
  content: TaskContent | null;
  /** Every message of that check (`row: message`), for the list beside the editor. */
  messages: string[];
  /** Messages by `fieldRef(row key, field)`; row key '' for sick leave's figures. */
  at: Map<string, string>;
  /** What the check on handing in adds (every result, every assessment), as `row: message`. */
  beforeSubmit: string[];
}

type Isolated = { key: string; issues: SectionIssue[] };

const issuesOf = (check: { ok: true } | { ok: false; issues: SectionIssue[] }): SectionIssue[] => (check.ok ? [] : check.issues);

/**
 * Each row checked on its own (its parents replaced by valid stand-ins), so a message lands
 * at the row it is about even when two rows are named alike; keys that clash between rows are
 * only in the whole check's messages.
 */
function isolatedIssues(config: SectionConfig | null | undefined, draft: SectionDraft): Isolated[] {
  const out: Isolated[] = [];
  switch (draft.type) {
    case 'sick_leave':
      out.push({ key: '', issues: issuesOf(checkSickLeave(config?.sickLeave, sickLeaveInput(config, draft))) });
      break;
    case 'action_plan':
      for (const row of draft.rows) {
        out.push({ key: row.key, issues: issuesOf(checkActionPlan(config?.actionPlan, actionPlanInput(config, { type: 'action_plan', rows: [row] }))) });
      }
      break;
    case 'internal_control': {
      const check = (d: InternalControlDraft) => issuesOf(checkInternalControl(config?.internalControl, internalControlInput(d)));
      for (const row of draft.plan) out.push({ key: row.key, issues: check({ type: 'internal_control', plan: [row], risks: [] }) });
      for (const table of draft.risks) {
        out.push({ key: table.key, issues: check({ type: 'internal_control', plan: [], risks: [{ ...table, rows: [] }] }) });
        for (const row of table.rows) {
          out.push({ key: row.key, issues: check({ type: 'internal_control', plan: [], risks: [{ key: table.key, title: 'x', rows: [row] }] }) });
        }
      }
      for (const row of draft.recommendations ?? []) out.push({ key: row.key, issues: check({ type: 'internal_control', plan: [], risks: [], recommendations: [row] }) });
      for (const row of draft.controls ?? []) out.push({ key: row.key, issues: check({ type: 'internal_control', plan: [], risks: [], controls: [row] }) });
      break;
    }
    case 'goals': {
      const check = (goals: CouncilGoalDraft[]) => issuesOf(checkGoals(config?.goals, goalsInput({ type: 'goals', goals })));
      for (const goal of draft.goals) {
        out.push({ key: goal.key, issues: check([{ ...goal, committeeGoals: [] }]) });
        for (const cg of goal.committeeGoals) {
          out.push({ key: cg.key, issues: check([{ key: goal.key, title: 'x', area: goal.area || 'x', assessment: 'met', committeeGoals: [{ ...cg, indicators: [] }] }]) });
          for (const indicator of cg.indicators) {
            const parent: CommitteeGoalDraft = { key: cg.key, title: 'x', assessment: 'met', comment: emptyDocument(), indicators: [indicator] };
            out.push({ key: indicator.key, issues: check([{ key: goal.key, title: 'x', area: goal.area || 'x', assessment: 'met', committeeGoals: [parent] }]) });
          }
        }
      }
      break;
    }
    case 'table':
      for (const row of draft.rows) {
        out.push({ key: row.key, issues: issuesOf(checkTable(tableConfigOf(config), tableInput({ type: 'table', rows: [row] }))) });
      }
      break;
  }
  return out;
}

/** The draft through the domain's check, each message at its field, and what handing in would add. */
export function checkDraft(config: SectionConfig | null | undefined, draft: SectionDraft): DraftCheck {
  const kind = KIND_OF_DRAFT[draft.type];
  const input = draftInput(config, draft);
  const checked = checkContent(kind, config, input);
  const at = new Map<string, string>();
  if (!checked.ok) {
    for (const { key, issues } of isolatedIssues(config, draft)) {
      for (const issue of issues) {
        const ref = fieldRef(key, issue.column ?? 'row');
        at.set(ref, at.has(ref) ? `${at.get(ref)} ${issue.message}` : issue.message);
      }
    }
  }
  let beforeSubmit: string[] = [];
  if (checked.ok && (kind === 'internal_control' || kind === 'goals')) {
    const strict = checkContent(kind, config, input, { forSubmit: true });
    beforeSubmit = strict.ok ? [] : strict.errors;
  }
  return { content: checked.ok ? checked.content : null, messages: checked.ok ? [] : checked.errors, at, beforeSubmit };
}
