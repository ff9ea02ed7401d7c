import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemoDocumentFormat, MemoDto, MemoReviewQueueResponse, SaveMemoResponse } from '@rapportflode/api-contract';
import type { DocumentModel } from '@rapportflode/documents';
import { availableTransitions, can, ROLE_PERMISSIONS, type Role, checkMemoContent, isEditable, MemoContent, refusesSelfApproval, RoleGrant, staleSaveHeading, TaskState, Transition } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ReportsService } from '../reports/reports.service';
import { type CycleHeader, CycleHeaders } from '../cycles/cycle-headers';
import type { WorkflowActor } from '../workflow/workflow-subject';
import { WorkflowService } from '../workflow/workflow.service';
import { MemoDocuments, memoFacts } from './memo-documents';
import { MemoDrafts } from './memo-drafts';
import { MemoFigures } from './memo-figures';
import { MemoErrors, memoActionsHeld, memoRecord, memoScope, MemoWorkflowSubject } from './memo-workflow';
import { MemosRepository } from './memos.repository';

export type MemoActor = WorkflowActor;

/** The roles whose grant lets a person review a memo (memo.review). */
const MEMO_REVIEWER_ROLES = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].includes('memo.review'));

/** The submitter hears of these steps, as with tasks. */
const NOTIFY_KIND: Partial<Record<Transition, 'returned' | 'approved' | 'reopened'>> = { return: 'returned', approve: 'approved', reopen: 'reopened' };

/**
 * The tjänsteskrivelse of a cycle: reading it (prefilled until its first save), saving it,
 * its workflow steps (through WorkflowService, memo-workflow.ts) and its files (memo-documents.ts).
 * Its figures are drafted by memo-drafts.ts and checked by memo-figures.ts.
 */
