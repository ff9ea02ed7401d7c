import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlannedReminder, REMINDED_STATES, ReminderDelivery } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config.service';
import { JobName, JobPayloads } from '../../queue/queue.constants';
import {
  REVIEWER_ROLES,
  TASK_REVIEWERS_SQL,
  TASK_SECRETARIES_SQL,
  TASK_WRITERS_SQL,
  WRITER_ROLES,
} from '../tasks/task.queries';
import { ReminderFacts, reminderMessage } from './reminder-mail';
import { ReminderOutbox } from './reminder-outbox';
import { PLAN_COLUMNS, PlanRow, planOf } from './reminder-scheduler.service';

type ReminderPayload = JobPayloads[JobName.Reminder];

export interface Person {
  id: string;
  name: string;
  email: string;
  delivery: ReminderDelivery;
}

/** A task with what its reminder texts say; append WHERE. */
export const TASK_FACTS_SQL = `SELECT ${PLAN_COLUMNS}, s.number AS section_number, s.title AS section_title, u.name AS unit_name,
              c.title AS cycle_title, m.name || ', ' || m.municipality AS committee_name
         FROM task t JOIN report_cycle c ON c.id = t.cycle_id JOIN committee m ON m.id = c.committee_id
         JOIN cycle_section s ON s.id = t.section_id LEFT JOIN organisation_unit u ON u.id = t.unit_id`;

export interface TaskFacts extends PlanRow {
  section_number: string;
  section_title: string;
  unit_name: string | null;
  cycle_title: string;
  committee_name: string;
}

export type ReminderOutcome =
  | { sent: number; failed: number; digest: number; recipients: number }
  | { skipped: 'task_gone' | 'not_planned' | 'no_recipients' };

/** What one reminder's texts say: the task as it stands, the planned reminder, and who it is for. */
export function reminderFacts(
  task: TaskFacts,
  planned: Pick<PlannedReminder, 'kind' | 'offset' | 'dueDate'>,
  person: Pick<Person, 'id' | 'name'>,
  secretaries: readonly Person[],
  publicUrl: string,
): ReminderFacts {
  return {
    kind: planned.kind,
    offset: planned.offset,
    taskId: task.id,
    sectionNumber: task.section_number,
    sectionTitle: task.section_title,
    unitName: task.unit_name,
    cycleTitle: task.cycle_title,
    committeeName: task.committee_name,
    deadline: task.deadline,
    dueDate: planned.dueDate,
    submittedAt: task.submitted_at,
    recipientName: person.name,
    contacts: secretaries.filter((s) => s.id !== person.id).slice(0, 2),
    publicUrl,
  };
}

