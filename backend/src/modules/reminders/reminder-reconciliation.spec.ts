import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.service';
import { validateEnvironment } from '../../config/environment';
import type { QueueService } from '../../queue/queue.service';
import type { RedisClient } from '../../queue/redis-client';
import { REDIS_WATCH_MS, ReminderReconciliation, runIdOf } from './reminder-reconciliation';
import type { ReminderScheduler } from './reminder-scheduler.service';
import { RemindersRepository } from './reminders.repository';

/** One Redis as the workers see it: who it is (run_id) and its keys; `restart()` forgets them all. */
class FakeRedis extends EventEmitter {
  status = 'ready';
  runId = 'first';
  keys = new Map<string, string>();
  restart(runId: string): void {
    this.runId = runId;
    this.keys.clear();
  }
  async ping(): Promise<string> {
    return 'PONG';
  }
  /** Only the marker's compare-and-set script is run here. */
  async eval(_script: string, _keys: number, key: string, expected: string, value: string): Promise<number> {
    if ((this.keys.get(key) ?? '') !== expected) return 0;
    this.keys.set(key, value);
    return 1;
  }
  pipeline() {
    const steps: Array<() => unknown> = [];
    const chain = {
      info: () => (steps.push(() => `# Server\r\nredis_version:7.0.15\r\nrun_id:${this.runId}\r\n`), chain),
      get: (key: string) => (steps.push(() => this.keys.get(key) ?? null), chain),
      exec: async () => steps.map((step) => [null, step()]),
    };
    return chain;
  }
}

/** A worker's reconciliation on a shared Redis and a shared advisory lock, with a counting scheduler. */
function worker(redis: FakeRedis, lock: { held: boolean }, minutes: number) {
  const reconcile = jest.fn(async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { tasks: 1, expected: 2, added: 0, removed: 0 };
  });
  const client: Partial<RedisClient> = { client: redis as never, prefix: 'rf', key: (...parts: string[]) => ['rf', ...parts].join(':'), ready: async () => redis as never };
  const runner = {
    connect: async () => undefined,
    release: async () => undefined,
    query: async (sql: string) => {
      if (sql.includes('pg_try_advisory_lock')) {
        const locked = !lock.held;
        lock.held = true;
        return [{ locked }];
      }
      if (sql.includes('pg_advisory_unlock')) lock.held = false;
      return [];
    },
  };
  const reconciliation = new ReminderReconciliation(
    { reconcile } as unknown as ReminderScheduler,
    client as RedisClient,
    { queue: () => ({ removeJobScheduler: async () => true }) } as unknown as QueueService,
    { get: () => minutes } as unknown as AppConfig,
    new RemindersRepository({ createQueryRunner: () => runner } as unknown as DataSource),
  );
  return { reconciliation, reconcile };
}

describe('ReminderReconciliation', () => {
  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2027-03-19T12:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('reconciles at start-up and then on its own timer, with nothing stored in Redis, until shutdown', async () => {
    const redis = new FakeRedis();
    const { reconciliation, reconcile } = worker(redis, { held: false }, 10);
    reconciliation.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(reconcile).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(reconcile).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(reconcile).toHaveBeenCalledTimes(3);
    await reconciliation.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(60 * 60_000);
    expect(reconcile).toHaveBeenCalledTimes(3);
  });

  it('reconciles when the connection is ready again after a reconnect', async () => {
    const redis = new FakeRedis();
    const { reconciliation, reconcile } = worker(redis, { held: false }, 0);
    reconciliation.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(reconcile).toHaveBeenCalledTimes(1);
    redis.emit('close');
    redis.emit('close');
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(1_000);
    expect(reconcile).toHaveBeenCalledTimes(2);
    expect(reconciliation.attempts.at(-1)).toMatchObject({ ran: true, reason: 'redis-reconnected' });
    await reconciliation.onModuleDestroy();
  });

  it('notices a Redis that restarted under the connection (another run_id) or lost its keys, within the watch interval', async () => {
    const redis = new FakeRedis();
    const { reconciliation, reconcile } = worker(redis, { held: false }, 0);
    reconciliation.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(3 * REDIS_WATCH_MS);
    expect(reconcile).toHaveBeenCalledTimes(1);
    redis.restart('second');
    await jest.advanceTimersByTimeAsync(REDIS_WATCH_MS + 500);
    expect(reconcile).toHaveBeenCalledTimes(2);
    expect(reconciliation.attempts.at(-1)).toMatchObject({ ran: true, reason: 'redis-restarted' });
    await jest.advanceTimersByTimeAsync(3 * REDIS_WATCH_MS);
    expect(reconcile).toHaveBeenCalledTimes(2);
    redis.keys.clear();
    await jest.advanceTimersByTimeAsync(REDIS_WATCH_MS + 500);
    expect(reconcile).toHaveBeenCalledTimes(3);
    expect(reconciliation.attempts.at(-1)).toMatchObject({ ran: true, reason: 'redis-data-lost' });
    await reconciliation.onModuleDestroy();
  });

  it('lets three workers that all see Redis come back reconcile once', async () => {
    const redis = new FakeRedis();
    const lock = { held: false };
    const workers = [worker(redis, lock, 10), worker(redis, lock, 10), worker(redis, lock, 10)];
    for (const w of workers) w.reconciliation.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(2_000);
    const total = () => workers.reduce((n, w) => n + w.reconcile.mock.calls.length, 0);
    // At start-up the requests overlap, so one runs and the others find its marker.
    expect(total()).toBe(1);
    redis.restart('second');
    redis.emit('close');
    redis.emit('ready');
    await jest.advanceTimersByTimeAsync(2_000);
    expect(total()).toBe(2);
    // Their timers: once per period for the installation, not once per worker; the run after the
    // reconnect counts for the period it fell in.
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(total()).toBe(2);
    await jest.advanceTimersByTimeAsync(10 * 60_000 + 2_000);
    expect(total()).toBe(3);
    await jest.advanceTimersByTimeAsync(10 * 60_000 + 2_000);
    expect(total()).toBe(4);
    for (const w of workers) await w.reconciliation.onModuleDestroy();
  });

  it('reads run_id from INFO server', () => {
    expect(runIdOf('# Server\r\nredis_version:7.0.15\r\nrun_id:0f3c9a\r\ntcp_port:6379\r\n')).toBe('0f3c9a');
    expect(runIdOf('# Server\r\n')).toBeNull();
  });

  it('takes REMINDER_RECONCILE_MINUTES in minutes, fractions allowed for short test periods', () => {
    expect(validateEnvironment({}).REMINDER_RECONCILE_MINUTES).toBe(10);
    expect(validateEnvironment({ REMINDER_RECONCILE_MINUTES: '0' }).REMINDER_RECONCILE_MINUTES).toBe(0);
    expect(validateEnvironment({ REMINDER_RECONCILE_MINUTES: '0.05' }).REMINDER_RECONCILE_MINUTES).toBe(0.05);
    expect(() => validateEnvironment({ REMINDER_RECONCILE_MINUTES: '0.001' })).toThrow('REMINDER_RECONCILE_MINUTES');
    expect(() => validateEnvironment({ REMINDER_RECONCILE_MINUTES: '-1' })).toThrow('REMINDER_RECONCILE_MINUTES');
    expect(() => validateEnvironment({ REMINDER_RECONCILE_MINUTES: 'often' })).toThrow('REMINDER_RECONCILE_MINUTES');
  });
});
