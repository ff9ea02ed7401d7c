import { Injectable } from '@nestjs/common';
import { daysLate, REMINDED_STATES, stockholmInstant } from '@rapportflode/domain';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config.service';
import { JobName, JobPayloads } from '../../queue/queue.constants';
import { NotificationsService } from '../notifications/notifications.service';
import { TaskDirectory } from '../tasks/task-directory';
import { manualReminderMessage } from './reminder-mail';
import { ReminderOutbox } from './reminder-outbox';
import { RemindersRepository } from './reminders.repository';

type ManualPayload = JobPayloads[JobName.ManualReminder];

export type ManualReminderOutcome =
  | { sent: number; failed: number; recipients: number }
  | { skipped: 'task_gone' | 'not_needed' | 'no_recipients' };

/**
 * "Skicka påminnelse nu": the task's writers (who hold the pen now) get a mail at once and an
 * in-app notice, whatever their reminder choice (a secretary asked for it now, not for the
 * morning's digest). Each goes through the reminders' outbox (sent_reminder, kind `manual`,
 * offset 0, due instant the start of the Stockholm day it was asked for): the unique key sends
 * it once per person and day, however often the job runs. A task handed in meanwhile gets nothing.
 */
@Injectable()
export class ManualReminders {
  constructor(
    private readonly repository: RemindersRepository,
    private readonly tasks: TaskDirectory,
    private readonly notifications: NotificationsService,
    private readonly outbox: ReminderOutbox,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async send(data: ManualPayload): Promise<ManualReminderOutcome> {
    const task = await this.tasks.facts(data.taskId);
    if (!task) return { skipped: 'task_gone' };
    if (!REMINDED_STATES.includes(task.state)) return { skipped: 'not_needed' };
    const [writers, actor] = await Promise.all([this.tasks.writers(task.id), this.repository.person(data.actorId)]);
    if (writers.length === 0) return { skipped: 'no_recipients' };

    const dueAt = stockholmInstant(data.day, 0);
    let sent = 0;
    let failed = 0;
    for (const person of writers) {
      const message = manualReminderMessage({
        taskId: task.id,
        sectionNumber: task.section_number,
        sectionTitle: task.section_title,
        unitName: task.unit_name,
        cycleTitle: task.cycle_title,
        committeeName: task.committee_name,
        deadline: task.deadline,
        daysLate: daysLate(task, data.day),
        actorName: actor?.name ?? 'Nämndens sekreterare',
        actorEmail: actor?.email ?? null,
        recipientName: person.name,
        publicUrl: this.config.get('PUBLIC_URL'),
      });
      const key = { taskId: task.id, kind: 'manual' as const, offset: 0, dueAt, personId: person.id };
      const now = this.clock.now();
      const email = await this.repository.transaction(async (manager) => {
        if (await this.repository.insertInApp(manager, key, now)) {
          await this.notifications.notify(manager, [person.id], data.actorId, 'reminder', message.notice, task.id);
        }
        return this.repository.emailRow(manager, key, now, 'pending', ReminderOutbox.CLAIM_MS);
      });
      if (!email || email.status !== 'pending') continue; // sent (or refused) by an earlier attempt
      const delivery = await this.outbox.deliver(
        'sent_reminder',
        email.id,
        { to: person.email, subject: message.subject, text: message.text, html: message.html, messageId: this.outbox.messageId('reminder', email.id) },
        { claimed: email.fresh },
      );
      if (delivery === 'sent') sent += 1;
      if (delivery === 'failed') failed += 1;
    }
    return { sent, failed, recipients: writers.length };
  }
}
