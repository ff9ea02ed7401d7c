import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { AppConfig } from '../config/app-config.service';
import { QueueService } from './queue.service';
import { createRedisProbe, pingRedis } from './redis-probe';

/**
 * Keeps the process well-behaved while Redis is away: worker errors logged once per outage,
 * and a shutdown that does not wait forever for Redis.
 */
@Injectable()
export class QueueLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Queue');

  constructor(
    private readonly queues: QueueService,
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  /** Workers start in BullMQ's own onModuleInit; queues were watched from their creation (QueueService). */
  onApplicationBootstrap(): void {
    for (const worker of this.workers()) {
      worker.on('error', (error: Error) => this.queues.reportRedisError(error));
      worker.on('ready', () => this.queues.reportRedisReady());
    }
  }

  /** With Redis reachable, BullMQ closes gracefully (workers finish their jobs); without, it is disconnected. */
  async beforeApplicationShutdown(): Promise<void> {
    const probe = createRedisProbe(this.config.redisUrl);
    try {
      await pingRedis(probe, 1_000);
    } catch {
      this.logger.warn('Redis does not answer: closing the queues without waiting for it');
      // close() of a connection that never became ready drops it at once; disconnect() would
      // wait for it to become ready first. force: workers do not wait for running jobs.
      const closing = Promise.allSettled([
        ...this.workers().map((worker) => worker.close(true)),
        ...this.queues.allQueues().map((queue) => queue.close()),
      ]);
      await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
    } finally {
      probe.disconnect();
    }
  }

  private workers(): Worker[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => {
        try {
          return host.worker;
        } catch {
          return undefined; // not started in this process
        }
      })
      .filter((worker): worker is Worker => worker !== undefined);
  }
}
