import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from '../../../queue/queue.constants';
import { PasswordResetOutcome, PasswordResetService } from '../../auth/password-reset.service';
import { SystemService } from '../system.service';

export type QueueCheckResult = { carriedOut: boolean };

/** The worker side of the system queue; registered only in processes that run the worker. */
@Processor(QueueName.System)
export class SystemJobsProcessor extends WorkerHost {
  private readonly logger = new Logger('SystemJobs');

  constructor(
    private readonly system: SystemService,
    private readonly passwordResets: PasswordResetService,
  ) {
    super();
  }

  async process(job: Job): Promise<QueueCheckResult | PasswordResetOutcome> {
    switch (job.name as JobName) {
      case JobName.QueueCheck:
        return this.queueCheck(job as Job<JobPayloads[JobName.QueueCheck]>);
      case JobName.PasswordReset:
        return this.passwordResets.deliver((job as Job<JobPayloads[JobName.PasswordReset]>).data);
      default:
        throw new Error(`No handler for job ${job.name} on queue ${QueueName.System}`);
    }
  }

  private async queueCheck(job: Job<JobPayloads[JobName.QueueCheck]>): Promise<QueueCheckResult> {
    const carriedOut = await this.system.recordExecution(
      job.id ?? 'unknown',
      QueueName.System,
      job.name,
      job.attemptsMade + 1,
    );
    if (carriedOut) {
      const waitedMs = Date.now() - new Date(job.data.requestedAt).getTime();
      this.logger.log(`Queue check ${job.id} carried out ${waitedMs} ms after it was requested`);
    }
    return { carriedOut };
  }
}
