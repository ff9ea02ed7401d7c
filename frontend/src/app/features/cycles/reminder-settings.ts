import { HttpErrorResponse } from '@angular/common/http';
import {
  checkReminderConfig,
  DEFAULT_REMINDER_CONFIG,
  isIsoDate,
  IsoDate,
  isWorkingDay,
  plannedReminders,
  REMINDER_LIMITS,
  ReminderConfig,
  ReminderConfigCheck,
  ReminderKind,
  swedishHolidays,
} from '@rapportflode/domain';
import { errorMessage } from '../../core/api-client';

/** The hours the secretary may choose, Stockholm time: 6–18. */
export const REMINDER_HOURS: readonly number[] = Array.from(
  { length: REMINDER_LIMITS.lastHour - REMINDER_LIMITS.firstHour + 1 },
  (_, i) => REMINDER_LIMITS.firstHour + i,
);

/** `kl. 08.00` */
export function hourText(hour: number): string {
  return `kl. ${String(hour).padStart(2, '0')}.00`;
}

/** `5`, `5 och 1`, `10, 5 och 1` */
export function listText(values: readonly number[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} och ${values[values.length - 1]}`;
}

function workingDays(values: readonly number[]): string {
  const plural = values.length > 1 || values[0] !== 1;
  return `${listText(values)} ${plural ? 'arbetsdagar' : 'arbetsdag'}`;
}

/**
 * The settings in plain Swedish: `5 och 1 arbetsdagar före sista dag, på sista dagen kl. 08.00,
 * 1 och 3 arbetsdagar efter (till granskare och nämndsekreterare), granskare påminns efter 3 arbetsdagar.`
 */
export function reminderSummary(config: Readonly<ReminderConfig>): string {
  const parts: string[] = [];
  parts.push(config.beforeDeadline.length ? `${workingDays(config.beforeDeadline)} före sista dag` : 'inga påminnelser före sista dag');
  parts.push(config.onDeadline ? `på sista dagen ${hourText(config.hour)}` : `ingen på sista dagen (påminnelserna går ut ${hourText(config.hour)})`);
  parts.push(
    config.afterDeadline.length
      ? `${workingDays(config.afterDeadline)} efter (till granskare och nämndsekreterare)`
      : 'inga efter sista dag',
  );
  parts.push(
    config.reviewNudgeAfter === null
      ? 'granskare påminns inte om inlämnade avsnitt'
      : `granskare påminns efter ${workingDays([config.reviewNudgeAfter])}`,
  );
  const text = parts.join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The reminder form: the offsets as typed (comma-separated working days), the hour, the nudge (empty: off). */
export interface ReminderForm {
  beforeDeadline: string;
  onDeadline: boolean;
  afterDeadline: string;
  hour: number;
  reviewNudgeAfter: string;
}

export function reminderForm(config: Readonly<ReminderConfig>): ReminderForm {
  return {
    beforeDeadline: config.beforeDeadline.join(', '),
    onDeadline: config.onDeadline,
    afterDeadline: config.afterDeadline.join(', '),
    hour: config.hour,
    reviewNudgeAfter: config.reviewNudgeAfter === null ? '' : String(config.reviewNudgeAfter),
  };
}

/** A typed number as a number (`-2`, `1.5` too, for checkReminderConfig to name); anything else stays text. */
function parseNumber(text: string): number | string {
  const trimmed = text.trim();
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** `5, 1` → [5, 1]; empty parts are ignored, so an empty field is no reminders. */
export function parseOffsets(text: string): Array<number | string> {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(parseNumber);
}

/** The form as the request's reminderConfig, unchecked: checkReminderConfig (here and on the server) names what is wrong. */
export function reminderInput(form: ReminderForm): Record<keyof ReminderConfig, unknown> {
  const nudge = form.reviewNudgeAfter.trim();
  return {
    beforeDeadline: parseOffsets(form.beforeDeadline),
    onDeadline: form.onDeadline,
    afterDeadline: parseOffsets(form.afterDeadline),
    reviewNudgeAfter: nudge === '' ? null : parseNumber(nudge),
    hour: Number(form.hour),
  };
}

/** The form checked as the server will check it, with the same Swedish messages. */
export function checkReminderForm(form: ReminderForm): ReminderConfigCheck {
  return checkReminderConfig(reminderInput(form));
}

export function sameReminderConfig(a: Readonly<ReminderConfig>, b: Readonly<ReminderConfig>): boolean {
  return (
    a.onDeadline === b.onDeadline &&
    a.hour === b.hour &&
    a.reviewNudgeAfter === b.reviewNudgeAfter &&
    a.beforeDeadline.join(',') === b.beforeDeadline.join(',') &&
    a.afterDeadline.join(',') === b.afterDeadline.join(',')
  );
}

export function isDefaultReminderConfig(config: Readonly<ReminderConfig>): boolean {
  return sameReminderConfig(config, DEFAULT_REMINDER_CONFIG);
}

const longDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** `torsdag 10 september 2026` */
export function longDateText(date: IsoDate): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

export interface PreviewRow {
  kind: ReminderKind;
  date: IsoDate;
  /** `fredag 3 september 2041 kl. 08.00` */
  when: string;
  /** `5 arbetsdagar före sista dag` */
  what: string;
  /** `Enheten`, `Enheten, granskare och nämndsekreterare` */
  to: string;
  /** Already gone out (or due to) before `today`. */
  past: boolean;
}

function whatText(kind: ReminderKind, offset: number): string {
  switch (kind) {
    case 'before':
      return `${workingDays([offset])} före sista dag`;
    case 'due':
      return 'På sista dagen';
    case 'late':
      return `${workingDays([offset])} efter sista dag`;
    case 'review_nudge':
      return `Granskning, efter ${workingDays([offset])}`;
  }
}

const RECIPIENT_TEXT = {
  writer: 'Enheten',
  'writer+reviewer+secretary': 'Enheten, granskare och nämndsekreterare',
  reviewer: 'Granskare',
} as const;

/**
 * The reminders an avsnitt with the given deadline gets (one not yet submitted), as the scheduler
 * plans them: on working days, a reminder that would fall on a holiday moved before it.
 */
export function reminderPreview(deadline: IsoDate, config: Readonly<ReminderConfig>, today: IsoDate): PreviewRow[] {
  if (!isIsoDate(deadline)) return [];
  return plannedReminders({ id: 'preview', deadline, state: 'not_started' }, config).map((r) => ({
    kind: r.kind,
    date: r.dueDate,
    when: `${longDateText(r.dueDate)} ${hourText(config.hour)}`,
    what: whatText(r.kind, r.offset),
    to: RECIPIENT_TEXT[r.recipients],
    past: r.dueDate < today,
  }));
}

/**
 * The days off between the first and the last reminder (weekdays only: weekends are obvious),
 * e.g. `långfredagen fredag 18 april 2025`, so the secretary sees why a reminder moved.
 */
export function holidaysSkipped(rows: readonly PreviewRow[], deadline: IsoDate): string[] {
  if (!isIsoDate(deadline)) return [];
  const dates = [...rows.map((r) => r.date), deadline].sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const years = new Set([Number(first.slice(0, 4)), Number(last.slice(0, 4))]);
  const found: string[] = [];
  for (const year of [...years].sort()) {
    for (const holiday of swedishHolidays(year)) {
      const day = new Date(`${holiday.date}T00:00:00Z`).getUTCDay();
      if (holiday.date >= first && holiday.date <= last && day !== 0 && day !== 6 && !isWorkingDay(holiday.date)) {
        found.push(`${holiday.name} ${longDateText(holiday.date)}`);
      }
    }
  }
  return found;
}

/** What a failed save of the reminders says: the server's details of a 400 one a line, a clear word on a stale version. */
export function reminderSaveErrors(error: unknown): string[] {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 409) {
      return [
        'Någon annan har ändrat rapportcykeln sedan du hämtade sidan, så påminnelserna sparades inte. Uppgifterna har hämtats på nytt: gör din ändring igen om den fortfarande behövs.',
      ];
    }
    const details = (error.error as { details?: unknown } | null)?.details;
    if (error.status === 400 && Array.isArray(details) && details.length > 0) {
      return [(error.error as { message?: string }).message ?? 'Påminnelserna kunde inte sparas.', ...details.map(String)].filter(Boolean);
    }
  }
  return [errorMessage(error)];
}
