/**
 * The workflow of every subject (a section task, a tjänsteskrivelse; later a nämnd meeting's
 * ärenden and protokoll), in one place: the row lock, the version the step was asked from, the
 * actions the person holds, the transition table and its refusals (libs/domain/src/lib/workflow.ts),
 * separation of duties and its audit, the automatic start/resume of a save, the history
 * (workflow.repository.ts: the only code that touches task_transition and memo_transition) and
 * the audit entry of every step.
 *
 * How a new subject plugs in:
 * 1. Add its name to WorkflowSubjectName in libs/domain/src/lib/workflow.ts (with the words of
 *    its messages in WORKFLOW_SUBJECT_WORDS) and its history table to HISTORY in
 *    workflow.repository.ts (a migration creates the table: id, <subject>_id, transition,
 *    from_state, to_state, actor_id, text, occurred_at); its `<name>_locked` refusal goes in
 *    LOCKED_CODE below and in backend/src/common/error-status.ts.
 * 2. Implement WorkflowSubject (workflow-subject.ts) in the subject's module, usually in a small
 *    provider beside its repository (examples: backend/src/modules/tasks/task-workflow.service.ts,
 *    backend/src/modules/memos/memo-workflow.ts; the smallest, in memory: workflow.service.spec.ts): `lock` (its row FOR UPDATE, mapped to a WorkflowRecord),
 *    `heldActions` (its own permissions translated to the table's task.* actions), `submitter`
 *    (who handed in the round under review; `lastSubmitter` here answers from the history) and
 *    `writeState` (its UPDATE of state and version, plus anything that goes with a step).
 * 3. Import WorkflowModule and call, inside the subject's own transaction:
 *    - `transition(manager, subject, key, { transition, version, text }, actor)` for a step the
 *      person asks for; then do what follows it (notifications, reminders) with the answer;
 *    - on a save: `openForSave` (lock, pen, locked state), the subject's own content and version
 *      checks, then `autoTransition` (start/resume, recorded) and the subject's content UPDATE
 *      with the state it answers;
 *    - `autoTransitionMany` when one action saves many subjects at once (the economy import);
 *    - `history`, `reviewRound` to show the subject.
 */
import { Injectable } from '@nestjs/common';
import {
  Action,
  automaticTransition,
  checkTransition,
  isEditable,
  isSelfApproval,
  lockedMessage,
  ReviewRound,
  staleMessage,
  TaskState,
  Transition,
  WORKFLOW,
} from '@rapportflode/domain';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import type { ErrorCode } from '../../common/error-status';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { selfApprovalAllowed } from '../operations/installation-settings.service';
import type { WorkflowActor, WorkflowRecord, WorkflowSubject, WorkflowSubjectType } from './workflow-subject';
import { NewTransition, WorkflowRepository } from './workflow.repository';

/** A step as the history shows it (TaskTransitionDto, MemoTransitionDto). */
export interface WorkflowHistoryEntry {
  transition: Transition;
  from: TaskState;
  to: TaskState;
  actorName: string;
  text: string | null;
  at: string;
}

export interface TransitionAsked {
  transition: Transition;
  /** The version the person saw. */
  version: number;
  text?: string | null;
}

/** A step that has been taken: the record as it was locked, the state reached, the text and the round. */
export interface WorkflowStep<R extends WorkflowRecord> {
  record: R & { id: string };
  from: TaskState;
  to: TaskState;
  text: string | null;
  round: ReviewRound | undefined;
}

/** One subject saved as part of a bulk action (autoTransitionMany). */
export interface BulkSubject {
  id: string;
  state: TaskState;
  version: number;
  committeeId: string;
}

const LOCKED_CODE: Readonly<Record<WorkflowSubjectType, ErrorCode>> = { task: 'task_locked', memo: 'memo_locked' };

@Injectable()
export class WorkflowService {
  constructor(
    private readonly repository: WorkflowRepository,
    private readonly audit: AuditService,
  ) {}

  /** The refusal of a change to a submitted or approved subject (task_locked, memo_locked). */
  lockedError(type: WorkflowSubjectType, state: TaskState): DomainError {
    return new DomainError(LOCKED_CODE[type], lockedMessage(state, type));
  }

