import { ROLE_PERMISSIONS, ROLES } from '@rapportflode/domain';

/**
 * The task list queries, kept apart from the service so the benchmark runs exactly the SQL the
 * application runs (its bare-pg baseline).
 */

/** The deadline a task answers to: its own, or its cycle's. */
export const TASK_DEADLINE_SQL = 'COALESCE(t.deadline, c.submission_deadline)::text';

export const LIST_COLUMNS = `
  t.id, t.cycle_id, c.title AS cycle_title, c.diary_number AS cycle_diary_number, c.committee_id,
  m.name || ', ' || m.municipality AS committee_name, s.number AS section_number, s.title AS section_title, s.kind,
  s.reviewer_role, s.config AS section_config, t.unit_id, u.name AS unit_name, t.state, ${TASK_DEADLINE_SQL} AS deadline, t.version, t.submit_round,
  t.updated_at`;

export const LIST_FROM = `
  FROM task t
  JOIN report_cycle c ON c.id = t.cycle_id
  JOIN committee m ON m.id = c.committee_id
  JOIN cycle_section s ON s.id = t.section_id
  LEFT JOIN organisation_unit u ON u.id = t.unit_id`;

/** Roles whose grants hold the pen, and roles that review: from the one permission table. */
export const WRITER_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('task.write'));
export const REVIEWER_ROLES = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('task.review'));

/** $1 user id, $2 WRITER_ROLES. */
export const MY_TASKS_SQL = `WITH RECURSIVE g AS (
         SELECT committee_id, unit_id FROM role_assignment WHERE user_id = $1 AND role = ANY($2::text[])
       ), scope_units AS (
         SELECT ou.id FROM organisation_unit ou JOIN g ON ou.id = g.unit_id
         UNION
         SELECT child.id FROM organisation_unit child JOIN scope_units su ON child.parent_id = su.id
       )
       SELECT ${LIST_COLUMNS} ${LIST_FROM}
        WHERE t.state <> 'approved'
          AND (t.unit_id = ANY (ARRAY(SELECT id FROM scope_units))
               OR (t.unit_id IS NULL AND t.cycle_id = ANY (ARRAY(
                     SELECT rc.id FROM g JOIN report_cycle rc ON g.committee_id IS NULL OR rc.committee_id = g.committee_id
                      WHERE g.unit_id IS NULL))))
        ORDER BY deadline, c.title, s.sort_order, u.name LIMIT 500`;

/** $1 user id, $2 REVIEWER_ROLES. */
export const REVIEW_QUEUE_SQL = `WITH RECURSIVE g AS (
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

/** The overview's four reads: $1 cycle id (units: $1 committee id; reviewers: $1 committee id, $2 cycle id). */
export const OVERVIEW_SECTIONS_SQL = `SELECT id, key, number, depth, title, kind, reviewer_role AS "reviewerRole" FROM cycle_section WHERE cycle_id = $1 ORDER BY sort_order`;
export const OVERVIEW_TASKS_SQL = `SELECT t.id, t.section_id AS "sectionId", t.unit_id AS "unitId", t.state, ${TASK_DEADLINE_SQL} AS deadline
           FROM task t JOIN report_cycle c ON c.id = t.cycle_id WHERE t.cycle_id = $1`;
export const OVERVIEW_UNITS_SQL = 'SELECT id, parent_id, name, sort_order FROM organisation_unit WHERE committee_id = $1';
export const OVERVIEW_REVIEWERS_SQL = `SELECT r.role, r.committee_id AS "committeeId", r.unit_id AS "unitId", u.name
           FROM role_assignment r JOIN app_user u ON u.id = r.user_id
          WHERE u.active AND (r.committee_id IS NULL OR r.committee_id = $1)
            AND r.role IN (SELECT DISTINCT reviewer_role FROM cycle_section WHERE cycle_id = $2)`;

/**
 * The people a task concerns, resolved from role assignments now (reminders, notifications):
 * $1 task id, $2 roles. Each row: id, name, email and reminder_delivery (as delivery) of an active person.
 */
function taskPeopleSql(condition: string): string {
  return `WITH RECURSIVE target AS (
         SELECT t.unit_id, c.committee_id, s.reviewer_role
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

/** Who holds the pen (writesTask): a unit task by a grant on its unit or above; a nämnd-level task by a committee-wide grant. $2 WRITER_ROLES. */
export const TASK_WRITERS_SQL = taskPeopleSql(`(r.committee_id IS NULL OR r.committee_id = target.committee_id)
          AND CASE WHEN target.unit_id IS NULL THEN r.unit_id IS NULL ELSE r.unit_id IN (SELECT id FROM path) END`);

/** Who reviews (reviewsTask): the section's reviewer role where the task sits. $2 REVIEWER_ROLES. */
export const TASK_REVIEWERS_SQL = taskPeopleSql(`r.role = target.reviewer_role
          AND (r.committee_id IS NULL OR (r.committee_id = target.committee_id
               AND (r.unit_id IS NULL OR r.unit_id IN (SELECT id FROM path))))`);

/** The committee's secretaries (role secretary on the committee itself). $2 ['secretary']. */
export const TASK_SECRETARIES_SQL = taskPeopleSql(`r.committee_id = target.committee_id AND r.unit_id IS NULL`);
