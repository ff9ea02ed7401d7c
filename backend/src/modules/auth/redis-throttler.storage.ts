import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RedisClient } from '../../queue/redis-client';
import { OutageLog, PostgresAttemptCounter, SIGNIN_UNAVAILABLE, withTimeout } from './signin-limiter';

const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked < 0 then blocked = 0 end
if blocked == 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}`;

const REDIS_ANSWER_MS = 1_000;

/**
 * @nestjs/throttler's counters in Redis, shared by every HTTP instance. While Redis does not
 * answer, the same limit is counted in PostgreSQL (signin_attempt, shared by every instance
 * too): an outage must not lift the limit on password guessing. A blocked client stays blocked
 * for the rest of the window there (the Redis path blocks for blockDuration, here equal to it).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly outage = new OutageLog(new Logger('Throttler'), 'rate limits');

  constructor(
    private readonly redis: RedisClient,
    private readonly fallback: PostgresAttemptCounter,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    try {
      const client = await this.redis.ready();
      const base = this.redis.key('throttle', throttlerName, key);
      const [hits, timeToExpire, blockedFor] = (await withTimeout(
        client.eval(INCREMENT, 2, base, `${base}:blocked`, String(ttl), String(limit), String(blockDuration || ttl)),
        REDIS_ANSWER_MS,
        'Redis',
      )) as [number, number, number];
      this.outage.answered();
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(timeToExpire / 1000),
        isBlocked: blockedFor > 0,
        timeToBlockExpire: Math.ceil(blockedFor / 1000),
      };
    } catch (error) {
      this.outage.failed(error);
    }
    let counted: { count: number; msLeft: number };
    try {
      counted = await this.fallback.hit(`throttle:${throttlerName}:${key}`, ttl);
    } catch {
      throw SIGNIN_UNAVAILABLE();
    }
    const isBlocked = counted.count > limit;
    const secondsLeft = Math.ceil(counted.msLeft / 1000);
    return { totalHits: counted.count, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }
}
