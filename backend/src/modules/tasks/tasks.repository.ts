import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TaskDto } from '@rapportflode/api-contract';
import {
  ReportKind,
  Role,
  ROLE_PERMISSIONS,
  ROLES,
  SectionConfig,
  SectionKind,
  STRUCTURED_KINDS,
  TaskContent,
  TaskState,
} from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';
import { changedRows } from '../../database/query';

/** The deadline a task answers to: its own, or its cycle's. */
const TASK_DEADLINE_SQL = 'COALESCE(t.deadline, c.submission_deadline)::text';

const LIST_COLUMNS = `
  t.id, t.cycle_id, c.title AS cycle_title, c.diary_number AS cycle_diary_number, c.committee_id,
  m.name || ', ' || m.municipality AS committee_name, s.number AS section_number, s.title AS section_title, s.kind,
  s.reviewer_role, s.writer_role, s.config AS section_config, s.guidance AS section_guidance, t.unit_id, u.name AS unit_name, t.state, ${TASK_DEADLINE_SQL} AS deadline, t.version, t.submit_round,
  t.updated_at`;

const LIST_FROM = `
  FROM task t
  JOIN report_cycle c ON c.id = t.cycle_id
  JOIN committee m ON m.id = c.committee_id
  JOIN cycle_section s ON s.id = t.section_id
  LEFT JOIN organisation_unit u ON u.id = t.unit_id`;

/** Roles whose grants hold the pen, and roles that review: from the one permission table. */
export const WRITER_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('task.write'));
export const REVIEWER_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('task.review'));

/**
 * "Mina uppgifter" ($1 user id, $2 WRITER_ROLES), as writesTask in libs/domain decides: a section
 * without a writer role by today's rule (a writer role's unit grant covers the unit's subtree, a
 * committee-wide grant the nämnd-level tasks), a section with one by exactly that role wherever
 * its grant covers the task. Exported so that the benchmark runs exactly the SQL the application
 * runs (its bare-pg baseline, test/bench/tasks.bench.ts).
 */
export const MY_TASKS_SQL = `WITH RECURSIVE g AS (
         SELECT role, committee_id, unit_id FROM role_assignment WHERE user_id = $1
       ), scope_units AS (
         SELECT g.role, ou.id FROM organisation_unit ou JOIN g ON ou.id = g.unit_id
         UNION
         SELECT su.role, child.id FROM organisation_unit child JOIN scope_units su ON child.parent_id = su.id
       )
       SELECT ${LIST_COLUMNS} ${LIST_FROM}
        WHERE t.state <> 'approved'
          AND ((s.writer_role IS NULL
                AND (t.unit_id = ANY (ARRAY(SELECT id FROM scope_units WHERE role = ANY($2::text[])))
                     OR (t.unit_id IS NULL AND t.cycle_id = ANY (ARRAY(
                           SELECT rc.id FROM g JOIN report_cycle rc ON g.committee_id IS NULL OR rc.committee_id = g.committee_id
                            WHERE g.unit_id IS NULL AND g.role = ANY($2::text[]))))))
               OR (s.writer_role IS NOT NULL
                   AND (EXISTS (SELECT 1 FROM g WHERE g.role = s.writer_role AND g.unit_id IS NULL
                                  AND (g.committee_id IS NULL OR g.committee_id = c.committee_id))
                        OR EXISTS (SELECT 1 FROM scope_units su WHERE su.role = s.writer_role AND su.id = t.unit_id))))
        ORDER BY deadline, c.title, s.sort_order, u.name LIMIT 500`;

/** The reviewer's queue ($1 user id, $2 REVIEWER_ROLES). */
const REVIEW_QUEUE_SQL = `WITH RECURSIVE g AS (
         SELECT role, committee_id, unit_id FROM role_assignment WHERE user_id = $1 AND role = ANY($2::text[])
       ), scope_units AS (
         SELECT g.role, ou.id FROM organisation_unit ou JOIN g ON ou.id = g.unit_id
         UNION
         SELECT su.role, child.id FROM organisation_unit child JOIN scope_units su ON child.parent_id = su.id
       )
       SELECT ${LIST_COLUMNS} ${LIST_FROM}
        WHERE t.state = 'submitted'
          AND (EXISTS (SELECT 1 FROM g WHERE g.role = s.reviewer_role AND g.unit_id IS NULL
                         AND (g.committee_id IS NULL OR g.committee_id = c.committee_id))
               OR EXISTS (SELECT 1 FROM scope_units su WHERE su.role = s.reviewer_role AND su.id = t.unit_id))
        ORDER BY t.state_changed_at, s.sort_order LIMIT 500`;