/**
 * Sends one reminder, re-deciding everything from the database: the task's state and deadline
 * now (nothing if it was submitted or its deadline moved: the job's id is then no longer in the
 * task's plan), and the people who hold the roles now.
 *
 * Each mail goes through an outbox row in sent_reminder (unique per task, kind, offset, due
 * instant, person and channel), written in one statement with the in-app notification. A row
 * already there is the same mail from another worker or an earlier attempt: `sent`, `failed` or
 * `digest` means nothing more to do here; `pending` means not finished, and this attempt
 * continues it. A person who chose the daily digest gets the row as `digest`, and the morning's
 * digest run (ReminderDigests) sends it with the others in one mail. How a pending row is sent
 * exactly once is ReminderOutbox's part.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: ReminderOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async send(jobId: string, data: ReminderPayload): Promise<ReminderOutcome> {
    const [task]: TaskFacts[] = await this.dataSource.query(`${TASK_FACTS_SQL} WHERE t.id = $1`, [data.taskId]);
    if (!task) return { skipped: 'task_gone' };
    // The plan as the task stands now (without dropping the past: this one is due now).
    const planned = planOf(task).find((p) => p.jobId === jobId);
    if (!planned || (data.kind !== 'review_nudge' && !REMINDED_STATES.includes(task.state))) return { skipped: 'not_planned' };

    const people = async (sql: string, roles: readonly string[]): Promise<Person[]> => this.dataSource.query(sql, [task.id, roles]);
    const none = Promise.resolve([] as Person[]);
    const [secretaries, writers, reviewers] = await Promise.all([
      people(TASK_SECRETARIES_SQL, ['secretary']),
      planned.recipients !== 'reviewer' ? people(TASK_WRITERS_SQL, WRITER_ROLES) : none,
      planned.recipients !== 'writer' ? people(TASK_REVIEWERS_SQL, REVIEWER_ROLES) : none,
    ]);
    const recipients = new Map<string, Person>();
    for (const p of [...writers, ...reviewers]) recipients.set(p.id, p);
    if (planned.recipients === 'writer+reviewer+secretary') for (const p of secretaries) recipients.set(p.id, p);
    if (recipients.size === 0) {
      this.logger.warn(`Reminder ${jobId}: nobody holds the roles it goes to`);
      return { skipped: 'no_recipients' };
    }

    let sent = 0;
    let failed = 0;
    let digest = 0;
    for (const person of recipients.values()) {
      const message = reminderMessage(reminderFacts(task, planned, person, secretaries, this.config.get('PUBLIC_URL')));
      const toDigest = person.delivery === 'daily_digest';
      // Step 1 in one statement (one implicit transaction): the in-app row and its notification,
      // and the e-mail row — a new one claimed at once by this attempt (or, for a digest person,
      // left `digest` for the morning's digest) — or the e-mail row already there.
      const [email]: Array<{ id: string; status: string; fresh: boolean }> = await this.dataSource.query(
        `WITH in_app AS (
           INSERT INTO sent_reminder (task_id, kind, "offset", due_at, recipient_user_id, channel, status, sent_at)
           VALUES ($1, $2, $3, $4, $5, 'in_app', 'sent', $6) ON CONFLICT DO NOTHING RETURNING id
         ), note AS (
           INSERT INTO notification (user_id, kind, text, task_id) SELECT $5, 'reminder', $7, $1 FROM in_app RETURNING id
         ), email AS (
           INSERT INTO sent_reminder (task_id, kind, "offset", due_at, recipient_user_id, channel, status, sent_at, claimed_until, attempts)
           VALUES ($1, $2, $3, $4, $5, 'email', $8::text, $6,
                   CASE WHEN $8::text = 'pending' THEN now() + $9 * interval '1 millisecond' END, CASE WHEN $8::text = 'pending' THEN 1 ELSE 0 END)
           ON CONFLICT DO NOTHING RETURNING id, status
         )
         SELECT id, status, true AS fresh FROM email
         UNION ALL
         SELECT id, status, false AS fresh FROM sent_reminder
          WHERE task_id = $1 AND kind = $2 AND "offset" = $3 AND due_at = $4 AND recipient_user_id = $5 AND channel = 'email'
            AND NOT EXISTS (SELECT 1 FROM email)`,
        [
          task.id,
          planned.kind,
          planned.offset,
          planned.dueAt,
          person.id,
          this.clock.now(),
          message.notice.slice(0, 500),
          toDigest ? 'digest' : 'pending',
          ReminderOutbox.CLAIM_MS,
        ],
      );
      if (!email) continue;
      if (email.status === 'digest') {
        digest += 1;
        continue;
      }
      if (email.status !== 'pending') continue; // sent (or refused) by another worker or an earlier attempt
      const delivery = await this.outbox.deliver('sent_reminder', email.id, {
        to: person.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: this.outbox.messageId('reminder', email.id),
      }, { claimed: email.fresh });
      if (delivery === 'sent') sent += 1;
      if (delivery === 'failed') failed += 1;
    }
    return { sent, failed, digest, recipients: recipients.size };
  }
}

export { isPermanentRejection } from './reminder-outbox';
