import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PlanRow, PlanScope, TaskDirectoryRepository, TaskFacts, TaskPerson } from './task-directory.repository';

export type { PlanRow, PlanScope, TaskFacts, TaskPerson } from './task-directory.repository';

/**
 * The read-only questions other modules (reminders) ask about tasks: what a task's reminder plan
 * needs (state, deadline, the cycle's settings), what its texts say, and who writes, reviews and
 * answers for it now. Everything is read at the moment of asking; nothing is cached.
 */
@Injectable()
export class TaskDirectory {
  constructor(private readonly repository: TaskDirectoryRepository) {}

  /** The plan rows of one task, of a cycle's tasks, or of every task not yet approved. */
  plans(scope: PlanScope): Promise<PlanRow[]> {
    return this.repository.plans(scope);
  }

  /** One task as its reminder texts describe it (undefined when it is gone). */
  async facts(taskId: string): Promise<TaskFacts | undefined> {
    const [task] = await this.repository.facts([taskId]);
    return task;
  }

  /** The tasks named (those still there), by id. */
  async factsOf(taskIds: readonly string[]): Promise<Map<string, TaskFacts>> {
    return new Map((await this.repository.facts(taskIds)).map((task) => [task.id, task]));
  }

  /** Who holds the pen of the task now (writesTask). */
  writers(taskId: string): Promise<TaskPerson[]> {
    return this.repository.people(taskId, 'writers');
  }

  /** Who reviews the task now (reviewsTask). */
  reviewers(taskId: string, manager?: EntityManager): Promise<TaskPerson[]> {
    return this.repository.people(taskId, 'reviewers', manager);
  }

  /** The secretaries of the task's committee. */
  secretaries(taskId: string): Promise<TaskPerson[]> {
    return this.repository.people(taskId, 'secretaries');
  }
}
