import { EconomyContent, EconomyTableConfig } from './economy';
import {
  economyGridFromCsv,
  EconomyImportMapping,
  gridFromRows,
  ImportGrid,
  importEconomy,
  importIssueText,
  ImportUnit,
  readEconomyImportMapping,
  suggestEconomyMapping,
} from './economy-import';

/**
 * Nacka's table "Akkumulerat utfall och prognos för barn och unga 0-20 år" (reference 000, lines
 * 230–236, as in test/fixtures/reference/000-economy-barn-och-unga.json): the printed total's
 * Budget 08 is −111 699 while its rows add up to −111 698, and Ensamkommande's printed budget
 * deviation 549 is not its Utfall − Budget (548).
 */
const NACKA_CONFIG: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['net', 'budget_net', 'budget_deviation', 'forecast', 'annual_budget', 'forecast_deviation', 'previous_year'],
  labels: {
    net: 'Utfall 08',
    budget_net: 'Budget 08',
    budget_deviation: 'Budget avvikelse',
    forecast: 'Prognos',
    annual_budget: 'Budget 2021',
    forecast_deviation: 'Prognos avvikelse',
    previous_year: 'Bokslut 2020',
  },
};
const NACKA_CSV = [
  '(Tkr);Utfall 08;Budget 08;Budget avvikelse;Prognos;Budget 2021;Prognos avvikelse;Bokslut 2020',
  'Heldygnsvård;-52 040;-60 749;8 709;-80 344;-91 123;10 779;-81 242',
  'Biståndsbedömd öppenvård;-31 254;-26 093;-5 161;-47 175;-39 140;-8 035;-40 143',
  'Övrig öppenvård inkl föreningsbidrag;-19 142;-20 250;1 108;-28 537;-30 375;1 838;-26 190',
  'Familjerådgivning o insatser familjerätt;-2 115;-2 493;378;-3 564;-3 740;176;-3 238',
  'Ensamkommande barn och unga;-1 565;-2 113;549;-2 280;-3 170;890;-2 888',
  'Summa barn och unga;-106 116;-111 699;5 583;-161 900;-167 548;5 648;-153 701',
].join('\r\n');

