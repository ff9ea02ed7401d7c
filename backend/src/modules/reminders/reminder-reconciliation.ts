import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.service';
import { JobName } from '../../queue/queue.constants';
import { QueueService } from '../../queue/queue.service';
import { RedisClient } from '../../queue/redis-client';
import { pingRedis } from '../../queue/redis-probe';
import { ReconcileResult, ReminderScheduler } from './reminder-scheduler.service';
import { RemindersRepository } from './reminders.repository';

/** Why a reconciliation was asked for; logged, and what the tests and operators read. */
export type ReconcileReason = 'start-up' | 'timer' | 'redis-reconnected' | 'redis-restarted' | 'redis-data-lost' | 'job';

/** What a finished attempt did: ran (with its result), or left the work to someone else. */
export type ReconcileAttempt =
  | { ran: true; reason: ReconcileReason; result: ReconcileResult; startedAt: number; ms: number }
  | { ran: false; reason: ReconcileReason; skipped: 'redis-away' | 'done-by-another' | 'stopped' | 'failed' };

/** What a finished reconciliation leaves in Redis: gone with Redis, which is the point. */
interface Marker {
  runId: string;
  startedAt: number;
}

interface Request {
  reason: ReconcileReason;
  /** A reconciliation that started at or after this instant (ms) already answers the request. */
  since: number;
}

/** How often the worker asks Redis who it is (INFO server run_id) and whether our marker is still there. */
export const REDIS_WATCH_MS = 5_000;
/** Namespace of the advisory lock (the other key is the installation's Redis prefix). */
const LOCK_CLASS = 728_341;
/** How long a worker waits for another's reconciliation before giving up this request. */
const LOCK_WAIT_MS = 120_000;

/** Writes the marker (ARGV[2]) only if it still holds what the run started from (ARGV[1], '' for none). */
const SET_IF_UNCHANGED = `local current = redis.call('GET', KEYS[1])
if (current == false and ARGV[1] == '') or current == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 end
return 0`;

/** `run_id` from the text of INFO server. */
export function runIdOf(info: string): string | null {
  return /^run_id:(\w+)/m.exec(info)?.[1] ?? null;
}

/**
 * The worker's reconciliation of the reminder jobs with the database (ReminderScheduler.reconcile),
 * triggered by nothing stored in Redis, because Redis is what may have forgotten everything:
 * - at start-up;
 * - on an in-process timer every REMINDER_RECONCILE_MINUTES (a setTimeout chain, cleared on shutdown);
 * - when its Redis connection comes back (ioredis 'ready' after a reconnect);
 * - when a watch every REDIS_WATCH_MS finds that no reconciliation has run against Redis as it is
 *   now: each run leaves a marker with Redis's `run_id` (INFO server), so another run_id (a restart
 *   the connection did not notice, e.g. behind a proxy or after a failover) or a missing marker (a
 *   restart without persistence, FLUSHALL, keys deleted or evicted) asks for one.
 *
 * Several workers reconcile once: a PostgreSQL advisory lock lets one of them in at a time, and a
 * worker that gets it afterwards skips the work if the marker shows a reconciliation on the same
 * Redis that started after its own reason arose. The lock is in PostgreSQL rather than Redis because Redis is what
 * vanishes here: a Redis lock disappears with a restart in the middle of a run and needs a TTL
 * guessed against the run's length, while a session advisory lock is held exactly as long as its
 * holder's connection lives (a killed worker frees it at once), and the database must answer for a
 * reconciliation anyway.
 */
@Injectable()
export class ReminderReconciliation implements OnApplicationBootstrap, OnModuleDestroy {
  /** The repeatable BullMQ job that used to drive this; removed at start-up where it is left. */
  static readonly LEGACY_SCHEDULER_ID = 'reminders-reconcile';
  private readonly logger = new Logger('Reminders');
  private timer: NodeJS.Timeout | undefined;
  private watchTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running: Promise<void> | null = null;
  private queued: Request | null = null;
  private lastRunId: string | null = null;
  /** When this process's connection was lost (null: connected, or never lost). */
  private lostAt: number | null = null;
  /** When the watch last found the marker in order: a run that started since answers a loss found now. */
  private healthyAt = 0;
  private readonly onClose = () => {
    this.lostAt ??= Date.now();
  };
  private readonly onReady = () => {
    if (this.lostAt === null) return; // the first connection: start-up reconciles for it
    // Any run that started after the connection was lost ran against the Redis that is back.
    const since = this.lostAt;
    this.lostAt = null;
    void this.request('redis-reconnected', since);
  };
  /** The last attempts, newest last (bounded): for logs and tests. */
  readonly attempts: ReconcileAttempt[] = [];

