import type {
  QueueJobDto,
  QueueJobState,
  ReminderFailureDto,
  ReminderFailureKind,
  ReminderFailureStatus,
} from '@rapportflode/api-contract';

/** The states the Köer page lists, in order, with their Swedish names. */
export const JOB_STATE_LABELS: ReadonlyArray<{ state: QueueJobState; label: string }> = [
  { state: 'failed', label: 'Misslyckade' },
  { state: 'delayed', label: 'Fördröjda' },
  { state: 'waiting', label: 'Väntande' },
  { state: 'active', label: 'Pågående' },
  { state: 'completed', label: 'Klara' },
];

export function jobStateLabel(state: QueueJobState): string {
  return JOB_STATE_LABELS.find((entry) => entry.state === state)?.label ?? state;
}

/** Swedish names of the queues; a new queue is shown by its name until it gets one. */
const QUEUE_LABELS: Readonly<Record<string, string>> = {
  system: 'System',
  reminders: 'Påminnelser',
};

export function queueLabel(name: string): string {
  return Object.prototype.hasOwnProperty.call(QUEUE_LABELS, name) ? QUEUE_LABELS[name] : name;
}

/** `2 av 5` attempts. */
export function attemptsText(job: Pick<QueueJobDto, 'attemptsMade' | 'attempts'>): string {
  return `${job.attemptsMade} av ${job.attempts}`;
}

/** The job's payload as indented JSON. */
export function jobData(data: unknown): string {
  return data === undefined || data === null ? '–' : JSON.stringify(data, null, 2);
}

/** What the live region says after a retry. */
export function retryResultText(jobId: string, state: string): string {
  const where =
    state === 'failed'
      ? 'kördes igen men misslyckades på nytt'
      : state === 'completed'
        ? 'kördes igen och är klart'
        : 'ligger i kön igen';
  return `Jobbet ${jobId} ${where}.`;
}

/** `a@x.se, b@x.se` → the first recipient and how many more. */
export function recipientsText(to: string): string {
  const all = to
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (all.length <= 1) return all[0] ?? '–';
  return `${all[0]} och ${all.length - 1} till`;
}

/** The kinds of reminder, in Swedish, as the page Utskick names them. */
const REMINDER_KIND_LABELS: Readonly<Record<ReminderFailureKind, string>> = {
  before: 'Före sista dag',
  due: 'På sista dagen',
  late: 'Efter sista dag',
  review_nudge: 'Påminnelse till granskare',
  returned: 'Återremitterad',
  reopened: 'Öppnad igen',
  manual: 'Skickad av sekreteraren',
};

export function reminderKindLabel(kind: ReminderFailureKind): string {
  return Object.prototype.hasOwnProperty.call(REMINDER_KIND_LABELS, kind) ? REMINDER_KIND_LABELS[kind] : kind;
}

const REMINDER_STATUS_LABELS: Readonly<Record<ReminderFailureStatus, string>> = {
  failed: 'Misslyckad',
  retrying: 'Försöker igen',
};

export function reminderStatusLabel(status: ReminderFailureStatus): string {
  return Object.prototype.hasOwnProperty.call(REMINDER_STATUS_LABELS, status) ? REMINDER_STATUS_LABELS[status] : status;
}

/** `Tertialbokslut 2 2027, 2.1 Nulägesbeskrivning, Barn och familj` (`Nämndnivå` without a unit). */
export function reminderTaskText(
  failure: Pick<ReminderFailureDto, 'cycleTitle' | 'sectionNumber' | 'sectionTitle' | 'unitName'>,
): string {
  const section = [failure.sectionNumber, failure.sectionTitle].filter(Boolean).join(' ');
  return `${failure.cycleTitle}, ${section}, ${failure.unitName ?? 'Nämndnivå'}`;
}
