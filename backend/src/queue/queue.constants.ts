import type { JobsOptions } from 'bullmq';

/** Every queue, named once. */
export enum QueueName {
  System = 'system',
  Reminders = 'reminders',
  Meetings = 'meetings',
}

/** Every job, named once, with the queue it runs on. */
export enum JobName {
  /** One meeting mail (outbox row of meeting_mail); the job id is buildJobId('meeting-mail', rowId). */
  MeetingMail = 'meetings.mail',
  /** The kallelse's last day of one meeting: reminds the secretaries if it has not gone out; id buildJobId('kallelse-deadline', meetingId, date). */
  KallelseDeadline = 'meetings.kallelse-deadline',
  /** A delayed no-op that proves the worker runs and records its work exactly once. */
  QueueCheck = 'system.queue-check',
  /** One reminder of one task at one instant; the job id is reminderJobId(task, kind, offset, dueAt). */
  Reminder = 'reminders.send',
  /** Rebuilds the expected reminder jobs from the database; only earlier versions queued it (the worker now reconciles on its own timer). */
  ReminderReconcile = 'reminders.reconcile',
  /** The daily digest run at one instant (08.15 on working days); the job id is digestJobId(dueAt). */
  ReminderDigest = 'reminders.digest',
  /** Creates a reset token and mails its link, if an active account has the address; the token never enters Redis. */
  PasswordReset = 'system.password-reset',
  /** Tells the writer who handed a subject in that it was returned or reopened; the job id is returnMailJobId(…). */
  ReturnMail = 'reminders.return-mail',
  /** "Skicka påminnelse nu": one task's writers reminded at once; the job id is manualReminderJobId(task, Stockholm day). */
  ManualReminder = 'reminders.manual',
}

/** The payload of each job: ids and small facts only; the worker re-reads the database. */
export interface JobPayloads {
  [JobName.QueueCheck]: { requestedAt: string };
  [JobName.MeetingMail]: { mailId: string };
  [JobName.KallelseDeadline]: { meetingId: string; date: string };
  [JobName.Reminder]: { taskId: string; kind: 'before' | 'due' | 'late' | 'review_nudge'; offset: number; dueAt: string };
  [JobName.ReminderReconcile]: Record<string, never>;
  [JobName.ReminderDigest]: { dueAt: string };
  /** sha256 of the normalised e-mail address: the address itself and any token stay out of Redis. */
  [JobName.PasswordReset]: { emailHash: string; ip: string | null };
  /** One return (or reopening) of one workflow subject in one submission round; `at` is when it was committed. */
  [JobName.ReturnMail]: { subject: 'task'; subjectId: string; transition: 'return' | 'reopen'; round: number; at: string };
  /** `day`: the Stockholm date it was asked for (YYYY-MM-DD); `actorId`: who asked. */
  [JobName.ManualReminder]: { taskId: string; day: string; actorId: string };
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.QueueCheck]: QueueName.System,
  [JobName.MeetingMail]: QueueName.Meetings,
  [JobName.KallelseDeadline]: QueueName.Meetings,
  [JobName.Reminder]: QueueName.Reminders,
  [JobName.ReminderReconcile]: QueueName.Reminders,
  [JobName.ReminderDigest]: QueueName.Reminders,
  [JobName.PasswordReset]: QueueName.System,
  [JobName.ReturnMail]: QueueName.Reminders,
  [JobName.ManualReminder]: QueueName.Reminders,
};

/** Retries, backoff and retention, in one place for every job. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 5_000 },
  // Failed jobs are kept for a month so an administrator can see and retry them.
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * A deterministic job id from the data, e.g. buildJobId('reminder', taskId, kind, dueIso).
 * BullMQ rejects ':' in custom ids (it uses ':' in its own keys), so parts are joined with
 * '|' and a ':' inside a part (ISO times) becomes '-'.
 */
export function buildJobId(kind: string, ...parts: Array<string | number>): string {
  return [kind, ...parts].map((part) => String(part).replace(/:/g, '-')).join('|');
}

/** The return mail's job: one per subject, transition and submission round (a subject is returned at most once a round). */
export function returnMailJobId(payload: JobPayloads[JobName.ReturnMail]): string {
  return buildJobId('return-mail', payload.subject, payload.subjectId, payload.transition, payload.round);
}

/** The manual reminder's job: one per task and Stockholm day, so a double click or a second secretary queues nothing more. */
export function manualReminderJobId(taskId: string, day: string): string {
  return buildJobId('manual-reminder', taskId, day);
}
