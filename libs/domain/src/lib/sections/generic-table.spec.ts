import {
  checkPrintedTableTotal,
  checkTable,
  checkTableConfig,
  computeTable,
  diffTable,
  formatTableCell,
  TableConfig,
  TableContent,
} from './generic-table';

// Nacka, Redovisning riktade statsbidrag (reference 000, lines 390-405).
const GRANTS: TableConfig = {
  columns: [
    { key: 'grant', label: 'Bidrag som beviljats/erhållits perioden jan-aug 2021', type: 'text', required: true },
    { key: 'authority', label: 'Myndighet (statlig medfinansiär)', type: 'text', required: true },
    { key: 'other', label: 'Annan inblandad nämnd/verksamhet', type: 'text' },
    { key: 'applied', label: 'Sökt belopp tkr (år)', type: 'number', sum: true },
    { key: 'received', label: 'Erhållet/reserverat belopp tkr', type: 'number', sum: true },
    { key: 'forecast', label: 'Prognos tkr år 2021', type: 'number', sum: true },
  ],
};
// As the rows are printed (text, with Swedish spaces, empty cells empty).
const printedRows: Array<[string, string, string, string, string]> = [
  ['Statsbidrag habiliteringsersättning 2021', 'Socialstyrelsen', '2 322', '2 322', '2 322'],
  ['Subvention familjehemsplaceringar 2021', 'Socialstyrelsen', '952', '952', '952'],
  ['Utvecklingsmedel för arbete mot våld i nära relationer 2021', 'Socialstyrelsen', '552', '552', '515'],
  ['Statsbidrag återsökning merkostnader Covid-19 2020', 'Socialstyrelsen', '2 296', '2051', '2 051'],
  ['Stimulansmedel inom ramen för överenskommelsen om stöd till riktade insatser inom området psykisk hälsa 2021', 'StorSthlm', '3 068', '3 068', '3 068'],
  ['Stimulansmedel stärkt brukarmedverkan 2021', 'StorSthlm', '44', '44', '44'],
  ['Stimulansmedel stärkt suicidpreventivt arbete 2021', 'StorSthlm', '936', '936', '936'],
  ['Stärkt samverkan för personer med samsjuklighet', 'StorSthlm', '431', '431', '431'],
  ['Prio BoU 2016', 'StorSthlm', '', '566', '566'],
  ['Våld i nära relationer 2016', 'Socialstyrelsen', '', '355', '150'],
  ['Prio 2017 Handlingsplan', 'StorSthlm', '', '389', '60'],
  ['Våld i nära relationer 2017', 'Socialstyrelsen', '', '302', '302'],
  ['Stimulansmedel Psykisk hälsa 2019', 'StorSthlm', '', '2 655', '1 650'],
  ['Stimulansmedel Psykisk hälsa 2020', 'StorSthlm', '', '461', '461'],
];
const grantsInput = {
  type: 'table',
  rows: printedRows.map(([grant, authority, applied, received, forecast], i) => ({
    key: `sb${i + 1}`,
    cells: { grant, authority, other: '', applied, received, forecast },
  })),
};