  constructor(
    private readonly scheduler: ReminderScheduler,
    private readonly redis: RedisClient,
    private readonly queues: QueueService,
    private readonly config: AppConfig,
    private readonly repository: RemindersRepository,
  ) {}

  get periodMs(): number {
    return Math.round(this.config.get('REMINDER_RECONCILE_MINUTES') * 60_000);
  }

  /** Not awaited: a worker whose Redis is away still starts, and reconciles when it answers. */
  onApplicationBootstrap(): void {
    this.redis.client.on('close', this.onClose);
    this.redis.client.on('ready', this.onReady);
    void this.removeLegacyScheduler();
    this.request('start-up');
    this.scheduleTimer();
    this.scheduleWatch();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.watchTimer);
    this.redis.client.off('close', this.onClose);
    this.redis.client.off('ready', this.onReady);
    // A run in progress finishes (or fails) on its own; shutdown waits a little for it, not forever.
    if (this.running) await Promise.race([this.running, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
  }

  /**
   * Asks for a reconciliation; one runs at a time in this process, and a request that arrives
   * while one runs is served by another run after it. Resolves when this request is answered.
   */
  request(reason: ReconcileReason, since = Date.now()): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      // The run in progress may have read the queue before the reason arose: run again after it
      // (the loop below takes it before the promise settles).
      this.queued = this.queued ? { reason: this.queued.reason, since: Math.min(this.queued.since, since) } : { reason, since };
      return this.running;
    }
    const run = async (next: Request): Promise<void> => {
      for (let current: Request | null = next; current && !this.stopped; current = this.queued) {
        this.queued = null;
        const attempt = await this.attempt(current).catch((error: Error): ReconcileAttempt => {
          this.logger.warn(`Reconciliation of reminders (${current?.reason}) failed: ${error.message}`);
          return { ran: false, reason: current?.reason ?? reason, skipped: 'failed' };
        });
        this.record(attempt);
      }
    };
    this.running = run({ reason, since }).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private record(attempt: ReconcileAttempt): void {
    this.attempts.push(attempt);
    if (this.attempts.length > 50) this.attempts.shift();
    if (attempt.ran && attempt.reason !== 'timer' && attempt.reason !== 'start-up') {
      this.logger.log(`Reminders reconciled after ${attempt.reason} in ${attempt.ms} ms: ${JSON.stringify(attempt.result)}`);
    }
  }

