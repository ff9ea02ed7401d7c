import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EarlierContentDto, TaskDiffDto, TaskDto, TaskListItemDto, TaskListResponse } from '@rapportflode/api-contract';
import {
  daysLate,
  diffContent,
  emptyContent,
  isIsoDate,
  periodLabel,
  ResourceScope,
  RoleGrant,
  swedishToday,
  TaskContent,
  taskActionsHeld,
} from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../auth/access.service';
import { selfApprovalAllowed } from '../operations/installation-settings.service';
import { WorkflowService } from '../workflow/workflow.service';
import { EconomyInputs } from './economy-inputs';
import { TaskChanges } from './task-events';
import { TaskCommentsService } from './task-comments.service';
import { TaskListRow, TasksRepository } from './tasks.repository';

export interface TaskActor {
  userId: string;
  grants: readonly RoleGrant[];
  ip: string | null;
  /** The task's place in the tree, when the guard has just resolved it. */
  resource?: ResourceScope;
}

const TaskErrors = {
  notFound: () => new DomainError('not_found', 'Det som efterfrågades finns inte.'),
  roundNotFound: (round: number) => new DomainError('snapshot_not_found', `Inlämning ${round} finns inte.`),
  badDeadline: () => new DomainError('deadline_invalid', 'Sista dag måste vara ett datum (ÅÅÅÅ-MM-DD).'),
};

function listItem(row: TaskListRow, today: string): TaskListItemDto {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    cycleTitle: row.cycle_title,
    committeeName: row.committee_name,
    sectionNumber: row.section_number,
    sectionTitle: row.section_title,
    kind: row.kind,
    unitId: row.unit_id,
    unitName: row.unit_name ?? 'Nämndnivå',
    state: row.state,
    deadline: row.deadline,
    daysLate: daysLate(row, today),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The section tasks as people see them: their lists, one task with everything the task page
 * shows, the reviewer's diff and the task's own deadline. Saves and workflow steps are
 * task-workflow.service.ts's, comments task-comments.service.ts's.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: TasksRepository,
    private readonly comments: TaskCommentsService,
    private readonly economy: EconomyInputs,
    private readonly workflow: WorkflowService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly changes: TaskChanges,
    private readonly clock: Clock,
  ) {}

  /**
   * "Mina uppgifter": the unapproved tasks the person holds the pen on (see writesTask in
   * libs/domain: unit grants cover their subtree, committee-wide grants the nämnd-level tasks),
   * by deadline.
   */
  async mine(userId: string): Promise<TaskListResponse> {
    const today = swedishToday();
    return { tasks: (await this.repository.mine(userId)).map((row) => listItem(row, today)) };
  }

  /** A new cycle's tasks, in the cycle's transaction (CyclesService.create). */
  createForCycle(manager: EntityManager, cycleId: string, tasks: ReadonlyArray<{ sectionId: string; unitId: string | null; content: TaskContent }>): Promise<void> {
    return this.repository.insertForCycle(manager, cycleId, tasks);
  }

  /** Closes a past cycle: its remaining tasks become approved without steps (the demo data's history). */
  approveRemaining(cycleId: string): Promise<void> {
    return this.repository.approveRemaining(cycleId);
  }

  /** The reviewer's queue: submitted tasks whose section names a reviewer role the person holds where the task sits. */
  async reviewQueue(userId: string): Promise<TaskListResponse> {
    const today = swedishToday();
    return { tasks: (await this.repository.reviewQueue(userId)).map((row) => listItem(row, today)) };
  }

  async get(id: string, actor: Pick<TaskActor, 'userId' | 'grants' | 'resource'>): Promise<TaskDto> {
    const manager = this.dataSource.manager;
    const [row, scope, history, snapshots, comments, earlier, committeeEconomy, relaxed] = await Promise.all([
      this.repository.row(manager, id),
      actor.resource ?? this.access.taskScope(id),
      this.workflow.history(manager, 'task', id),
      this.repository.snapshots(manager, id),
      this.comments.list(manager, id),
      this.earlier(manager, id),
      this.economy.committeeTable(id),
      selfApprovalAllowed(manager),
    ]);
    if (!row) throw TaskErrors.notFound();
    const current = row.state === 'submitted' ? snapshots.find((s) => s.round === row.submit_round) : undefined;
    return {
      ...listItem(row, swedishToday()),
      reviewerRole: row.reviewer_role,
      cycleDiaryNumber: row.cycle_diary_number,
      period: `${periodLabel(row.report_kind, row.period_end)} ${row.year}`,
      content: row.content,
      sectionConfig: row.section_config,
      sectionGuidance: row.section_guidance ?? null,
      reportKind: row.report_kind,
      periodEnd: row.period_end,
      version: row.version,
      updatedByName: row.updated_by_name,
      heldActions: scope ? taskActionsHeld(actor.grants, scope, row.reviewer_role, row.writer_role) : [],
      reviewRound: { submittedById: current?.submittedById ?? null, selfApprovalAllowed: relaxed },
      history,
      snapshots: snapshots.map(({ submittedById: _id, ...s }) => ({ ...s, submittedAt: s.submittedAt.toISOString() })),
      comments,
      earlier,
      committeeEconomy,
    };
  }

  /**
   * The same unit's approved content of the same section (by key and kind) in the nämnd's
   * earlier cycles, oldest first, at most 8: sick leave's earlier periods, the action plan's
   * status history. Structured sections only.
   */
  private async earlier(manager: EntityManager, id: string): Promise<EarlierContentDto[]> {
    const rows = await this.repository.earlier(manager, id);
    return rows.reverse().map((r) => ({
      cycleId: r.cycleId,
      cycleTitle: r.cycleTitle,
      year: r.year,
      period: `${periodLabel(r.reportKind, r.periodEnd)} ${r.year}`,
      content: r.content,
    }));
  }

  /** The task's own deadline (null: the cycle's). */
  async setDeadline(id: string, deadline: string | null, actor: TaskActor): Promise<TaskDto> {
    if (deadline !== null && !isIsoDate(deadline)) throw TaskErrors.badDeadline();
    await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.row(manager, id, true);
      if (!row) throw TaskErrors.notFound();
      await this.repository.setDeadline(manager, id, deadline, this.clock.now());
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'task.deadline',
        entityType: 'task',
        entityId: id,
        committeeId: row.committee_id,
        before: { deadline: row.deadline },
        after: { deadline },
        ip: actor.ip,
      });
    });
    await this.changes.afterCommit({ taskId: id });
    return this.get(id, actor);
  }

  /** What changed between two submissions (0 = nothing yet): by default the latest against the one before it. */
  async diff(id: string, from: number | undefined, to: number | undefined): Promise<TaskDiffDto> {
    const row = await this.repository.diffFacts(id);
    if (!row) throw TaskErrors.notFound();
    const target = to ?? row.submit_round;
    const base = from ?? Math.max(0, target - 1);
    const load = async (round: number): Promise<TaskContent> => {
      if (round === 0) return emptyContent(row.kind);
      const content = await this.repository.snapshotContent(id, round);
      if (!content) throw TaskErrors.roundNotFound(round);
      return content;
    };
    const [before, after] = await Promise.all([load(base), load(target)]);
    return { from: base, to: target, ...diffContent(row.kind, row.config, before, after) };
  }
}
