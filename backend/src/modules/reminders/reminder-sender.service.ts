import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REMINDED_STATES } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config.service';
import { JobName, JobPayloads } from '../../queue/queue.constants';
import { MailService, OutgoingMail } from '../mail/mail.service';
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
  | { sent: number; failed: number; recipients: number }
  | { skipped: 'task_gone' | 'not_planned' | 'no_recipients' };

/** How one e-mail row ended in this attempt. */
type Delivery = 'sent' | 'failed' | 'done_before';

/**
 * A refusal that no retry will change: the SMTP server answered 5xx to the recipient or to the
 * message itself (a bounce at SMTP: unknown mailbox, refused recipient, rejected content). A 5xx
 * to anything else (authentication, the sender address) is our configuration, not this person's
 * address, and is retried like a 4xx, a refused connection or a timeout, and then kept as a
 * failed job for the administrator.
 */
export function isPermanentRejection(error: unknown): boolean {
  const { responseCode, command, code } = (error ?? {}) as { responseCode?: number; command?: string; code?: string };
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode > 599) return false;
  return /^(RCPT|DATA)/i.test(command ?? '') || code === 'EENVELOPE' || code === 'EMESSAGE';
}

/** What the server said (its reply line when there is one), for the row's error column. */
function smtpError(error: unknown): string {
  const { response, message } = (error ?? {}) as { response?: string; message?: string };
  return String(response ?? message ?? error).slice(0, 1000);
}

/**
 * Sends one reminder, re-deciding everything from the database: the task's state and deadline
 * now (nothing if it was submitted or its deadline moved: the job's id is then no longer in the
 * task's plan), and the people who hold the roles now.
 *
 * Each mail goes through an outbox row in sent_reminder (unique per task, kind, offset, due
 * instant, person and channel):
 * 1. In one transaction with the in-app notification (its own row, `sent` at once), the e-mail
 *    row is inserted `pending` ON CONFLICT DO NOTHING. A row already there is the same mail from
 *    another worker or an earlier attempt: `sent` or `failed` means nothing more to do; `pending`
 *    means not finished, and this attempt continues it.
 * 2. The attempt claims the pending row with a short lease (claimed_until, renewed while it
 *    sends). A live claim by another attempt is waited for (it ends `sent`, `failed`, or gives the
 *    row back); a lapsed one is taken over: that attempt died (a killed worker, whose BullMQ job
 *    the stalled-job check hands to another worker).
 * 3. The mail is sent with a Message-ID built from the row id, so every attempt of the same mail
 *    carries the same id.
 * 4. The server's 250 marks the row `sent`. A permanent refusal (5xx to RCPT or DATA: a bounce
 *    at SMTP) marks it `failed` with the server's answer and does not throw: retrying cannot
 *    help, and the row says why. Anything else (connection refused, a timeout, 4xx) leaves it
 *    `pending` with the error, gives the claim back and rethrows, so BullMQ retries with backoff.
 *
 * No loss: a mail is only ever recorded `sent` after the server accepted it, and a pending row is
 * always finished by a later attempt (the retry, the stalled-job re-run, or the failed job retried
 * from the admin page). Duplicates: one narrow window is left. If the process dies (or loses the
 * database) after the SMTP server answered 250 and before the `sent` update committed, the row is
 * still pending and the next attempt sends the mail again. SMTP has no way to make a delivery and
 * a database write one atomic step; the shared Message-ID lets mail clients that de-duplicate
 * by it show that second copy once. A claim that lapses while its attempt is still alive (a
 * process frozen for longer than CLAIM_MS) could also let two attempts send; the lease is renewed
 * every CLAIM_MS / 3 while a send runs, so only a stall of the whole process can do that.
 */
