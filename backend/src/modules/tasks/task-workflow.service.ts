import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SaveContentResponse, TaskDto, TransitionRequest } from '@rapportflode/api-contract';
import {
  Action,
  checkContent,
  isEmptyContent,
  ResourceScope,
  RoleGrant,
  sanitizeRichText,
  staleSaveHeading,
  TaskContent,
  TaskState,
  taskActionsHeld,
  Transition,
  writesTask,
} from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { JobName, returnMailJobId } from '../../queue/queue.constants';
import { QueueService } from '../../queue/queue.service';
import { AccessService } from '../auth/access.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { WorkflowActor, WorkflowStepWrite, WorkflowSubject } from '../workflow/workflow-subject';
import { WorkflowService } from '../workflow/workflow.service';
import { TaskChanges } from './task-events';
import { TaskDirectory } from './task-directory';
import { TaskActor, TasksService } from './tasks.service';
import { TaskRow, TasksRepository } from './tasks.repository';

/** A task as the workflow decides on it: its row, its committee and its place in the tree. */
export type TaskRecord = TaskRow & { committeeId: string; scope: ResourceScope };

const TaskWorkflowErrors = {
  notWriter: () => new DomainError('not_task_writer', 'Du är inte ansvarig för den här uppgiften och kan inte ändra den.'),
  invalidContent: (errors: string[]) => new DomainError('content_invalid', 'Innehållet kan inte sparas.', errors),
  empty: () => new DomainError('content_empty', 'Avsnittet är tomt. Skriv innehållet innan du lämnar in.'),
  incomplete: (errors: string[]) => new DomainError('content_incomplete', 'Avsnittet är inte färdigt och kan inte lämnas in än.', errors),
  conflict: (row: TaskRow, version: number, yours: TaskContent, actorId: string) =>
    new DomainError(
      'version_conflict',
      `${staleSaveHeading({ sameUser: row.updated_by_id === actorId, savedByName: row.updated_by_name, savedAt: row.updated_at })}. Jämför versionerna och slå ihop dem; inget av det du skrivit har gått förlorat.`,
      undefined,
      {
        current: {
          version: row.version,
          content: row.content,
          updatedByName: row.updated_by_name,
          updatedById: row.updated_by_id,
          updatedAt: row.updated_at.toISOString(),
          state: row.state,
        },
        yours: { version, content: yours },
      },
    ),
};

const NOTIFY_KIND: Partial<Record<Transition, 'returned' | 'approved' | 'reopened'>> = {
  return: 'returned',
  approve: 'approved',
  reopen: 'reopened',
};

/** One task saved by a bulk action (the economy import): locked by the caller, with its new content. */
export interface TaskContentWrite {
  id: string;
  state: TaskState;
  version: number;
  committeeId: string;
  content: TaskContent;
}

/**
 * A task's saves and workflow steps, through the workflow module (the task is a WorkflowSubject:
 * see backend/src/modules/workflow/workflow.service.ts): autosave with the first save's start
 * and a returned task's resume, the steps a person asks for, the snapshot a submission keeps,
 * and the in-app notices and reminders that follow.
 */
