import { Injectable, Logger } from '@nestjs/common';
import { atMost } from '../../common/at-most';
import {
  checkReminderConfig,
  DEFAULT_REMINDER_CONFIG,
  digestJobId,
  lastDigestAt,
  nextDigestAt,
  PlannedReminder,
  plannedReminders,
  ReminderConfig,
} from '@rapportflode/domain';
import { Clock } from '../../common/clock';
import { JobName } from '../../queue/queue.constants';
import { QueueService } from '../../queue/queue.service';
import { RedisClient } from '../../queue/redis-client';
import { DeliveryChanges } from '../notifications/delivery-changes';
import { PlanRow, PlanScope, TaskDirectory } from '../tasks/task-directory';
import { TaskChanges } from '../tasks/task-events';
import { RemindersRepository } from './reminders.repository';

export type { PlanRow } from '../tasks/task-directory';

/** The cycle's reminder settings; a stored value that no longer passes the check falls back to the defaults. */
export function reminderConfigOf(stored: unknown): Readonly<ReminderConfig> {
  const check = checkReminderConfig(stored);
  return check.ok ? check.config : DEFAULT_REMINDER_CONFIG;
}

/** The reminders of a task as its row says now (all of them, or only those still ahead of `now`). */
export function planOf(row: PlanRow, now?: Date): PlannedReminder[] {
  return plannedReminders(
    {
      id: row.id,
      state: row.state,
      deadline: row.deadline,
      submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
      deadlineSetAt: row.deadline_set_at ? new Date(row.deadline_set_at).toISOString() : null,
    },
    reminderConfigOf(row.reminder_config),
    now ? { dropPast: true, now } : {},
  );
}

/**
 * The whole plan of a task and the part still ahead of `now` (what plannedReminders' dropPast
 * keeps: due at `now` or later), from one computation.
 */
function plansOf(row: PlanRow, now: Date): { row: PlanRow; all: PlannedReminder[]; planned: PlannedReminder[] } {
  const all = planOf(row);
  return { row, all, planned: all.filter((p) => Date.parse(p.dueAt) >= now.getTime()) };
}

/** A reminder job's id starts with this (reminderJobId). */
const REMINDER_ID_PREFIX = 'reminder|';
const PENDING_STATES = ['delayed', 'waiting', 'prioritized', 'paused'];
const BULK = 1_000;

export interface ReconcileResult {
  tasks: number;
  expected: number;
  added: number;
  removed: number;
}

/**
 * Turns the reminder plan of each task (libs/domain plannedReminders) into delayed BullMQ jobs,
 * one per reminder, with the deterministic id reminderJobId(task, kind, offset, dueAt) and the
 * delay dueAt − clock.now(). Scheduling is idempotent (the same ids are no-ops) and removes the
 * task's pending jobs that are no longer planned; which jobs a task has is kept in a small Redis
 * set per task, so that is done without scanning the queue. reconcile() rebuilds everything from
 * the database and is what makes a lost or stale Redis harmless.
 */
