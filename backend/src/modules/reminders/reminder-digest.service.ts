import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REMINDED_STATES, reminderJobId, ReminderKind } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config.service';
import { TASK_SECRETARIES_SQL } from '../tasks/task.queries';
import { DigestItem, digestMessage, reminderMessage } from './reminder-mail';
import { ReminderOutbox } from './reminder-outbox';
import { planOf } from './reminder-scheduler.service';
import { Person, reminderFacts, TASK_FACTS_SQL, TaskFacts } from './reminder-sender.service';

export interface DigestOutcome {
  people: number;
  sent: number;
  failed: number;
  cancelled: number;
}

interface Waiting {
  id: string;
  task_id: string;
  kind: ReminderKind;
  offset: number;
  due_at: Date;
  recipient_user_id: string;
}

/**
 * The daily digest (a person's reminder_delivery = daily_digest): at 08.15 on working days
 * (DIGEST_TIME), one mail per person with every reminder the sender left `digest` for them.
 *
 * A run at one instant is one job (id digestJobId(dueAt)), for everybody. Per person it writes one
 * reminder_digest row (unique per person and instant), claims it, gathers the person's waiting
 * reminders into it, and sends it through ReminderOutbox, which marks the digest and the reminders
 * it carries `sent` (or `failed`) together. A retry, a second worker or a re-run after a crash finds
 * the row and finishes or skips it: one digest per person and instant, as for single reminders.
 * Before gathering, a waiting reminder whose task no longer needs it (submitted, approved, deadline
 * moved: its id is no longer in the task's plan) is `cancelled`, and one for a person no longer
 * active likewise: a digest never tells anybody to do what is already done.
 */
