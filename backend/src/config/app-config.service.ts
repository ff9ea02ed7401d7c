import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Environment } from './environment';

/** Typed read access to the validated environment. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  get<K extends keyof Environment>(key: K): Environment[K] {
    return this.config.get(key, { infer: true });
  }

  get runsHttp(): boolean {
    return this.get('PROCESS_ROLE') !== 'worker';
  }

  get runsWorker(): boolean {
    return this.get('PROCESS_ROLE') !== 'http';
  }

  get redisUrl(): string {
    return this.get('REDIS_URL') ?? DEFAULT_REDIS_URL;
  }
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
