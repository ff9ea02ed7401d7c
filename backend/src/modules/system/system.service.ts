import { Injectable, Logger } from '@nestjs/common';
import { buildJobId, JobName } from '../../queue/queue.constants';
import { QueueService } from '../../queue/queue.service';
import { SystemRepository } from './system.repository';

@Injectable()
export class SystemService {
  private readonly logger = new Logger('System');

  constructor(
    private readonly queues: QueueService,
    private readonly repository: SystemRepository,
  ) {}

  /** Enqueues a delayed queue check; the id is built from the minute, so a burst of start-ups adds one. */
  async scheduleQueueCheck(now = new Date(), delayMs = 2_000): Promise<string> {
    const jobId = buildJobId('queue-check', now.toISOString().slice(0, 16));
    await this.queues.enqueue(JobName.QueueCheck, { requestedAt: now.toISOString() }, { jobId, delayMs });
    return jobId;
  }

  /**
   * Records that a job was carried out. Returns false when it already was: a job delivered twice
   * (a retry after a crash, a second worker, the same id enqueued after removal) does nothing again.
   */
  async recordExecution(jobId: string, queue: string, name: string, attempt: number): Promise<boolean> {
    const inserted = await this.repository.insertExecution(jobId, queue, name, attempt);
    if (!inserted) this.logger.warn(`Job ${jobId} was already carried out; skipped`);
    return inserted;
  }
}