@Injectable()
export class ReminderScheduler implements TaskChanges, DeliveryChanges {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly tasks: TaskDirectory,
    private readonly repository: RemindersRepository,
    private readonly queues: QueueService,
    private readonly redis: RedisClient,
    private readonly clock: Clock,
  ) {}

  async scheduleTask(taskId: string): Promise<number> {
    return this.schedule({ taskId });
  }

  async scheduleCycle(cycleId: string): Promise<number> {
    return this.schedule({ cycleId });
  }

  /** TaskChanges: what tasks and cycles announce after commit. */
  afterCommit(target: { taskId: string } | { cycleId: string }): Promise<void> {
    return this.scheduleAfterCommit(target);
  }

  /** DeliveryChanges: somebody chose the daily digest. */
  digestChosen(): Promise<void> {
    return this.scheduleDigestAfterCommit();
  }

  /**
   * For the request paths (after their transaction committed): schedules, but never fails the
   * request and never holds it longer than `waitMs` when Redis is away. Whatever did not get
   * through is restored by the next reconciliation.
   */
  async scheduleAfterCommit(target: { taskId: string } | { cycleId: string }, waitMs = 3_000): Promise<void> {
    const work = ('taskId' in target ? this.scheduleTask(target.taskId) : this.scheduleCycle(target.cycleId)).catch((error: Error) => {
      this.logger.warn(`Reminders of ${JSON.stringify(target)} not scheduled now (${error.message}); reconciliation will add them`);
    });
    await atMost(work, waitMs);
  }

  /** scheduleDigest for a request path: never fails the request, never holds it longer than `waitMs`. */
  async scheduleDigestAfterCommit(waitMs = 3_000): Promise<void> {
    const work = this.redis
      .ready()
      .then(() => this.scheduleDigest())
      .catch((error: Error) => {
        this.logger.warn(`Next digest not scheduled now (${error.message}); reconciliation will add it`);
      });
    await atMost(work, waitMs);
  }

  /** The key of a task's set of reminder job ids. */
  taskKey(taskId: string): string {
    return this.redis.key('reminder-jobs', taskId);
  }

  private async schedule(scope: PlanScope): Promise<number> {
    // Fails fast while Redis is away (BullMQ's own connection would wait for it).
    const redis = await this.redis.ready();
    const rows = await this.tasks.plans(scope);
    if (rows.length === 0) return 0;
    const now = this.clock.now();
    // Stale: no longer in the task's plan at all. A job whose instant has just passed is still
    // planned (it is about to run, or runs late after a worker outage) and is left alone.
    const plans = rows.map((row) => plansOf(row, now));

    const known = redis.pipeline();
    for (const { row } of plans) known.smembers(this.taskKey(row.id));
    const members = ((await known.exec()) ?? []).map(([error, ids]) => (error ? [] : (ids as string[])));

    const stale = plans.flatMap(({ all }, i) => {
      const expected = new Set(all.map((p) => p.jobId));
      return members[i].filter((id) => !expected.has(id));
    });
    await this.removePending(stale);
    // Jobs the task's set already names are in the queue (the set and the jobs share one Redis; a
    // lost Redis loses both, and reconciliation compares against the queue itself).
    const toAdd = plans.flatMap(({ row, planned }, i) => {
      const queued = new Set(members[i]);
      return planned.filter((p) => !queued.has(p.jobId)).map((p) => ({ taskId: row.id, p }));
    });
    await this.add(toAdd, now);
    await this.rememberJobs(plans.map(({ row, planned }) => [row.id, planned.map((p) => p.jobId)]));
    return toAdd.length;
  }

  /**
   * Rebuilds the expected reminder jobs of every open task from the database: adds what is
   * missing (after a flushed Redis, a failed enqueue, a crash) and removes pending reminder
   * jobs nobody expects any more. The queue is read before the database, so a change made while
   * this runs is never undone: its new jobs are either seen as expected or not seen at all.
   */
  async reconcile(): Promise<ReconcileResult> {
    const queue = this.queues.queue(JobName.Reminder);
    const pending = (await queue.getRanges(['delayed', 'wait', 'prioritized'], 0, -1)).filter((id) =>
      id.startsWith(REMINDER_ID_PREFIX),
    );
    const rows = await this.tasks.plans('open');
    const now = this.clock.now();
    const plans = rows.map((row) => plansOf(row, now));
    // Stale is judged against the whole plan (a job past its instant but not yet run stays);
    // missing against what is still ahead (the past is not sent again after a flush).
    const expected = new Set(plans.flatMap(({ all }) => all.map((p) => p.jobId)));
    const queued = new Set(pending);
    const stale = pending.filter((id) => !expected.has(id));
    const removed = await this.removePending(stale);
    const missing = plans.flatMap(({ row, planned }) => planned.filter((p) => !queued.has(p.jobId)).map((p) => ({ taskId: row.id, p })));
    await this.add(missing, now);
    await this.rememberJobs(plans.map(({ row, planned }) => [row.id, planned.map((p) => p.jobId)]));
    await this.scheduleDigest();
    const result = { tasks: rows.length, expected: plans.reduce((n, { planned }) => n + planned.length, 0), added: missing.length, removed };
    if (result.added > 0 || result.removed > 0) this.logger.log(`Reconciled reminders: ${JSON.stringify(result)}`);
    return result;
  }

  /**
   * The daily digest (ReminderDigests): queues the next digest run when anybody wants digests or has reminders waiting for one, and a
   * run at once for reminders that missed theirs (a flushed Redis, a worker away at 08.15).
   * Idempotent: the job ids come from the instants.
   */
  async scheduleDigest(): Promise<string | null> {
    const state = await this.repository.digestState();
    if (!state.wanted) return null;
    const now = this.clock.now();
    const last = lastDigestAt(now);
    if (state.overdue && state.overdue.getTime() <= Date.parse(last)) {
      await this.queues.enqueue(JobName.ReminderDigest, { dueAt: last }, { jobId: digestJobId(last), delayMs: 0 });
    }
    const next = nextDigestAt(now);
    await this.queues.enqueue(JobName.ReminderDigest, { dueAt: next }, { jobId: digestJobId(next), delayMs: Date.parse(next) - now.getTime() });
    return next;
  }

  private async add(reminders: Array<{ taskId: string; p: PlannedReminder }>, now: Date): Promise<void> {
    for (let start = 0; start < reminders.length; start += BULK) {
      await this.queues.enqueueMany(
        JobName.Reminder,
        reminders.slice(start, start + BULK).map(({ taskId, p }) => ({
          jobId: p.jobId,
          delayMs: Math.max(0, Date.parse(p.dueAt) - now.getTime()),
          payload: { taskId, kind: p.kind, offset: p.offset, dueAt: p.dueAt },
        })),
      );
    }
  }

  /** Removes jobs that are still waiting for their time; a job already running or done is left (the worker re-checks). */
  private async removePending(jobIds: readonly string[]): Promise<number> {
    const queue = this.queues.queue(JobName.Reminder);
    let removed = 0;
    for (const jobId of jobIds) {
      const job = await queue.getJob(jobId);
      if (!job || !PENDING_STATES.includes(await job.getState())) continue;
      try {
        await job.remove();
        removed += 1;
      } catch {
        // picked up by a worker meanwhile: it re-reads the task and sends nothing stale
      }
    }
    return removed;
  }

  private async rememberJobs(tasks: Array<[string, string[]]>): Promise<void> {
    const redis = await this.redis.ready();
    for (let start = 0; start < tasks.length; start += BULK) {
      const pipeline = redis.pipeline();
      for (const [taskId, jobIds] of tasks.slice(start, start + BULK)) {
        pipeline.del(this.taskKey(taskId));
        if (jobIds.length > 0) pipeline.sadd(this.taskKey(taskId), ...jobIds);
      }
      await pipeline.exec();
    }
  }
}
