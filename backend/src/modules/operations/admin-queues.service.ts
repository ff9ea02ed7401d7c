import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  QueueCounts,
  QueueJobDto,
  QueueJobListResponse,
  QueueJobRetryResponse,
  QueueJobState,
  QueueListResponse,
} from '@rapportflode/api-contract';
import type { Job, JobType, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { QueueService } from '../../queue/queue.service';
import { AuditService } from '../audit/audit.service';

/** A queue call that waits longer than this answers 503: BullMQ would otherwise wait for Redis forever. */
const REDIS_TIMEOUT_MS = 5_000;

/** The BullMQ states behind each state the page shows ("waiting" includes prioritized jobs). */
const STATE_TYPES: Readonly<Record<QueueJobState, JobType[]>> = {
  failed: ['failed'],
  delayed: ['delayed'],
  waiting: ['waiting', 'prioritized'],
  active: ['active'],
  completed: ['completed'],
};

const iso = (ms: number | undefined | null): string | null => (ms ? new Date(ms).toISOString() : null);

export function jobDto(
  job: Pick<
    Job,
    | 'id'
    | 'name'
    | 'data'
    | 'opts'
    | 'attemptsMade'
    | 'failedReason'
    | 'timestamp'
    | 'processedOn'
    | 'finishedOn'
    | 'delay'
  >,
  state: QueueJobState,
): QueueJobDto {
  return {
    id: job.id ?? '',
    name: job.name,
    data: job.data ?? null,
    attemptsMade: job.attemptsMade ?? 0,
    attempts: job.opts?.attempts ?? 1,
    failedReason: job.failedReason || null,
    createdAt: iso(job.timestamp) ?? new Date(0).toISOString(),
    processedAt: iso(job.processedOn),
    finishedAt: iso(job.finishedOn),
    delayUntil: state === 'delayed' && job.delay ? iso(job.timestamp + job.delay) : null,
  };
}

/** Queue health and jobs for the admin page Köer: every queue of QueueService, new ones included. */
@Injectable()
export class AdminQueuesService {
  private readonly logger = new Logger('AdminQueues');

  constructor(
    private readonly queues: QueueService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(): Promise<QueueListResponse> {
    const queues = await this.withRedis(() =>
      Promise.all(
        this.queues.allQueues().map(async (queue) => {
          const raw = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed', 'completed');
          const counts: QueueCounts = {
            waiting: (raw['waiting'] ?? 0) + (raw['prioritized'] ?? 0),
            delayed: raw['delayed'] ?? 0,
            active: raw['active'] ?? 0,
            failed: raw['failed'] ?? 0,
            completed: raw['completed'] ?? 0,
          };
          return { name: queue.name, paused: await queue.isPaused(), counts };
        }),
      ),
    );
    return { queues: queues.sort((a, b) => a.name.localeCompare(b.name)) };
  }

  async jobs(queueName: string, state: QueueJobState, page: number, pageSize: number): Promise<QueueJobListResponse> {
    const queue = this.queueNamed(queueName);
    const types = STATE_TYPES[state];
    const start = (page - 1) * pageSize;
    const [total, jobs] = await this.withRedis(() =>
      Promise.all([queue.getJobCountByTypes(...types), queue.getJobs(types, start, start + pageSize - 1, false)]),
    );
    return {
      queue: queue.name,
      state,
      total,
      page,
      pageSize,
      jobs: jobs.filter(Boolean).map((job) => jobDto(job as Job, state)),
    };
  }

  /** Puts a failed job back in the queue with its attempts reset; recorded in the audit log. */
  async retry(
    queueName: string,
    jobId: string,
    actor: { userId: string; ip: string | null },
  ): Promise<QueueJobRetryResponse> {
    const queue = this.queueNamed(queueName);
    const job = await this.withRedis(() => queue.getJob(jobId));
    if (!job)
      throw new DomainError( 'job_not_found', `Jobbet ${jobId} finns inte i kön ${queue.name}.`);
    const state = await this.withRedis(() => job.getState());
    if (state !== 'failed') {
      throw new DomainError(
        'job_not_failed',
        `Bara misslyckade jobb kan köras igen; jobbet ${jobId} är ${state}.`,
      );
    }
    try {
      await this.withRedis(() => job.retry('failed', { resetAttemptsMade: true }));
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // Another admin, or a worker, moved it in between.
      throw new DomainError(
        'job_not_failed',
        `Jobbet ${jobId} kunde inte köras igen: ${(error as Error).message}`,
      );
    }
    await this.audit.record(this.dataSource.manager, {
      actorUserId: actor.userId,
      action: 'job.retry',
      entityType: 'job',
      entityId: `${queue.name}/${jobId}`.slice(0, 100),
      committeeId: null,
      before: {
        queue: queue.name,
        name: job.name,
        failedReason: job.failedReason ?? null,
        attemptsMade: job.attemptsMade,
      },
      ip: actor.ip,
    });
    this.logger.log(`Failed job ${jobId} on ${queue.name} put back in the queue`);
    return { id: jobId, state: await this.withRedis(() => job.getState()) };
  }

  private queueNamed(name: string): Queue {
    const queue = this.queues.allQueues().find((candidate) => candidate.name === name);
    if (!queue)
      throw new DomainError( 'queue_not_found', `Det finns ingen kö som heter ${name}.`);
    return queue;
  }

  private async withRedis<T>(work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new DomainError(
              'queue_unavailable',
              'Kösystemet (Redis) svarar inte just nu. Försök igen om en stund.',
            ),
          ),
        REDIS_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([work(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
