import type { EconomyTableConfig } from '../economy';
import { economyGridFromCsv, type ImportGrid, importEconomy, importIssueText, type ImportUnit, suggestEconomyMapping } from './index';

/** Finance-system exports as they come: totals named in the unit column, dots between thousands. */
const CONFIG: EconomyTableConfig = { unit: 'tkr', columns: ['income', 'costs', 'net'] };
const HEADER = 'Enhet;Rad;Intäkter;Kostnader';
const BARN: ImportUnit = { id: 'u-barn', name: 'Barn och familjeenheten', path: ['Barn och familjeenheten'], code: 'BFE' };
const OMSORG: ImportUnit = { id: 'u-omsorg', name: 'Omsorgsenheten', path: ['Omsorgsenheten'], code: null };
const UNITS = [BARN, OMSORG];

function grid(lines: readonly string[]): ImportGrid {
  const read = economyGridFromCsv(new TextEncoder().encode(lines.join('\r\n')));
  if (!read.ok) throw new Error(read.issue.message);
  return read.grid;
}

function run(lines: readonly string[]) {
  const g = grid(lines);
  return importEconomy(g, suggestEconomyMapping(g.headers, CONFIG), { config: CONFIG, units: UNITS });
}

describe('economy import: totals named in the unit column', () => {
  it.each(['Summa', 'Totalt', 'Summa nämnden', 'SUMMA:'])('checks a line with "%s" in the unit column as the file’s total', (word) => {
    const result = run([
      HEADER,
      'Barn och familjeenheten;Heldygnsvård;1 200;-53 240',
      'Omsorgsenheten;Hemtjänst;5 000;-45 000',
      `${word};;6 200;-98 241`,
    ]);
    expect(result.issues.map(importIssueText)).toEqual([]);
    expect(result.units.map((u) => u.unitName)).toEqual(['Barn och familjeenheten', 'Omsorgsenheten']);
    expect(result.disagreements).toEqual([
      { line: 4, unitName: 'Hela filen', row: word, column: 'costs', header: 'Kostnader', printed: -98241, computed: -98240 },
    ]);
  });

  it('checks "Summa <enhet>" in the unit column as that unit’s total, whatever the row column says', () => {
    const result = run([
      HEADER,
      'Barn och familjeenheten;Heldygnsvård;1 200;-53 240',
      'Barn och familjeenheten;Öppenvård;0;-31 254',
      'Summa Barn och familjeenheten;Summa;1 200;-84 495',
    ]);
    expect(result.issues).toEqual([]);
    expect(result.units[0].rows).toBe(2);
    expect(result.disagreements).toEqual([
      { line: 4, unitName: 'Barn och familjeenheten', row: 'Summa', column: 'costs', header: 'Kostnader', printed: -84495, computed: -84494 },
    ]);
  });
});

describe('economy import: a dot between thousands', () => {
  it('reads "3.100" and "1.234.567" in a decimal-comma file as thousands', () => {
    const result = run([HEADER, 'Omsorgsenheten;Hemtjänst;3.100;-1.234.567', 'Omsorgsenheten;Boende;0;-2.500,0']);
    expect(result.issues.map(importIssueText)).toEqual([]);
    expect(result.units[0].content.rows.map((r) => r.values)).toEqual([
      { income: 3100, costs: -1234567 },
      { income: 0, costs: -2500 },
    ]);
  });

  it('still refuses a real decimal point, and never advises a comma that makes a number a thousandth', () => {
    const result = run([HEADER, 'Omsorgsenheten;Hemtjänst;3.1;-45.25', 'Omsorgsenheten;Boende;1.2345;0']);
    const texts = result.issues.map(importIssueText);
    expect(texts).toEqual([
      'Rad 2, kolumn "Intäkter": "3.1" har decimalpunkt; skriv decimalkomma (3,1).',
      'Rad 2, kolumn "Kostnader": "-45.25" har decimalpunkt; skriv decimalkomma (-45,25).',
      'Rad 3, kolumn "Intäkter": "1.2345" har decimalpunkt; skriv decimalkomma (1,2345).',
    ]);
    for (const text of texts) expect(text).not.toMatch(/\(\S*\d,\d{3}\)/);
  });
});

describe('economy import: which units the file has rows for, and how many rows', () => {
  it('names every unit with rows in the file, also when the file has problems', () => {
    const result = run([HEADER, 'Barn och familjeenheten;Heldygnsvård;cirka 1 200;-53 240', 'Omsorgsenheten;Hemtjänst;5 000;-45 000']);
    expect(result.issues).toHaveLength(1);
    expect(result.units).toEqual([]);
    expect(result.unitsInFile).toEqual(['u-barn', 'u-omsorg']);
  });

  it('knows no units in the file when its columns cannot be read', () => {
    const g = grid(['Enhet;Rad;Intäkter', 'Omsorgsenheten;Hemtjänst;5 000']);
    const result = importEconomy(g, suggestEconomyMapping(g.headers, CONFIG), { config: CONFIG, units: UNITS });
    expect(result.unitsInFile).toBeNull();
  });

  it('counts the data rows, not the printed totals', () => {
    const result = run([
      HEADER,
      'Barn och familjeenheten;Heldygnsvård;1 200;-53 240',
      'Barn och familjeenheten;Öppenvård;0;-31 254',
      'Barn och familjeenheten;Summa Barn och familjeenheten;1 200;-84 494',
      'Omsorgsenheten;Hemtjänst;5 000;-45 000',
      'Omsorgsenheten;Boende;0;-1 000',
      ';Totalt;6 200;-130 494',
    ]);
    expect(result.issues).toEqual([]);
    expect(result.disagreements).toEqual([]);
    expect(result.rowCount).toBe(4);
  });
});
