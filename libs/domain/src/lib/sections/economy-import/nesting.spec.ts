import type { EconomyTableConfig } from '../economy';
import { economyGridFromCsv, importEconomy, type ImportGrid, importIssueText, type ImportUnit, suggestEconomyMapping } from './index';

const CONFIG: EconomyTableConfig = { unit: 'tkr', columns: ['net', 'annual_budget'] };
const UNIT: ImportUnit = { id: 'u-1', name: 'Barn och familjeenheten', path: ['Barn och familjeenheten'] };

function run(lines: string[]) {
  const read = economyGridFromCsv(new TextEncoder().encode(['Rad;Överordnad rad;Utfall netto;Helårsbudget', ...lines].join('\n')));
  if (!read.ok) throw new Error('the CSV could not be read');
  const grid = (read as { grid: ImportGrid }).grid;
  const mapping = suggestEconomyMapping(grid.headers, CONFIG);
  expect(mapping.parentColumn).toBe('Överordnad rad');
  return importEconomy(grid, mapping, { config: CONFIG, units: [UNIT], defaultUnitId: UNIT.id });
}

/** The table as label paths with their depth, top to bottom. */
function outline(rows: ReadonlyArray<{ label: string; children?: unknown[] }>, depth = 0): string[] {
  return rows.flatMap((row) => [`${'  '.repeat(depth)}${row.label}`, ...outline((row.children ?? []) as typeof rows, depth + 1)]);
}

describe('an economy import with rows nested more than one level', () => {
  it('nests rows two levels under a row when each names its parent, in any order of the file', () => {
    const result = run([
      'Placeringar;Heldygnsvård;-30 000;-50 000',
      'Barn och unga;;;',
      'Heldygnsvård;Barn och unga;;',
      'Familjehem;Heldygnsvård;-22 040;-41 123',
      'Öppenvård;Barn och unga;-31 254;-39 140',
      'Vuxna;;-5 000;-6 000',
    ]);
    expect(result.issues).toEqual([]);
    const content = result.units[0].content;
    expect(outline(content.rows)).toEqual(['Barn och unga', '  Heldygnsvård', '    Placeringar', '    Familjehem', '  Öppenvård', 'Vuxna']);
    expect(content.rows[0].children?.[0].children?.[1]).toMatchObject({ key: 'familjehem', values: { net: -22040, annual_budget: -41123 } });
    expect(result.units[0].total).toMatchObject({ net: -88294, annual_budget: -136263 });
    expect(result.rowCount).toBe(6);
  });

  it('checks a printed sub-total of a row two levels down, and a parent written as its way down', () => {
    const result = run([
      'Barn och unga;;;',
      'Heldygnsvård;Barn och unga;-52 041;',
      'Placeringar;Barn och unga › Heldygnsvård;-30 000;-50 000',
      'Familjehem;Barn och unga > Heldygnsvård;-22 040;-41 123',
    ]);
    expect(result.issues).toEqual([]);
    expect(outline(result.units[0].content.rows)).toEqual(['Barn och unga', '  Heldygnsvård', '    Placeringar', '    Familjehem']);
    expect(result.disagreements).toEqual([
      { line: 3, unitName: UNIT.name, row: 'Heldygnsvård', column: 'net', header: 'Utfall netto', printed: -52041, computed: -52040 },
    ]);
  });

  it('keeps a file of one level as before: a parent only named is a row of the top level', () => {
    const result = run(['Heldygnsvård;Barn och unga;-52 040;-91 123', 'Öppenvård;Barn och unga;-31 254;-39 140']);
    expect(result.issues).toEqual([]);
    expect(outline(result.units[0].content.rows)).toEqual(['Barn och unga', '  Heldygnsvård', '  Öppenvård']);
  });

  it('refuses a way down to a parent that does not exist, naming the line and the column', () => {
    const result = run(['Barn och unga;;;', 'Placeringar;Barn och unga › Heldygnsvård;-30 000;-50 000']);
    expect(result.units).toEqual([]);
    expect(result.issues.map(importIssueText)).toEqual([
      'Rad 3, kolumn "Överordnad rad": Barn och familjeenheten: överraden "Barn och unga › Heldygnsvård" till raden "Placeringar" finns inte i filen.',
    ]);
  });

  it('refuses rows that lie under each other', () => {
    const result = run(['Heldygnsvård;Öppenvård;-1;-1', 'Öppenvård;Heldygnsvård;-1;-1', 'Vuxna;;-1;-1']);
    expect(result.units).toEqual([]);
    expect(result.issues.map(importIssueText)).toEqual([
      'Rad 2, kolumn "Överordnad rad": Barn och familjeenheten: raden "Heldygnsvård" ligger under sig själv (Heldygnsvård › Öppenvård › Heldygnsvård). Ange en överrad som inte ligger under raden.',
      'Rad 3, kolumn "Överordnad rad": Barn och familjeenheten: raden "Öppenvård" ligger under sig själv (Öppenvård › Heldygnsvård › Öppenvård). Ange en överrad som inte ligger under raden.',
    ]);
  });

  it('refuses a fourth level', () => {
    const result = run(['Barn och unga;;;', 'Heldygnsvård;Barn och unga;;', 'Placeringar;Heldygnsvård;;', 'HVB;Placeringar;-1;-1']);
    expect(result.units).toEqual([]);
    expect(result.issues.map(importIssueText)).toEqual([
      'Rad 5, kolumn "Överordnad rad": Barn och familjeenheten: raden "HVB" ligger 4 nivåer ned (Barn och unga › Heldygnsvård › Placeringar › HVB). ' +
        'En ekonomitabell har högst 3 nivåer: raden, dess underrader och deras underrader.',
    ]);
  });

  it('asks for the way down when the parent’s name is not unique, and refuses a row twice under one parent', () => {
    const result = run([
      'Barn och unga;;;',
      'Vuxna;;;',
      'Övrigt;Barn och unga;-1;-1',
      'Övrigt;Vuxna;-1;-1',
      'Hyror;Övrigt;-1;-1',
      'Hyror;Vuxna › Övrigt;-1;-1',
      'Hyror;Vuxna › Övrigt;-2;-2',
    ]);
    expect(result.units).toEqual([]);
    expect(result.issues.map(importIssueText)).toEqual([
      'Rad 6, kolumn "Överordnad rad": Barn och familjeenheten: det finns 2 rader som heter "Övrigt" (rad 4, 5). Skriv vägen till överraden uppifrån med › emellan, t.ex. "Överrad › Övrigt".',
      'Rad 8, kolumn "Rad": Raden "Vuxna › Övrigt › Hyror" för Barn och familjeenheten förekommer redan på rad 7.',
    ]);
  });
});
