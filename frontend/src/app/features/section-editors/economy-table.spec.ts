import type { EconomyTableConfig } from '@rapportflode/domain';
import {
  buildTableView,
  cellId,
  type EditRow,
  newRowKey,
  nextRowTarget,
  parsePastedBlock,
  readEditRows,
  toEditRows,
} from './economy-table';
import { applyPaste } from './economy-table-paste';

const MINUS = '\u2212';
const NBSP = '\u00a0';

/** Gnesta's layout: everything entered. */
const GNESTA: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['annual_budget', 'earlier_result', 'earlier_forecast', 'net', 'forecast'],
  labels: {
    annual_budget: 'Budget',
    earlier_result: 'Resultat per april',
    earlier_forecast: 'Prognos per april',
    net: 'Resultat per augusti',
    forecast: 'Prognos per augusti',
  },
};

/** Nacka's: netto and deviations computed. */
const NACKA: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['income', 'costs', 'net', 'annual_budget', 'forecast', 'forecast_deviation'],
};

function row(key: string, label: string, cells: EditRow['cells'] = {}, children: EditRow[] = []): EditRow {
  return { key, label, cells, comment: '', children };
}

describe('newRowKey', () => {
  it('is r- and eight characters a key may hold', () => {
    expect(newRowKey()).toMatch(/^r-[a-z0-9]{8}$/);
    expect(newRowKey(() => 0)).toBe('r-aaaaaaaa');
  });
});

describe('toEditRows and readEditRows', () => {
  it('shows stored figures the Swedish way and reads them back', () => {
    const rows = toEditRows(GNESTA, {
      type: 'economy',
      rows: [{ key: 'r-1', label: 'Vuxenutbildning', values: { annual_budget: -7015 }, comment: 'Ok' }],
    });
    expect(rows[0].cells.annual_budget).toBe(`${MINUS}7${NBSP}015`);
    expect(rows[0].cells.forecast).toBe('');
    const read = readEditRows(GNESTA, rows);
    expect(read.parseErrors.size).toBe(0);
    expect(read.content.rows[0]).toEqual({ key: 'r-1', label: 'Vuxenutbildning', values: { annual_budget: -7015 }, comment: 'Ok' });
  });

  it('keeps an imported row’s trace to its import through an edit', () => {
    const source = { importId: '0b6f7c1e-2a4d-4e8f-9a10-3c5d7e9f1a2b', line: 7 };
    const rows = toEditRows(GNESTA, { type: 'economy', rows: [{ key: 'r-1', label: 'Vuxenutbildning', values: { annual_budget: -7015 }, source }] });
    rows[0].cells.annual_budget = '-7 100';
    expect(readEditRows(GNESTA, rows).content.rows[0]).toEqual({ key: 'r-1', label: 'Vuxenutbildning', values: { annual_budget: -7100 }, source });
  });

  it('marks a cell that is not a Swedish number and leaves it out', () => {
    const read = readEditRows(GNESTA, [row('r-1', 'A', { annual_budget: '3.8', forecast: '-1 686' })]);
    expect(read.parseErrors.get('r-1:annual_budget')).toContain('decimalkomma');
    expect(read.content.rows[0].values).toEqual({ forecast: -1686 });
  });
});

