import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { AppConfig } from '../../config/app-config.service';
import { redisOptionsFromUrl } from '../../queue/redis-options';

/**
 * Pings the Redis the queues use. Its own connection fails fast while Redis is away
 * (no offline queue), where BullMQ's connections wait for Redis to come back.
 */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    private readonly indicators: HealthIndicatorService,
    config: AppConfig,
  ) {
    this.client = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    this.client.on('error', () => undefined); // reported by isHealthy, not as an unhandled event
  }

  async isHealthy(key: string, timeoutMs = 1_500) {
    const indicator = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
      const started = Date.now();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([this.client.ping(), timeout]);
      return indicator.up({ responseTimeMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