@Injectable()
export class MemosService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: MemosRepository,
    private readonly cycles: CycleHeaders,
    private readonly workflow: WorkflowService,
    private readonly subject: MemoWorkflowSubject,
    private readonly drafts: MemoDrafts,
    private readonly figures: MemoFigures,
    private readonly documents: MemoDocuments,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly reports: ReportsService,
  ) {}

  async get(cycleId: string, grants: readonly RoleGrant[], userId: string): Promise<MemoDto> {
    const manager = this.dataSource.manager;
    const cycle = await this.cycles.get(manager, cycleId);
    const row = await this.repository.find(cycleId, manager);
    const content = row?.content ?? (await this.drafts.prefill(manager, cycle));
    const state: TaskState = row?.state ?? 'not_started';
    const held = memoActionsHeld(grants, cycle);
    const round = await this.workflow.reviewRound(manager, this.subject, memoRecord(cycle, row), userId);
    const history = row ? await this.workflow.history(manager, 'memo', row.id) : [];
    return {
      cycleId,
      content,
      state,
      version: row?.version ?? 0,
      updatedByName: row?.updated_by_name ?? null,
      updatedAt: row?.updated_at.toISOString() ?? null,
      permissions: {
        view: can(grants, 'memo.view', memoScope(cycle)),
        edit: held.includes('task.write') && isEditable(state),
        review: held.includes('task.review'),
        reopen: held.includes('task.reopen'),
        // Starting and resuming happen with the first save: the buttons are the other steps.
        transitions: availableTransitions(state, held, round).filter((t) => t !== 'start' && t !== 'resume'),
        selfApprovalRefused: state === 'submitted' && held.includes('task.review') && refusesSelfApproval('approve', round),
      },
      ...(await this.figures.check(manager, cycle, content)),
      reportFrozenVersion: await this.reports.frozenVersion(cycleId, manager),
      facts: memoFacts(cycle, content),
      history,
    };
  }

  /**
   * Stores the memo's content from the version the edit started from (0: the prefilled draft,
   * not stored yet). Only while the writers hold the pen; a first save starts the draft, a save on
   * a returned or reopened memo resumes it (workflow transitions, recorded as such).
   */
  private async store(
    manager: EntityManager,
    cycleId: string,
    version: number,
    content: MemoContent | ((cycle: CycleHeader, stored: MemoContent | null) => Promise<MemoContent>),
    actor: MemoActor,
    action: string,
  ): Promise<{ cycle: CycleHeader; content: MemoContent; version: number; state: TaskState; updatedAt: Date }> {
    const opened = await this.workflow.openForSave(manager, this.subject, cycleId, actor);
    const cycle = opened.record.cycle;
    const next = typeof content === 'function' ? await content(cycle, opened.record.row?.content ?? null) : content;
    let record = opened.record;
    if (!record.row) {
      if (version !== 0) throw this.workflow.staleError('memo');
      if (!(await this.repository.insertDraft(cycle.id, next, actor.userId, manager))) throw this.workflow.staleError('memo');
      record = await this.subject.lock(manager, cycleId);
    }
    const current = record.row as NonNullable<typeof record.row>;
    if (current.version !== version) {
      throw new DomainError(
        'version_conflict',
        `${staleSaveHeading({ sameUser: current.updated_by_id === actor.userId, savedByName: current.updated_by_name, savedAt: current.updated_at })}. Jämför med den sparade versionen; det du skrev finns kvar i formuläret.`,
        undefined,
        {
          current: {
            version: current.version,
            content: current.content,
            state: current.state,
            updatedByName: current.updated_by_name,
            updatedById: current.updated_by_id,
            updatedAt: current.updated_at.toISOString(),
          },
        },
      );
    }
    const state = await this.workflow.autoTransition(manager, 'memo', { ...record, id: current.id }, opened.held, actor);
    const updated = await this.repository.updateContent(current.id, next, state, actor.userId, manager);
    await this.audit.record(manager, {
      actorUserId: actor.userId,
      action,
      entityType: 'memo',
      entityId: current.id,
      committeeId: cycle.committeeId,
      before: { version: current.version },
      after: { version: updated.version },
      ip: actor.ip,
    });
    return { cycle, content: next, version: updated.version, state, updatedAt: updated.updated_at };
  }

  async save(cycleId: string, version: number, input: unknown, actor: MemoActor): Promise<SaveMemoResponse> {
    const checked = checkMemoContent(input);
    if (!checked.ok) throw MemoErrors.invalid(checked.errors);
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.store(manager, cycleId, version, checked.content, actor, 'memo.save');
      const { warnings } = await this.figures.check(manager, saved.cycle, checked.content);
      return { version: saved.version, state: saved.state, updatedAt: saved.updatedAt.toISOString(), removed: checked.removed, warnings };
    });
  }

  /** Ekonomiska konsekvenser written again from the current approved figures (the rest of the memo untouched). */
  async redraftEconomy(cycleId: string, version: number, actor: MemoActor): Promise<MemoDto> {
    await this.dataSource.transaction((manager) =>
      this.store(
        manager,
        cycleId,
        version,
        async (cycle, stored) => ({
          ...(stored ?? (await this.drafts.prefill(manager, cycle))),
          economicConsequences: await this.drafts.economicConsequences(manager, cycle),
        }),
        actor,
        'memo.redraft_economy',
      ),
    );
    return this.get(cycleId, actor.grants, actor.userId);
  }

  async transition(cycleId: string, body: { transition: Transition; version: number; text?: string }, actor: MemoActor): Promise<MemoDto> {
    await this.dataSource.transaction(async (manager) => {
      const step = await this.workflow.transition(manager, this.subject, cycleId, body, actor);
      await this.notify(manager, step.record.cycle, step.record.id, body.transition, step.text, actor);
    });
    return this.get(cycleId, actor.grants, actor.userId);
  }

  /** The submitted memos the person may review: their part of Att granska. */
  async reviewQueue(userId: string): Promise<MemoReviewQueueResponse> {
    const rows = await this.repository.reviewQueue(userId, MEMO_REVIEWER_ROLES);
    return {
      memos: rows.map((r) => ({
        cycleId: r.cycle_id,
        cycleTitle: r.cycle_title,
        cycleDiaryNumber: r.cycle_diary_number,
        committeeName: r.committee_name,
        submittedAt: r.state_changed_at.toISOString(),
      })),
    };
  }

  /**
   * The in-app notices of a step (as task-workflow.service.ts sends them for tasks): the reviewers
   * hear of a submission, the submitter of a return, approval or reopening. Notices carry no task;
   * the text names the tjänsteskrivelse and its cycle.
   */
  private async notify(manager: EntityManager, cycle: CycleHeader, memoId: string, transition: Transition, text: string | null, actor: MemoActor): Promise<void> {
    const what = `Tjänsteskrivelsen till ${cycle.title} (${cycle.committee})`;
    if (transition === 'submit') {
      const reviewers = await this.repository.reviewers(cycle.committeeId, MEMO_REVIEWER_ROLES, manager);
      await this.notifications.notify(manager, reviewers, actor.userId, 'submitted', `${what} har lämnats in och väntar på granskning.`, null);
      return;
    }
    const kind = NOTIFY_KIND[transition];
    if (!kind) return;
    const submitter = await this.workflow.lastSubmitter(manager, 'memo', memoId);
    const message =
      kind === 'returned' ? `${what} har återremitterats: ${text}` : kind === 'approved' ? `${what} har godkänts.` : `${what} har öppnats igen: ${text}`;
    await this.notifications.notify(manager, submitter ? [submitter] : [], actor.userId, kind, message, null);
  }

  /** The memo's document model: draft (UTKAST) unless approved. */
  model(cycleId: string): Promise<{ model: DocumentModel; cycle: CycleHeader }> {
    return this.documents.model(cycleId);
  }

  /** The memo as a file: name parts for contentDisposition, and the bytes. */
  document(cycleId: string, format: MemoDocumentFormat): Promise<{ body: Buffer; nameParts: string[] }> {
    return this.documents.document(cycleId, format);
  }
}
