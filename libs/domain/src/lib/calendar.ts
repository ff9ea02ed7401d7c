import { daysBetween, isIsoDate, IsoDate } from './cycle';

/**
 * The Swedish working-day calendar: weekends, the public holidays (helgdagar, lag 1989:253)
 * and the eves everyone treats as days off (midsommarafton, julafton, nyårsafton).
 *
 * Today's rules are applied to every year from 1900 to 2200; the historical ones (fixed
 * midsommardagen and alla helgons dag before 1953, annandag pingst until 2004, no
 * nationaldagen before 2005) are not modelled, since the calendar serves deadlines, not history.
 * Dates outside those years are refused with a RangeError.
 */

export const CALENDAR_FIRST_YEAR = 1900;
export const CALENDAR_LAST_YEAR = 2200;

export interface SwedishHoliday {
  date: IsoDate;
  /** The Swedish name, lower case as in running text: `långfredagen`, `midsommarafton`. */
  name: string;
  /** True for the eves (midsommarafton, julafton, nyårsafton): not helgdagar, but days off. */
  eve: boolean;
}

const EPOCH: IsoDate = '1970-01-01';

/** Days since 1970-01-01. */
function toDay(date: IsoDate): number {
  return daysBetween(EPOCH, date);
}

function fromDay(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function isoOf(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    throw new RangeError(`The calendar covers the years ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}, got ${year}`);
  }
}

function assertDate(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(date)}`);
  assertYear(Number(date.slice(0, 4)));
  return toDay(date);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Easter Sunday (påskdagen) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoOf(year, month, day);
}

/** The first date from `from` (inclusive) that falls on the given weekday (0 = Sunday). */
function firstWeekdayFrom(from: IsoDate, wanted: number): IsoDate {
  const day = toDay(from);
  return fromDay(day + ((wanted - weekday(day) + 7) % 7));
}

interface YearCalendar {
  holidays: readonly SwedishHoliday[];
  /** Epoch days of every holiday and eve (weekends are not listed). */
  daysOff: ReadonlySet<number>;
}

const years = new Map<number, YearCalendar>();

function yearCalendar(year: number): YearCalendar {
  let calendar = years.get(year);
  if (calendar) return calendar;
  assertYear(year);
  const easter = toDay(easterSunday(year));
  const FRIDAY = 5;
  const SATURDAY = 6;
  const list: SwedishHoliday[] = [
    { date: isoOf(year, 1, 1), name: 'nyårsdagen', eve: false },
    { date: isoOf(year, 1, 6), name: 'trettondedag jul', eve: false },
    { date: fromDay(easter - 2), name: 'långfredagen', eve: false },
    { date: fromDay(easter), name: 'påskdagen', eve: false },
    { date: fromDay(easter + 1), name: 'annandag påsk', eve: false },
    { date: isoOf(year, 5, 1), name: 'första maj', eve: false },
    { date: fromDay(easter + 39), name: 'Kristi himmelsfärdsdag', eve: false },
    { date: fromDay(easter + 49), name: 'pingstdagen', eve: false },
    { date: isoOf(year, 6, 6), name: 'Sveriges nationaldag', eve: false },
    { date: firstWeekdayFrom(isoOf(year, 6, 19), FRIDAY), name: 'midsommarafton', eve: true },
    { date: firstWeekdayFrom(isoOf(year, 6, 20), SATURDAY), name: 'midsommardagen', eve: false },
    { date: firstWeekdayFrom(isoOf(year, 10, 31), SATURDAY), name: 'alla helgons dag', eve: false },
    { date: isoOf(year, 12, 24), name: 'julafton', eve: true },
    { date: isoOf(year, 12, 25), name: 'juldagen', eve: false },
    { date: isoOf(year, 12, 26), name: 'annandag jul', eve: false },
    { date: isoOf(year, 12, 31), name: 'nyårsafton', eve: true },
  ];
  // Stable sort: two holidays on one date (första maj and Kristi himmelsfärd in 2008) keep
  // the order above.
  const holidays = Object.freeze(
    list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)).map((h) => Object.freeze(h)),
  );
  calendar = { holidays, daysOff: new Set(holidays.map((h) => toDay(h.date))) };
  years.set(year, calendar);
  return calendar;
}

/**
 * The year's public holidays and eves off, in date order (weekends not listed). Two can share
 * a date (första maj and Kristi himmelsfärdsdag in 2008). Computed once per year.
 */
export function swedishHolidays(year: number): readonly SwedishHoliday[] {
  return yearCalendar(year).holidays;
}

/** The holidays and eves on a date (usually none, rarely two). */
export function holidaysOn(date: IsoDate): SwedishHoliday[] {
  assertDate(date);
  return yearCalendar(Number(date.slice(0, 4))).holidays.filter((h) => h.date === date);
}

/** Epoch day → working day, filled as days are asked about (at most the ~110 000 days in range). */
const workingDays = new Map<number, boolean>();

function isWorkingDayNumber(day: number): boolean {
  let working = workingDays.get(day);
  if (working === undefined) {
    const dow = weekday(day);
    working = dow !== 0 && dow !== 6 && !yearCalendar(new Date(day * 86_400_000).getUTCFullYear()).daysOff.has(day);
    workingDays.set(day, working);
  }
  return working;
}

/** Monday to Friday and neither a public holiday nor midsommarafton, julafton or nyårsafton. */
export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(assertDate(date));
}

function step(day: number, direction: 1 | -1): number {
  let next = day + direction;
  while (!isWorkingDayNumber(next)) next += direction;
  return next;
}

/** The first working day after the date (the date itself not counted). */
export function nextWorkingDay(date: IsoDate): IsoDate {
  return fromDay(step(assertDate(date), 1));
}

/** The last working day before the date (the date itself not counted). */
export function previousWorkingDay(date: IsoDate): IsoDate {
  return fromDay(step(assertDate(date), -1));
}

/**
 * The date itself when it is a working day, otherwise the nearest working day in the given
 * direction: 'backward' for what must happen by a date (a deadline on a Saturday is met on
 * Friday), 'forward' for what happens after it.
 */
export function rollToWorkingDay(date: IsoDate, direction: 'forward' | 'backward'): IsoDate {
  const day = assertDate(date);
  if (isWorkingDayNumber(day)) return date;
  return fromDay(step(day, direction === 'forward' ? 1 : -1));
}

/**
 * Moves `n` working days from the date: `n` > 0 forward, `n` < 0 backward, the date itself never
 * counted (so from a Saturday, +1 is Monday and −1 is Friday). `n` = 0 returns the date if it is
 * a working day and otherwise the next working day (as rollToWorkingDay(date, 'forward')).
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`The number of working days must be an integer, got ${n}`);
  let day = assertDate(date);
  if (n === 0) return rollToWorkingDay(date, 'forward');
  const direction = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; left -= 1) day = step(day, direction);
  return fromDay(day);
}

/**
 * The working days after `from` up to and including `to`; negative, counted the same way from
 * `to`, when `to` is earlier. For working days `a` and `b`,
 * addWorkingDays(a, workingDaysBetween(a, b)) === b. Friday to Monday is 1; a date to itself 0.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const a = assertDate(from);
  const b = assertDate(to);
  if (a === b) return 0;
  const [low, high, sign] = a < b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) if (isWorkingDayNumber(day)) count += 1;
  return sign * count;
}
