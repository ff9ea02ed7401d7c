import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads, QueueName } from './queue.constants';

export interface EnqueueOptions {
  /** Deterministic, built from the data (e.g. `reminder:<taskId>:<kind>:<due>`): enqueuing twice is a no-op. */
  jobId: string;
  delayMs?: number;
}

/** The one place that adds jobs to BullMQ. */
@Injectable()
export class QueueService {
  private readonly queues: Record<QueueName, Queue>;

  constructor(@InjectQueue(QueueName.System) systemQueue: Queue) {
    this.queues = { [QueueName.System]: systemQueue };
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<Job> {
    if (!options.jobId || /^\d+$/.test(options.jobId) || options.jobId.includes(':repeat:')) {
      throw new Error(`Job id "${options.jobId}" must be a non-numeric id built from the data`);
    }
    return this.queue(name).add(name, payload, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: options.jobId,
      delay: options.delayMs,
    });
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