/** A task as the lists show it (the list columns). */
export interface TaskListRow {
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
  /** The section's writer role from the template; null: the default rule (writesTask in libs/domain). */
  writer_role: Role | null;
  section_config: SectionConfig | null;
  section_guidance: string | null;
  unit_id: string | null;
  unit_name: string | null;
  state: TaskState;
  deadline: string;
  version: number;
  submit_round: number;
  updated_at: Date;
}

/** One task with its content, its last editor and its cycle's period. */
export interface TaskRow extends TaskListRow {
  content: TaskContent;
  updated_by_name: string | null;
  /** Who saved last (null before the first save): a stale save tells "you, in another tab" from someone else. */
  updated_by_id: string | null;
  report_kind: ReportKind;
  year: number;
  period_end: string;
}

export interface SnapshotRow {
  round: number;
  version: number;
  submittedBy: string;
  submittedAt: Date;
  submittedById: string;
}

export interface EarlierRow {
  cycleId: string;
  cycleTitle: string;
  year: number;
  reportKind: ReportKind;
  periodEnd: string;
  content: TaskContent;
}

export interface SavedVersion {
  version: number;
  updated_at: Date;
}

/** The task table (and its snapshots): every write to them, and the reads of the tasks module. */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new cycle's tasks in one statement: one per (section, unit), with its starting content. */
  async insertForCycle(
    manager: EntityManager,
    cycleId: string,
    tasks: ReadonlyArray<{ sectionId: string; unitId: string | null; content: TaskContent }>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO task (cycle_id, section_id, unit_id, content)
       SELECT $1, s, u, c FROM unnest($2::uuid[], $3::uuid[], $4::jsonb[]) AS x(s, u, c)`,
      [cycleId, tasks.map((t) => t.sectionId), tasks.map((t) => t.unitId), tasks.map((t) => JSON.stringify(t.content))],
    );
  }

  /** Every task of the cycle not yet approved becomes approved, without workflow steps (the demo's past cycles). */
  async approveRemaining(cycleId: string): Promise<void> {
    await this.dataSource.query(`UPDATE task SET state = 'approved', state_changed_at = now() WHERE cycle_id = $1 AND state <> 'approved'`, [
      cycleId,
    ]);
  }

  mine(userId: string): Promise<TaskListRow[]> {
    return this.dataSource.query(MY_TASKS_SQL, [userId, WRITER_ROLES]);
  }

  reviewQueue(userId: string): Promise<TaskListRow[]> {
    return this.dataSource.query(REVIEW_QUEUE_SQL, [userId, REVIEWER_ROLES]);
  }

  /** One task (undefined when it is gone); with lock, FOR UPDATE in the caller's transaction. */
  async row(manager: EntityManager, id: string, lock = false): Promise<TaskRow | undefined> {
    const [row]: TaskRow[] = await manager.query(
      `SELECT ${LIST_COLUMNS}, t.content, w.name AS updated_by_name, t.updated_by AS updated_by_id, c.report_kind, c.year,
              to_char(c.period_end, 'YYYY-MM-DD') AS period_end ${LIST_FROM}
         LEFT JOIN app_user w ON w.id = t.updated_by
        WHERE t.id = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
      [id],
    );
    return row;
  }

  snapshots(manager: EntityManager, id: string): Promise<SnapshotRow[]> {
    return manager.query(
      `SELECT sn.round, sn.version, u.name AS "submittedBy", sn.submitted_at AS "submittedAt", sn.submitted_by AS "submittedById"
         FROM task_snapshot sn JOIN app_user u ON u.id = sn.submitted_by WHERE sn.task_id = $1 ORDER BY sn.round`,
      [id],
    );
  }

  /**
   * The same unit's approved content of the same section (by key and kind) in the nämnd's
   * earlier cycles, newest first, at most 8. Structured sections only.
   */
  earlier(manager: EntityManager, id: string): Promise<EarlierRow[]> {
    return manager.query(
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
  }

  /**
   * The autosave of a text draft in one statement: only from that version, only while a draft,
   * only in a section that is not structured. Undefined when any of that does not hold.
   */
  async saveDraftText(id: string, version: number, content: unknown, userId: string): Promise<SavedVersion | undefined> {
    const [saved] = await changedRows<SavedVersion>(
      this.dataSource.manager,
      `UPDATE task SET content = $3, version = version + 1, updated_by = $4, updated_at = now()
        WHERE id = $1 AND version = $2 AND state = 'draft'
          AND section_id IN (SELECT id FROM cycle_section WHERE kind <> ALL($5::text[]) AND writer_role IS NULL) RETURNING version, updated_at`,
      [id, version, JSON.stringify(content), userId, STRUCTURED_KINDS],
    );
    return saved;
  }

  async saveContent(manager: EntityManager, id: string, content: unknown, state: TaskState, userId: string): Promise<SavedVersion> {
    const [updated] = await changedRows<SavedVersion>(
      manager,
      `UPDATE task SET content = $2, version = version + 1, state = $3, updated_by = $4, updated_at = now()
        WHERE id = $1 RETURNING version, updated_at`,
      [id, JSON.stringify(content), state, userId],
    );
    return updated;
  }

  /**
   * Many tasks' content in one statement (the economy import), each with the state its save
   * reached; state_changed_at moves where the state does.
   */
  saveContents(
    manager: EntityManager,
    writes: ReadonlyArray<{ id: string; content: TaskContent; state: TaskState }>,
    userId: string,
  ): Promise<Array<{ id: string; version: number; state: TaskState }>> {
    return changedRows(
      manager,
      `UPDATE task t
          SET content = v.content, version = t.version + 1, updated_by = $2, updated_at = now(), state = v.state,
              state_changed_at = CASE WHEN t.state <> v.state THEN now() ELSE t.state_changed_at END
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, content jsonb, state varchar)
        WHERE t.id = v.id
      RETURNING t.id, t.version, t.state`,
      [JSON.stringify(writes), userId],
    );
  }

  /** The immutable copy a submission keeps (submitted_at by the Clock: reminders count working days from it). */
  async insertSnapshot(
    manager: EntityManager,
    snapshot: { taskId: string; round: number; version: number; content: TaskContent; submittedBy: string; submittedAt: Date },
  ): Promise<void> {
    await manager.query(
      'INSERT INTO task_snapshot (task_id, round, version, content, submitted_by, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [snapshot.taskId, snapshot.round, snapshot.version, JSON.stringify(snapshot.content), snapshot.submittedBy, snapshot.submittedAt],
    );
  }

  async writeState(manager: EntityManager, id: string, state: TaskState, submitRound: number): Promise<void> {
    await manager.query('UPDATE task SET state = $2, submit_round = $3, version = version + 1, state_changed_at = now() WHERE id = $1', [
      id,
      state,
      submitRound,
    ]);
  }

  /** Who submitted that round. */
  async roundSubmitter(manager: EntityManager, id: string, round: number): Promise<string | null> {
    const [row]: Array<{ submitted_by: string }> = await manager.query(
      'SELECT submitted_by FROM task_snapshot WHERE task_id = $1 AND round = $2',
      [id, round],
    );
    return row?.submitted_by ?? null;
  }

  /** Who submitted the latest round, when any was. */
  async latestSubmitter(manager: EntityManager, id: string): Promise<string | null> {
    const [row]: Array<{ submitted_by: string }> = await manager.query(
      'SELECT submitted_by FROM task_snapshot WHERE task_id = $1 ORDER BY round DESC LIMIT 1',
      [id],
    );
    return row?.submitted_by ?? null;
  }

  /** Who saved the task's content last. */
  async lastEditor(manager: EntityManager, id: string): Promise<string | null> {
    const [row]: Array<{ updated_by: string | null }> = await manager.query('SELECT updated_by FROM task WHERE id = $1', [id]);
    return row?.updated_by ?? null;
  }

  /** The task's own deadline and when it was set (the reminder plan counts a deadline moved into the past from then). */
  async setDeadline(manager: EntityManager, id: string, deadline: string | null, at: Date): Promise<void> {
    await manager.query(
      'UPDATE task SET deadline = $2::date, deadline_set_at = CASE WHEN $2::date IS NULL THEN NULL ELSE $3::timestamptz END WHERE id = $1',
      [id, deadline, at],
    );
  }

  /** What a diff needs: the latest round and the section's kind and settings. */
  async diffFacts(id: string): Promise<{ submit_round: number; kind: SectionKind; config: SectionConfig | null } | undefined> {
    const [row] = await this.dataSource.query(
      'SELECT t.submit_round, s.kind, s.config FROM task t JOIN cycle_section s ON s.id = t.section_id WHERE t.id = $1',
      [id],
    );
    return row;
  }

  /** The content of one submission (undefined when there is no such round). */
  async snapshotContent(id: string, round: number): Promise<TaskContent | undefined> {
    const [row]: Array<{ content: TaskContent }> = await this.dataSource.query(
      'SELECT content FROM task_snapshot WHERE task_id = $1 AND round = $2',
      [id, round],
    );
    return row?.content;
  }
}