  /** The refusal of a step asked from a version that is no longer the stored one. */
  staleError(type: WorkflowSubjectType): DomainError {
    return new DomainError('version_conflict', staleMessage(type));
  }

  /** Who handed in the round under review (only while submitted), who acts, and the installation's setting. */
  async reviewRound<R extends WorkflowRecord>(manager: EntityManager, subject: WorkflowSubject<R>, record: R, actorId: string): Promise<ReviewRound> {
    const submittedBy = record.state === 'submitted' && record.id !== null ? await subject.submitter(manager, record as R & { id: string }) : null;
    return { submittedBy, actorId, selfApprovalAllowed: await selfApprovalAllowed(manager) };
  }

  /** Who made the subject's latest submit (from its history). */
  lastSubmitter(manager: EntityManager, type: WorkflowSubjectType, subjectId: string): Promise<string | null> {
    return this.repository.lastSubmitter(manager, type, subjectId);
  }

  /**
   * Who made each subject's latest step of that transition, and when (e.g. who approved each
   * task of a report), by subject id; subjects without one are left out.
   */
  async latestSteps(
    manager: EntityManager,
    type: WorkflowSubjectType,
    subjectIds: readonly string[],
    transition: Transition,
  ): Promise<Map<string, { actorName: string | null; at: Date }>> {
    if (subjectIds.length === 0) return new Map();
    const rows = await this.repository.latestSteps(manager, type, subjectIds, transition);
    return new Map(rows.map((row) => [row.subject_id, { actorName: row.actor_name, at: row.occurred_at }]));
  }

  /** The subject's latest step of that transition (who, the text) and who handed in the round before it. */
  latestStepWithSubmitter(manager: EntityManager, type: WorkflowSubjectType, subjectId: string, transition: Transition) {
    return this.repository.latestStepWithSubmitter(manager, type, subjectId, transition);
  }

