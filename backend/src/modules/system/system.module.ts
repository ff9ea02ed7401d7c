import { DynamicModule, Module } from '@nestjs/common';
import { SystemJobsProcessor } from './jobs/system-jobs.processor';
import { SystemRepository } from './system.repository';
import { SystemService } from './system.service';

@Module({})
export class SystemModule {
  /** With the worker, the module also consumes the system queue. */
  static register(options: { worker: boolean }): DynamicModule {
    const providers = options.worker ? [SystemRepository, SystemService, SystemJobsProcessor] : [SystemRepository, SystemService];
    return { module: SystemModule, providers, exports: [SystemService] };
  }
}
