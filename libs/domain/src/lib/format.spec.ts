import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatSignedNumber,
  monthName,
  parseSwedishNumber,
  periodInWords,
  periodLabel,
  SWEDISH_MONTHS,
} from './format';

const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('Swedish number formatting', () => {
  it('groups thousands with a no-break space and uses the true minus sign', () => {
    // Socialnämndens resultat t.o.m. augusti (Gnesta, reference 003)
    expect(formatNumber(-9504)).toBe(`${MINUS}9${NBSP}504`);
    expect(formatNumber(-239326)).toBe(`${MINUS}239${NBSP}326`);
    expect(formatNumber(43136)).toBe(`43${NBSP}136`);
  });

  it('uses a decimal comma and the requested number of decimals', () => {
    expect(formatNumber(3.8, 1)).toBe('3,8');
    expect(formatNumber(593.401, 1)).toBe('593,4');
    expect(formatNumber(2.5, 0)).toBe('3');
  });

  it('shows a plus on positive deviations and none on zero', () => {
    expect(formatSignedNumber(17)).toBe('+17');
    expect(formatSignedNumber(13655)).toBe(`+13${NBSP}655`);
    expect(formatSignedNumber(-458)).toBe(`${MINUS}458`);
    expect(formatSignedNumber(0)).toBe('0');
  });

  it('formats per cent with a space before the sign', () => {
    expect(formatPercent(2.17, 2)).toBe(`2,17${NBSP}%`);
  });

  it('shows a dash for a figure that is not a number instead of NaN', () => {
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('–');
  });

  it('rejects a nonsensical number of decimals', () => {
    expect(() => formatNumber(1, -1)).toThrow(RangeError);
    expect(() => formatNumber(1, 1.5)).toThrow('decimals must be an integer');
  });
});

describe('Swedish date formatting', () => {
  it('prints ISO dates in Stockholm time', () => {
    expect(formatDate('2021-09-24T10:00:00Z')).toBe('2021-09-24');
    // 23:30 UTC on 30 June is already 1 July in Stockholm (summer time, UTC+2)
    expect(formatDate(new Date('2021-06-30T23:30:00Z'))).toBe('2021-07-01');
  });

  it('prints date and 24-hour time in Stockholm time, winter and summer', () => {
    expect(formatDateTime('2021-01-15T07:00:00Z')).toBe('2021-01-15 08:00');
    expect(formatDateTime('2021-09-24T06:05:00Z')).toBe('2021-09-24 08:05');
  });

  it('shows a dash for an invalid date', () => {
    expect(formatDate('not a date')).toBe('–');
  });
});

describe('parseSwedishNumber', () => {
  it('reads what Swedes type and Swedish Excel writes', () => {
    const read = (text: string, options?: Parameters<typeof parseSwedishNumber>[1]) => {
      const result = parseSwedishNumber(text, options);
      return result.ok ? result.value : result.message;
    };
    expect(read('-9 504')).toBe(-9504);
    expect(read('\u22129\u00a0504')).toBe(-9504);
    expect(read('–239 326')).toBe(-239326);
    expect(read('+17')).toBe(17);
    expect(read('3,8')).toBe(3.8);
    expect(read('12,5 %', { percent: true })).toBe(12.5);
    expect(read('1234567')).toBe(1234567);
    expect(read('3.8', { decimal: 'dot' })).toBe(3.8);
    expect(read('')).toBeNull();
    expect(read('  ')).toBeNull();
  });

  it('says exactly what is wrong', () => {
    const message = (text: string, options?: Parameters<typeof parseSwedishNumber>[1]) => {
      const result = parseSwedishNumber(text, options);
      return result.ok ? null : result.message;
    };
    expect(message('abc')).toBe('"abc" är inte ett tal.');
    expect(message('3.8')).toBe('"3.8" har decimalpunkt; skriv decimalkomma (3,8).');
    expect(message('3,8', { decimal: 'dot' })).toBe('"3,8" har decimalkomma, men filen använder decimalpunkt.');
    expect(message('12 34')).toBe('"12 34" är inte ett tal.');
    expect(message('12 %')).toBe('"12 %" är inte ett tal.');
  });
});

describe('Swedish month names', () => {
  it('names the month of an ISO date, and nothing for a month that is not one', () => {
    expect(SWEDISH_MONTHS).toHaveLength(12);
    expect(monthName('2021-01-31')).toBe('januari');
    expect(monthName('2021-08-31')).toBe('augusti');
    expect(monthName('2021-12-31')).toBe('december');
    expect(monthName('2021-13-01')).toBe('');
    expect(monthName('2021')).toBe('');
  });

  it('puts a period in words from its last day', () => {
    expect(periodInWords('2021-08-31')).toBe('januari–augusti 2021');
    expect(periodInWords('2021-01-31')).toBe('januari 2021');
    expect(periodInWords('2021')).toBe('2021');
  });
});

describe('periodLabel', () => {
  it('names the period by the report kind, or by the month for a monthly report', () => {
    expect(periodLabel('tertial_report', '2021-04-30')).toBe('T1');
    expect(periodLabel('interim_report', '2021-08-31')).toBe('T2');
    expect(periodLabel('annual_report', '2021-12-31')).toBe('Helår');
    expect(periodLabel('monthly_report', '2021-10-31')).toBe('oktober');
  });
});