@Injectable()
export class TaskWorkflowService implements WorkflowSubject<TaskRecord> {
  readonly type = 'task' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TasksRepository,
    private readonly workflow: WorkflowService,
    private readonly tasks: TasksService,
    private readonly access: AccessService,
    private readonly notifications: NotificationsService,
    private readonly directory: TaskDirectory,
    private readonly changes: TaskChanges,
    private readonly clock: Clock,
    private readonly queues: QueueService,
  ) {}

  private readonly logger = new Logger('Tasks');

  // WorkflowSubject

  async lock(manager: EntityManager, id: string): Promise<TaskRecord> {
    const row = await this.repository.row(manager, id, true);
    const scope = await this.access.taskScope(id, manager);
    if (!row || !scope) throw new DomainError('not_found', 'Det som efterfrågades finns inte.');
    return { ...row, committeeId: row.committee_id, scope };
  }

  async heldActions(_manager: EntityManager, record: TaskRecord, grants: readonly RoleGrant[]): Promise<readonly Action[]> {
    return taskActionsHeld(grants, record.scope, record.reviewer_role, record.writer_role);
  }

  submitter(manager: EntityManager, record: TaskRecord): Promise<string | null> {
    return this.repository.roundSubmitter(manager, record.id, record.submit_round);
  }

  /** The new state; a submission first checks the content is there and complete, and keeps an immutable snapshot. */
  async writeState(manager: EntityManager, { record, transition, to, actor }: WorkflowStepWrite<TaskRecord>): Promise<Record<string, unknown> | void> {
    let submitRound = record.submit_round;
    if (transition === 'submit') {
      if (isEmptyContent(record.content)) throw TaskWorkflowErrors.empty();
      // What must be there before it is handed in (every control's result, every goal's assessment).
      const complete = checkContent(record.kind, record.section_config, record.content, { forSubmit: true });
      if (!complete.ok) throw TaskWorkflowErrors.incomplete(complete.errors);
      submitRound += 1;
      // The submission's instant by the Clock: the reviewer's nudge counts working days from it.
      await this.repository.insertSnapshot(manager, {
        taskId: record.id,
        round: submitRound,
        version: record.version,
        content: record.content,
        submittedBy: actor.userId,
        submittedAt: this.clock.now(),
      });
    }
    await this.repository.writeState(manager, record.id, to, submitRound);
    return transition === 'submit' ? { round: submitRound } : undefined;
  }

  roundFacts(record: TaskRecord): Record<string, unknown> {
    return { round: record.submit_round };
  }

  notWriter(): DomainError {
    return TaskWorkflowErrors.notWriter();
  }

  // The task's saves and steps

  /**
   * Autosave: only the writer, only while the unit holds the pen, only from the version the
   * edit started from (else 409 with both versions). A first save starts the draft; a save on a
   * returned or reopened task resumes it: both are workflow transitions, recorded as such.
   */
  async saveContent(id: string, version: number, content: unknown, actor: TaskActor): Promise<SaveContentResponse> {
    // The common case, an autosave of a text draft by its writer: one statement, no transaction
    // (only for sections without a writer role; the statement skips the others, decided below).
    const richText = typeof content === 'object' && content !== null && (content as { type?: unknown }).type === 'doc';
    if (richText && actor.resource && actor.grants.some((grant) => writesTask(grant, actor.resource as ResourceScope))) {
      const sanitized = sanitizeRichText(content);
      if (!sanitized.ok) throw TaskWorkflowErrors.invalidContent(sanitized.errors);
      const saved = await this.repository.saveDraftText(id, version, sanitized.document, actor.userId);
      if (saved) return { version: saved.version, state: 'draft', updatedAt: saved.updated_at.toISOString(), removed: sanitized.removed };
    }
    // Otherwise (a table, a first save, a resumed draft, a stale version, a locked task): decided under a row lock.
    return this.dataSource.transaction(async (manager) => {
      const { record, held } = await this.workflow.openForSave(manager, this, id, actor);
      const checked = checkContent(record.kind, record.section_config, content);
      if (!checked.ok) throw TaskWorkflowErrors.invalidContent(checked.errors);
      if (record.version !== version) throw TaskWorkflowErrors.conflict(record, version, checked.content, actor.userId);
      const state = await this.workflow.autoTransition(manager, this.type, record, held, actor, { notAllowedCode: 'not_allowed' });
      const updated = await this.repository.saveContent(manager, id, checked.content, state, actor.userId);
      return { version: updated.version, state, updatedAt: updated.updated_at.toISOString(), removed: checked.removed };
    });
  }

  /** A workflow step, checked against the one table in libs/domain; submit keeps an immutable snapshot. */
  async transition(id: string, body: TransitionRequest, actor: TaskActor): Promise<TaskDto> {
    const round = await this.dataSource.transaction(async (manager) => {
      const step = await this.workflow.transition(manager, this, id, body, actor);
      await this.notify(manager, step.record, body.transition, step.text, actor);
      return step.record.submit_round;
    });
    // Submitting cancels the writers' reminders and plans the reviewer's nudge; a return or reopen brings them back.
    await this.changes.afterCommit({ taskId: id });
    if (body.transition === 'return' || body.transition === 'reopen') await this.announceReturn(id, body.transition, round);
    return this.tasks.get(id, actor);
  }

  /**
   * Many tasks' content saved by one action whose permission the caller has checked (the
   * economy import), in its transaction, the tasks locked by it: each task's start or resume
   * recorded as a save records it, then every content in one statement.
   */
  async saveMany(
    manager: EntityManager,
    writes: readonly TaskContentWrite[],
    actor: Pick<WorkflowActor, 'userId' | 'ip'>,
    text: string,
  ): Promise<Array<{ id: string; version: number; state: TaskState }>> {
    const states = await this.workflow.autoTransitionMany(manager, this.type, writes, actor, text);
    return this.repository.saveContents(
      manager,
      writes.map((w) => ({ id: w.id, content: w.content, state: states.get(w.id) ?? w.state })),
      actor.userId,
    );
  }

  /** After commit: the writer's mail about a return or reopening (ReturnMails), one job per round. Never throws. */
  private async announceReturn(id: string, transition: 'return' | 'reopen', round: number): Promise<void> {
    const payload = { subject: 'task' as const, subjectId: id, transition, round, at: this.clock.now().toISOString() };
    try {
      await this.queues.enqueue(JobName.ReturnMail, payload, { jobId: returnMailJobId(payload), delayMs: 0 });
    } catch (error) {
      // The in-app notice is there already; the mail is lost with Redis away.
      this.logger.warn(`Return mail of task ${id} not queued: ${(error as Error).message}`);
    }
  }

  /** The in-app notices of a step: the submitter hears of a return, approval or reopening; the reviewers of a submission. */
  private async notify(manager: EntityManager, row: TaskRow, transition: Transition, text: string | null, actor: TaskActor): Promise<void> {
    const what = `${row.section_number} ${row.section_title} (${row.unit_name ?? 'nämndnivå'})`;
    const kind = NOTIFY_KIND[transition];
    if (kind) {
      const submitter = await this.repository.latestSubmitter(manager, row.id);
      const message =
        kind === 'returned' ? `${what} har återremitterats: ${text}` : kind === 'approved' ? `${what} har godkänts.` : `${what} har öppnats igen: ${text}`;
      await this.notifications.notify(manager, submitter ? [submitter] : [], actor.userId, kind, message, row.id);
    }
    if (transition === 'submit') {
      const reviewers = await this.directory.reviewers(row.id, manager);
      await this.notifications.notify(
        manager,
        reviewers.map((r) => r.id),
        actor.userId,
        'submitted',
        `${what} har lämnats in och väntar på granskning.`,
        row.id,
      );
    }
  }
}
