import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RedisClient } from '../../queue/redis-client';

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

/**
 * @nestjs/throttler's counters in Redis, shared by every HTTP instance. While Redis is away
 * it lets requests through (argon2's cost still slows guessing) rather than locking everyone out.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('Throttler');

  constructor(private readonly redis: RedisClient) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string) {
    try {
      const client = await this.redis.ready();
      const base = this.redis.key('throttle', throttlerName, key);
      const [hits, timeToExpire, blockedFor] = (await client.eval(
        INCREMENT,
        2,
        base,
        `${base}:blocked`,
        String(ttl),
        String(limit),
        String(blockDuration || ttl),
      )) as [number, number, number];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(timeToExpire / 1000),
        isBlocked: blockedFor > 0,
        timeToBlockExpire: Math.ceil(blockedFor / 1000),
      };
    } catch (error) {
      this.logger.warn(`Rate limit not applied, Redis does not answer: ${(error as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
