import type { QueueJobDto, QueueJobState } from '@rapportflode/api-contract';

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