/** Windows-1252 bytes of a text (only Latin-1 letters used here), as Swedish Excel saves CSV. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
}

const BARN: ImportUnit = { id: 'u-barn', name: 'Barn och familjeenheten', path: ['Barn och familjeenheten'], code: 'BFE' };
const OMSORG: ImportUnit = { id: 'u-omsorg', name: 'Omsorgsenheten', path: ['Omsorgsenheten'], code: null };

function csvGrid(text: string): ImportGrid {
  const read = economyGridFromCsv(windows1252(text));
  if (!read.ok) throw new Error(read.issue.message);
  return read.grid;
}

describe('importing an economy table from a finance system export', () => {
  it('reads Nacka’s table from a Windows-1252 CSV with ; and decimal comma, reproduces its totals and flags exactly the printed figures that disagree', () => {
    const read = economyGridFromCsv(windows1252(NACKA_CSV));
    expect(read).toMatchObject({ ok: true, encoding: 'windows-1252', delimiter: ';' });
    const grid = (read as { grid: ImportGrid }).grid;
    const mapping = suggestEconomyMapping(grid.headers, NACKA_CONFIG);
    expect(mapping).toMatchObject({
      unitColumn: null,
      labelColumn: '(Tkr)',
      columns: { net: 'Utfall 08', budget_net: 'Budget 08', budget_deviation: 'Budget avvikelse', forecast: 'Prognos', annual_budget: 'Budget 2021', forecast_deviation: 'Prognos avvikelse', previous_year: 'Bokslut 2020' },
    });
    const result = importEconomy(grid, mapping, { config: NACKA_CONFIG, units: [BARN], importId: '0f0e0d0c-0b0a-4908-8706-050403020100' });
    expect(result.issues).toEqual([]);
    expect(result.units).toHaveLength(1);
    const [unit] = result.units;
    expect(unit.rows).toBe(5);
    expect(unit.content.rows.map((r) => r.label)).toEqual([
      'Heldygnsvård',
      'Biståndsbedömd öppenvård',
      'Övrig öppenvård inkl föreningsbidrag',
      'Familjerådgivning o insatser familjerätt',
      'Ensamkommande barn och unga',
    ]);
    // Entered figures only (the deviations are computed), each traced to its line of the file.
    expect(unit.content.rows[0]).toEqual({
      key: 'heldygnsvard',
      label: 'Heldygnsvård',
      values: { net: -52040, budget_net: -60749, forecast: -80344, annual_budget: -91123, previous_year: -81242 },
      source: { importId: '0f0e0d0c-0b0a-4908-8706-050403020100', line: 2 },
    });
    expect(unit.total).toMatchObject({ net: -106116, budget_net: -111698, forecast: -161900, annual_budget: -167548, forecast_deviation: 5648, previous_year: -153701 });
    expect(result.disagreements).toEqual([
      { line: 6, unitName: 'Barn och familjeenheten', row: 'Ensamkommande barn och unga', column: 'budget_deviation', header: 'Budget avvikelse', printed: 549, computed: 548 },
      { line: 7, unitName: 'Barn och familjeenheten', row: 'Summa barn och unga', column: 'budget_net', header: 'Budget 08', printed: -111699, computed: -111698 },
      // The total's deviation follows: its rows give −106 116 − (−111 698).
      { line: 7, unitName: 'Barn och familjeenheten', row: 'Summa barn och unga', column: 'budget_deviation', header: 'Budget avvikelse', printed: 5583, computed: 5582 },
    ]);
  });

  it('reads a UTF-8 CSV with , and decimal dot in mnkr, with units by name, path or code and sub-rows by a parent column', () => {
    const config: EconomyTableConfig = { unit: 'mnkr', columns: ['net', 'annual_budget', 'forecast', 'forecast_deviation'] };
    const text = [
      'Enhet,Rad,Överordnad rad,Utfall netto,Helårsbudget,Prognos',
      'BFE,Heldygnsvård,Barn och unga,-52.0,-91.1,-80.3',
      'Barn och familjeenheten,Öppenvård,Barn och unga,-31.3,-39.1,-47.2',
      'barn och familjeenheten,Barn och unga,,-83.3,-130.2,-127.5',
      'Omsorgsenheten,Hemtjänst,,-12.5,-20.0,-19.9',
      ',Totalt,,-95.8,-150.2,-147.5',
    ].join('\n');
    const read = economyGridFromCsv(new TextEncoder().encode(text));
    expect(read).toMatchObject({ ok: true, encoding: 'utf-8', delimiter: ',', grid: { decimal: 'dot' } });
    const grid = (read as { grid: ImportGrid }).grid;
    const mapping = suggestEconomyMapping(grid.headers, config);
    expect(mapping).toMatchObject({ unitColumn: 'Enhet', labelColumn: 'Rad', parentColumn: 'Överordnad rad' });
    const result = importEconomy(grid, mapping, { config, units: [BARN, OMSORG] });
    expect(result.issues).toEqual([]);
    expect(result.units.map((u) => [u.unitName, u.rows])).toEqual([
      ['Barn och familjeenheten', 3],
      ['Omsorgsenheten', 1],
    ]);
    expect(result.units[0].content.rows).toEqual([
      {
        key: 'barn-och-unga',
        label: 'Barn och unga',
        values: {},
        children: [
          { key: 'heldygnsvard', label: 'Heldygnsvård', values: { net: -52, annual_budget: -91.1, forecast: -80.3 } },
          { key: 'oppenvard', label: 'Öppenvård', values: { net: -31.3, annual_budget: -39.1, forecast: -47.2 } },
        ],
      },
    ]);
    // The printed parent row is a sub-total (it agrees); the file's own total is checked over both units.
    expect(result.disagreements).toEqual([
      { line: 6, unitName: 'Hela filen', row: 'Totalt', column: 'forecast', header: 'Prognos', printed: -147.5, computed: -147.4 },
    ]);
    expect(result.units[0].total).toMatchObject({ net: -83.3, annual_budget: -130.2, forecast: -127.5, forecast_deviation: 2.7 });
  });

  it('names the line and the column of every bad cell, and gives no table to store', () => {
    const grid = csvGrid(
      [
        'Enhet;Rad;Utfall 08;Budget 08;Prognos;Budget 2021;Bokslut 2020',
        'Barn och familjeenheten;Heldygnsvård;-52 040;ungefär 60 000;-80 344;-91 123;-81 242',
        'Barn och familjeenheten;Öppenvård;-31.5;-26 093;-47 175;-39 140;-40 143',
        'Socialkontoret;Hemtjänst;-1;-1;-1;-1;-1',
        'Barn och familjeenheten;Heldygnsvård;-1;-1;-1;-1;-1',
        'Barn och familjeenheten;Kurser;-1,5;-1;-1;-1;-1',
      ].join('\r\n'),
    );
    const result = importEconomy(grid, suggestEconomyMapping(grid.headers, NACKA_CONFIG), { config: NACKA_CONFIG, units: [BARN, OMSORG] });
    expect(result.units).toEqual([]);
    expect(result.issues.map(importIssueText)).toEqual([
      'Rad 2, kolumn "Budget 08": "ungefär 60 000" är inte ett tal.',
      'Rad 3, kolumn "Utfall 08": "-31.5" har decimalpunkt; skriv decimalkomma (-31,5).',
      'Rad 4, kolumn "Enhet": Enheten "Socialkontoret" lämnar inte det här avsnittet, eller finns inte. Enheter som lämnar avsnittet: Barn och familjeenheten, Omsorgsenheten.',
      'Rad 5, kolumn "Rad": Raden "Heldygnsvård" för Barn och familjeenheten förekommer redan på rad 2.',
      'Rad 6, kolumn "Utfall 08": Barn och familjeenheten, Kurser: Utfall 08: anges i tkr med heltal.',
    ]);
  });

  it('checks the figures with the section’s rules (decimals of the unit, signs), pointing at the file', () => {
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['income', 'costs', 'net'] };
    const grid = csvGrid(['Rad;Intäkter;Kostnader', 'Hemtjänst;1 200,5;-800', 'Boende;300;450'].join('\n'));
    const result = importEconomy(grid, suggestEconomyMapping(grid.headers, config), { config, units: [OMSORG] });
    expect(result.issues.map(importIssueText)).toEqual([
      'Rad 2, kolumn "Intäkter": Omsorgsenheten, Hemtjänst: Utfall intäkter: anges i tkr med heltal.',
      'Rad 3, kolumn "Kostnader": Omsorgsenheten, Boende: Utfall kostnader: kostnader anges som negativa tal (−450).',
    ]);
  });

  it('reports a required column the file lacks, and a mapped header that is not in the file', () => {
    const grid = csvGrid(['(Tkr);Utfall 08;Budget 08;Budget 2021;Bokslut 2020', 'Heldygnsvård;-1;-1;-1;-1'].join('\n'));
    const suggested = suggestEconomyMapping(grid.headers, NACKA_CONFIG);
    const missing = importEconomy(grid, suggested, { config: NACKA_CONFIG, units: [BARN] });
    expect(missing.issues.map(importIssueText)).toEqual([
      'Rad 1: Kolumnen "Prognos" saknas: ingen kolumn i filen är kopplad till den. Filens kolumner: "(Tkr)", "Utfall 08", "Budget 08", "Budget 2021", "Bokslut 2020".',
    ]);
    const wrong: EconomyImportMapping = { ...suggested, columns: { ...suggested.columns, forecast: 'Prognos T2' } };
    expect(importEconomy(grid, wrong, { config: NACKA_CONFIG, units: [BARN] }).issues[0]).toEqual({
      line: 1,
      column: 'Prognos T2',
      message: 'Kolumnen "Prognos T2" (Prognos) finns inte i filen. Filens kolumner: "(Tkr)", "Utfall 08", "Budget 08", "Budget 2021", "Bokslut 2020".',
    });
  });

  it('asks which unit a file without a unit column belongs to when several deliver, and tells apart units with the same name', () => {
    const grid = csvGrid(NACKA_CSV);
    const mapping = suggestEconomyMapping(grid.headers, NACKA_CONFIG);
    expect(importEconomy(grid, mapping, { config: NACKA_CONFIG, units: [BARN, OMSORG] }).issues[0].message).toContain('välj vilken enhet filen gäller');
    expect(importEconomy(grid, mapping, { config: NACKA_CONFIG, units: [BARN, OMSORG], defaultUnitId: OMSORG.id }).units[0].unitName).toBe('Omsorgsenheten');

    const stabA: ImportUnit = { id: 'a', name: 'Stab', path: ['Äldre', 'Stab'] };
    const stabB: ImportUnit = { id: 'b', name: 'Stab', path: ['Administration och bistånd', 'Stab'] };
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget'] };
    const stab = gridFromRows(
      [
        { line: 1, cells: ['Enhet', 'Rad', 'Helårsbudget'] },
        { line: 2, cells: ['Stab', 'Ledning', -100] },
        { line: 3, cells: ['Administration och bistånd/Stab', 'Ledning', -200] },
      ],
      'comma',
    );
    if (!stab.ok) throw new Error('grid');
    const result = importEconomy(stab.grid, suggestEconomyMapping(stab.grid.headers, config), { config, units: [stabA, stabB] });
    expect(result.issues).toEqual([
      {
        line: 2,
        column: 'Enhet',
        message: 'Enheten "Stab" finns på flera ställen (Äldre / Stab; Administration och bistånd / Stab). Skriv vägen, till exempel "Äldre / Stab", eller enhetens kod.',
      },
    ]);
  });

  it('keeps the keys and comments of the rows already in the table, so the diff and the next cycle follow them', () => {
    const grid = csvGrid(NACKA_CSV);
    const previous: EconomyContent = {
      type: 'economy',
      rows: [{ key: 'hdv', label: 'heldygnsvård', values: { net: -1 }, comment: 'Färre placeringar.' }],
    };
    const result = importEconomy(grid, suggestEconomyMapping(grid.headers, NACKA_CONFIG), { config: NACKA_CONFIG, units: [BARN], previous: () => previous });
    expect(result.units[0].content.rows[0]).toMatchObject({ key: 'hdv', label: 'Heldygnsvård', comment: 'Färre placeringar.', values: { net: -52040 } });
  });

  it('reads XLSX-style cells: numbers as numbers, text parsed the Swedish way, the saved mapping before suggestions', () => {
    const config: EconomyTableConfig = { unit: 'tkr', columns: ['annual_budget', 'forecast', 'forecast_deviation'] };
    const read = gridFromRows(
      [
        { line: 1, cells: ['Rapport per augusti', null, null] },
        { line: 2, cells: [null, null, null] },
        { line: 3, cells: ['Verksamhet', 'Budget helår', 'Prognos T2'] },
        { line: 4, cells: ['Hemtjänst', -20000, '-19 500'] },
        { line: 5, cells: ['Boende', '−3 000', -3100] },
      ],
      'comma',
    );
    if (!read.ok) throw new Error('grid');
    // The first non-empty row is taken as headers: a title row above the table must be removed first.
    expect(read.grid.headers).toEqual(['Rapport per augusti']);
    const table = gridFromRows(
      [
        { line: 3, cells: ['Verksamhet', 'Budget helår', 'Prognos T2'] },
        { line: 4, cells: ['Hemtjänst', -20000, '-19 500'] },
        { line: 5, cells: ['Boende', '−3 000', -3100] },
      ],
      'comma',
    );
    if (!table.ok) throw new Error('grid');
    const mapping = suggestEconomyMapping(table.grid.headers, config, { columns: { forecast: 'Prognos T2' } });
    expect(mapping.columns).toEqual({ forecast: 'Prognos T2', annual_budget: 'Budget helår' });
    expect(mapping.labelColumn).toBe('Verksamhet');
    const result = importEconomy(table.grid, mapping, { config, units: [OMSORG] });
    expect(result.issues).toEqual([]);
    expect(result.units[0].total).toEqual({ annual_budget: -23000, forecast: -22600, forecast_deviation: 400 });
  });

  it('refuses a file whose header names a column twice, and an empty file', () => {
    expect(economyGridFromCsv(new TextEncoder().encode('Rad;Prognos;prognos\nA;1;2'))).toEqual({
      ok: false,
      issue: { line: 1, column: 'prognos', message: 'Rubriken "prognos" står två gånger (kolumn 2 och 3). Varje kolumn behöver en egen rubrik.' },
    });
    expect(economyGridFromCsv(new Uint8Array())).toMatchObject({ ok: false, issue: { line: 1 } });
  });

  it('reads a mapping from a request, refusing columns the table does not have', () => {
    expect(readEconomyImportMapping({ labelColumn: 'Rad', columns: { forecast: 'Prognos' } }, NACKA_CONFIG)).toMatchObject({
      ok: true,
      mapping: { labelColumn: 'Rad', unitColumn: null, columns: { forecast: 'Prognos' }, totalLabels: ['Summa', 'Totalt', 'Total'] },
    });
    expect(readEconomyImportMapping({ labelColumn: 'Rad', columns: { income: 'Intäkter' } }, NACKA_CONFIG)).toEqual({
      ok: false,
      message: 'Kolumnen "income" finns inte i avsnittets tabell.',
    });
    expect(readEconomyImportMapping({ columns: {} }, NACKA_CONFIG)).toEqual({ ok: false, message: 'Välj kolumnen med radernas namn.' });
  });
});
