/**
 * What the notifications module announces after a person's reminder choice has been committed
 * (the reminders module provides the implementation, as it does TaskChanges in
 * backend/src/modules/tasks/task-events.ts): reminders know notifications, not the other way round.
 */
export abstract class DeliveryChanges {
  /** After commit: somebody chose the daily digest, so the next digest run is wanted. Never throws. */
  abstract digestChosen(): Promise<void>;
}
