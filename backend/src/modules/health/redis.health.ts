import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { AppConfig } from '../../config/app-config.service';
import { createRedisProbe, pingRedis } from '../../queue/redis-probe';

/** Pings the Redis the queues use, on a connection of its own that fails fast. */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    private readonly indicators: HealthIndicatorService,
    config: AppConfig,
  ) {
    this.client = createRedisProbe(config.redisUrl);
  }

  async isHealthy(key: string) {
    const indicator = this.indicators.check(key);
    try {
      return indicator.up({ responseTimeMs: await pingRedis(this.client) });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
