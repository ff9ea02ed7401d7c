import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RemindersModule } from '../reminders/reminders.module';
import { EconomyInputs } from './economy-inputs';
import { EconomyInputsRepository } from './economy-inputs.repository';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** The section tasks: content, workflow steps, comments, the reviewer's diff. */
@Module({
  imports: [RemindersModule, NotificationsModule],
  controllers: [TasksController],
  providers: [TasksService, EconomyInputs, EconomyInputsRepository],
  exports: [TasksService, EconomyInputs],
})
export class TasksModule {}
