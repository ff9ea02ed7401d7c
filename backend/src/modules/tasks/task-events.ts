/**
 * What the tasks and cycles modules announce after a change has been committed, for whoever
 * plans work from it (the reminders module provides the implementation). The port lives here, on
 * the side that announces, so that the arrow runs one way: reminders know tasks, tasks do not
 * know reminders.
 */
export abstract class TaskChanges {
  /** After commit: a task's state or deadline changed, or a cycle's dates or tasks did. Never throws. */
  abstract afterCommit(target: { taskId: string } | { cycleId: string }): Promise<void>;
}
