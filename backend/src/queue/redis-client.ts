import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config.service';
import { createRedisProbe } from './redis-probe';

/**
 * A plain Redis connection for small counters (sign-in limits), under this installation's
 * key prefix. It fails fast while Redis is away, so callers can decide to fail open.
 */
@Injectable()
export class RedisClient implements OnModuleDestroy {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.client = createRedisProbe(config.redisUrl);
    this.prefix = config.get('REDIS_KEY_PREFIX');
  }

  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async ready(): Promise<Redis> {
    if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
    return this.client;
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
