import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CommitteeEconomyDto,
  CreateCommentRequest,
  EarlierContentDto,
  SaveContentResponse,
  TaskCommentDto,
  TaskDiffDto,
  TaskDto,
  TaskListItemDto,
  TaskListResponse,
  TransitionRequest,
} from '@rapportflode/api-contract';
import {
  checkContent,
  committeeEconomyContent,
  economyConfigOf,
  EconomyContent,
  periodLabel,
  ReportKind,
  checkTransition,
  diffContent,
  emptyContent,
  isEmptyContent,
  daysLate,
  isEditable,
  isIsoDate,
  isSelfApproval,
  ReviewRound,
  paragraphTexts,
  ResourceScope,
  SectionConfig,
  SectionKind,
  STRUCTURED_KINDS,
  TaskContent,
  Role,
  RoleGrant,
  sanitizeRichText,
  swedishToday,
  taskActionsHeld,
  writesTask,
  TaskState,
  Transition,
  WORKFLOW,
} from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { Clock } from '../../common/clock';
import { changedRows } from '../../database/query';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../auth/access.service';
import { selfApprovalAllowed } from '../operations/installation-settings.service';
import { ReminderScheduler } from '../reminders/reminder-scheduler.service';
import { LIST_COLUMNS, LIST_FROM, MY_TASKS_SQL, REVIEW_QUEUE_SQL, REVIEWER_ROLES, TASK_REVIEWERS_SQL, WRITER_ROLES } from './task.queries';
import { NotificationsService } from '../notifications/notifications.service';

export interface TaskActor {
  userId: string;
  grants: readonly RoleGrant[];
  ip: string | null;
  /** The task's place in the tree, when the guard has just resolved it. */
  resource?: ResourceScope;
}

const TaskErrors = {
  notWriter: () =>
    new DomainError( 'not_task_writer', 'Du är inte ansvarig för den här uppgiften och kan inte ändra den.'),
  locked: (state: TaskState) =>
    new DomainError(
      'task_locked',
      state === 'approved'
        ? 'Uppgiften är godkänd och låst. Be granskaren eller nämndsekreteraren att öppna den igen.'
        : 'Uppgiften är inlämnad och väntar på granskning; den kan inte ändras nu.',
    ),
  invalidContent: (errors: string[]) => new DomainError( 'content_invalid', 'Innehållet kan inte sparas.', errors),
  stale: () =>
    new DomainError(
      'version_conflict',
      'Uppgiften har ändrats sedan du öppnade den. Ladda om sidan och försök igen.',
    ),
  empty: () => new DomainError( 'content_empty', 'Avsnittet är tomt. Skriv innehållet innan du lämnar in.'),
  incomplete: (errors: string[]) =>
    new DomainError( 'content_incomplete', 'Avsnittet är inte färdigt och kan inte lämnas in än.', errors),
  roundNotFound: (round: number) => new DomainError( 'snapshot_not_found', `Inlämning ${round} finns inte.`),
  badDeadline: () => new DomainError( 'deadline_invalid', 'Sista dag måste vara ett datum (ÅÅÅÅ-MM-DD).'),
  commentEmpty: () => new DomainError( 'comment_empty', 'Skriv en kommentar.'),
  commentParent: () => new DomainError( 'comment_parent_invalid', 'Kommentaren du svarar på finns inte på den här uppgiften.'),
  commentAnchor: () => new DomainError( 'comment_anchor_invalid', 'Stycket kommentaren gäller finns inte längre i texten.'),
  commentNotFound: () => new DomainError( 'comment_not_found', 'Kommentaren finns inte.'),
};


const NOTIFY_KIND: Partial<Record<Transition, 'returned' | 'approved' | 'reopened'>> = {
  return: 'returned',
  approve: 'approved',
  reopen: 'reopened',
};

interface TaskRow {
  id: string;
  cycle_id: string;
  cycle_title: string;
  cycle_diary_number: string;
  committee_id: string;
  committee_name: string;
  section_number: string;
  section_title: string;
  kind: TaskDto['kind'];
  reviewer_role: Role;
  section_config: SectionConfig | null;
  unit_id: string | null;
  unit_name: string | null;
  state: TaskState;
  deadline: string;
  content: TaskContent;
  version: number;
  submit_round: number;
  updated_at: Date;
  updated_by_name: string | null;
  report_kind: ReportKind;
  year: number;
  period_end: string;
}

