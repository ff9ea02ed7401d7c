import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { AppConfig } from '../../config/app-config.service';
import { RedisClient } from '../../queue/redis-client';
import { sha256 } from './session.service';
import { SigninAttemptsRepository } from './signin-attempts.repository';

/** How long failed sign-ins count against an address, and how long it stays locked. */
export const LOCK_WINDOW_MS = 15 * 60 * 1000;
/** A Redis that accepted the connection but does not answer must not hold a sign-in up for long. */
const REDIS_ANSWER_MS = 1_000;
/** The longest window kept in signin_attempt: rows older than this count for nothing. */
const LONGEST_WINDOW_MS = LOCK_WINDOW_MS;
const SWEEP_EVERY_MS = 60_000;

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const SIGNIN_UNAVAILABLE = () =>
  new DomainError(
    'signin_unavailable',
    'Inloggning och återställning av lösenord går inte just nu. Försök igen om en stund.',
  );

/**
 * One warning when a store stops answering and one line when it answers again, instead of a
 * line per request during an outage.
 */
export class OutageLog {
  private down = false;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  failed(error: unknown): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn(`Redis does not answer (${(error as Error).message}): ${this.what} counted in PostgreSQL until it does`);
  }

  answered(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log(`Redis answers again: ${this.what} counted in Redis`);
  }
}

/**
 * Counters in PostgreSQL (signin_attempt), for when Redis does not answer. One statement both
 * counts and reads, so concurrent requests each get their own number and none slips past a limit.
 */
export class PostgresAttemptCounter {
  private readonly logger = new Logger('SigninLimits');
  private lastSweep = 0;
  private readonly attempts: SigninAttemptsRepository;

  constructor(dataSource: DataSource) {
    this.attempts = new SigninAttemptsRepository(dataSource);
  }

  /**
   * Adds one to `key` and returns the new count and the time left in its window. A window older
   * than windowMs starts over at 1. While the new count is at most slideWhileAtMost the window
   * starts again from now (each counted failure extends a lock window; refused attempts do not).
   */
  async hit(key: string, windowMs: number, slideWhileAtMost = 0): Promise<{ count: number; msLeft: number }> {
    this.sweep();
    return this.attempts.hit(key, windowMs / 1000, slideWhileAtMost);
  }

  async clear(key: string): Promise<void> {
    await this.attempts.clear(key);
  }

  /** At most once a minute per process, and never in the way of the request that triggers it. */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.attempts
      .deleteOlderThan(LONGEST_WINDOW_MS / 1000)
      .catch((error: Error) => this.logger.warn(`Old sign-in counters not deleted: ${error.message}`));
  }
}

// One round trip: count, and (re)start the window while the count is within the limit.
const COUNT_ATTEMPT = `
local n = redis.call('INCR', KEYS[1])
if n <= tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

export type AttemptStore = 'redis' | 'postgres';

/**
 * The per-address lock of password sign-in. Every attempt is counted before its password is
 * looked at, atomically, so concurrent attempts cannot all read "not locked yet"; a successful
 * sign-in clears the count. Redis holds the counts; while it does not answer, PostgreSQL does.
 */
@Injectable()
export class SigninLimiter {
  private readonly outage = new OutageLog(new Logger('SigninLimits'), 'sign-in failures');
  readonly postgres: PostgresAttemptCounter;

  constructor(
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.postgres = new PostgresAttemptCounter(dataSource);
  }

  /** Counts an attempt for this address; returns the count with it and where it was kept. */
  async countAttempt(email: string): Promise<{ count: number; store: AttemptStore }> {
    const hash = sha256(email);
    const max = this.config.get('LOGIN_MAX_FAILURES');
    try {
      const client = await this.redis.ready();
      const count = await withTimeout(
        client.eval(COUNT_ATTEMPT, 1, this.redis.key('signin-failures', hash), String(LOCK_WINDOW_MS), String(max)) as Promise<number>,
        REDIS_ANSWER_MS,
        'Redis',
      );
      this.outage.answered();
      return { count: Number(count), store: 'redis' };
    } catch (error) {
      this.outage.failed(error);
    }
    try {
      const { count } = await this.postgres.hit(`failures:${hash}`, LOCK_WINDOW_MS, max);
      return { count, store: 'postgres' };
    } catch {
      // Neither store answers: refuse rather than let guesses through uncounted.
      throw SIGNIN_UNAVAILABLE();
    }
  }

  /** After a successful sign-in: the address starts again with no failures. */
  async clear(email: string, store: AttemptStore): Promise<void> {
    const hash = sha256(email);
    try {
      if (store === 'redis') await withTimeout((await this.redis.ready()).del(this.redis.key('signin-failures', hash)), REDIS_ANSWER_MS, 'Redis');
      else await this.postgres.clear(`failures:${hash}`);
    } catch {
      // The count runs out with its window; a stale count can only make a lock come sooner.
    }
  }
}
