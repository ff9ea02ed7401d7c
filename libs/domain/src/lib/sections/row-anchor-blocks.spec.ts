import type { BlocksContent } from './blocks';
import { checkSectionConfig, type SectionConfig } from './content';
import { checkRowAnchor, commentableRows, commentRowId } from './row-anchor';

const config = (() => {
  const checked = checkSectionConfig('blocks', {
    blocks: {
      blocks: [
        { key: 'inledning', kind: 'narrative', title: 'Inledning' },
        {
          key: 'bidrag',
          kind: 'table',
          title: 'Statsbidrag',
          config: { table: { columns: [{ key: 'namn', label: 'Bidrag', type: 'text' }, { key: 'belopp', label: 'Belopp tkr', type: 'number' }] } },
        },
        { key: 'ekonomi', kind: 'economy', config: { economy: { unit: 'tkr', columns: ['net', 'forecast'] } } },
        { key: 'diagram', kind: 'chart', chart: { source: 'bidrag', title: 'Statsbidrag per bidrag', type: 'line' } },
      ],
    },
  });
  if (!checked.ok) throw new Error(checked.errors.join('\n'));
  return checked.config as SectionConfig;
})();

const content = (rows: Array<{ key: string; namn: string }>): BlocksContent => ({
  type: 'blocks',
  blocks: {
    bidrag: { type: 'table', rows: rows.map((r) => ({ key: r.key, cells: { namn: r.namn, belopp: 100 } })) },
    ekonomi: { type: 'economy', rows: [{ key: 'a', label: 'Skola', values: { net: -5 } }] },
  },
});

describe('row comments inside a section of blocks', () => {
  const two = content([
    { key: 'a', namn: 'Lärarlönelyftet' },
    { key: 'b', namn: 'Skolmiljarden' },
  ]);

  it('offers the rows of every table block, named by their block, with the block in each', () => {
    const rows = commentableRows(two, config);
    expect(rows.map((r) => [r.block, r.key, r.name])).toEqual([
      ['bidrag', 'a', 'Statsbidrag › Lärarlönelyftet'],
      ['bidrag', 'b', 'Statsbidrag › Skolmiljarden'],
      ['ekonomi', 'a', 'Block 3 (Ekonomi) › Skola'],
    ]);
    expect(rows[0].columns.map((c) => c.label)).toEqual(['Bidrag', 'Belopp tkr']);
    // The same row key in two blocks is two rows.
    expect(new Set(rows.map((r) => commentRowId(r.key, r.block))).size).toBe(3);
  });

  it('anchors a comment on a block’s row by block key and row key, and the anchor still finds the row after re-ordering', () => {
    const checked = checkRowAnchor(two, config, { kind: 'row', block: 'bidrag', rowKey: 'b', column: 'belopp' });
    expect(checked).toMatchObject({ ok: true, anchor: { kind: 'row', block: 'bidrag', rowKey: 'b', column: 'belopp' }, row: { name: 'Statsbidrag › Skolmiljarden' } });
    const reordered = content([
      { key: 'c', namn: 'Läsa-skriva-räkna' },
      { key: 'b', namn: 'Skolmiljarden' },
      { key: 'a', namn: 'Lärarlönelyftet' },
    ]);
    expect(checkRowAnchor(reordered, config, { kind: 'row', block: 'bidrag', rowKey: 'b' })).toMatchObject({ ok: true, row: { name: 'Statsbidrag › Skolmiljarden' } });
    expect(checkRowAnchor(two, config, { kind: 'row', block: 'ekonomi', rowKey: 'a' })).toMatchObject({ ok: true, row: { name: 'Block 3 (Ekonomi) › Skola' } });
  });

  it('refuses a row that is not in the block, a missing or unknown block, and a block without a table', () => {
    const refused = (anchor: unknown) => {
      const checked = checkRowAnchor(two, config, anchor);
      return checked.ok ? null : checked.message;
    };
    expect(refused({ kind: 'row', block: 'bidrag', rowKey: 'zz' })).toBe('Raden kommentaren gäller finns inte längre i tabellen.');
    expect(refused({ kind: 'row', rowKey: 'a' })).toBe('Ange vilket block raden kommentaren gäller finns i.');
    expect(refused({ kind: 'row', block: 'saknas', rowKey: 'a' })).toBe('Blocket kommentaren gäller finns inte i avsnittet eller har ingen tabell.');
    expect(refused({ kind: 'row', block: 'inledning', rowKey: 'a' })).toBe('Blocket kommentaren gäller finns inte i avsnittet eller har ingen tabell.');
    expect(refused({ kind: 'row', block: 'bidrag', rowKey: 'a', column: 'okand' })).toBe('Raden ”Statsbidrag › Lärarlönelyftet” har ingen sådan kolumn att kommentera.');
  });

  it('refuses a block in the anchor of a section that is not made of blocks', () => {
    const checked = checkRowAnchor({ type: 'economy', rows: [{ key: 'a', label: 'Skola', values: {} }] }, { economy: { unit: 'tkr', columns: ['net'] } }, { kind: 'row', block: 'bidrag', rowKey: 'a' });
    expect(checked).toEqual({ ok: false, message: 'Avsnittet har inga block; ange bara raden kommentaren gäller.' });
  });
});
