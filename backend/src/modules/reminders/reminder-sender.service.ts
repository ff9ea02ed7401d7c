import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REMINDED_STATES } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config.service';
import { JobName, JobPayloads } from '../../queue/queue.constants';
import { MailService } from '../mail/mail.service';
import {
  REVIEWER_ROLES,
  TASK_REVIEWERS_SQL,
  TASK_SECRETARIES_SQL,
  TASK_WRITERS_SQL,
  WRITER_ROLES,
} from '../cycles/task.queries';
import { reminderMessage } from './reminder-mail';
import { PLAN_COLUMNS, PlanRow, planOf } from './reminder-scheduler.service';

type ReminderPayload = JobPayloads[JobName.Reminder];

interface Person {
  id: string;
  name: string;
  email: string;
}

interface TaskFacts extends PlanRow {
  section_number: string;
  section_title: string;
  unit_name: string | null;
  cycle_title: string;
  committee_name: string;
}

export type ReminderOutcome =
  | { sent: number; recipients: number }
  | { skipped: 'task_gone' | 'not_planned' | 'no_recipients' };

/**
 * Sends one reminder, re-deciding everything from the database: the task's state and deadline
 * now (nothing if it was submitted or its deadline moved: the job's id is then no longer in the
 * task's plan), and the people who hold the roles now.
 *
 * Exactly once per person and channel, as far as the log can make it: for each recipient the
 * sent_reminder rows (in-app and e-mail) are inserted ON CONFLICT DO NOTHING, in one transaction
 * with the in-app notification; only the worker whose insert returned a row sends. A failed send
 * deletes its e-mail row and rethrows, so BullMQ's retry (with backoff) sends it then.
 *
 * The remaining window is at-most-once, not exactly-once: a worker killed after its insert
 * committed and before the SMTP server accepted the mail leaves a row without a mail, and that
 * mail is not sent again. The opposite order (send, then record) would instead risk duplicates;
 * a person missing one of several reminders is the smaller harm.
 */
@Injectable()
export class ReminderSender {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async send(jobId: string, data: ReminderPayload): Promise<ReminderOutcome> {
    const [task]: TaskFacts[] = await this.dataSource.query(
      `SELECT ${PLAN_COLUMNS}, s.number AS section_number, s.title AS section_title, u.name AS unit_name,
              c.title AS cycle_title, m.name || ', ' || m.municipality AS committee_name
         FROM task t JOIN report_cycle c ON c.id = t.cycle_id JOIN committee m ON m.id = c.committee_id
         JOIN cycle_section s ON s.id = t.section_id LEFT JOIN organisation_unit u ON u.id = t.unit_id
        WHERE t.id = $1`,
      [data.taskId],
    );
    if (!task) return { skipped: 'task_gone' };
    // The plan as the task stands now (without dropping the past: this one is due now).
    const planned = planOf(task).find((p) => p.jobId === jobId);
    if (!planned || (data.kind !== 'review_nudge' && !REMINDED_STATES.includes(task.state))) return { skipped: 'not_planned' };

    const people = async (sql: string, roles: readonly string[]): Promise<Person[]> => this.dataSource.query(sql, [task.id, roles]);
    const recipients = new Map<string, Person>();
    const secretaries = await people(TASK_SECRETARIES_SQL, ['secretary']);
    if (planned.recipients !== 'reviewer') for (const p of await people(TASK_WRITERS_SQL, WRITER_ROLES)) recipients.set(p.id, p);
    if (planned.recipients !== 'writer') for (const p of await people(TASK_REVIEWERS_SQL, REVIEWER_ROLES)) recipients.set(p.id, p);
    if (planned.recipients === 'writer+reviewer+secretary') for (const p of secretaries) recipients.set(p.id, p);
    if (recipients.size === 0) {
      this.logger.warn(`Reminder ${jobId}: nobody holds the roles it goes to`);
      return { skipped: 'no_recipients' };
    }

    let sent = 0;
    for (const person of recipients.values()) {
      const message = reminderMessage({
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
        publicUrl: this.config.get('PUBLIC_URL'),
      });
      const emailRowId = await this.dataSource.transaction(async (manager) => {
        const insert = (channel: 'email' | 'in_app'): Promise<Array<{ id: string }>> =>
          manager.query(
            `INSERT INTO sent_reminder (task_id, kind, "offset", due_at, recipient_user_id, channel, sent_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
            [task.id, planned.kind, planned.offset, planned.dueAt, person.id, channel, this.clock.now()],
          );
        const [inApp] = await insert('in_app');
        if (inApp) {
          await manager.query(`INSERT INTO notification (user_id, kind, text, task_id) VALUES ($1, 'reminder', $2, $3)`, [
            person.id,
            message.notice.slice(0, 500),
            task.id,
          ]);
        }
        const [email] = await insert('email');
        return email?.id ?? null;
      });
      if (!emailRowId) continue; // another worker, or an earlier attempt, sent it
      try {
        await this.mail.send({ to: person.email, subject: message.subject, text: message.text, html: message.html });
        sent += 1;
      } catch (error) {
        // Not sent: forget the row so the retry sends it (the in-app notification stays, once).
        await this.dataSource.query('DELETE FROM sent_reminder WHERE id = $1', [emailRowId]);
        throw error;
      }
    }
    return { sent, recipients: recipients.size };
  }
}