describe('buildTableView', () => {
  it('computes netto, deviation, sub-totals and the total live', () => {
    const rows = [
      row('r-a', 'A', {}, [row('r-a1', 'A1', { income: '100', costs: '-300', annual_budget: '-250', forecast: '-260' }), row('r-a2', 'A2', { costs: '-50' })]),
      row('r-b', 'B', { income: '10', costs: '-20' }),
    ];
    const view = buildTableView(NACKA, rows);
    expect(view.rows.map((r) => [r.key, r.depth, r.subtotal])).toEqual([
      ['r-a', 0, true],
      ['r-a1', 1, false],
      ['r-a2', 1, false],
      ['r-b', 0, false],
    ]);
    const a = view.rows[0].cells;
    expect(a.every((c) => !c.editable)).toBe(true);
    expect(a.find((c) => c.column === 'net')?.text).toBe(`${MINUS}250`);
    const a1 = view.rows[1].cells;
    expect(a1.find((c) => c.column === 'income')?.editable).toBe(true);
    expect(a1.find((c) => c.column === 'net')?.editable).toBe(false);
    expect(a1.find((c) => c.column === 'forecast_deviation')?.text).toBe(`${MINUS}10`);
    expect(view.total.find((c) => c.column === 'net')?.text).toBe(`${MINUS}260`);
    expect(view.total.find((c) => c.column === 'income')?.text).toBe('110');
    expect(view.messages).toEqual([]);
  });

  it('puts a parse error and a rule at their cells, with ids to describe them', () => {
    const view = buildTableView(NACKA, [row('r-a', 'A', { income: '3.8', costs: '5' }), row('r-b', '')]);
    const income = view.rows[0].cells.find((c) => c.column === 'income');
    expect(income?.error).toContain('decimalpunkt');
    expect(income?.errorId).toBe(`${cellId('r-a', 'income')}-error`);
    expect(view.rows[0].cells.find((c) => c.column === 'costs')?.error).toContain('negativa');
    expect(view.rows[1].labelError).toBe('Raden saknar namn.');
    expect(view.rows[1].name).toBe('rad 2');
    expect(view.messages).toHaveLength(3);
  });

  it('shows nothing of a quiet (new, not left) row until it is no longer quiet', () => {
    const rows = [row('r-a', 'A', { income: '3.8' }), row('r-new', '', { costs: '5' })];
    const quiet = buildTableView(NACKA, rows, new Set(['r-new']));
    expect(quiet.rows[1].labelError).toBeNull();
    expect(quiet.rows[1].cells.every((c) => c.error === null)).toBe(true);
    expect(quiet.messages).toHaveLength(1);
    expect(quiet.rows[0].cells.find((c) => c.column === 'income')?.error).toContain('decimalpunkt');
    const left = buildTableView(NACKA, rows);
    expect(left.rows[1].labelError).toBe('Raden saknar namn.');
    expect(left.messages).toHaveLength(3);
  });
});

describe('nextRowTarget', () => {
  it('goes to the same column in the next row with an input there', () => {
    const rows = [row('r-a', 'A'), row('r-b', 'B', {}, [row('r-b1', 'B1')]), row('r-c', 'C')];
    const view = buildTableView(NACKA, rows);
    expect(nextRowTarget(view, 'r-a', 'income')).toBe(cellId('r-b1', 'income'));
    expect(nextRowTarget(view, 'r-b1', 'income')).toBe(cellId('r-c', 'income'));
    expect(nextRowTarget(view, 'r-a', 'label')).toBe(cellId('r-b', 'label'));
    expect(nextRowTarget(view, 'r-c', 'income')).toBeNull();
  });
});

