import {
  addWorkingDays,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  easterSunday,
  holidaysOn,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  rollToWorkingDay,
  swedishHolidays,
  workingDaysBetween,
} from './calendar';

/** The published lists of Swedish helgdagar (with the eves that are days off), written out. */
const PUBLISHED: Record<number, Array<[string, string]>> = {
  2024: [
    ['2024-01-01', 'nyårsdagen'],
    ['2024-01-06', 'trettondedag jul'],
    ['2024-03-29', 'långfredagen'],
    ['2024-03-31', 'påskdagen'],
    ['2024-04-01', 'annandag påsk'],
    ['2024-05-01', 'första maj'],
    ['2024-05-09', 'Kristi himmelsfärdsdag'],
    ['2024-05-19', 'pingstdagen'],
    ['2024-06-06', 'Sveriges nationaldag'],
    ['2024-06-21', 'midsommarafton'],
    ['2024-06-22', 'midsommardagen'],
    ['2024-11-02', 'alla helgons dag'],
    ['2024-12-24', 'julafton'],
    ['2024-12-25', 'juldagen'],
    ['2024-12-26', 'annandag jul'],
    ['2024-12-31', 'nyårsafton'],
  ],
  2025: [
    ['2025-01-01', 'nyårsdagen'],
    ['2025-01-06', 'trettondedag jul'],
    ['2025-04-18', 'långfredagen'],
    ['2025-04-20', 'påskdagen'],
    ['2025-04-21', 'annandag påsk'],
    ['2025-05-01', 'första maj'],
    ['2025-05-29', 'Kristi himmelsfärdsdag'],
    ['2025-06-06', 'Sveriges nationaldag'],
    ['2025-06-08', 'pingstdagen'],
    ['2025-06-20', 'midsommarafton'],
    ['2025-06-21', 'midsommardagen'],
    ['2025-11-01', 'alla helgons dag'],
    ['2025-12-24', 'julafton'],
    ['2025-12-25', 'juldagen'],
    ['2025-12-26', 'annandag jul'],
    ['2025-12-31', 'nyårsafton'],
  ],
  2026: [
    ['2026-01-01', 'nyårsdagen'],
    ['2026-01-06', 'trettondedag jul'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-05', 'påskdagen'],
    ['2026-04-06', 'annandag påsk'],
    ['2026-05-01', 'första maj'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-05-24', 'pingstdagen'],
    ['2026-06-06', 'Sveriges nationaldag'],
    ['2026-06-19', 'midsommarafton'],
    ['2026-06-20', 'midsommardagen'],
    ['2026-10-31', 'alla helgons dag'],
    ['2026-12-24', 'julafton'],
    ['2026-12-25', 'juldagen'],
    ['2026-12-26', 'annandag jul'],
    ['2026-12-31', 'nyårsafton'],
  ],
  2027: [
    ['2027-01-01', 'nyårsdagen'],
    ['2027-01-06', 'trettondedag jul'],
    ['2027-03-26', 'långfredagen'],
    ['2027-03-28', 'påskdagen'],
    ['2027-03-29', 'annandag påsk'],
    ['2027-05-01', 'första maj'],
    ['2027-05-06', 'Kristi himmelsfärdsdag'],
    ['2027-05-16', 'pingstdagen'],
    ['2027-06-06', 'Sveriges nationaldag'],
    ['2027-06-25', 'midsommarafton'],
    ['2027-06-26', 'midsommardagen'],
    ['2027-11-06', 'alla helgons dag'],
    ['2027-12-24', 'julafton'],
    ['2027-12-25', 'juldagen'],
    ['2027-12-26', 'annandag jul'],
    ['2027-12-31', 'nyårsafton'],
  ],
};

const EVES = ['midsommarafton', 'julafton', 'nyårsafton'];

/** Gauss's Easter algorithm for the Gregorian calendar, with its two exceptions: an independent check. */
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const m = (15 - p + k - q) % 30;
  const n = (4 + k - q) % 7;
  const d = (19 * a + m) % 30;
  const e = (2 * b + 4 * c + 6 * d + n) % 7;
  let day = 22 + d + e;
  if (d === 29 && e === 6) day = 50;
  if (d === 28 && e === 6 && (11 * m + 11) % 30 < 19) day = 49;
  return day <= 31 ? `${year}-03-${String(day).padStart(2, '0')}` : `${year}-04-${String(day - 31).padStart(2, '0')}`;
}

describe('Swedish holidays', () => {
  it.each(Object.keys(PUBLISHED).map(Number))('match the published list for %i', (year) => {
    expect(swedishHolidays(year).map((h) => [h.date, h.name])).toEqual(PUBLISHED[year]);
    expect(swedishHolidays(year).filter((h) => h.eve).map((h) => h.name)).toEqual(EVES);
  });

  it('computes Easter for a spread of years (anonymous Gregorian algorithm)', () => {
    const published: Record<number, string> = {
      1900: '1900-04-15',
      1943: '1943-04-25',
      1961: '1961-04-02',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2049: '2049-04-18',
      2100: '2100-03-28',
      2200: '2200-04-06',
    };
    for (const [year, date] of Object.entries(published)) expect(easterSunday(Number(year))).toBe(date);
  });

  it('agrees with Gauss’s algorithm and keeps every year’s days in their windows, 1900–2200', () => {
    for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year += 1) {
      const easter = easterSunday(year);
      expect(easter).toBe(gaussEaster(year));
      expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
      const byName = new Map(swedishHolidays(year).map((h) => [h.name, h.date]));
      expect(new Date(easter).getUTCDay()).toBe(0);
      const midsummerEve = byName.get('midsommarafton') as string;
      expect(new Date(midsummerEve).getUTCDay()).toBe(5);
      expect(midsummerEve >= `${year}-06-19` && midsummerEve <= `${year}-06-25`).toBe(true);
      const midsummer = byName.get('midsommardagen') as string;
      expect(new Date(midsummer).getUTCDay()).toBe(6);
      expect(midsummer >= `${year}-06-20` && midsummer <= `${year}-06-26`).toBe(true);
      const allSaints = byName.get('alla helgons dag') as string;
      expect(new Date(allSaints).getUTCDay()).toBe(6);
      expect(allSaints >= `${year}-10-31` && allSaints <= `${year}-11-06`).toBe(true);
      expect(swedishHolidays(year)).toHaveLength(16);
    }
  });

  it('refuses years outside 1900–2200 and dates that are not dates', () => {
    expect(() => easterSunday(2285)).toThrow(RangeError);
    expect(() => easterSunday(1899)).toThrow(RangeError);
    expect(() => swedishHolidays(2201)).toThrow('1900–2200');
    expect(() => swedishHolidays(2024.5)).toThrow(RangeError);
    expect(() => isWorkingDay('1899-12-29')).toThrow(RangeError);
    expect(() => isWorkingDay('2026-02-30')).toThrow('Not a date');
    expect(() => addWorkingDays('2026-03-10', 1.5)).toThrow(RangeError);
  });

  it('keeps two holidays on one date (första maj and Kristi himmelsfärdsdag 2008)', () => {
    expect(holidaysOn('2008-05-01').map((h) => h.name)).toEqual(['första maj', 'Kristi himmelsfärdsdag']);
    expect(holidaysOn('2026-03-10')).toEqual([]);
  });

  it('computes each year once', () => {
    expect(swedishHolidays(2026)).toBe(swedishHolidays(2026));
    expect(Object.isFrozen(swedishHolidays(2026))).toBe(true);
  });
});

