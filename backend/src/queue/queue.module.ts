import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config.service';
import { QueueLifecycle } from './queue-lifecycle';
import { QueueName } from './queue.constants';
import { QueueService } from './queue.service';
import { RedisClient } from './redis-client';
import { redisOptionsFromUrl } from './redis-options';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.redisUrl),
        prefix: config.get('REDIS_KEY_PREFIX'),
      }),
    }),
    ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [QueueService, QueueLifecycle, RedisClient, Clock],
  exports: [QueueService, BullModule, RedisClient, Clock],
})
export class QueueModule {}
