import type { DocumentModel, TableBlock } from './model';
import { asciiSlug, csvFileName, csvNumber, tableCsv, tablesJson } from './open-data';
import { NACKA_ECONOMY_TABLE, NACKA_GRANTS_TABLE, NACKA_SICK_LEAVE_TABLE, nackaT2Fixture } from '../../testing/nacka-fixture';
import { tablesOf } from './model';

const lines = (csv: string) => csv.slice(1).split('\r\n');

const table = (overrides: Partial<TableBlock> = {}): TableBlock => ({
  type: 'table',
  id: 'tabell-ekonomi-omsorgsenheten',
  caption: 'Ekonomi, Omsorgsenheten',
  unit: 'tkr',
  columns: [
    { label: 'Verksamhet', kind: 'text', key: 'verksamhet' },
    { label: 'Utfall', kind: 'number', decimals: 1, key: 'utfall' },
    { label: 'Andel', kind: 'percent', decimals: 2, key: 'andel' },
  ],
  rows: [
    { cells: ['Hemtjänst', -9504.5, 2.17] },
    { cells: ['Summa', 1234567, null], kind: 'total' },
  ],
  ...overrides,
});

describe('tableCsv', () => {
  it('is UTF-8 with a BOM, `;` separated, every line ending in CRLF', () => {
    const csv = tableCsv(table());
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines(csv)).toEqual(['Verksamhet;Utfall;Andel', 'Hemtjänst;-9504,5;2,17', 'Summa;1234567;', '']);
  });

  it('writes numbers unformatted for Swedish Excel: decimal comma, no thousands separator, ASCII minus; per cent as the number; no value as empty', () => {
    expect(csvNumber(-9504.5)).toBe('-9504,5');
    expect(csvNumber(1234567)).toBe('1234567');
    expect(csvNumber(0.0000001)).toBe('0,0000001');
    expect(csvNumber(Number.NaN)).toBe('');
    const sick = lines(tableCsv(NACKA_SICK_LEAVE_TABLE));
    expect(sick[5]).toBe('Barn o familjeenheten;T2 2021;2,17;1,56;0,6');
    const grants = lines(tableCsv(NACKA_GRANTS_TABLE));
    expect(grants).toContain('Prio BoU 2016;StorSthlm;;566;566');
    expect(grants).toContain('Totalt;;10601;15084;13545');
    expect(tableCsv(NACKA_ECONOMY_TABLE)).not.toMatch(/[\u00a0\u2212\u202f]/);
  });

  it('flattens the group headings into the column labels', () => {
    const header = lines(tableCsv(NACKA_ECONOMY_TABLE))[0].split(';');
    expect(header.slice(0, 5)).toEqual([
      'Verksamhet',
      'Ack utfall 2021 – Utfall intäkter',
      'Ack utfall 2021 – Utfall kostnader',
      'Ack utfall 2021 – Utfall netto',
      'Ack budget 2021 – Budget intäkter',
    ]);
    expect(header[10]).toBe('Helår budget och prognos 2021 – Prognos avvikelser');
    expect(lines(tableCsv(NACKA_ECONOMY_TABLE))[7]).toBe('Summa;43136;-636537;-593401;38989;-638151;-599162;5761;-898743;-898743;0');
  });

  it('quotes fields with `;`, `"` or line breaks, doubling the quotes', () => {
    const csv = tableCsv(table({ rows: [{ cells: ['Lokaler; el och "värme"', 1, 2] }, { cells: ['Rad ett\nrad två', 3, 4] }] }));
    expect(csv.slice(1)).toBe('Verksamhet;Utfall;Andel\r\n"Lokaler; el och ""värme""";1;2\r\n"Rad ett\nrad två";3;4\r\n');
  });

  it('neutralises formulas in text cells (=, +, -, @) but leaves numbers as numbers', () => {
    const csv = tableCsv(
      table({
        columns: [
          { label: '=Rubrik', kind: 'text' },
          { label: 'Utfall', kind: 'number' },
          { label: 'Andel', kind: 'percent' },
        ],
        rows: [
          { cells: ['=HYPERLINK("http://x")', -5, -1.5] },
          { cells: ['+46 8 123', -7, 0] },
          { cells: ['-1+1', 0, 0] },
          { cells: ['@SUM(A1)', 0, 0] },
          { cells: ['Vanlig text', 0, 0] },
        ],
      }),
    );
    expect(lines(csv)).toEqual([
      "'=Rubrik;Utfall;Andel",
      `"'=HYPERLINK(""http://x"")";-5;-1,5`,
      "'+46 8 123;-7;0",
      "'-1+1;0;0",
      "'@SUM(A1);0;0",
      'Vanlig text;0;0',
      '',
    ]);
  });
});