function listItem(row: TaskRow, today: string): TaskListItemDto {
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

@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly reminders: ReminderScheduler,
    private readonly clock: Clock,
  ) {}

  /**
   * "Mina uppgifter": the unapproved tasks the person holds the pen on (see writesTask in
   * libs/domain: unit grants cover their subtree, committee-wide grants the nämnd-level tasks),
   * by deadline.
   */
  async mine(userId: string): Promise<TaskListResponse> {
    const rows: TaskRow[] = await this.dataSource.query(
      MY_TASKS_SQL,
      [userId, WRITER_ROLES],
    );
    const today = swedishToday();
    return { tasks: rows.map((row) => listItem(row, today)) };
  }

  /** The reviewer's queue: submitted tasks whose section names a reviewer role the person holds where the task sits. */
  async reviewQueue(userId: string): Promise<TaskListResponse> {
    const rows: TaskRow[] = await this.dataSource.query(
      REVIEW_QUEUE_SQL,
      [userId, REVIEWER_ROLES],
    );
    const today = swedishToday();
    return { tasks: rows.map((row) => listItem(row, today)) };
  }

  private async row(manager: EntityManager, id: string, lock = false): Promise<TaskRow> {
    const [row]: TaskRow[] = await manager.query(
      `SELECT ${LIST_COLUMNS}, t.content, w.name AS updated_by_name, c.report_kind, c.year,
              to_char(c.period_end, 'YYYY-MM-DD') AS period_end ${LIST_FROM}
         LEFT JOIN app_user w ON w.id = t.updated_by
        WHERE t.id = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
      [id],
    );
    return row;
  }

  async get(id: string, actor: Pick<TaskActor, 'userId' | 'grants' | 'resource'>): Promise<TaskDto> {
    const manager = this.dataSource.manager;
    const [row, scope, history, snapshots, comments, earlier, committeeEconomy, relaxed] = await Promise.all([
      this.row(manager, id),
      actor.resource ?? this.access.taskScope(id),
      manager.query(
        `SELECT tr.transition, tr.from_state AS "from", tr.to_state AS "to", COALESCE(u.name, 'Okänd') AS "actorName",
                tr.text, tr.occurred_at AS at
           FROM task_transition tr LEFT JOIN app_user u ON u.id = tr.actor_id WHERE tr.task_id = $1 ORDER BY tr.id`,
        [id],
      ),
      manager.query(
        `SELECT sn.round, sn.version, u.name AS "submittedBy", sn.submitted_at AS "submittedAt", sn.submitted_by AS "submittedById"
           FROM task_snapshot sn JOIN app_user u ON u.id = sn.submitted_by WHERE sn.task_id = $1 ORDER BY sn.round`,
        [id],
      ),
      this.comments(manager, id),
      this.earlier(manager, id),
      this.committeeEconomy(manager, id),
      selfApprovalAllowed(manager),
    ]);
    const current = row.state === 'submitted' ? snapshots.find((s: { round: number }) => s.round === row.submit_round) : undefined;
    return {
      ...listItem(row, swedishToday()),
      reviewerRole: row.reviewer_role,
      cycleDiaryNumber: row.cycle_diary_number,
      period: `${periodLabel(row.report_kind, row.period_end)} ${row.year}`,
      content: row.content,
      sectionConfig: row.section_config,
      version: row.version,
      updatedByName: row.updated_by_name,
      heldActions: scope ? taskActionsHeld(actor.grants, scope, row.reviewer_role) : [],
      reviewRound: { submittedById: current?.submittedById ?? null, selfApprovalAllowed: relaxed },
      history: history.map((h: { at: Date }) => ({ ...h, at: h.at.toISOString() })),
      snapshots: snapshots.map(({ submittedById: _id, ...s }: { submittedAt: Date; submittedById: string }) => ({
        ...s,
        submittedAt: s.submittedAt.toISOString(),
      })),
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
    const rows: Array<{ cycleId: string; cycleTitle: string; year: number; reportKind: ReportKind; periodEnd: string; content: TaskContent }> =
      await manager.query(
        `SELECT c.id AS "cycleId", c.title AS "cycleTitle", c.year, c.report_kind AS "reportKind",
                to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd", t.content
           FROM task me
           JOIN cycle_section ms ON ms.id = me.section_id
           JOIN report_cycle mc ON mc.id = me.cycle_id
           JOIN report_cycle c ON c.committee_id = mc.committee_id AND c.period_end < mc.period_end
           JOIN cycle_section s ON s.cycle_id = c.id AND s.key = ms.key AND s.kind = ms.kind
           JOIN task t ON t.section_id = s.id AND t.unit_id IS NOT DISTINCT FROM me.unit_id AND t.state = 'approved'
          WHERE me.id = $1 AND ms.kind = ANY($2::text[])
          ORDER BY c.period_end DESC LIMIT 8`,
        [id, STRUCTURED_KINDS],
      );
    return rows.reverse().map((r) => ({
      cycleId: r.cycleId,
      cycleTitle: r.cycleTitle,
      year: r.year,
      period: `${periodLabel(r.reportKind, r.periodEnd)} ${r.year}`,
      content: r.content,
    }));
  }

  /**
   * For a nämnd-level economy section: the units' tables in the same cycle's unit-level economy
   * section (a sibling in the template first), and the nämnd table built from the approved ones.
   */
  private async committeeEconomy(manager: EntityManager, id: string): Promise<CommitteeEconomyDto | null> {
    const rows: Array<{
      section_id: string;
      section_title: string;
      section_config: SectionConfig | null;
      my_config: SectionConfig | null;
      unit_id: string;
      unit_name: string;
      state: TaskState;
      content: TaskContent;
    }> = await manager.query(
      `SELECT s.id AS section_id, s.title AS section_title, s.config AS section_config, ms.config AS my_config,
              t.unit_id, u.name AS unit_name, t.state, t.content
         FROM task me
         JOIN cycle_section ms ON ms.id = me.section_id
         JOIN cycle_section s ON s.cycle_id = ms.cycle_id AND s.kind = 'economy' AND s.id <> ms.id
         JOIN task t ON t.section_id = s.id AND t.unit_id IS NOT NULL
         JOIN organisation_unit u ON u.id = t.unit_id
        WHERE me.id = $1 AND me.unit_id IS NULL AND ms.kind = 'economy'
        ORDER BY (s.parent_key IS NOT DISTINCT FROM ms.parent_key) DESC, s.sort_order, u.sort_order, u.name`,
      [id],
    );
    if (rows.length === 0) return null;
    const section = rows.filter((r) => r.section_id === rows[0].section_id);
    const approved = section.filter((r) => r.state === 'approved' && r.content.type === 'economy');
    return {
      sectionTitle: rows[0].section_title,
      units: section.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, state: r.state })),
      content: committeeEconomyContent(
        economyConfigOf(rows[0].my_config),
        approved.map((r) => ({
          unitId: r.unit_id,
          name: r.unit_name,
          config: economyConfigOf(r.section_config),
          content: r.content as EconomyContent,
        })),
      ),
    };
  }

  private async scopeOrThrow(manager: EntityManager, id: string): Promise<ResourceScope> {
    const scope = await this.access.taskScope(id, manager);
    if (!scope) throw new DomainError( 'not_found', 'Det som efterfrågades finns inte.');
    return scope;
  }

  /**
   * Autosave: only the writer, only while the unit holds the pen, only from the version the
   * edit started from (else 409 with both versions). A first save starts the draft; a save on a
   * returned or reopened task resumes it: both are workflow transitions, recorded as such.
   */
  async saveContent(id: string, version: number, content: unknown, actor: TaskActor): Promise<SaveContentResponse> {
    // The common case, an autosave of a text draft by its writer: one statement, no transaction.
    const richText = typeof content === 'object' && content !== null && (content as { type?: unknown }).type === 'doc';
    if (richText && actor.resource && actor.grants.some((grant) => writesTask(grant, actor.resource as ResourceScope))) {
      const sanitized = sanitizeRichText(content);
      if (!sanitized.ok) throw TaskErrors.invalidContent(sanitized.errors);
      const [saved] = await changedRows<{ version: number; updated_at: Date }>(
        this.dataSource.manager,
        `UPDATE task SET content = $3, version = version + 1, updated_by = $4, updated_at = now()
          WHERE id = $1 AND version = $2 AND state = 'draft'
            AND section_id IN (SELECT id FROM cycle_section WHERE kind <> ALL($5::text[])) RETURNING version, updated_at`,
        [id, version, JSON.stringify(sanitized.document), actor.userId, STRUCTURED_KINDS],
      );
      if (saved) return { version: saved.version, state: 'draft', updatedAt: saved.updated_at.toISOString(), removed: sanitized.removed };
    }
    // Otherwise (a table, a first save, a resumed draft, a stale version, a locked task): decided under a row lock.
    return this.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id, true);
      const scope = await this.scopeOrThrow(manager, id);
      const held = taskActionsHeld(actor.grants, scope, row.reviewer_role);
      if (!held.includes('task.write')) throw TaskErrors.notWriter();
      if (!isEditable(row.state)) throw TaskErrors.locked(row.state);
      const checked = checkContent(row.kind, row.section_config, content);
      if (!checked.ok) throw TaskErrors.invalidContent(checked.errors);
      if (row.version !== version) {
        throw new DomainError(
          'version_conflict',
          `${row.updated_by_name ?? 'Någon annan'} har sparat en nyare version medan du skrev. Jämför versionerna och slå ihop dem; inget av det du skrivit har gått förlorat.`,
          undefined,
          {
            current: {
              version: row.version,
              content: row.content,
              updatedByName: row.updated_by_name,
              updatedAt: row.updated_at.toISOString(),
              state: row.state,
            },
            yours: { version, content: checked.content },
          },
        );
      }
      let state = row.state;
      const start: Transition | null = state === 'not_started' ? 'start' : state === 'returned' || state === 'reopened' ? 'resume' : null;
      if (start) {
        const check = checkTransition(state, start, { allowed: held.includes(WORKFLOW[start].action) });
        if (!check.ok) throw new DomainError(check.code, check.message);
        await this.recordTransition(manager, row, start, check.to, null, actor);
        state = check.to;
      }
      const [updated] = await changedRows<{ version: number; updated_at: Date }>(
        manager,
        `UPDATE task SET content = $2, version = version + 1, state = $3, updated_by = $4, updated_at = now()
          WHERE id = $1 RETURNING version, updated_at`,
        [id, JSON.stringify(checked.content), state, actor.userId],
      );
      return { version: updated.version, state, updatedAt: updated.updated_at.toISOString(), removed: checked.removed };
    });
  }

  /** A workflow step, checked against the one table in libs/domain; submit keeps an immutable snapshot. */
  async transition(id: string, body: TransitionRequest, actor: TaskActor): Promise<TaskDto> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id, true);
      const scope = await this.scopeOrThrow(manager, id);
      if (row.version !== body.version) throw TaskErrors.stale();
      const held = taskActionsHeld(actor.grants, scope, row.reviewer_role);
      const rule = WORKFLOW[body.transition];
      const round = body.transition === 'approve' ? await this.reviewRound(manager, row, actor.userId) : undefined;
      const check = checkTransition(row.state, body.transition, { allowed: held.includes(rule.action), text: body.text, round });
      if (!check.ok) {
        const code = check.code === 'not_allowed' ? 'transition_not_allowed' : check.code;
        throw new DomainError(code, check.message);
      }
      let submitRound = row.submit_round;
      if (body.transition === 'submit') {
        if (isEmptyContent(row.content)) throw TaskErrors.empty();
        // What must be there before it is handed in (every control's result, every goal's assessment).
        const complete = checkContent(row.kind, row.section_config, row.content, { forSubmit: true });
        if (!complete.ok) throw TaskErrors.incomplete(complete.errors);
        submitRound += 1;
        await manager.query(
          // The submission's instant by the Clock: the reviewer's nudge counts working days from it.
          'INSERT INTO task_snapshot (task_id, round, version, content, submitted_by, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)',
          [id, submitRound, row.version, JSON.stringify(row.content), actor.userId, this.clock.now()],
        );
      }
      await manager.query(
        'UPDATE task SET state = $2, submit_round = $3, version = version + 1, state_changed_at = now() WHERE id = $1',
        [id, check.to, submitRound],
      );
      await this.recordTransition(manager, row, body.transition, check.to, body.text?.trim() || null, actor, submitRound);
      if (isSelfApproval(body.transition, round)) {
        // Allowed by the installation's setting, and recorded as what it is: nobody else looked at this round.
        await this.audit.record(manager, {
          actorUserId: actor.userId,
          action: 'task.self_approval',
          entityType: 'task',
          entityId: row.id,
          committeeId: row.committee_id,
          after: { round: row.submit_round, submittedBy: round?.submittedBy, setting: 'self_approval_allowed' },
          ip: actor.ip,
        });
      }
      const kind = NOTIFY_KIND[body.transition];
      if (kind) {
        const [submitter] = await manager.query(
          'SELECT submitted_by FROM task_snapshot WHERE task_id = $1 ORDER BY round DESC LIMIT 1',
          [id],
        );
        const unit = row.unit_name ?? 'nämndnivå';
        const what = `${row.section_number} ${row.section_title} (${unit})`;
        const text =
          kind === 'returned'
            ? `${what} har återremitterats: ${body.text?.trim()}`
            : kind === 'approved'
              ? `${what} har godkänts.`
              : `${what} har öppnats igen: ${body.text?.trim()}`;
        await this.notifications.notify(manager, submitter ? [submitter.submitted_by] : [], actor.userId, kind, text, id);
      }
      if (body.transition === 'submit') {
        const reviewers: Array<{ id: string }> = await manager.query(TASK_REVIEWERS_SQL, [id, REVIEWER_ROLES]);
        const what = `${row.section_number} ${row.section_title} (${row.unit_name ?? 'nämndnivå'})`;
        await this.notifications.notify(
          manager,
          reviewers.map((r) => r.id),
          actor.userId,
          'submitted',
          `${what} har lämnats in och väntar på granskning.`,
          id,
        );
      }
    });
    // Submitting cancels the writers' reminders and plans the reviewer's nudge; a return or reopen brings them back.
    await this.reminders.scheduleAfterCommit({ taskId: id });
    return this.get(id, actor);
  }

  /** Who handed in the round under review (the latest snapshot of a submitted task), who acts, and the installation's setting. */
  private async reviewRound(manager: EntityManager, row: TaskRow, actorId: string): Promise<ReviewRound> {
    const [snapshot]: Array<{ submitted_by: string }> =
      row.state === 'submitted'
        ? await manager.query('SELECT submitted_by FROM task_snapshot WHERE task_id = $1 AND round = $2', [row.id, row.submit_round])
        : [];
    return { submittedBy: snapshot?.submitted_by ?? null, actorId, selfApprovalAllowed: await selfApprovalAllowed(manager) };
  }

  private async recordTransition(
    manager: EntityManager,
    row: TaskRow,
    transition: Transition,
    to: TaskState,
    text: string | null,
    actor: TaskActor,
    round?: number,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO task_transition (task_id, transition, from_state, to_state, actor_id, text) VALUES ($1, $2, $3, $4, $5, $6)',
      [row.id, transition, row.state, to, actor.userId, text],
    );
    await this.audit.record(manager, {
      actorUserId: actor.userId,
      action: `task.${transition}`,
      entityType: 'task',
      entityId: row.id,
      committeeId: row.committee_id,
      before: { state: row.state, version: row.version },
      after: { state: to, text, ...(transition === 'submit' ? { round } : {}) },
      ip: actor.ip,
    });
  }

  /** The task's own deadline (null: the cycle's). */
  async setDeadline(id: string, deadline: string | null, actor: TaskActor): Promise<TaskDto> {
    if (deadline !== null && !isIsoDate(deadline)) throw TaskErrors.badDeadline();
    await this.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id, true);
      await manager.query('UPDATE task SET deadline = $2 WHERE id = $1', [id, deadline]);
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
    await this.reminders.scheduleAfterCommit({ taskId: id });
    return this.get(id, actor);
  }

  /** What changed between two submissions (0 = nothing yet): by default the latest against the one before it. */
  async diff(id: string, from: number | undefined, to: number | undefined): Promise<TaskDiffDto> {
    const [row]: Array<{ submit_round: number; kind: SectionKind; config: SectionConfig | null }> = await this.dataSource.query(
      'SELECT t.submit_round, s.kind, s.config FROM task t JOIN cycle_section s ON s.id = t.section_id WHERE t.id = $1',
      [id],
    );
    const target = to ?? row.submit_round;
    const base = from ?? Math.max(0, target - 1);
    const load = async (round: number): Promise<TaskContent> => {
      if (round === 0) return emptyContent(row.kind);
      const [snapshot] = await this.dataSource.query('SELECT content FROM task_snapshot WHERE task_id = $1 AND round = $2', [id, round]);
      if (!snapshot) throw TaskErrors.roundNotFound(round);
      return snapshot.content;
    };
    const [before, after] = await Promise.all([load(base), load(target)]);
    return { from: base, to: target, ...diffContent(row.kind, row.config, before, after) };
  }


  private async comments(manager: EntityManager, taskId: string): Promise<TaskCommentDto[]> {
    const rows: Array<TaskCommentDto & { createdAt: Date; resolved_at: Date | null }> = await manager.query(
      `SELECT cm.id, cm.parent_id AS "parentId", cm.anchor, a.name AS "authorName", cm.author_id AS "authorId", cm.body,
              cm.created_at AS "createdAt", cm.resolved_at, r.name AS "resolvedByName"
         FROM task_comment cm JOIN app_user a ON a.id = cm.author_id LEFT JOIN app_user r ON r.id = cm.resolved_by
        WHERE cm.task_id = $1 ORDER BY cm.created_at, cm.id`,
      [taskId],
    );
    return rows.map(({ resolved_at, createdAt, ...rest }) => ({
      ...rest,
      createdAt: createdAt.toISOString(),
      resolved: resolved_at !== null,
    }));
  }

  /** A comment or a reply, optionally on a paragraph; the people it concerns are notified in-app. */
  async addComment(id: string, body: CreateCommentRequest, actor: TaskActor): Promise<TaskCommentDto> {
    const text = body.body.trim();
    if (!text) throw TaskErrors.commentEmpty();
    const commentId = await this.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, id);
      let parentId: string | null = null;
      let parentAuthor: string | null = null;
      if (body.parentId) {
        const [parent] = await manager.query(
          'SELECT id, parent_id, author_id FROM task_comment WHERE id = $1 AND task_id = $2',
          [body.parentId, id],
        );
        if (!parent) throw TaskErrors.commentParent();
        parentId = parent.parent_id ?? parent.id; // replies hang on the thread's first comment
        parentAuthor = parent.author_id;
      }
      if (body.anchor && (row.content.type !== 'doc' || !paragraphTexts(row.content).some((p) => p.id === body.anchor))) {
        throw TaskErrors.commentAnchor();
      }
      const [created] = await manager.query(
        'INSERT INTO task_comment (task_id, parent_id, anchor, author_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [id, parentId, body.anchor ?? null, actor.userId, text],
      );
      const [author] = await manager.query('SELECT name FROM app_user WHERE id = $1', [actor.userId]);
      const [lastEditor] = await manager.query('SELECT updated_by FROM task WHERE id = $1', [id]);
      const where = `${row.section_number} ${row.section_title} (${row.unit_name ?? 'nämndnivå'})`;
      const snippet = text.length > 120 ? `${text.slice(0, 117)}…` : text;
      await this.notifications.notify(
        manager,
        [parentAuthor, lastEditor?.updated_by].filter((u): u is string => Boolean(u)),
        actor.userId,
        'comment',
        `${author.name} kommenterade ${where}: ${snippet}`,
        id,
      );
      return created.id as string;
    });
    return (await this.comments(this.dataSource.manager, id)).find((c) => c.id === commentId) as TaskCommentDto;
  }

  async setCommentResolved(id: string, commentId: string, resolved: boolean, actor: TaskActor): Promise<TaskCommentDto> {
    const rows = await changedRows(
      this.dataSource.manager,
      `UPDATE task_comment SET resolved_at = CASE WHEN $3 THEN COALESCE(resolved_at, now()) END,
              resolved_by = CASE WHEN $3 THEN COALESCE(resolved_by, $4::uuid) END
        WHERE id = $1 AND task_id = $2 RETURNING id`,
      [commentId, id, resolved, actor.userId],
    );
    if (rows.length === 0) throw TaskErrors.commentNotFound();
    return (await this.comments(this.dataSource.manager, id)).find((c) => c.id === commentId) as TaskCommentDto;
  }
}