@Injectable()
export class ReminderSender {
  /** How long a claim on a pending mail lasts without renewal: how soon a dead attempt's mail is taken over. */
  static CLAIM_MS = 6_000;

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
    let failed = 0;
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
      const email = await this.dataSource.transaction(async (manager) => {
        const key = [task.id, planned.kind, planned.offset, planned.dueAt, person.id];
        const [inApp]: Array<{ id: string }> = await manager.query(
          `INSERT INTO sent_reminder (task_id, kind, "offset", due_at, recipient_user_id, channel, status, sent_at)
           VALUES ($1, $2, $3, $4, $5, 'in_app', 'sent', $6) ON CONFLICT DO NOTHING RETURNING id`,
          [...key, this.clock.now()],
        );
        if (inApp) {
          await manager.query(`INSERT INTO notification (user_id, kind, text, task_id) VALUES ($1, 'reminder', $2, $3)`, [
            person.id,
            message.notice.slice(0, 500),
            task.id,
          ]);
        }
        await manager.query(
          `INSERT INTO sent_reminder (task_id, kind, "offset", due_at, recipient_user_id, channel, status, sent_at)
           VALUES ($1, $2, $3, $4, $5, 'email', 'pending', $6) ON CONFLICT DO NOTHING`,
          [...key, this.clock.now()],
        );
        const [row]: Array<{ id: string; status: string }> = await manager.query(
          `SELECT id, status FROM sent_reminder
            WHERE task_id = $1 AND kind = $2 AND "offset" = $3 AND due_at = $4 AND recipient_user_id = $5 AND channel = 'email'`,
          key,
        );
        return row;
      });
      if (!email || email.status !== 'pending') continue; // sent (or refused) by another worker or an earlier attempt
      const delivery = await this.deliver(email.id, {
        to: person.email,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: this.messageId(email.id),
      });
      if (delivery === 'sent') sent += 1;
      if (delivery === 'failed') failed += 1;
    }
    return { sent, failed, recipients: recipients.size };
  }

  /** The same Message-ID for every attempt of one mail: the outbox row's id, at MAIL_FROM's domain. */
  messageId(rowId: string): string {
    const domain = /@([^\s>]+)>?\s*$/.exec(this.config.get('MAIL_FROM'))?.[1] ?? 'rapportflode.localhost';
    return `<reminder.${rowId}@${domain}>`;
  }

  /** Steps 2–4 of the class comment for one pending e-mail row. */
  private async deliver(rowId: string, mail: OutgoingMail): Promise<Delivery> {
    const waitUntil = Date.now() + 4 * ReminderSender.CLAIM_MS;
    for (;;) {
      // (WITH … SELECT: TypeORM returns an UPDATE's rows wrapped with its count; a SELECT's as they are.)
      const [claimed]: Array<{ attempts: number }> = await this.dataSource.query(
        `WITH claimed AS (
           UPDATE sent_reminder SET claimed_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
            WHERE id = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
           RETURNING attempts)
         SELECT attempts FROM claimed`,
        [rowId, ReminderSender.CLAIM_MS],
      );
      if (claimed) break;
      const [row]: Array<{ status: string; wait_ms: number }> = await this.dataSource.query(
        `SELECT status, GREATEST(0, EXTRACT(EPOCH FROM claimed_until - now()) * 1000)::int AS wait_ms FROM sent_reminder WHERE id = $1`,
        [rowId],
      );
      if (!row || row.status !== 'pending') return 'done_before';
      if (Date.now() > waitUntil) throw new Error(`Reminder mail ${rowId} is still being sent by another attempt`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(20, row.wait_ms))));
    }

    const renew = setInterval(() => {
      this.dataSource
        .query(`UPDATE sent_reminder SET claimed_until = now() + $2 * interval '1 millisecond' WHERE id = $1 AND status = 'pending'`, [
          rowId,
          ReminderSender.CLAIM_MS,
        ])
        .catch((error: Error) => this.logger.warn(`Could not renew the claim on reminder mail ${rowId}: ${error.message}`));
    }, ReminderSender.CLAIM_MS / 3);
    renew.unref();
    try {
      await this.mail.send(mail);
    } catch (error) {
      clearInterval(renew);
      const permanent = isPermanentRejection(error);
      await this.dataSource.query(
        `UPDATE sent_reminder SET status = $2, error = $3, claimed_until = NULL WHERE id = $1 AND status = 'pending'`,
        [rowId, permanent ? 'failed' : 'pending', smtpError(error)],
      );
      if (!permanent) throw error;
      this.logger.warn(`Reminder mail to ${mail.to} refused by the SMTP server, not retried: ${smtpError(error)}`);
      return 'failed';
    }
    clearInterval(renew);
    // The mail is out: record it, trying a little harder than once (a row left pending here is
    // the one window in which the mail would be sent again).
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.query(
          `UPDATE sent_reminder SET status = 'sent', sent_at = $2, error = NULL, claimed_until = NULL WHERE id = $1`,
          [rowId, this.clock.now()],
        );
        return 'sent';
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }
}
