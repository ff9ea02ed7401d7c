import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';
import { findHostileInput, hostileInputException } from './hostile-input';
import { DATE_YEAR_MAX, DATE_YEAR_MIN, INT4_MAX, INT4_MIN } from './validation';

const number = (n: number) => n.toLocaleString('sv-SE');

/**
 * The global validation of every request argument: class-validator as the DTOs declare it, and
 * around it what holds for every field whatever its DTO says.
 * - Before: the hostile-input check, for what was parsed after the JSON middleware ran (forms,
 *   multipart fields) and for route parameters.
 * - After: every whole number in a DTO fits PostgreSQL's integer (a version, a page, a year),
 *   and every date lies in years 1900–9999, which both PostgreSQL and JavaScript can hold.
 *   `page=1e300` is an integer to JavaScript; PostgreSQL refuses it as an offset.
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problem = findHostileInput(value);
      if (problem) throw hostileInputException(problem);
    }
    const result = await super.transform(value, metadata);
    if (metadata.type !== 'custom') {
      const details = outOfRange(result, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (details.length > 0) throw new DomainError( 'validation_failed', 'Uppgifterna är inte giltiga.', details);
    }
    return result;
  }

  /** The whitelist's own message is English ("property x should not exist"); the rest come from the DTOs. */
  protected override flattenValidationErrors(validationErrors: ValidationError[]): string[] {
    return super
      .flattenValidationErrors(validationErrors)
      .map((message) => message.replace(/^(.*?)property (.+) should not exist$/s, (_, parent: string, name: string) => `Fältet ${parent}${name} är okänt.`));
  }
}

/** Messages for the numbers and dates of a validated DTO that the database could not hold. */
function outOfRange(root: unknown, rootName: string): string[] {
  const details: string[] = [];
  const stack: Array<{ value: unknown; where: string }> = [{ value: root, where: rootName }];
  for (let item = stack.pop(); item && details.length < 20; item = stack.pop()) {
    const { value, where } = item;
    const name = where || 'värdet';
    if (typeof value === 'number') {
      if (Number.isInteger(value) && value > INT4_MAX) details.push(`${name}: talet är för stort (högst ${number(INT4_MAX)}).`);
      else if (Number.isInteger(value) && value < INT4_MIN) details.push(`${name}: talet är för litet (minst ${number(INT4_MIN)}).`);
    } else if (value instanceof Date) {
      const year = value.getUTCFullYear();
      if (!Number.isNaN(year) && (year < DATE_YEAR_MIN || year > DATE_YEAR_MAX)) {
        details.push(`${name}: datumet måste ligga mellan år ${DATE_YEAR_MIN} och ${DATE_YEAR_MAX}.`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, where: `${where}[${i}]` }));
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) !== Object.prototype) {
      // A DTO instance: its declared fields. Free-form JSON inside one (rich text, a reminder
      // configuration) is a plain object and is checked by the rules of its own kind.
      for (const [key, field] of Object.entries(value)) stack.push({ value: field, where: where ? `${where}.${key}` : key });
    }
  }
  return details;
}
