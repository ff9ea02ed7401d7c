import { addWorkingDays, isWorkingDay, nextWorkingDay, previousWorkingDay, rollToWorkingDay } from './calendar';
import { isIsoDate, IsoDate, swedishToday } from './cycle';
import { SWEDISH_TIME_ZONE } from './format';
import type { TaskState } from './workflow';

/**
 * The reminder schedule, as pure functions: which reminders a task should get, on
 * which working day and at which instant. The scheduler turns each into a delayed job whose id
 * comes from reminderJobId, so planning twice is a no-op and reconciliation can compare the
 * expected ids with the queued ones.
 */

export interface ReminderConfig {
  /** Working days before the deadline, largest first, each 1–60: `[5, 1]`. */
  beforeDeadline: readonly number[];
  /** A reminder on the deadline itself (the last working day by it). */
  onDeadline: boolean;
  /** Working days after the deadline, smallest first, each 1–60; these go to reviewer and secretary too. */
  afterDeadline: readonly number[];
  /** Working days a submitted task may wait before the reviewer is nudged, 1–60; null for no nudge. */
  reviewNudgeAfter: number | null;
  /** The hour of the day, Europe/Stockholm time, 6–18. */
  hour: number;
}

export const DEFAULT_REMINDER_CONFIG: Readonly<ReminderConfig> = Object.freeze({
  beforeDeadline: Object.freeze([5, 1]),
  onDeadline: true,
  afterDeadline: Object.freeze([1, 3]),
  reviewNudgeAfter: 3,
  hour: 8,
});

export const REMINDER_LIMITS = { maxOffset: 60, maxOffsets: 10, firstHour: 6, lastHour: 18 } as const;

export const REMINDER_CONFIG_LABELS: Readonly<Record<keyof ReminderConfig, string>> = {
  beforeDeadline: 'Påminnelser före sista dagen',
  onDeadline: 'Påminnelse på sista dagen',
  afterDeadline: 'Påminnelser efter sista dagen',
  reviewNudgeAfter: 'Påminnelse om granskning',
  hour: 'Klockslag för påminnelser',
};

export type ReminderConfigCheck = { ok: true; config: ReminderConfig } | { ok: false; errors: string[] };

function checkOffsets(value: unknown, key: 'beforeDeadline' | 'afterDeadline', errors: string[]): number[] {
  const label = REMINDER_CONFIG_LABELS[key];
  const { maxOffset, maxOffsets } = REMINDER_LIMITS;
  if (!Array.isArray(value)) {
    errors.push(`${label} måste vara en lista med antal arbetsdagar.`);
    return [];
  }
  if (value.length > maxOffsets) errors.push(`${label}: högst ${maxOffsets} påminnelser, inte ${value.length}.`);
  const seen = new Set<number>();
  const clean: number[] = [];
  for (const offset of value as unknown[]) {
    if (typeof offset !== 'number' || !Number.isInteger(offset)) {
      errors.push(`${label}: "${String(offset)}" är inte ett helt antal arbetsdagar.`);
    } else if (offset < 1) {
      errors.push(
        offset === 0
          ? `${label}: 0 arbetsdagar är sista dagen själv; den påminnelsen slås på separat.`
          : `${label}: ${offset} är negativt; ange antal arbetsdagar ${key === 'beforeDeadline' ? 'före' : 'efter'} sista dagen som ett positivt tal.`,
      );
    } else if (offset > maxOffset) {
      errors.push(`${label}: ${offset} arbetsdagar är för långt; högst ${maxOffset}.`);
    } else if (seen.has(offset)) {
      errors.push(`${label}: ${offset} arbetsdagar förekommer två gånger.`);
    } else {
      seen.add(offset);
      clean.push(offset);
    }
  }
  return key === 'beforeDeadline' ? clean.sort((a, b) => b - a) : clean.sort((a, b) => a - b);
}

/**
 * Checks a reminder configuration as the secretary sends it: a missing setting (or a null/undefined
 * input) takes its default, anything else must make sense. Returns the clean configuration (offsets
 * sorted in the order the reminders go out) or the Swedish messages of everything wrong.
 */
