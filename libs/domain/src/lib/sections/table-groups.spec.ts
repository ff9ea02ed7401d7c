import { checkSectionConfig } from './content';
import { checkTableConfig } from './generic-table';

const columns = [
  { key: 'bidrag', label: 'Bidrag', type: 'text' },
  { key: 'belopp', label: 'Belopp tkr', type: 'number', sum: true },
];

describe('table sections: the rows’ group headings as heading rows', () => {
  it('accepts groups rows and keeps it in the template', () => {
    expect(checkTableConfig({ columns, groups: 'rows' })).toEqual({ ok: true, config: { columns, groups: 'rows' } });
    expect(checkSectionConfig('table', { table: { columns, groups: 'rows' } })).toMatchObject({ ok: true, config: { table: { groups: 'rows' } } });
  });

  it('keeps a template without the choice, or with the first column, as today', () => {
    expect(checkTableConfig({ columns })).toEqual({ ok: true, config: { columns } });
    expect(checkTableConfig({ columns, groups: 'column' })).toEqual({ ok: true, config: { columns } });
  });

  it.each(['tables', 'Rows', 1, true])('refuses groups %p in Swedish', (value) => {
    expect(checkTableConfig({ columns, groups: value })).toEqual({
      ok: false,
      errors: ['Radernas rubriker skrivs ut som en första kolumn eller som rubrikrader i tabellen.'],
    });
  });
});
