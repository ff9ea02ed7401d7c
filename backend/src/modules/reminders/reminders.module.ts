import { DynamicModule, Global, Module } from '@nestjs/common';
import { DeliveryChanges } from '../notifications/delivery-changes';
import { NotificationsModule } from '../notifications/notifications.module';
import { TaskDirectoryModule } from '../tasks/task-directory.module';
import { TaskChanges } from '../tasks/task-events';
import { ReminderDigests } from './reminder-digest.service';
import { ReminderOutbox } from './reminder-outbox';
import { ReminderScheduler } from './reminder-scheduler.service';
import { ReminderSender } from './reminder-sender.service';
import { ReminderReconciliation } from './reminder-reconciliation';
import { RemindersProcessor } from './reminders.processor';
import { RemindersRepository } from './reminders.repository';
import { WorkflowModule } from '../workflow/workflow.module';
import { ReturnMails } from './return-mail.service';
import { ManualReminders } from './manual-reminder.service';

/**
 * The reminder scheduler, behind the ports of the modules whose changes move reminders: TaskChanges
 * (tasks, cycles) and DeliveryChanges (notifications). Global, so that those modules inject the
 * ports without importing this module: the arrow runs from reminders to them only.
 */
@Global()
@Module({
  imports: [TaskDirectoryModule],
  providers: [
    RemindersRepository,
    ReminderScheduler,
    { provide: TaskChanges, useExisting: ReminderScheduler },
    { provide: DeliveryChanges, useExisting: ReminderScheduler },
  ],
  exports: [ReminderScheduler, TaskChanges, DeliveryChanges, RemindersRepository],
})
export class RemindersModule {}

/** The worker side: sends due reminders and reconciles the queue with the database. */
@Module({})
export class ReminderWorkerModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: ReminderWorkerModule,
      imports: [RemindersModule, TaskDirectoryModule, NotificationsModule, WorkflowModule],
      providers: options.worker ? [ReminderOutbox, ReminderSender, ReminderDigests, ReturnMails, ManualReminders, RemindersProcessor, ReminderReconciliation] : [],
    };
  }
}