export function checkReminderConfig(input: unknown): ReminderConfigCheck {
  if (input === null || input === undefined) return { ok: true, config: cloneConfig(DEFAULT_REMINDER_CONFIG) };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: ['Inställningarna för påminnelser har fel format.'] };
  }
  const raw = input as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!(key in REMINDER_CONFIG_LABELS)) errors.push(`Okänd inställning för påminnelser: "${key}".`);
  }
  const pick = <K extends keyof ReminderConfig>(key: K): unknown =>
    raw[key] === undefined ? DEFAULT_REMINDER_CONFIG[key] : raw[key];

  const beforeDeadline = checkOffsets(pick('beforeDeadline'), 'beforeDeadline', errors);
  const afterDeadline = checkOffsets(pick('afterDeadline'), 'afterDeadline', errors);

  const onDeadline = pick('onDeadline');
  if (typeof onDeadline !== 'boolean') errors.push(`${REMINDER_CONFIG_LABELS.onDeadline} måste vara på eller av.`);

  const nudge = pick('reviewNudgeAfter');
  if (nudge !== null && (typeof nudge !== 'number' || !Number.isInteger(nudge) || nudge < 1 || nudge > REMINDER_LIMITS.maxOffset)) {
    errors.push(
      `${REMINDER_CONFIG_LABELS.reviewNudgeAfter} måste ges i hela arbetsdagar från 1 till ${REMINDER_LIMITS.maxOffset} (eller stängas av), inte "${String(nudge)}".`,
    );
  }

  const hour = pick('hour');
  const { firstHour, lastHour } = REMINDER_LIMITS;
  if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < firstHour || hour > lastHour) {
    errors.push(`${REMINDER_CONFIG_LABELS.hour} måste vara en hel timme från ${firstHour} till ${lastHour}, inte "${String(hour)}".`);
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      beforeDeadline,
      onDeadline: onDeadline as boolean,
      afterDeadline,
      reviewNudgeAfter: nudge as number | null,
      hour: hour as number,
    },
  };
}

function cloneConfig(config: Readonly<ReminderConfig>): ReminderConfig {
  return { ...config, beforeDeadline: [...config.beforeDeadline], afterDeadline: [...config.afterDeadline] };
}

