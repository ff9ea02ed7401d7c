import { Injectable, Logger } from '@nestjs/common';
import { PlannedReminder, REMINDED_STATES, workingDaysBetween } from '@rapportflode/domain';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config.service';
import { JobName, JobPayloads } from '../../queue/queue.constants';
import { NotificationsService } from '../notifications/notifications.service';
import { TaskDirectory, TaskFacts, TaskPerson } from '../tasks/task-directory';
import { ReminderFacts, reminderMessage } from './reminder-mail';
import { ReminderOutbox } from './reminder-outbox';
import { planOf } from './reminder-scheduler.service';
import { RemindersRepository } from './reminders.repository';

type ReminderPayload = JobPayloads[JobName.Reminder];

export type ReminderOutcome =
  | { sent: number; failed: number; digest: number; recipients: number }
  | { skipped: 'task_gone' | 'not_planned' | 'no_recipients' };

/** What one reminder's texts say: the task as it stands, the planned reminder, and who it is for. */
export function reminderFacts(
  task: TaskFacts,
  planned: Pick<PlannedReminder, 'kind' | 'offset' | 'dueDate'>,
  person: Pick<TaskPerson, 'id' | 'name'>,
  secretaries: readonly TaskPerson[],
  publicUrl: string,
): ReminderFacts {
  return {
    kind: planned.kind,
    // Late: how late the task is on the day (a deadline moved into the past counts its late reminders from the move).
    offset: planned.kind === 'late' ? workingDaysBetween(task.deadline, planned.dueDate) : planned.offset,
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
 * instant, person and channel), written in one transaction with the in-app notification. A row
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
    private readonly repository: RemindersRepository,
    private readonly tasks: TaskDirectory,
    private readonly notifications: NotificationsService,
    private readonly outbox: ReminderOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async send(jobId: string, data: ReminderPayload): Promise<ReminderOutcome> {
    const task = await this.tasks.facts(data.taskId);
    if (!task) return { skipped: 'task_gone' };
    // The plan as the task stands now (without dropping the past: this one is due now).
    const planned = planOf(task).find((p) => p.jobId === jobId);
    if (!planned || (data.kind !== 'review_nudge' && !REMINDED_STATES.includes(task.state))) return { skipped: 'not_planned' };

    const none = Promise.resolve([] as TaskPerson[]);
    const [secretaries, writers, reviewers] = await Promise.all([
      this.tasks.secretaries(task.id),
      planned.recipients !== 'reviewer' ? this.tasks.writers(task.id) : none,
      planned.recipients !== 'writer' ? this.tasks.reviewers(task.id) : none,
    ]);
    const recipients = new Map<string, TaskPerson>();
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
      // Step 1 in one transaction: the in-app row and its notification, and the e-mail row — a
      // new one claimed at once by this attempt (or, for a digest person, left `digest` for the
      // morning's digest) — or the e-mail row already there.
      const key = { taskId: task.id, kind: planned.kind, offset: planned.offset, dueAt: planned.dueAt, personId: person.id };
      const now = this.clock.now();
      const email = await this.repository.transaction(async (manager) => {
        if (await this.repository.insertInApp(manager, key, now)) {
          await this.notifications.notify(manager, [person.id], null, 'reminder', message.notice, task.id);
        }
        return this.repository.emailRow(manager, key, now, toDigest ? 'digest' : 'pending', ReminderOutbox.CLAIM_MS);
      });
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
