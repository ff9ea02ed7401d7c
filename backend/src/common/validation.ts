import { registerDecorator, ValidationOptions } from 'class-validator';

/** PostgreSQL's integer (int4): versions, pages, years and counts are stored or compared as one. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

/** Dates the application accepts: PostgreSQL's date holds far more, JavaScript's Date not (±275 760). */
export const DATE_YEAR_MIN = 1900;
export const DATE_YEAR_MAX = 9999;

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written ÅÅÅÅ-MM-DD in years 1900–9999 (no 2021-02-30, no 0000-00-00). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_ONLY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** class-validator: the field is a calendar day as isCalendarDate accepts it. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `Ange ett datum som finns, som ÅÅÅÅ-MM-DD, mellan år ${DATE_YEAR_MIN} och ${DATE_YEAR_MAX}.`, ...options },
      validator: { validate: (value: unknown) => isCalendarDate(value) },
    });
}
