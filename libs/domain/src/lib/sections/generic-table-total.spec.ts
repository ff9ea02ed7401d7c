import { checkContent, diffContent } from './content';
import { checkTable, computeTable, TableConfig, TableContent, tableTotalFlags } from './generic-table';

// Statsbidrag as a committee prints them: two summed columns, the total row labelled Summa.
const GRANTS: TableConfig = {
  columns: [
    { key: 'grant', label: 'Bidrag', type: 'text', required: true },
    { key: 'authority', label: 'Myndighet', type: 'text' },
    { key: 'received', label: 'Erhållet belopp tkr', type: 'number', sum: true },
    { key: 'forecast', label: 'Prognos tkr', type: 'number', sum: true },
  ],
  totalLabel: 'Summa',
};
const rows = [
  { key: 'r1', cells: { grant: 'Statsbidrag habiliteringsersättning 2021', authority: 'Socialstyrelsen', received: '2 322', forecast: '2 322' } },
  { key: 'r2', cells: { grant: 'Subvention familjehemsplaceringar 2021', authority: 'Socialstyrelsen', received: '952', forecast: '952' } },
];

function ok(input: unknown): TableContent {
  const result = checkTable(GRANTS, input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.content;
}

describe('a table’s typed total', () => {
  it('stores nothing extra when no total was typed (as today)', () => {
    const content = ok({ type: 'table', rows });
    expect(content.printedTotal).toBeUndefined();
    expect(tableTotalFlags(GRANTS, content)).toEqual([]);
  });

  it('keeps a typed total that agrees with the rows, and flags nothing', () => {
    const content = ok({ type: 'table', rows, printedTotal: { received: '3 274', forecast: 3274 } });
    expect(content.printedTotal).toEqual({ received: 3274, forecast: 3274 });
    expect(computeTable(GRANTS, content).total).toMatchObject({ grant: 'Summa', received: 3274, forecast: 3274 });
    expect(tableTotalFlags(GRANTS, content)).toEqual([]);
  });

  it('takes a pasted Summa row as the typed total, not as a row to add up', () => {
    const content = ok({ type: 'table', rows: [...rows, { key: 'r3', cells: { grant: 'Summa', authority: '', received: '3 274', forecast: '3 300' } }] });
    expect(content.rows.map((r) => r.key)).toEqual(['r1', 'r2']);
    expect(content.printedTotal).toEqual({ received: 3274, forecast: 3300 });
    expect(computeTable(GRANTS, content).total?.['forecast']).toBe(3274);
  });

  it('flags a typed total that disagrees in Swedish, keeps it as typed and shows the reviewer both', () => {
    const content = ok({ type: 'table', rows, printedTotal: { received: '3 274', forecast: '3 300' } });
    expect(content.printedTotal).toEqual({ received: 3274, forecast: 3300 });
    expect(tableTotalFlags(GRANTS, content)).toEqual([
      'Summa, Prognos tkr: den inskrivna summan 3\u00a0300 stämmer inte med raderna; raderna summeras till 3\u00a0274.',
    ]);
    const before = ok({ type: 'table', rows });
    expect(diffContent('table', { table: GRANTS }, before, content).cells).toEqual([
      { row: 'Summa (inskriven)', column: 'Erhållet belopp tkr', before: null, after: 3274 },
      { row: 'Summa (inskriven)', column: 'Prognos tkr', before: null, after: 3300 },
    ]);
  });

  it('refuses a typed total in a column that is not summed, or that is not a number', () => {
    const result = checkContent('table', { table: GRANTS }, { type: 'table', rows, printedTotal: { received: 'tre tusen', nope: 1 } });
    expect(!result.ok && result.errors).toEqual(['Summa: Erhållet belopp tkr: "tre tusen" är text; kolumnen tar bara tal.', 'Summa: Kolumnen "nope" finns inte i tabellen.']);
  });

  it('leaves a table without summed columns alone: a row called Summa is an ordinary row there', () => {
    const plain: TableConfig = { columns: [{ key: 'name', label: 'Namn', type: 'text' }, { key: 'n', label: 'Antal', type: 'number' }] };
    const result = checkTable(plain, { type: 'table', rows: [{ key: 'a', cells: { name: 'Summa', n: 3 } }] });
    expect(result.ok && result.content.rows).toHaveLength(1);
  });
});