describe('a layout with sub-totals below their sub-rows', () => {
  const BELOW: EconomyTableConfig = { ...NACKA, subtotalPosition: 'below' };
  const rows = () => [
    row('r-a', 'Barn och unga', {}, [
      row('r-a1', 'Heldygnsvård', {}, [row('r-a1x', 'Placeringar', { income: '10', costs: '-110' }), row('r-a1y', 'Familjehem', { costs: '-40' })]),
      row('r-a2', 'Öppenvård', { income: '5', costs: '-25' }),
    ]),
    row('r-b', 'IFO', { income: '1', costs: '-2' }),
  ];

  it('shows a row with sub-rows as a label and its sum in a "Summa" row after them, as it prints', () => {
    const view = buildTableView(BELOW, rows());
    expect(view.rows.map((r) => [r.label, r.kind, r.depth])).toEqual([
      ['Barn och unga', 'heading', 0],
      ['Heldygnsvård', 'heading', 1],
      ['Placeringar', 'row', 2],
      ['Familjehem', 'row', 2],
      ['Summa heldygnsvård', 'sum', 1],
      ['Öppenvård', 'row', 1],
      ['Summa barn och unga', 'sum', 0],
      ['IFO', 'row', 0],
    ]);
    const net = (label: string) => view.rows.find((r) => r.label === label)?.cells.find((c) => c.column === 'net')?.text;
    expect(net('Barn och unga')).toBe('');
    expect(net('Heldygnsvård')).toBe('');
    expect(net('Summa heldygnsvård')).toBe(`${MINUS}140`);
    expect(net('Summa barn och unga')).toBe(`${MINUS}160`);
    const sum = view.rows[6];
    expect(sum.sumOf).toBe('r-a');
    expect(sum.cells.every((c) => !c.editable)).toBe(true);
    expect(new Set(view.rows.map((r) => r.key)).size).toBe(view.rows.length);
    expect(new Set(view.rows.flatMap((r) => r.cells.map((c) => c.id))).size).toBe(view.rows.length * BELOW.columns.length);
    expect(view.total.find((c) => c.column === 'net')?.text).toBe(`${MINUS}161`);
  });

  it('keeps the default layout as before: the sub-total on the row itself, no sum rows', () => {
    const view = buildTableView(NACKA, rows());
    expect(view.rows.map((r) => r.kind)).toEqual(['row', 'row', 'row', 'row', 'row', 'row']);
    expect(view.rows[0].cells.find((c) => c.column === 'net')?.text).toBe(`${MINUS}160`);
  });

  it('Enter passes over the sum rows to the next input in the column', () => {
    const view = buildTableView(BELOW, rows());
    expect(nextRowTarget(view, 'r-a1y', 'income')).toBe(cellId('r-a2', 'income'));
    expect(nextRowTarget(view, 'r-a1y', 'label')).toBe(cellId('r-a2', 'label'));
    expect(nextRowTarget(view, 'r-a2', 'income')).toBe(cellId('r-b', 'income'));
    expect(nextRowTarget(view, 'r-a2', 'label')).toBe(cellId('r-b', 'label'));
  });

  it('a paste into the sub-rows fills them and leaves the sum rows to be computed', () => {
    const result = applyPaste(BELOW, rows(), { key: 'r-a1x', column: 'income' }, [['30', '-120'], ['1', '-41']]);
    const view = buildTableView(BELOW, result.rows);
    expect(view.rows.filter((r) => r.kind === 'sum')).toHaveLength(2);
    const net = (label: string) => view.rows.find((r) => r.label === label)?.cells.find((c) => c.column === 'net')?.text;
    expect(net('Summa heldygnsvård')).toBe(`${MINUS}130`);
    expect(net('Summa barn och unga')).toBe(`${MINUS}150`);
    expect(result.rows[0].children[0].children.map((c) => c.cells.costs)).toEqual([`${MINUS}120`, `${MINUS}41`]);
    expect(result.rows[0].children[1].cells).toEqual({ income: '5', costs: '-25' });
  });
});

describe('parsePastedBlock', () => {
  it('splits lines and tabs, ignoring the trailing newline Excel adds', () => {
    expect(parsePastedBlock('a\t1\r\nb\t2\r\n')).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });
});

describe('applyPaste', () => {
  let seed = 0;
  const random = () => ((seed += 1) % 36) / 36;

  it('fills entered columns from the cell rightwards and adds rows as needed, with the label', () => {
    const rows = [row('r-a', 'A')];
    const block = parsePastedBlock('Gymnasiet\t-1 200\t-300\t-310\nKomvux\t-50\t3.8\n');
    const result = applyPaste(GNESTA, rows, { key: 'r-a', column: 'earlier_result' }, block, random);
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0].label).toBe('A'); // a named row keeps its name
    expect(result.rows[0].cells).toEqual({ earlier_result: `${MINUS}1${NBSP}200`, earlier_forecast: `${MINUS}300`, net: `${MINUS}310` });
    expect(result.rows[1].label).toBe('Komvux');
    expect(result.rows[1].key).toMatch(/^r-[a-z0-9]{8}$/);
    expect(result.rows[1].cells).toEqual({ earlier_result: `${MINUS}50`, earlier_forecast: '3.8' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain('Komvux, Prognosavvikelse tidigare period');
    expect(result.firstCellId).toBe(cellId('r-a', 'earlier_result'));
  });

  it('starting at the label column takes the first cell as the name; values past the last column are counted', () => {
    const result = applyPaste(GNESTA, [row('r-a', '')], { key: 'r-a', column: 'label' }, [['X', '1', '2', '3', '4', '5', '6']]);
    expect(result.rows[0].label).toBe('X');
    expect(result.rows[0].cells.forecast).toBe('5');
    expect(result.skipped).toBe(1);
  });

  it('fills sub-rows among their siblings', () => {
    const rows = [row('r-a', 'A', {}, [row('r-a1', 'A1')]), row('r-b', 'B')];
    const result = applyPaste(GNESTA, rows, { key: 'r-a1', column: 'annual_budget' }, [['1'], ['2']], random);
    expect(result.rows[0].children.map((c) => c.cells.annual_budget)).toEqual(['1', '2']);
    expect(result.rows[1].cells).toEqual({});
  });
});