  /** The subject's history, oldest first. */
  async history(manager: EntityManager, type: WorkflowSubjectType, subjectId: string): Promise<WorkflowHistoryEntry[]> {
    const rows = await this.repository.history(manager, type, subjectId);
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  /**
   * A step the person asks for, in the caller's transaction: the record under lock, the version,
   * the table (illegal_transition, transition_not_allowed, self_approval_refused, text_required),
   * the subject's writeState, the history, the audit (and the self-approval's, when the
   * installation allows one). What follows the step (notifications) is the caller's.
   */
  async transition<R extends WorkflowRecord>(
    manager: EntityManager,
    subject: WorkflowSubject<R>,
    key: string,
    asked: TransitionAsked,
    actor: WorkflowActor,
  ): Promise<WorkflowStep<R>> {
    const record = await subject.lock(manager, key);
    if (record.version !== asked.version) throw this.staleError(subject.type);
    const held = await subject.heldActions(manager, record, actor.grants);
    const round = asked.transition === 'approve' ? await this.reviewRound(manager, subject, record, actor.userId) : undefined;
    const check = checkTransition(record.state, asked.transition, {
      allowed: held.includes(WORKFLOW[asked.transition].action),
      text: asked.text,
      round,
      subject: subject.type,
    });
    if (!check.ok) throw new DomainError(check.code === 'not_allowed' ? 'transition_not_allowed' : check.code, check.message);
    if (record.id === null) {
      throw subject.unsaved?.() ?? new DomainError('illegal_transition', 'Spara först; då påbörjas utkastet.');
    }
    const stored = record as R & { id: string };
    const text = asked.text?.trim() || null;
    const extra = await subject.writeState(manager, { record: stored, transition: asked.transition, to: check.to, text, actor });
    await this.record(manager, subject.type, [{ record: stored, transition: asked.transition, to: check.to, text, extra: extra ?? {} }], actor);
    if (isSelfApproval(asked.transition, round)) {
      // Allowed by the installation's setting, and recorded as what it is: nobody else looked at this round.
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: `${subject.type}.self_approval`,
        entityType: subject.type,
        entityId: stored.id,
        committeeId: stored.committeeId,
        after: { ...(subject.roundFacts?.(record) ?? {}), submittedBy: round?.submittedBy, setting: 'self_approval_allowed' },
        ip: actor.ip,
      });
    }
    return { record: stored, from: record.state, to: check.to, text, round };
  }

  /**
   * The first steps of a save, in the caller's transaction: the record under lock, the actions
   * the person holds (the subject's notWriter refusal without task.write, when it has one) and
   * the pen (task_locked / memo_locked while submitted or approved). The content and version
   * checks are the subject's; then autoTransition.
   */
  async openForSave<R extends WorkflowRecord>(
    manager: EntityManager,
    subject: WorkflowSubject<R>,
    key: string,
    actor: WorkflowActor,
  ): Promise<{ record: R; held: readonly Action[] }> {
    const record = await subject.lock(manager, key);
    const held = await subject.heldActions(manager, record, actor.grants);
    if (subject.notWriter && !held.includes('task.write')) throw subject.notWriter();
    if (!isEditable(record.state)) throw this.lockedError(subject.type, record.state);
    return { record, held };
  }

  /**
   * The transition a save makes by itself (automaticTransition: start from not_started, resume
   * from returned or reopened), checked and recorded; answers the state the save writes. The
   * refusal's code is transition_not_allowed unless the call site has always answered another.
   */
  async autoTransition(
    manager: EntityManager,
    type: WorkflowSubjectType,
    record: WorkflowRecord & { id: string },
    held: readonly Action[],
    actor: Pick<WorkflowActor, 'userId' | 'ip'>,
    options: { notAllowedCode?: ErrorCode } = {},
  ): Promise<TaskState> {
    const transition = automaticTransition(record.state);
    if (!transition) return record.state;
    const check = checkTransition(record.state, transition, { allowed: held.includes(WORKFLOW[transition].action), subject: type });
    if (!check.ok) {
      throw new DomainError(check.code === 'not_allowed' ? (options.notAllowedCode ?? 'transition_not_allowed') : check.code, check.message);
    }
    await this.record(manager, type, [{ record, transition, to: check.to, text: null, extra: {} }], actor);
    return check.to;
  }

  /**
   * autoTransition for many subjects saved by one action whose permission the caller has
   * checked (the economy import): the steps recorded in one statement, their audit entries in
   * another, all with the same text. Answers the state each subject's save writes.
   */
  async autoTransitionMany(
    manager: EntityManager,
    type: WorkflowSubjectType,
    subjects: readonly BulkSubject[],
    actor: Pick<WorkflowActor, 'userId' | 'ip'>,
    text: string | null,
  ): Promise<Map<string, TaskState>> {
    const states = new Map<string, TaskState>();
    const steps: Step[] = [];
    for (const record of subjects) {
      const transition = automaticTransition(record.state);
      const check = transition ? checkTransition(record.state, transition, { allowed: true, subject: type }) : null;
      if (transition && check?.ok) {
        steps.push({ record, transition, to: check.to, text, extra: {} });
        states.set(record.id, check.to);
      } else {
        states.set(record.id, record.state);
      }
    }
    await this.record(manager, type, steps, actor);
    return states;
  }

  /** The history rows and the audit entries of steps taken. */
  private async record(manager: EntityManager, type: WorkflowSubjectType, steps: readonly Step[], actor: Pick<WorkflowActor, 'userId' | 'ip'>): Promise<void> {
    if (steps.length === 0) return;
    const rows: NewTransition[] = steps.map((s) => ({
      subjectId: s.record.id,
      transition: s.transition,
      from: s.record.state,
      to: s.to,
      actorId: actor.userId,
      text: s.text,
    }));
    await this.repository.insert(manager, type, rows);
    const entries: AuditEntry[] = steps.map((s) => ({
      actorUserId: actor.userId,
      action: `${type}.${s.transition}`,
      entityType: type,
      entityId: s.record.id,
      committeeId: s.record.committeeId,
      before: { state: s.record.state, version: s.record.version },
      after: { state: s.to, text: s.text, ...s.extra },
      ip: actor.ip,
    }));
    if (entries.length === 1) await this.audit.record(manager, entries[0]);
    else await this.audit.recordMany(manager, entries);
  }
}

interface Step {
  record: Pick<WorkflowRecord, 'state' | 'version' | 'committeeId'> & { id: string };
  transition: Transition;
  to: TaskState;
  text: string | null;
  extra: Record<string, unknown>;
}
