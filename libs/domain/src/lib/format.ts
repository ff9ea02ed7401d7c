/**
 * Swedish (sv-SE) formatting, the one home for how figures and dates look in the UI and
 * in the documents: a no-break space between thousands, a decimal comma, the true minus
 * sign (U+2212), ISO dates in Europe/Stockholm time, month names and period labels.
 */
import type { ReportKind } from './template';

export const SWEDISH_LOCALE = 'sv-SE';
export const SWEDISH_TIME_ZONE = 'Europe/Stockholm';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(decimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${decimals}:${signed}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(SWEDISH_LOCALE, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: signed ? 'exceptZero' : 'auto',
    });
    numberFormats.set(key, format);
  }
  return format;
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`decimals must be an integer from 0 to 6, got ${decimals}`);
  }
}

/** `-9504` → `−9 504`; `3.8` with one decimal → `3,8`. */
export function formatNumber(value: number, decimals = 0): string {
  assertDecimals(decimals);
  if (!Number.isFinite(value)) return '–';
  return numberFormat(decimals, false).format(value);
}

/** As formatNumber, but a positive value gets a plus: deviations read `+17`, `−458`. */
export function formatSignedNumber(value: number, decimals = 0): string {
  assertDecimals(decimals);
  if (!Number.isFinite(value)) return '–';
  return numberFormat(decimals, true).format(value);
}

/** `2.17` → `2,17 %` (the value is already in per cent). */
export function formatPercent(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  return `${formatNumber(value, decimals)}\u00a0%`;
}

const dateFormat = new Intl.DateTimeFormat(SWEDISH_LOCALE, {
  timeZone: SWEDISH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const timeFormat = new Intl.DateTimeFormat(SWEDISH_LOCALE, {
  timeZone: SWEDISH_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function toDate(value: Date | string): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The calendar date in Stockholm, ISO style: `2021-09-24`. */
export function formatDate(value: Date | string): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : '–';
}

/** `2021-09-24 08:00`, Stockholm time. */
export function formatDateTime(value: Date | string): string {
  const date = toDate(value);
  return date ? `${dateFormat.format(date)} ${timeFormat.format(date)}` : '–';
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * Reads a number as Swedes type it and Swedish Excel writes it: `-9 504`, `−9 504` (true minus,
 * no-break space), `3,8`,
 * `+17`, `12 %` (with `percent`). Thousands may be separated by spaces (any kind); the decimal
 * separator is a comma, or a dot when `decimal` is 'dot' (files that say so). Empty text is
 * null (no value). Anything else is an error saying exactly what is wrong, in Swedish.
 */
export function parseSwedishNumber(
  text: string,
  options: { decimal?: 'comma' | 'dot'; percent?: boolean } = {},
): ParsedNumber {
  const decimal = options.decimal ?? 'comma';
  let t = text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
  if (t === '' || t === '-' || t === '–') return { ok: true, value: null };
  if (options.percent) t = t.replace(/\s?%$/, '');
  t = t.replace(/^[\u2212\u2013]/, '-');
  const shown = text.trim();
  const thousands = /^[+-]?\d{1,3}( \d{3})+([.,]\d+)?$/;
  const plain = /^[+-]?\d+([.,]\d+)?$/;
  if (!thousands.test(t) && !plain.test(t)) {
    return { ok: false, message: `"${shown}" är inte ett tal.` };
  }
  const wrong = decimal === 'comma' ? '.' : ',';
  if (t.includes(wrong)) {
    return decimal === 'comma'
      ? { ok: false, message: `"${shown}" har decimalpunkt; skriv decimalkomma (${t.replace('.', ',')}).` }
      : { ok: false, message: `"${shown}" har decimalkomma, men filen använder decimalpunkt.` };
  }
  const value = Number(t.replace(/ /g, '').replace(',', '.'));
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: `"${shown}" är inte ett tal.` };
}

/** The Swedish month names, January first, lower case as they stand mid-sentence. */
export const SWEDISH_MONTHS: readonly string[] = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** The month of an ISO date in words: `2021-08-31` → `augusti`; '' when the month is not 01–12. */
export function monthName(isoDate: string): string {
  return SWEDISH_MONTHS[Number(isoDate.slice(5, 7)) - 1] ?? '';
}

/** The months a period covers, from its last day: `2021-08-31` → `januari–augusti 2021`, `2021-01-31` → `januari 2021`. */
export function periodInWords(periodEnd: string): string {
  const year = periodEnd.slice(0, 4);
  const last = monthName(periodEnd);
  if (!last) return year;
  return last === SWEDISH_MONTHS[0] ? `${last} ${year}` : `${SWEDISH_MONTHS[0]}–${last} ${year}`;
}

/** The period a report covers, from its kind and period end: `T1`, `T2`, `Helår`, or the month. */
export function periodLabel(kind: ReportKind, periodEnd: string): string {
  if (kind === 'tertial_report') return 'T1';
  if (kind === 'interim_report') return 'T2';
  if (kind === 'annual_report') return 'Helår';
  return monthName(periodEnd);
}
