/**
 * Dates the Swedish way for Angular Material's datepicker: typed and shown as ÅÅÅÅ-MM-DD
 * whatever the browser's locale, weeks from Monday, Swedish month and day names. The form
 * values stay ISO strings; `parseIsoDate` and `toIsoDate` are the only conversions.
 */
import { Injectable, Provider } from '@angular/core';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE, type MatDateFormats, NativeDateAdapter } from '@angular/material/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date of `ÅÅÅÅ-MM-DD` text (local midnight), or null when it is not a real date (2026-02-30 is not). */
export function parseIsoDate(text: string): Date | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  date.setFullYear(year); // years before 100 are not moved into the 1900s
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

export function toIsoDate(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The display format of the input itself: ÅÅÅÅ-MM-DD. */
export const ISO_INPUT_FORMAT = 'iso';

export const SV_DATE_FORMATS: MatDateFormats = {
  parse: { dateInput: ISO_INPUT_FORMAT },
  display: {
    dateInput: ISO_INPUT_FORMAT,
    monthYearLabel: { year: 'numeric', month: 'long' },
    dateA11yLabel: { year: 'numeric', month: 'long', day: 'numeric' },
    monthYearA11yLabel: { year: 'numeric', month: 'long' },
  },
};

@Injectable()
export class SvDateAdapter extends NativeDateAdapter {
  override getFirstDayOfWeek(): number {
    return 1;
  }

  override parse(value: unknown): Date | null {
    if (value instanceof Date) return value;
    if (typeof value !== 'string' || value.trim() === '') return null;
    return parseIsoDate(value) ?? this.invalid();
  }

  override format(date: Date, displayFormat: object | string): string {
    if (displayFormat === ISO_INPUT_FORMAT) return this.isValid(date) ? toIsoDate(date) : '';
    return super.format(date, displayFormat as object);
  }
}

/** The calendar's own texts in Swedish. */
@Injectable()
export class SvDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = 'Kalender';
  override openCalendarLabel = 'Öppna kalendern';
  override closeCalendarLabel = 'Stäng kalendern';
  override prevMonthLabel = 'Föregående månad';
  override nextMonthLabel = 'Nästa månad';
  override prevYearLabel = 'Föregående år';
  override nextYearLabel = 'Nästa år';
  override prevMultiYearLabel = 'Föregående 24 år';
  override nextMultiYearLabel = 'Nästa 24 år';
  override switchToMonthViewLabel = 'Välj dag';
  override switchToMultiYearViewLabel = 'Välj år och månad';
  override startDateLabel = 'Startdatum';
  override endDateLabel = 'Slutdatum';
  override comparisonDateLabel = 'Jämförelsedatum';
}

/** What a date field needs: the sv-SE adapter, ÅÅÅÅ-MM-DD in and out, Swedish calendar texts. */
export function provideSvDates(): Provider[] {
  return [
    { provide: MAT_DATE_LOCALE, useValue: 'sv-SE' },
    { provide: DateAdapter, useClass: SvDateAdapter },
    { provide: MAT_DATE_FORMATS, useValue: SV_DATE_FORMATS },
    { provide: MatDatepickerIntl, useClass: SvDatepickerIntl },
  ];
}