describe('csvFileName', () => {
  it('is tabell-<number>-<ASCII slug of the id>.csv', () => {
    expect(csvFileName(3, { id: 'tabell-ekonomi-omsorgsenheten', caption: 'Ekonomi' })).toBe('tabell-3-ekonomi-omsorgsenheten.csv');
    expect(csvFileName(3, { id: 'Ekonomi – Omsorgsenheten', caption: 'x' })).toBe('tabell-3-ekonomi-omsorgsenheten.csv');
    expect(csvFileName(1, { id: 'tabell-sjukfrånvaro-äldreomsorg-öst', caption: 'x' })).toBe('tabell-1-sjukfranvaro-aldreomsorg-ost.csv');
    expect(csvFileName(2, { id: 'tabell-', caption: 'Sjukfrånvaro' })).toBe('tabell-2-sjukfranvaro.csv');
    expect(csvFileName(2, { id: '../../etc', caption: '' })).toBe('tabell-2-etc.csv');
    expect(asciiSlug('Å Ä Ö é ü / <script>')).toBe('a-a-o-e-u-script');
  });
});

describe('tablesJson', () => {
  const model: DocumentModel = nackaT2Fixture();

  it('describes the document and each table with its number, unit, section, enhet and period', () => {
    const json = tablesJson(model);
    expect(json.document).toEqual({
      title: 'Tertialbokslut 2 2021',
      committee: 'Socialnämnden',
      municipality: 'Nacka kommun',
      period: 'januari–augusti 2021',
      diaryNumber: 'SN.2021.73',
      status: 'final',
      version: 2,
    });
    expect(json.tables.map((t) => [t.number, t.id])).toEqual(tablesOf(model).map(({ number, table }) => [number, table.id]));
    const economy = json.tables.find((t) => t.id === NACKA_ECONOMY_TABLE.id)!;
    expect(economy).toMatchObject({
      caption: 'Ekonomiskt utfall per verksamhet, Socialnämnden',
      unit: 'tkr',
      section: '3 Ekonomiskt resultat',
      unitName: null,
      period: 'T2 2021',
    });
    expect(economy.columns[3]).toEqual({ key: 'utfall_netto', label: 'Utfall netto', kind: 'number', decimals: 0 });
    expect(economy.columns[0]).toEqual({ key: 'verksamhet', label: 'Verksamhet', kind: 'text', decimals: null });
    const total = economy.rows[economy.rows.length - 1];
    expect(total.kind).toBe('total');
    expect(total.values['utfall_netto']).toBe(-593401);
    expect(economy.rows[0].kind).toBe('body');
    const children = json.tables.find((t) => t.id === 'tabell-ekonomi-barn-och-unga')!;
    expect(children.unitName).toBe('Barn och familjeenheten');
  });

  it('keeps numbers as JSON numbers and no value as null, and survives JSON.stringify', () => {
    const parsed = JSON.parse(JSON.stringify(tablesJson(model))) as ReturnType<typeof tablesJson>;
    const sick = parsed.tables.find((t) => t.id === NACKA_SICK_LEAVE_TABLE.id)!;
    expect(sick.rows[4].values).toEqual({ resultatenhet: 'Barn o familjeenheten', period: 'T2 2021', total: 2.17, kort: 1.56, lang: 0.6 });
    const grants = parsed.tables.find((t) => t.id === NACKA_GRANTS_TABLE.id)!;
    expect(grants.rows.find((r) => r.values['bidrag'] === 'Prio BoU 2016')!.values['sokt']).toBeNull();
  });

  it('says a draft is a draft, without a version; a column without a key is named by its label, uniquely', () => {
    const draft = tablesJson({
      ...nackaT2Fixture({ draft: true }),
      body: [
        table({
          columns: [
            { label: 'Verksamhet', kind: 'text' },
            { label: 'Utfall', kind: 'number' },
            { label: 'Utfall', kind: 'number' },
          ],
          rows: [{ cells: ['A', 1, 2] }],
        }),
      ],
      appendices: [],
    });
    expect(draft.document.status).toBe('draft');
    expect('version' in draft.document).toBe(false);
    expect(draft.tables[0].columns.map((c) => c.key)).toEqual(['Verksamhet', 'Utfall', 'Utfall_2']);
    expect(draft.tables[0].rows[0].values).toEqual({ Verksamhet: 'A', Utfall: 1, Utfall_2: 2 });
    expect(draft.tables[0].period).toBe('januari–augusti 2021');
  });
});
