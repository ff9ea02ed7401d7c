import { fieldId, isBlock, moveItem, newRowKey, nextRowKey, pasteBlock, pasteNote, parsePastedBlock, rowKeysOf, withoutRows } from './section-grid';

describe('section grid helpers', () => {
  it('makes keys the domain accepts', () => {
    expect(newRowKey()).toMatch(/^[A-Za-z0-9_-]{1,60}$/);
    expect(newRowKey(() => 0.99)).toBe('r-99999999');
  });

  it('reads a block from Excel and tells a block from one value', () => {
    expect(parsePastedBlock('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(isBlock(parsePastedBlock('5,3'))).toBe(false);
    expect(isBlock(parsePastedBlock('5,3\t2,1'))).toBe(true);
  });

  it('moves a row and leaves the list alone at its ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -2)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });

  it('builds DOM-safe ids and finds the next row', () => {
    expect(fieldId('ap', 'r-1', 'ageBands.upp_till_29')).toBe('ap-r-1-ageBands_upp_till_29');
    expect(nextRowKey(['a', 'b'], 'a')).toBe('b');
    expect(nextRowKey(['a', 'b'], 'b')).toBeNull();
  });

  it('fills a pasted block rightwards and downwards, adding rows and counting what does not fit', () => {
    const rows = [{ key: 'a', x: '', y: '' }];
    let n = 0;
    const result = pasteBlock(
      rows,
      { key: 'a', field: 'x' },
      ['x', 'y'],
      [
        ['1', '2', '3'],
        ['4', '5'],
      ],
      () => ({ key: `new${(n += 1)}`, x: '', y: '' }),
      (row, field, text) => ({ ...row, [field]: text }),
    );
    expect(result.rows).toEqual([
      { key: 'a', x: '1', y: '2' },
      { key: 'new1', x: '4', y: '5' },
    ]);
    expect(result).toMatchObject({ skipped: 1, added: 1 });
    expect(pasteNote(2, 1)).toBe('2 rader inklistrade. 1 värden fick inte plats i tabellen.');
    expect(rows).toEqual([{ key: 'a', x: '', y: '' }]);
  });

  it('finds every row key of a draft and leaves rows out by key at any depth', () => {
    const draft = { type: 'internal_control', plan: [{ key: 'p1', area: '' }], risks: [{ key: 't1', title: 'Risker', rows: [{ key: 'k1' }, { key: 'k2' }] }] };
    expect([...rowKeysOf(draft)]).toEqual(['p1', 't1', 'k1', 'k2']);
    expect(withoutRows(draft, new Set(['k2', 'p1']))).toEqual({ type: 'internal_control', plan: [], risks: [{ key: 't1', title: 'Risker', rows: [{ key: 'k1' }] }] });
    expect(withoutRows(draft, new Set())).toBe(draft);
  });
});