export const REMINDER_KINDS = ['before', 'due', 'late', 'review_nudge'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type ReminderRecipients = 'writer' | 'writer+reviewer+secretary' | 'reviewer';

export const REMINDER_RECIPIENTS: Readonly<Record<ReminderKind, ReminderRecipients>> = {
  before: 'writer',
  due: 'writer',
  late: 'writer+reviewer+secretary',
  review_nudge: 'reviewer',
};

/** The task states in which the unit still holds the pen and gets deadline reminders. */
export const REMINDED_STATES: readonly TaskState[] = ['not_started', 'draft', 'returned', 'reopened'];

export interface ReminderTask {
  id: string;
  deadline: IsoDate;
  state: TaskState;
  /** When the task was (last) submitted, an ISO instant; needed for the review nudge. */
  submittedAt?: string | null;
  /**
   * When the task's own deadline was last set, an ISO instant (null: never, or back to the
   * cycle's). A deadline set to a day already behind the Stockholm date of that instant is a
   * deadline moved into the past: its late reminders are counted from that date instead.
   */
  deadlineSetAt?: string | null;
}

export interface PlannedReminder {
  kind: ReminderKind;
  /** Working days before (before), after (late) or waiting (review_nudge); 0 for due. */
  offset: number;
  /** The working day the reminder goes out, in Stockholm. */
  dueDate: IsoDate;
  /** The instant, ISO in UTC: the configured hour in Stockholm on dueDate. */
  dueAt: string;
  recipients: ReminderRecipients;
  /** reminderJobId(task.id, kind, offset, dueAt). */
  jobId: string;
}

export interface PlanOptions {
  /** Leave out reminders due before `now` (default false: reconciliation wants them all). */
  dropPast?: boolean;
  /** The present instant for dropPast; defaults to the clock. */
  now?: Date;
}

/**
 * The reminders a task should get, in the order they go out.
 *
 * - While the unit holds the pen (REMINDED_STATES): `before` reminders counted in working days
 *   back from the deadline, `due` on the deadline, `late` ones counted in working days after it.
 *   A deadline on a non-working day is met on the working day before it: `due` falls there and
 *   `before` is counted from there; `late` is counted from the deadline itself, so the first
 *   falls on the next working day. (A reminder due on a non-working day moves to the previous
 *   working day before a deadline and the next after it.)
 * - A deadline moved into the past (deadlineSetAt on a Stockholm date after the deadline): the
 *   `before` and `due` reminders are all behind it and are never sent; the `late` ones are
 *   counted from the day it was moved, so the first goes out at the reminder hour of the next
 *   working day and the rest follow at their offsets, never a burst of the ones already passed.
 * - Submitted: only the nudge to the reviewer, N working days after the Stockholm date of
 *   submittedAt (none without submittedAt).
 * - Approved: nothing.
 */
export function plannedReminders(
  task: ReminderTask,
  config: Readonly<ReminderConfig> = DEFAULT_REMINDER_CONFIG,
  options: PlanOptions = {},
): PlannedReminder[] {
  if (!isIsoDate(task.deadline)) throw new RangeError(`Task ${task.id} has no valid deadline: ${String(task.deadline)}`);
  const planned: Array<Omit<PlannedReminder, 'dueAt' | 'recipients' | 'jobId'>> = [];
  if (REMINDED_STATES.includes(task.state)) {
    const lastDay = rollToWorkingDay(task.deadline, 'backward');
    for (const offset of config.beforeDeadline) {
      planned.push({ kind: 'before', offset, dueDate: addWorkingDays(lastDay, -offset) });
    }
    if (config.onDeadline) planned.push({ kind: 'due', offset: 0, dueDate: lastDay });
    const lateFrom = lateAnchor(task);
    for (const offset of config.afterDeadline) {
      planned.push({ kind: 'late', offset, dueDate: addWorkingDays(lateFrom, offset) });
    }
  } else if (task.state === 'submitted' && task.submittedAt && config.reviewNudgeAfter !== null) {
    const submitted = new Date(task.submittedAt);
    if (Number.isNaN(submitted.getTime())) throw new RangeError(`Task ${task.id} has an invalid submittedAt: ${task.submittedAt}`);
    const offset = config.reviewNudgeAfter;
    planned.push({ kind: 'review_nudge', offset, dueDate: addWorkingDays(swedishToday(submitted), offset) });
  }
  const now = options.dropPast ? (options.now ?? new Date()).getTime() : null;
  return planned
    .map((p) => {
      const dueAt = stockholmInstant(p.dueDate, config.hour);
      return { ...p, dueAt, recipients: REMINDER_RECIPIENTS[p.kind], jobId: reminderJobId(task.id, p.kind, p.offset, dueAt) };
    })
    .filter((r) => now === null || Date.parse(r.dueAt) >= now)
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
}

/** The day late reminders are counted from: the deadline, or the day it was moved into the past. */
function lateAnchor(task: ReminderTask): IsoDate {
  if (!task.deadlineSetAt) return task.deadline;
  const set = new Date(task.deadlineSetAt);
  if (Number.isNaN(set.getTime())) throw new RangeError(`Task ${task.id} has an invalid deadlineSetAt: ${task.deadlineSetAt}`);
  const setDay = swedishToday(set);
  return setDay > task.deadline ? setDay : task.deadline;
}

/**
 * The job id of a reminder, built from the data so that scheduling twice is a no-op. The same
 * string as the backend's buildJobId('reminder', taskId, kind, offset, dueAt): parts joined by
 * '|', every ':' (BullMQ's own key separator, which it refuses in custom ids) turned into '-'.
 * E.g. `reminder|t1|before|5|2026-03-30T06-00-00.000Z`.
 */
export function reminderJobId(taskId: string, kind: ReminderKind, offset: number, dueAt: string): string {
  return ['reminder', taskId, kind, offset, dueAt].map((part) => String(part).replace(/:/g, '-')).join('|');
}

const stockholmParts = new Intl.DateTimeFormat('en-US', {
  timeZone: SWEDISH_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

/** Stockholm's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function stockholmOffsetMs(instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of stockholmParts.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts['year'], parts['month'] - 1, parts['day'], parts['hour'], parts['minute'], parts['second']);
  return wall - Math.floor(instant / 1000) * 1000;
}

const instants = new Map<string, string>();

/**
 * The instant, ISO in UTC, at which Stockholm's clocks show the hour (and minute) on the date:
 * stockholmInstant('2026-03-27', 8) is `2026-03-27T07:00:00.000Z`, stockholmInstant('2026-03-30', 8)
 * `2026-03-30T06:00:00.000Z` (summer time from 29 March). For a wall time that does not exist
 * (02:30 on the spring-forward night) the result is the instant an hour-later clock shows it.
 */
export function stockholmInstant(date: IsoDate, hour: number, minute = 0): string {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(date)}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`Not a time of day: ${hour}:${minute}`);
  }
  const key = `${date}|${hour}|${minute}`;
  let iso = instants.get(key);
  if (iso === undefined) {
    const wall = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hour, minute);
    let instant = wall - stockholmOffsetMs(wall);
    const corrected = wall - stockholmOffsetMs(instant);
    if (corrected !== instant) instant = corrected;
    iso = new Date(instant).toISOString();
    instants.set(key, iso);
  }
  return iso;
}