function checked(config: TableConfig, input: unknown): TableContent {
  const result = checkTable(config, input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.content;
}

describe('tables', () => {
  it('reads Nacka’s statsbidrag table and sums the total row', () => {
    const content = checked(GRANTS, grantsInput);
    expect(content.rows[0].cells).toEqual({ grant: 'Statsbidrag habiliteringsersättning 2021', authority: 'Socialstyrelsen', other: null, applied: 2322, received: 2322, forecast: 2322 });
    expect(content.rows[8].cells['applied']).toBeNull();
    const computed = computeTable(GRANTS, content);
    expect(computed.total).toEqual({ grant: 'Totalt', authority: null, other: null, applied: 10601, received: 15084, forecast: 13508 });
    expect(formatTableCell(GRANTS.columns[4], 15084)).toBe('15\u00a0084');
  });

  it('flags the printed Prognos total (13 545) that the rows do not add up to (13 508)', () => {
    const computed = computeTable(GRANTS, checked(GRANTS, grantsInput));
    expect(checkPrintedTableTotal(GRANTS, computed, { applied: 10601, received: 15084, forecast: 13545 })).toEqual([
      { column: 'forecast', printed: 13545, computed: 13508 },
    ]);
  });

  it('names the row by its first cell and the column of every problem', () => {
    const result = checkTable(GRANTS, {
      type: 'table',
      rows: [
        { key: 'a', cells: { grant: 'Prio BoU 2016', authority: '', applied: 'ej sökt', received: '566,5', forecast: '5.66' } },
        { key: 'b', cells: { grant: '', authority: 'StorSthlm', received: 389, extra: 'x' } },
      ],
    });
    expect(!result.ok && result.issues).toEqual([
      { row: 'Prio BoU 2016', column: 'authority', message: 'Myndighet (statlig medfinansiär) saknas.' },
      { row: 'Prio BoU 2016', column: 'applied', message: 'Sökt belopp tkr (år): "ej sökt" är text; kolumnen tar bara tal.' },
      { row: 'Prio BoU 2016', column: 'received', message: 'Erhållet/reserverat belopp tkr: anges med heltal (567).' },
      { row: 'Prio BoU 2016', column: 'forecast', message: 'Prognos tkr år 2021: "5.66" har decimalpunkt; skriv decimalkomma (5,66).' },
      { row: 'Rad 2', column: 'extra', message: 'Kolumnen "extra" finns inte i tabellen.' },
      { row: 'Rad 2', column: 'grant', message: 'Bidrag som beviljats/erhållits perioden jan-aug 2021 saknas.' },
    ]);
  });

  it('reproduces Gnesta’s investeringar total, rows under group headings', () => {
    // Reference 003, lines 620-636 (tkr).
    const config: TableConfig = {
      totalLabel: 'Summa investeringar',
      columns: [
        { key: 'project', label: 'Investeringar Socialnämnden', type: 'text', required: true },
        { key: 'budget', label: 'Investeringsbudget 2021', type: 'number', sum: true },
        { key: 'carried', label: 'Framskrivet 2021', type: 'number', sum: true },
        { key: 'not_carried', label: '2021 ej framskrivet', type: 'number', sum: true },
        { key: 'outcome', label: 'Utfall per augusti', type: 'number', sum: true },
        { key: 'remaining', label: 'Kvarvarande budget augusti framskrivet', type: 'number', sum: true },
      ],
    };
    const row = (key: string, group: string, project: string, budget: number | null, carried: number | null, notCarried: number | null, outcome: number | null, remaining: number | null) => ({
      key,
      group,
      cells: { project, budget, carried, not_carried: notCarried, outcome, remaining },
    });
    const content = checked(config, {
      type: 'table',
      rows: [
        row('iv80031', 'Gemensam verksamhet', 'IV80031 - Digitalisering i verksamheterna', 500, 500, null, -425, 75),
        row('kontor', 'Gemensam verksamhet', 'Kontorsutrustning', 200, null, 200, null, null),
        row('journal', 'Gemensam verksamhet', 'Journalssystem', 2000, null, 2000, null, null),
        row('projekt', 'Gemensam verksamhet', 'Projektledning av implementering av nytt journalssystem', 500, null, 500, null, null),
        row('inventarier', 'Gemensam verksamhet', 'Inventarier i förvaltning', 200, null, 200, null, null),
        row('sangar', 'Gemensam verksamhet', 'Sängar och madrasser', 400, null, 400, null, null),
        row('vux', 'Gemensam verksamhet', 'Projektörer Vuxenutbildningen', 40, null, 40, null, null),
        row('larm', 'Äldreboende och hemtjänst', 'Larm', 100, null, 100, null, null),
        row('iv80028', 'Äldreboende och hemtjänst', 'IV80028 - Åkervägen Nytt Serviceboende 2020', null, null, null, -1, -1),
      ],
    });
    expect(computeTable(config, content).total).toEqual({ project: 'Summa investeringar', budget: 3940, carried: 500, not_carried: 3440, outcome: -426, remaining: 74 });
    expect(content.rows[7].group).toBe('Äldreboende och hemtjänst');
  });

  it('shows the reviewer the changed cells, the total row included', () => {
    const before = checked(GRANTS, grantsInput);
    const after: TableContent = {
      ...before,
      rows: before.rows.map((r) => (r.key === 'sb3' ? { ...r, cells: { ...r.cells, forecast: 552 } } : r)),
    };
    expect(diffTable(GRANTS, before, after)).toEqual([
      { row: 'Utvecklingsmedel för arbete mot våld i nära relationer 2021', column: 'Prognos tkr år 2021', before: 515, after: 552 },
      { row: 'Totalt', column: 'Prognos tkr år 2021', before: 13508, after: 13545 },
    ]);
  });

  it('checks a template’s columns', () => {
    expect(checkTableConfig({ columns: GRANTS.columns })).toEqual({ ok: true, config: GRANTS });
    expect(checkTableConfig({ columns: [{ key: 'a', label: 'Namn', type: 'text', sum: true }, { key: 'a', label: '', type: 'datum' }] })).toEqual({
      ok: false,
      errors: [
        'Namn: bara talkolumner kan summeras.',
        'Kolumn 2: nyckeln "a" förekommer två gånger.',
        'Kolumn 2: kolumnrubriken ska vara 1–120 tecken.',
        'Kolumn 2: välj typ text eller tal.',
      ],
    });
  });
});
