import { Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';
import { Clock } from '../../common/clock';
import { JobName, JobPayloads, QueueName } from '../../queue/queue.constants';
import { DigestOutcome, ReminderDigests } from './reminder-digest.service';
import { ReminderOutcome, ReminderSender } from './reminder-sender.service';
import { ReconcileAttempt, ReminderReconciliation } from './reminder-reconciliation';
import { ReminderScheduler } from './reminder-scheduler.service';
import { reminderWorkerTimings } from './reminder-worker-options';
import { ReturnMailOutcome, ReturnMails } from './return-mail.service';
import { ManualReminderOutcome, ManualReminders } from './manual-reminder.service';

export type TooEarly = { tooEarly: true };

/** The worker side of the reminders queue; registered only in processes that run the worker. */
@Processor(QueueName.Reminders, { concurrency: 20, ...reminderWorkerTimings() })
export class RemindersProcessor extends WorkerHost {
  constructor(
    private readonly sender: ReminderSender,
    private readonly digests: ReminderDigests,
    private readonly scheduler: ReminderScheduler,
    private readonly reconciliation: ReminderReconciliation,
    private readonly clock: Clock,
    private readonly returns: ReturnMails,
    private readonly manual: ManualReminders,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<ReminderOutcome | ReconcileAttempt | null | DigestOutcome | ReturnMailOutcome | ManualReminderOutcome> {
    switch (job.name as JobName) {
      case JobName.Reminder: {
        const data = job.data as JobPayloads[JobName.Reminder];
        // A job that runs before its instant by this process's clock waits for it (a clock
        // that differs between processes, a job added without its delay).
        const early = Date.parse(data.dueAt) - this.clock.now().getTime();
        if (early > 0) {
          await job.moveToDelayed(Date.now() + early, token);
          throw new DelayedError();
        }
        return this.sender.send(job.id ?? '', data);
      }
      case JobName.ReminderReconcile:
        // Left by the repeatable job of earlier versions (removed at start-up): the same locked run as every trigger.
        await this.reconciliation.request('job');
        return this.reconciliation.attempts.at(-1) ?? null;
      case JobName.ReminderDigest: {
        const { dueAt } = job.data as JobPayloads[JobName.ReminderDigest];
        const early = Date.parse(dueAt) - this.clock.now().getTime();
        if (early > 0) {
          await job.moveToDelayed(Date.now() + early, token);
          throw new DelayedError();
        }
        const outcome = await this.digests.run(dueAt);
        await this.scheduler.scheduleDigest();
        return outcome;
      }
      case JobName.ReturnMail:
        return this.returns.send(job.data as JobPayloads[JobName.ReturnMail]);
      case JobName.ManualReminder:
        return this.manual.send(job.data as JobPayloads[JobName.ManualReminder]);
      default:
        throw new Error(`No handler for job ${job.name} on queue ${QueueName.Reminders}`);
    }
  }
}
