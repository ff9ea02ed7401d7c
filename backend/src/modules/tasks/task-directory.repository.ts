import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReminderDelivery, ROLE_PERMISSIONS, ROLES, TaskState } from '@rapportflode/domain';
import { DataSource, EntityManager } from 'typeorm';

/** The deadline a task answers to: its own, or its cycle's. */
const TASK_DEADLINE_SQL = 'COALESCE(t.deadline, c.submission_deadline)::text';

/** Roles whose grants hold the pen, and roles that review: from the one permission table. */
const WRITER_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('task.write'));
const REVIEWER_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('task.review'));

/** What the reminder plan of one task needs, read in one query for one task or ten thousand. */
export interface PlanRow {
  id: string;
  state: TaskState;
  deadline: string;
  reminder_config: unknown;
  submitted_at: Date | null;
  /** When the deadline the task answers to was last set: its own, or the cycle's submission deadline (null: never moved). */
  deadline_set_at: Date | null;
}

/** The columns of a PlanRow, over `task t JOIN report_cycle c` (the reminder benchmark runs the same SQL). */
export const PLAN_COLUMNS = `t.id, t.state, ${TASK_DEADLINE_SQL} AS deadline, c.reminder_config,
  CASE WHEN t.deadline IS NOT NULL THEN t.deadline_set_at ELSE c.submission_deadline_set_at END AS deadline_set_at,
  CASE WHEN t.state = 'submitted'
       THEN (SELECT sn.submitted_at FROM task_snapshot sn WHERE sn.task_id = t.id ORDER BY sn.round DESC LIMIT 1) END AS submitted_at`;

/** A task with what its reminder texts say. */
export interface TaskFacts extends PlanRow {
  section_number: string;
  section_title: string;
  unit_name: string | null;
  cycle_title: string;
  committee_name: string;
}

const TASK_FACTS_SQL = `SELECT ${PLAN_COLUMNS}, s.number AS section_number, s.title AS section_title, u.name AS unit_name,
              c.title AS cycle_title, m.name || ', ' || m.municipality AS committee_name
         FROM task t JOIN report_cycle c ON c.id = t.cycle_id JOIN committee m ON m.id = c.committee_id
         JOIN cycle_section s ON s.id = t.section_id LEFT JOIN organisation_unit u ON u.id = t.unit_id`;

/** An active person a task concerns, with how they want their reminders. */
export interface TaskPerson {
  id: string;
  name: string;
  email: string;
  delivery: ReminderDelivery;
}

/**
 * The people a task concerns, resolved from role assignments now: $1 task id, $2 roles.
 * Each row: id, name, email and reminder_delivery (as delivery) of an active person.
 */
function taskPeopleSql(condition: string): string {
  return `WITH RECURSIVE target AS (
         SELECT t.unit_id, c.committee_id, s.reviewer_role, s.writer_role
           FROM task t JOIN report_cycle c ON c.id = t.cycle_id JOIN cycle_section s ON s.id = t.section_id
          WHERE t.id = $1
       ), path AS (
         SELECT ou.id, ou.parent_id FROM organisation_unit ou JOIN target ON ou.id = target.unit_id
         UNION
         SELECT p.id, p.parent_id FROM organisation_unit p JOIN path ON p.id = path.parent_id
       )
       SELECT DISTINCT u.id, u.name, u.email, u.reminder_delivery AS delivery
         FROM role_assignment r JOIN app_user u ON u.id = r.user_id CROSS JOIN target
        WHERE u.active AND r.role = ANY($2::text[]) AND (${condition})
        ORDER BY u.name, u.id`;
}

/** Who is asked about, with the SQL and the roles it takes. */
const PEOPLE = {
  /**
   * Who holds the pen (writesTask): without a writer role, a unit task by a writing grant on its
   * unit or above and a nämnd-level task by a committee-wide one; with a writer role, that role
   * wherever its grant covers the task.
   */
  writers: {
    sql: taskPeopleSql(`(r.committee_id IS NULL OR r.committee_id = target.committee_id)
          AND CASE WHEN target.writer_role IS NULL
                   THEN r.role IN (${WRITER_ROLES.map((role) => `'${role}'`).join(', ')})
                        AND CASE WHEN target.unit_id IS NULL THEN r.unit_id IS NULL ELSE r.unit_id IN (SELECT id FROM path) END
                   ELSE r.role = target.writer_role AND (r.unit_id IS NULL OR r.unit_id IN (SELECT id FROM path)) END`),
    roles: ROLES,
  },
  /** Who reviews (reviewsTask): the section's reviewer role where the task sits. */
  reviewers: {
    sql: taskPeopleSql(`r.role = target.reviewer_role
          AND (r.committee_id IS NULL OR (r.committee_id = target.committee_id
               AND (r.unit_id IS NULL OR r.unit_id IN (SELECT id FROM path))))`),
    roles: REVIEWER_ROLES,
  },
  /** The committee's secretaries (role secretary on the committee itself). */
  secretaries: { sql: taskPeopleSql(`r.committee_id = target.committee_id AND r.unit_id IS NULL`), roles: ['secretary'] },
} as const;

export type TaskPeople = keyof typeof PEOPLE;

/** Which tasks a plan is read for: one task, a cycle's tasks, or every task not yet approved. */
export type PlanScope = { taskId: string } | { cycleId: string } | 'open';

/** Read-only SQL over the tasks (and the cycles, sections, units and people around them) for other modules' questions. */
@Injectable()
export class TaskDirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async plans(scope: PlanScope): Promise<PlanRow[]> {
    const [where, params] =
      scope === 'open' ? [`t.state <> 'approved'`, []] : 'taskId' in scope ? ['t.id = $1', [scope.taskId]] : ['t.cycle_id = $1', [scope.cycleId]];
    return this.dataSource.query(`SELECT ${PLAN_COLUMNS} FROM task t JOIN report_cycle c ON c.id = t.cycle_id WHERE ${where}`, params);
  }

  async facts(taskIds: readonly string[]): Promise<TaskFacts[]> {
    return this.dataSource.query(`${TASK_FACTS_SQL} WHERE t.id = ANY($1::uuid[])`, [[...new Set(taskIds)]]);
  }

  /** With a manager, inside the caller's transaction (a submission notifies the reviewers in it). */
  async people(taskId: string, who: TaskPeople, manager: EntityManager = this.dataSource.manager): Promise<TaskPerson[]> {
    return manager.query(PEOPLE[who].sql, [taskId, PEOPLE[who].roles]);
  }
}
