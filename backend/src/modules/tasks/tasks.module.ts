import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { EconomyInputs } from './economy-inputs';
import { EconomyInputsRepository } from './economy-inputs.repository';
import { TaskCommentsRepository } from './task-comments.repository';
import { TaskCommentsService } from './task-comments.service';
import { TaskDirectoryModule } from './task-directory.module';
import { TaskRemindService } from './task-remind.service';
import { TaskWorkflowService } from './task-workflow.service';
import { TasksController } from './tasks.controller';
import { TasksRepository } from './tasks.repository';
import { TasksService } from './tasks.service';

/**
 * The section tasks: content, workflow steps (through the workflow module), comments, the
 * reviewer's diff, and the economy inputs other modules read. TaskChanges (task-events.ts) is
 * provided globally by the reminders module.
 */
@Module({
  imports: [NotificationsModule, WorkflowModule, TaskDirectoryModule],
  controllers: [TasksController],
  providers: [TasksRepository, TasksService, TaskWorkflowService, TaskRemindService, TaskCommentsRepository, TaskCommentsService, EconomyInputs, EconomyInputsRepository],
  exports: [TasksService, TaskWorkflowService, EconomyInputs],
})
export class TasksModule {}
