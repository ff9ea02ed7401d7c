import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { Clock } from '../../common/clock';
import { AppConfig } from '../../config/app-config.service';
import { JobName, JobPayloads, QueueName } from '../../queue/queue.constants';
import { QueueService } from '../../queue/queue.service';
import { DigestOutcome, ReminderDigests } from './reminder-digest.service';
import { ReminderOutcome, ReminderSender } from './reminder-sender.service';
import { ReconcileResult, ReminderScheduler } from './reminder-scheduler.service';
import { reminderWorkerTimings } from './reminder-worker-options';

export type TooEarly = { tooEarly: true };

/** The worker side of the reminders queue; registered only in processes that run the worker. */
@Processor(QueueName.Reminders, { concurrency: 20, ...reminderWorkerTimings() })
export class RemindersProcessor extends WorkerHost {
  constructor(
    private readonly sender: ReminderSender,
    private readonly digests: ReminderDigests,
    private readonly scheduler: ReminderScheduler,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<ReminderOutcome | ReconcileResult | DigestOutcome> {
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
        return this.scheduler.reconcile();
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
      default:
        throw new Error(`No handler for job ${job.name} on queue ${QueueName.Reminders}`);
    }
  }
}

/** At worker start-up: reconcile once, and keep a repeatable reconciliation (REMINDER_RECONCILE_MINUTES). */
@Injectable()
export class ReminderReconciliation implements OnApplicationBootstrap {
  static readonly SCHEDULER_ID = 'reminders-reconcile';
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
  ) {}

  /** Not awaited: a worker whose Redis is away still starts, and reconciles when it answers. */
  onApplicationBootstrap(): void {
    void this.start().catch((error: Error) => this.logger.warn(`Start-up reconciliation of reminders failed: ${error.message}`));
  }

  private async start(): Promise<void> {
    const queue = this.queues.queue(QueueName.Reminders);
    const minutes = this.config.get('REMINDER_RECONCILE_MINUTES');
    if (minutes > 0) {
      await queue.upsertJobScheduler(ReminderReconciliation.SCHEDULER_ID, { every: minutes * 60_000 }, { name: JobName.ReminderReconcile, data: {} });
    } else {
      await queue.removeJobScheduler(ReminderReconciliation.SCHEDULER_ID);
    }
    await this.scheduler.reconcile();
  }
}