describe('working days', () => {
  it('knows weekends, holidays and the eves off', () => {
    expect(isWorkingDay('2026-03-10')).toBe(true); // Tuesday
    expect(isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false); // långfredagen
    expect(isWorkingDay('2026-04-06')).toBe(false); // annandag påsk
    expect(isWorkingDay('2026-05-14')).toBe(false); // Kristi himmelsfärdsdag
    expect(isWorkingDay('2026-05-15')).toBe(true); // the bridge day is a working day
    expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton
    expect(isWorkingDay('2025-12-24')).toBe(false); // julafton
    expect(isWorkingDay('2025-12-31')).toBe(false); // nyårsafton
    expect(isWorkingDay('2026-12-23')).toBe(true);
  });

  it('counts 251 working days in 2024 (366 − 104 weekend days − 11 holidays and eves on weekdays)', () => {
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
  });

  it('steps to the next and previous working day', () => {
    expect(nextWorkingDay('2026-03-13')).toBe('2026-03-16'); // Friday → Monday
    expect(previousWorkingDay('2026-03-16')).toBe('2026-03-13');
    expect(nextWorkingDay('2026-04-02')).toBe('2026-04-07'); // over Easter
    expect(previousWorkingDay('2026-04-07')).toBe('2026-04-02');
    expect(nextWorkingDay('2025-12-23')).toBe('2025-12-29'); // over Christmas
    expect(nextWorkingDay('2025-12-30')).toBe('2026-01-02'); // over New Year
    expect(previousWorkingDay('2027-01-07')).toBe('2027-01-05'); // trettondedag jul on a Wednesday
  });

  it('adds working days forward and backward, never counting the start', () => {
    expect(addWorkingDays('2026-03-10', 5)).toBe('2026-03-17');
    expect(addWorkingDays('2026-03-17', -5)).toBe('2026-03-10');
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(addWorkingDays('2026-03-14', 1)).toBe('2026-03-16'); // from a Saturday
    expect(addWorkingDays('2026-03-14', -1)).toBe('2026-03-13');
    expect(addWorkingDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(addWorkingDays('2026-03-14', 0)).toBe('2026-03-16'); // 0 from a day off rolls forward
    expect(addWorkingDays('2026-12-30', 1)).toBe('2027-01-04'); // across the year
  });

  it('rolls a day off to the nearest working day in the direction asked', () => {
    expect(rollToWorkingDay('2026-03-10', 'backward')).toBe('2026-03-10');
    expect(rollToWorkingDay('2026-04-06', 'backward')).toBe('2026-04-02');
    expect(rollToWorkingDay('2026-04-06', 'forward')).toBe('2026-04-07');
  });

  it('counts the working days between two dates, signed', () => {
    expect(workingDaysBetween('2026-03-13', '2026-03-16')).toBe(1);
    expect(workingDaysBetween('2026-03-16', '2026-03-13')).toBe(-1);
    expect(workingDaysBetween('2026-03-10', '2026-03-10')).toBe(0);
    expect(workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(workingDaysBetween('2026-03-14', '2026-03-15')).toBe(0);
    for (const [from, n] of [
      ['2026-03-10', 7],
      ['2026-04-02', 3],
      ['2025-12-19', -12],
      ['2026-06-18', 1],
    ] as const) {
      expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n);
    }
  });
});
