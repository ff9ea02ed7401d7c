import { DynamicModule, Module } from '@nestjs/common';
import { ReminderDigests } from './reminder-digest.service';
import { ReminderOutbox } from './reminder-outbox';
import { ReminderScheduler } from './reminder-scheduler.service';
import { ReminderSender } from './reminder-sender.service';
import { ReminderReconciliation } from './reminder-reconciliation';
import { RemindersProcessor } from './reminders.processor';

/** The reminder scheduler, for the modules whose changes move reminders (cycles, tasks). */
@Module({ providers: [ReminderScheduler], exports: [ReminderScheduler] })
export class RemindersModule {}

/** The worker side: sends due reminders and reconciles the queue with the database. */
@Module({})
export class ReminderWorkerModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: ReminderWorkerModule,
      imports: [RemindersModule],
      providers: options.worker ? [ReminderOutbox, ReminderSender, ReminderDigests, RemindersProcessor, ReminderReconciliation] : [],
    };
  }
}