@Injectable()
export class ReminderDigests {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: ReminderOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** The run at `dueAt`: cancels what is no longer needed, then one mail per person. */
  async run(dueAt: string): Promise<DigestOutcome> {
    const cancelled = await this.cancelUnneeded();
    const people: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT recipient_user_id AS id FROM sent_reminder WHERE status = 'digest' AND digest_id IS NULL
       UNION SELECT recipient_user_id FROM reminder_digest WHERE due_at = $1 AND status = 'pending'`,
      [dueAt],
    );
    let sent = 0;
    let failed = 0;
    let error: unknown = null;
    for (const { id } of people) {
      try {
        const delivery = await this.sendOne(id, dueAt);
        if (delivery === 'sent') sent += 1;
        if (delivery === 'failed') failed += 1;
      } catch (e) {
        // The others still get theirs; the job fails afterwards and its retry finishes this one.
        error = e;
        this.logger.warn(`Digest for ${id} at ${dueAt} not sent now: ${(e as Error).message}`);
      }
    }
    if (error) throw error;
    return { people: people.length, sent, failed, cancelled };
  }

  /** Marks `cancelled` the waiting reminders nobody should get any more. */
  private async cancelUnneeded(): Promise<number> {
    const waiting: Waiting[] = await this.dataSource.query(
      `SELECT sr.id, sr.task_id, sr.kind, sr."offset", sr.due_at, sr.recipient_user_id
         FROM sent_reminder sr WHERE sr.status = 'digest' AND sr.digest_id IS NULL`,
    );
    if (waiting.length === 0) return 0;
    const tasks: TaskFacts[] = await this.dataSource.query(`${TASK_FACTS_SQL} WHERE t.id = ANY($1::uuid[])`, [
      [...new Set(waiting.map((w) => w.task_id))],
    ]);
    const plans = new Map(tasks.map((task) => [task.id, { task, ids: new Set(planOf(task).map((p) => p.jobId)) }]));
    const active = new Set(
      (
        (await this.dataSource.query(`SELECT id FROM app_user WHERE active AND id = ANY($1::uuid[])`, [
          [...new Set(waiting.map((w) => w.recipient_user_id))],
        ])) as Array<{ id: string }>
      ).map((row) => row.id),
    );
    const unneeded = waiting.filter((w) => {
      const plan = plans.get(w.task_id);
      if (!plan || !active.has(w.recipient_user_id)) return true;
      if (!plan.ids.has(reminderJobId(w.task_id, w.kind, w.offset, w.due_at.toISOString()))) return true;
      return w.kind === 'review_nudge' ? plan.task.state !== 'submitted' : !REMINDED_STATES.includes(plan.task.state);
    });
    if (unneeded.length === 0) return 0;
    const result: Array<{ id: string }> = await this.dataSource.query(
      `WITH cancelled AS (
         UPDATE sent_reminder SET status = 'cancelled' WHERE id = ANY($1::uuid[]) AND status = 'digest' AND digest_id IS NULL RETURNING id)
       SELECT id FROM cancelled`,
      [unneeded.map((w) => w.id)],
    );
    return result.length;
  }

  private async sendOne(personId: string, dueAt: string): Promise<'sent' | 'failed' | 'done_before' | 'empty'> {
    // The person's digest row of this instant, claimed by this attempt (or skipped: finished, or
    // being sent by a live attempt elsewhere, which the outbox waits for).
    const [digest]: Array<{ id: string; status: string }> = await this.dataSource.query(
      `WITH fresh AS (
         INSERT INTO reminder_digest (recipient_user_id, due_at, claimed_until, attempts)
         VALUES ($1, $2, now() + $3 * interval '1 millisecond', 1) ON CONFLICT DO NOTHING RETURNING id, status
       )
       SELECT id, status, true AS fresh FROM fresh
       UNION ALL
       SELECT id, status, false FROM reminder_digest WHERE recipient_user_id = $1 AND due_at = $2 AND NOT EXISTS (SELECT 1 FROM fresh)`,
      [personId, dueAt, ReminderOutbox.CLAIM_MS],
    );
    if (!digest || digest.status !== 'pending') return 'done_before';
    const fresh = (digest as { fresh?: boolean }).fresh === true;
    if (!fresh && !(await this.outbox.claim('reminder_digest', digest.id))) return 'done_before';

    // Gather under the claim, so that what is marked sent is what this mail lists.
    await this.dataSource.query(
      `UPDATE sent_reminder SET digest_id = $2 WHERE recipient_user_id = $1 AND status = 'digest' AND digest_id IS NULL`,
      [personId, digest.id],
    );
    const items: Array<Waiting> = await this.dataSource.query(
      `SELECT id, task_id, kind, "offset", due_at, recipient_user_id FROM sent_reminder
        WHERE digest_id = $1 AND status = 'digest' ORDER BY due_at, id`,
      [digest.id],
    );
    const [person]: Array<Person> = await this.dataSource.query(
      `SELECT id, name, email, reminder_delivery AS delivery FROM app_user WHERE id = $1`,
      [personId],
    );
    if (items.length === 0 || !person) {
      // Everything it would have carried was cancelled: no mail, and no row saying one went out.
      await this.dataSource.query(`DELETE FROM reminder_digest WHERE id = $1 AND status = 'pending'`, [digest.id]);
      return 'empty';
    }

    const tasks = new Map(
      ((await this.dataSource.query(`${TASK_FACTS_SQL} WHERE t.id = ANY($1::uuid[])`, [[...new Set(items.map((i) => i.task_id))]])) as TaskFacts[]).map(
        (task) => [task.id, task],
      ),
    );
    const contacts = new Map<string, Person>();
    const publicUrl = this.config.get('PUBLIC_URL');
    const lines: DigestItem[] = [];
    for (const item of items) {
      const task = tasks.get(item.task_id);
      if (!task) continue;
      const secretaries: Person[] = await this.dataSource.query(TASK_SECRETARIES_SQL, [task.id, ['secretary']]);
      for (const s of secretaries) if (s.id !== personId && contacts.size < 2) contacts.set(s.id, s);
      const dueAtIso = item.due_at.toISOString();
      const planned = planOf(task).find((p) => p.kind === item.kind && p.offset === item.offset && p.dueAt === dueAtIso);
      if (!planned) continue;
      const message = reminderMessage(reminderFacts(task, planned, person, secretaries, publicUrl));
      lines.push({ lead: message.lead, taskId: task.id, cycleTitle: task.cycle_title, committeeName: task.committee_name });
    }
    const listed = new Set(lines.map((line) => line.taskId));
    const unlisted = items.filter((item) => !listed.has(item.task_id)).map((item) => item.id);
    if (unlisted.length > 0) {
      await this.dataSource.query(`UPDATE sent_reminder SET status = 'cancelled' WHERE id = ANY($1::uuid[]) AND status = 'digest'`, [unlisted]);
    }
    if (lines.length === 0) {
      await this.dataSource.query(`DELETE FROM reminder_digest WHERE id = $1 AND status = 'pending'`, [digest.id]);
      return 'empty';
    }
    const mail = digestMessage({ recipientName: person.name, items: lines, contacts: [...contacts.values()], publicUrl });
    return this.outbox.deliver(
      'reminder_digest',
      digest.id,
      { to: person.email, subject: mail.subject, text: mail.text, html: mail.html, messageId: this.outbox.messageId('digest', digest.id) },
      { claimed: true },
    );
  }
}