  private async attempt(request: Request): Promise<ReconcileAttempt> {
    const { reason } = request;
    // BullMQ's connection would wait for an absent Redis and hold the lock meanwhile; the
    // reconnect path runs this again when it answers.
    try {
      await pingRedis(await this.redis.ready(), 1_500);
    } catch {
      return { ran: false, reason, skipped: 'redis-away' };
    }
    const lockKey = `reminders-reconcile:${this.redis.prefix}`;
    const lock = await this.repository.advisoryLock(LOCK_CLASS, lockKey);
    try {
      // Another worker at it now: wait for it, then see below whether its run answers this request.
      const waitUntil = Date.now() + LOCK_WAIT_MS;
      for (;;) {
        if (await lock.tryLock()) break;
        if (this.stopped) return { ran: false, reason, skipped: 'stopped' };
        if (Date.now() > waitUntil) throw new Error(`another worker has held the reconciliation lock for ${LOCK_WAIT_MS} ms`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      try {
        const client = await this.redis.ready();
        const replies = ((await client.pipeline().info('server').get(this.markerKey()).exec()) ?? []) as Array<[Error | null, unknown]>;
        const runId = runIdOf(String(replies[0]?.[1] ?? '')) ?? 'unknown';
        const stored = typeof replies[1]?.[1] === 'string' ? replies[1][1] : null;
        const marker = parseMarker(stored);
        // The run of another worker (or an earlier one here) that started after the reason arose, on
        // this same Redis. Instants of different processes are compared: their clocks must roughly agree.
        if (marker && marker.runId === runId && marker.startedAt >= request.since) return { ran: false, reason, skipped: 'done-by-another' };
        const startedAt = Date.now();
        const result = await this.scheduler.reconcile();
        this.lastRunId = runId;
        // Only over the marker this run started from: if Redis lost its keys meanwhile, this run may
        // have read the queue before, so no marker is left and the watch asks again.
        await client.eval(SET_IF_UNCHANGED, 1, this.markerKey(), stored ?? '', JSON.stringify({ runId, startedAt } satisfies Marker));
        this.healthyAt = Math.max(this.healthyAt, startedAt);
        return { ran: true, reason, result, startedAt, ms: Date.now() - startedAt };
      } finally {
        await lock.unlock().catch(() => undefined);
      }
    } finally {
      await lock.release().catch(() => undefined);
    }
  }

  private markerKey(): string {
    return this.redis.key('reminders', 'reconciled');
  }

  /** The periodic run: after each run the next is planned, so runs never overlap or pile up. */
  private scheduleTimer(): void {
    const period = this.periodMs;
    if (period <= 0 || this.stopped) return;
    this.timer = setTimeout(() => {
      // Another worker's run within (most of) the last period makes this one unnecessary.
      void this.request('timer', Date.now() - period + Math.min(1_000, period / 10)).finally(() => this.scheduleTimer());
    }, period);
    this.timer.unref();
  }

  private scheduleWatch(): void {
    if (this.stopped) return;
    const every = this.periodMs > 0 ? Math.min(REDIS_WATCH_MS, this.periodMs) : REDIS_WATCH_MS;
    this.watchTimer = setTimeout(() => void this.watch().finally(() => this.scheduleWatch()), every);
    this.watchTimer.unref();
  }

  /** Who Redis is now, and whether it still holds the marker of the last reconciliation. */
  private async watch(): Promise<void> {
    // A run in progress writes the marker when done; a request now would only repeat it.
    if (this.running || this.stopped) return;
    let runId: string | null;
    let stored: string | null;
    try {
      const client = await this.redis.ready();
      if (client.status !== 'ready') return;
      const replies = ((await client.pipeline().info('server').get(this.markerKey()).exec()) ?? []) as Array<[Error | null, string | null]>;
      if (replies.some(([error]) => error)) return;
      runId = runIdOf(replies[0][1] ?? '');
      stored = replies[1][1];
    } catch {
      return; // away: the reconnect brings us back here
    }
    const marker = parseMarker(stored);
    if (marker && marker.runId === runId) {
      this.healthyAt = Date.now();
      this.lastRunId = runId;
      return;
    }
    // No reconciliation has run against this Redis as it is now: restarted (another run_id, even
    // with its data restored from disk) or emptied (the marker gone with every other key).
    const restarted = this.lastRunId !== null && runId !== null && runId !== this.lastRunId;
    if (runId) this.lastRunId = runId;
    void this.request(restarted ? 'redis-restarted' : 'redis-data-lost', this.healthyAt);
  }

  private async removeLegacyScheduler(): Promise<void> {
    try {
      await this.redis.ready();
      await this.queues.queue(JobName.ReminderReconcile).removeJobScheduler(ReminderReconciliation.LEGACY_SCHEDULER_ID);
    } catch {
      // Redis away: the scheduler, if any, went with it or is removed at the next start
    }
  }
}

function parseMarker(stored: string | null): Marker | null {
  if (!stored) return null;
  try {
    const value = JSON.parse(stored) as Partial<Marker>;
    return typeof value.runId === 'string' && typeof value.startedAt === 'number' ? { runId: value.runId, startedAt: value.startedAt } : null;
  } catch {
    return null;
  }
}
