import { Pipe, PipeTransform } from '@angular/core';
import { formatDate, formatDateTime, formatNumber, formatSignedNumber } from '@rapportflode/domain';

// Thin wrappers: the formatting rules live in libs/domain, shared with the documents.

@Pipe({ name: 'svNumber' })
export class SvNumberPipe implements PipeTransform {
  transform(value: number | null | undefined, decimals = 0, signed = false): string {
    if (value === null || value === undefined) return '–';
    return signed ? formatSignedNumber(value, decimals) : formatNumber(value, decimals);
  }
}

@Pipe({ name: 'svDate' })
export class SvDatePipe implements PipeTransform {
  transform(value: Date | string | null | undefined, withTime = false): string {
    if (value === null || value === undefined) return '–';
    return withTime ? formatDateTime(value) : formatDate(value);
  }
}