/**
 * How a person wants reminder e-mail: each one as it goes out, or one summary per working day
 * (the daily digest). In-app notifications come at once either way.
 */
export const REMINDER_DELIVERIES = ['immediate', 'daily_digest'] as const;
export type ReminderDelivery = (typeof REMINDER_DELIVERIES)[number];

/**
 * When the daily digest goes out: 08.15 Stockholm time on working days, a quarter of an hour
 * after the default reminder hour, so the morning's reminders are in it. A reminder that falls
 * due later in the day (a cycle that sends at 10.00) is in the next working day's digest.
 */
export const DIGEST_TIME = Object.freeze({ hour: 8, minute: 15 });

export const REMINDER_DELIVERY_LABELS: Readonly<Record<ReminderDelivery, string>> = {
  immediate: 'Varje påminnelse för sig, när den går ut',
  daily_digest: 'En sammanfattning per arbetsdag kl. 08.15 med det som gått ut sedan förra',
};

export function isReminderDelivery(value: unknown): value is ReminderDelivery {
  return typeof value === 'string' && (REMINDER_DELIVERIES as readonly string[]).includes(value);
}

/**
 * The first digest instant after `now` (strictly later): DIGEST_TIME on the next working day
 * whose digest is still ahead, ISO in UTC. On Friday at 09.00 that is Monday 08.15 (or Tuesday
 * when Monday is a public holiday).
 */
export function nextDigestAt(now: Date | number): string {
  const instant = typeof now === 'number' ? now : now.getTime();
  let date = swedishToday(new Date(instant));
  for (;;) {
    if (isWorkingDay(date)) {
      const at = stockholmInstant(date, DIGEST_TIME.hour, DIGEST_TIME.minute);
      if (Date.parse(at) > instant) return at;
    }
    date = nextWorkingDay(date);
  }
}

/** The latest digest instant at or before `now`: the run that should have gathered what was due by then. */
export function lastDigestAt(now: Date | number): string {
  const instant = typeof now === 'number' ? now : now.getTime();
  let date = swedishToday(new Date(instant));
  for (;;) {
    if (isWorkingDay(date)) {
      const at = stockholmInstant(date, DIGEST_TIME.hour, DIGEST_TIME.minute);
      if (Date.parse(at) <= instant) return at;
    }
    date = previousWorkingDay(date);
  }
}

/** The job id of the digest run at an instant: `digest|2041-03-04T07-15-00.000Z` (see reminderJobId). */
export function digestJobId(dueAt: string): string {
  return ['digest', dueAt].map((part) => part.replace(/:/g, '-')).join('|');
}
