import Redis from 'ioredis';
import { redisOptionsFromUrl } from './redis-options';

/**
 * A connection that fails fast while Redis is away (no offline queue, short time-outs),
 * unlike BullMQ's, which wait for Redis to come back. For health checks and shutdown.
 */
export function createRedisProbe(url: string): Redis {
  const client = new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  client.on('error', () => undefined); // callers report the failure where it matters
  return client;
}

/** Resolves with the round trip in ms, or rejects within timeoutMs. */
export async function pingRedis(client: Redis, timeoutMs = 1_500): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  try {
    if (client.status === 'wait' || client.status === 'end') await client.connect();
    const started = Date.now();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([client.ping(), timeout]);
    return Date.now() - started;
  } finally {
    if (timer) clearTimeout(timer);
  }
}
