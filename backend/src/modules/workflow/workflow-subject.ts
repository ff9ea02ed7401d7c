import type { Action, RoleGrant, TaskState, Transition, WorkflowSubjectName } from '@rapportflode/domain';
import type { DomainError } from '../../common/domain-error';
import type { EntityManager } from 'typeorm';

/** What goes through the workflow; also the audit's entity type and the prefix of its actions (`task.submit`). */
export type WorkflowSubjectType = WorkflowSubjectName;

/** The workflow's view of one stored subject: what every step is decided on. */
export interface WorkflowRecord {
  /** null: not stored yet (a tjänsteskrivelse before its first save): not_started at version 0. */
  id: string | null;
  state: TaskState;
  version: number;
  /** The nämnd the subject belongs to (the audit trail's committee). */
  committeeId: string;
}

/** Who makes a step, as the request's authentication gives it. */
export interface WorkflowActor {
  userId: string;
  grants: readonly RoleGrant[];
  ip: string | null;
}

/** A step about to be written: the subject's state goes from record.state to `to`. */
export interface WorkflowStepWrite<R extends WorkflowRecord> {
  record: R & { id: string };
  transition: Transition;
  to: TaskState;
  /** The trimmed comment or reason, null when none. */
  text: string | null;
  actor: WorkflowActor;
}

/**
 * One kind of subject of the workflow (a task, a tjänsteskrivelse): how the workflow loads and
 * locks one, what the person holds on it, who handed in its round and how its new state is
 * written. The rules (the table, who may, separation of duties, the messages) are the workflow's
 * (libs/domain/src/lib/workflow.ts and workflow.service.ts); a subject only knows its own table.
 */
export interface WorkflowSubject<R extends WorkflowRecord = WorkflowRecord> {
  readonly type: WorkflowSubjectType;

  /**
   * The record under a row lock (FOR UPDATE) in the caller's transaction. Throws not_found itself
   * when there is nothing to act on; may answer a record with id null (not stored yet).
   */
  lock(manager: EntityManager, key: string): Promise<R>;

  /** The workflow actions (task.write, task.submit, task.review, task.reopen) the person holds on it. */
  heldActions(manager: EntityManager, record: R, grants: readonly RoleGrant[]): Promise<readonly Action[]>;

  /** Who submitted the round now under review (only asked while it is submitted); null when unknown. */
  submitter(manager: EntityManager, record: R & { id: string }): Promise<string | null>;

  /**
   * Writes the new state of a checked transition (and what goes with it, e.g. a task's snapshot
   * on submit). May refuse with its own DomainError (content not complete). Answers what the
   * transition's audit entry adds to `after` (e.g. the submitted round), or nothing.
   */
  writeState(manager: EntityManager, step: WorkflowStepWrite<R>): Promise<Record<string, unknown> | void>;

  /** What the self-approval audit entry adds to `after` (e.g. the round), when anything. */
  roundFacts?(record: R): Record<string, unknown>;

  /** The refusal of a step on a subject that is not stored yet (id null). */
  unsaved?(): DomainError;

  /** The refusal of a save by someone who does not hold the pen (task.write); without it the start/resume check decides. */
  notWriter?(): DomainError;
}
