import { formatDate } from './format';
import type { FlatOrganisationUnit } from './organisation';
import type { Responsibility } from './template';
import { EDITABLE_STATES, TaskState } from './workflow';

/**
 * A report cycle: one production run of one report for one nämnd (docs/domain.md, "The report cycle and its tasks").
 * The rules here are shared by the server (which enforces them) and the UI (which shows them).
 */

/** A calendar date as `YYYY-MM-DD`, in Swedish time: deadlines are days, not instants. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Today's date in Stockholm, as `YYYY-MM-DD`. */
export function swedishToday(now: Date = new Date()): IsoDate {
  return formatDate(now);
}

function epochDay(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Whole days from one date to another (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return from === to ? 0 : epochDay(to) - epochDay(from);
}

export interface CycleDates {
  periodEnd: IsoDate;
  submissionDeadline: IsoDate;
  reviewDeadline: IsoDate;
  assemblyDeadline: IsoDate;
  meetingDate: IsoDate;
}

export const CYCLE_DATE_LABELS: Readonly<Record<keyof CycleDates, string>> = {
  periodEnd: 'Periodens slut',
  submissionDeadline: 'Sista dag för enheternas inlämning',
  reviewDeadline: 'Sista dag för granskning',
  assemblyDeadline: 'Sista dag för sammanställning',
  meetingDate: 'Nämndens sammanträde',
};

/**
 * Checks a cycle's dates: each a real date, in the order the work happens (the period ends,
 * units submit, the economist reviews, the secretary assembles, the nämnd meets). Returns the
 * Swedish messages of everything wrong.
 */
export function checkCycleDates(dates: Partial<Record<keyof CycleDates, unknown>>): string[] {
  const errors: string[] = [];
  const order: Array<keyof CycleDates> = ['periodEnd', 'submissionDeadline', 'reviewDeadline', 'assemblyDeadline', 'meetingDate'];
  for (const key of order) {
    if (!isIsoDate(dates[key])) errors.push(`${CYCLE_DATE_LABELS[key]} måste vara ett datum (ÅÅÅÅ-MM-DD).`);
  }
  if (errors.length) return errors;
  for (let i = 1; i < order.length; i += 1) {
    const before = dates[order[i - 1]] as string;
    const after = dates[order[i]] as string;
    const strictly = order[i] !== 'reviewDeadline' && order[i] !== 'assemblyDeadline';
    if (strictly ? after <= before : after < before) {
      errors.push(
        `${CYCLE_DATE_LABELS[order[i]]} (${after}) måste infalla ${strictly ? 'efter' : 'samma dag som eller efter'} ${CYCLE_DATE_LABELS[order[i - 1]].toLowerCase()} (${before}).`,
      );
    }
  }
  return errors;
}

/**
 * The units that must deliver a section: one committee-level task (null), every active unit
 * that has no active units below it (the enheter, whatever the tree's depth), or the units
 * chosen in the template that are still active.
 */
export function responsibleUnits(
  responsibility: Responsibility,
  chosenUnitIds: readonly string[],
  units: readonly Pick<FlatOrganisationUnit, 'id' | 'parentId' | 'active'>[],
): Array<string | null> {
  if (responsibility === 'committee') return [null];
  const active = units.filter((u) => u.active);
  if (responsibility === 'chosen_units') {
    const chosen = new Set(chosenUnitIds);
    return active.filter((u) => chosen.has(u.id)).map((u) => u.id);
  }
  const parents = new Set(active.map((u) => u.parentId).filter((id): id is string => id !== null));
  return active.filter((u) => !parents.has(u.id)).map((u) => u.id);
}

/** Where a task is in its life, as the overview shows it. */
export interface TaskProgressInput {
  state: TaskState;
  deadline: IsoDate;
}

/** Days past the deadline while the unit still holds the pen; 0 when on time or handed in. */
export function daysLate(task: TaskProgressInput, today: IsoDate): number {
  if (task.deadline >= today || !EDITABLE_STATES.includes(task.state)) return 0;
  return Math.max(0, daysBetween(task.deadline, today));
}

/** `1 dag försenad`, `5 dagar försenad`; empty when on time. */
export function daysLateLabel(days: number): string {
  if (!(days > 0)) return '';
  return days === 1 ? '1 dag försenad' : `${days} dagar försenad`;
}

export const OVERVIEW_FILTERS = ['all', 'late', 'waiting_for_review', 'returned'] as const;
export type OverviewFilter = (typeof OVERVIEW_FILTERS)[number];

export const OVERVIEW_FILTER_LABELS: Readonly<Record<OverviewFilter, string>> = {
  all: 'Alla',
  late: 'Försenade',
  waiting_for_review: 'Väntar på granskning',
  returned: 'Återremitterade',
};

export function matchesFilter(task: TaskProgressInput, filter: OverviewFilter, today: IsoDate): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'late':
      return daysLate(task, today) > 0;
    case 'waiting_for_review':
      return task.state === 'submitted';
    case 'returned':
      return task.state === 'returned';
  }
}

export interface Progress {
  total: number;
  approved: number;
  submitted: number;
  late: number;
  /** Share approved, 0–100, rounded down so 100 means every task is approved. */
  percent: number;
}

/**
 * The progress figure of a unit or a whole cycle: approved tasks of all tasks. `count` lets a
 * caller pass grouped rows (state, deadline, how many) instead of one entry per task.
 */
export function progressOf(tasks: readonly (TaskProgressInput & { count?: number })[], today: IsoDate): Progress {
  const progress = { total: 0, approved: 0, submitted: 0, late: 0, percent: 0 };
  for (const task of tasks) {
    const n = task.count ?? 1;
    progress.total += n;
    if (task.state === 'approved') progress.approved += n;
    if (task.state === 'submitted') progress.submitted += n;
    if (daysLate(task, today) > 0) progress.late += n;
  }
  progress.percent = progress.total === 0 ? 0 : Math.floor((progress.approved * 100) / progress.total);
  return progress;
}
