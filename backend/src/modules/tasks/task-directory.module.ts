import { Module } from '@nestjs/common';
import { TaskDirectory } from './task-directory';
import { TaskDirectoryRepository } from './task-directory.repository';

/** TaskDirectory, for modules that ask about tasks without depending on the tasks module (reminders). */
@Module({ providers: [TaskDirectoryRepository, TaskDirectory], exports: [TaskDirectory] })
export class TaskDirectoryModule {}
