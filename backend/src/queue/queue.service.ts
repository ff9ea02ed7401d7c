import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads, QueueName } from './queue.constants';

export interface EnqueueOptions {
  /** Deterministic, built from the data with buildJobId (e.g. `reminder|<taskId>|<kind>|<due>`): enqueuing twice is a no-op. */
  jobId: string;
  delayMs?: number;
}

/** The one place that adds jobs to BullMQ. */
@Injectable()
export class QueueService {
  private readonly logger = new Logger('Queue');
  private readonly queues: Record<QueueName, Queue>;
  private redisDown = false;

  constructor(
    @InjectQueue(QueueName.System) systemQueue: Queue,
    @InjectQueue(QueueName.Reminders) remindersQueue: Queue,
    @InjectQueue(QueueName.Meetings) meetingsQueue: Queue,
  ) {
    this.queues = { [QueueName.System]: systemQueue, [QueueName.Reminders]: remindersQueue, [QueueName.Meetings]: meetingsQueue };
    // Watched from creation: BullMQ retries forever, and without a listener every attempt is printed.
    for (const queue of this.allQueues()) {
      queue.on('error', (error: Error) => this.reportRedisError(error));
    }
  }

  /** One log line per Redis outage, not one per reconnect attempt. */
  reportRedisError(error: Error): void {
    if (this.redisDown) return;
    this.redisDown = true;
    this.logger.error(`Redis is unreachable (${error.message}); queued work waits until it answers again`);
  }

  reportRedisReady(): void {
    if (!this.redisDown) return;
    this.redisDown = false;
    this.logger.log('Redis answers again');
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<Job> {
    if (!options.jobId || /^\d+$/.test(options.jobId) || options.jobId.includes(':')) {
      throw new Error(`Job id "${options.jobId}" must be a non-numeric id without ':' built with buildJobId`);
    }
    return this.queue(name).add(name, payload, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: options.jobId,
      delay: options.delayMs,
    });
  }

  /** Many jobs of one name in one round trip (addBulk); an id already queued stays as it is. */
  async enqueueMany<N extends JobName>(
    name: N,
    jobs: ReadonlyArray<{ payload: JobPayloads[N] } & EnqueueOptions>,
  ): Promise<Job[]> {
    for (const { jobId } of jobs) {
      if (!jobId || /^\d+$/.test(jobId) || jobId.includes(':')) {
        throw new Error(`Job id "${jobId}" must be a non-numeric id without ':' built with buildJobId`);
      }
    }
    if (jobs.length === 0) return [];
    return this.queue(name).addBulk(
      jobs.map((job) => ({ name, data: job.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: job.jobId, delay: job.delayMs } })),
    );
  }

  queue(nameOrJob: QueueName | JobName): Queue {
    const queueName = (Object.values(QueueName) as string[]).includes(nameOrJob)
      ? (nameOrJob as QueueName)
      : JOB_QUEUE[nameOrJob as JobName];
    return this.queues[queueName];
  }

  allQueues(): Queue[] {
    return Object.values(this.queues);
  }
}
