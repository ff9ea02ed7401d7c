import type { WorkerOptions } from 'bullmq';

/**
 * BullMQ's crash detection for the reminders worker: a job whose worker stopped renewing its
 * lock for REMINDER_LOCK_MS (default 30 s) is handed to another worker by the stalled-job check
 * that runs every REMINDER_STALLED_INTERVAL_MS (default 30 s). Read from process.env when the
 * processor class is declared (worker options are fixed in its decorator); environment.ts
 * validates the same variables at start-up. Tests of a killed worker set them to a few seconds.
 */
export function reminderWorkerTimings(env: NodeJS.ProcessEnv = process.env): Pick<WorkerOptions, 'lockDuration' | 'stalledInterval'> {
  const ms = (name: string): number | undefined => {
    const value = Number(env[name]);
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const lockDuration = ms('REMINDER_LOCK_MS');
  const stalledInterval = ms('REMINDER_STALLED_INTERVAL_MS');
  return { ...(lockDuration ? { lockDuration } : {}), ...(stalledInterval ? { stalledInterval } : {}) };
}
