import type { EconomyContent, EconomyTableConfig, RichTextDocument, SickLeaveContent } from '@rapportflode/domain';
import { headingsOf, tablesOf, type TableBlock } from '../model';
import { assembleReport, AssemblyInput, AssemblyTask, NOT_APPROVED_NOTICE, periodInWords } from './assemble';
import { canonicalJson, checksumText } from './canonical';

/** Reference 000 (Nacka, Tertialbokslut 2 2021): Barn och unga per verksamhet, tkr (Utfall 08, Budget 08, Prognos, Budget 2021). */
const CONFIG: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['net', 'budget_net', 'budget_deviation', 'forecast', 'annual_budget', 'forecast_deviation'],
  labels: { net: 'Utfall 08', budget_net: 'Budget 08', budget_deviation: 'Budget avvikelse', annual_budget: 'Budget 2021', forecast_deviation: 'Prognos avvikelse' },
};
const row = (key: string, label: string, net: number, budget: number, forecast: number, annual: number) => ({
  key,
  label,
  values: { net, budget_net: budget, forecast, annual_budget: annual },
});
const CHILDREN: EconomyContent = {
  type: 'economy',
  rows: [
    row('heldygn', 'Heldygnsvård', -52040, -60749, -80344, -91123),
    row('bistand', 'Biståndsbedömd öppenvård', -31254, -26093, -47175, -39140),
    row('ovrig', 'Övrig öppenvård inkl föreningsbidrag', -19142, -20250, -28537, -30375),
    row('familj', 'Familjerådgivning o insatser familjerätt', -2115, -2493, -3564, -3740),
    row('ensam', 'Ensamkommande barn och unga', -1565, -2113, -2280, -3170),
  ],
};
const CARE: EconomyContent = { type: 'economy', rows: [row('oe', 'Omsorg', -1000, -1200, -1500, -1800)] };
const sick = (total: number, shortTerm: number, longTerm: number): SickLeaveContent => ({ type: 'sick_leave', values: { total, shortTerm, longTerm } });
const doc = (...content: RichTextDocument['content']): RichTextDocument => ({ type: 'doc', version: 1, content });

const BOF = { id: 'u-bof', name: 'Barn och familjeenheten' };
const OE = { id: 'u-oe', name: 'Omsorgsenheten' };

function input(overrides: Partial<Record<string, AssemblyTask['state']>> = {}): AssemblyInput {
  const state = (key: string): AssemblyTask['state'] => overrides[key] ?? 'approved';
  return {
    cycle: {
      committee: 'Socialnämnden',
      municipality: 'Nacka kommun',
      title: 'Tertialbokslut 2 2021',
      year: 2021,
      periodEnd: '2021-08-31',
      periodLabel: 'T2 2021',
      diaryNumber: 'SN.2021.73',
      dates: [{ label: 'Sammanträde', date: '2021-10-26' }],
    },
    sections: [
      { id: 's1', number: '1', depth: 1, title: 'Sammanfattning', kind: 'narrative', config: null },
      { id: 's11', number: '1.1', depth: 2, title: 'Tre viktigaste händelserna', kind: 'narrative', config: null },
      { id: 's3', number: '3', depth: 1, title: 'Ekonomiskt resultat', kind: 'economy', config: { economy: CONFIG } },
      { id: 's6', number: '6', depth: 1, title: 'Sjukfrånvaro', kind: 'sick_leave', config: { sickLeave: { shortTermLabel: '≤59 dagar', longTermLabel: '≥60 dagar', decimals: 2 } } },
    ],
    // Organisation order: Barn och familjeenheten before Omsorgsenheten.
    units: [BOF, OE],
    tasks: [
      {
        sectionId: 's1',
        unitId: null,
        state: state('s1'),
        content: doc(
          { type: 'paragraph', content: [{ type: 'text', text: 'Prognosen är ' }, { type: 'text', text: 'i balans', marks: [{ type: 'bold' }] }, { type: 'text', text: ' <script>alert(1)</script>' }] },
          { type: 'heading', level: 2, content: [{ type: 'text', text: 'Framåtblick' }] },
          { type: 'bullet_list', items: [[{ type: 'paragraph', content: [{ type: 'text', text: 'Heldygnsvård' }] }]] },
        ),
      },
      { sectionId: 's11', unitId: null, state: state('s11'), content: doc({ type: 'paragraph', content: [{ type: 'text', text: 'Pandemin.' }] }) },
      // Listed out of order on purpose: the organisation's order wins.
      { sectionId: 's3', unitId: OE.id, state: state('s3-oe'), content: CARE },
      { sectionId: 's3', unitId: BOF.id, state: state('s3-bof'), content: CHILDREN },
      { sectionId: 's6', unitId: BOF.id, state: state('s6-bof'), content: sick(4.7, 2.1, 2.6) },
      { sectionId: 's6', unitId: OE.id, state: state('s6-oe'), content: sick(2.85, 2.23, 0.62) },
    ],
  };
}

const table = (tables: TableBlock[], caption: string) => {
  const found = tables.find((t) => t.caption === caption);
  if (!found) throw new Error(`no table ${caption} in ${tables.map((t) => t.caption).join(' | ')}`);
  return found;
};

describe('assembleReport (reference 000, Nacka Tertialbokslut 2 2021)', () => {
  it('numbers the chapters as the cycle does, with one sub-heading per unit in organisation order', () => {
    const { model, missing } = assembleReport(input());
    expect(missing).toEqual([]);
    expect(model.meta).toMatchObject({ title: 'Tertialbokslut 2 2021', period: 'januari–augusti 2021', diaryNumber: 'SN.2021.73', status: { kind: 'draft', missing: [] } });
    expect(model.tocDepth).toBe(2);
    expect(headingsOf(model).map((h) => [h.level, h.number ?? '', h.text])).toEqual([
      [1, '1', 'Sammanfattning'],
      [2, '', 'Framåtblick'],
      [2, '1.1', 'Tre viktigaste händelserna'],
      [1, '3', 'Ekonomiskt resultat'],
      [2, '', 'Barn och familjeenheten'],
      [2, '', 'Omsorgsenheten'],
      [1, '6', 'Sjukfrånvaro'],
      [2, '', 'Barn och familjeenheten'],
      [2, '', 'Omsorgsenheten'],
    ]);
    expect(new Set(headingsOf(model).map((h) => h.id)).size).toBe(9);
  });

  it('computes the units’ tables and the nämnd table from the approved figures, every table with its dataset', () => {
    const { model } = assembleReport(input());
    const tables = tablesOf(model).map((t) => t.table);
    const children = table(tables, 'Ekonomiskt resultat, Barn och familjeenheten');
    expect(children.columns.map((c) => c.label)).toEqual(['Verksamhet', 'Utfall 08', 'Budget 08', 'Budget avvikelse', 'Prognos', 'Budget 2021', 'Prognos avvikelse']);
    expect(children.rows[0].cells).toEqual(['Heldygnsvård', -52040, -60749, 8709, -80344, -91123, 10779]);
    // Reference 000 prints "Summa barn och unga" as −106 116, −111 699, 5 583, −161 900, −167 548, 5 648; its budget rows
    // add up to −111 698 (a typed total that disagrees with its rows): the assembled total is the computed one.
    expect(children.rows.at(-1)).toEqual({ cells: ['Summa', -106116, -111698, 5582, -161900, -167548, 5648], kind: 'total' });
    expect(children.dataset).toEqual({ unit: 'Barn och familjeenheten', period: 'T2 2021', section: '3 Ekonomiskt resultat' });

    const committee = table(tables, 'Ekonomiskt resultat per enhet, Socialnämnden');
    expect(committee.rows.filter((r) => r.kind === 'subtotal').map((r) => r.cells.slice(0, 2))).toEqual([
      ['Barn och familjeenheten', -106116],
      ['Omsorgsenheten', -1000],
    ]);
    expect(committee.rows.at(-1)?.cells.slice(0, 4)).toEqual(['Summa', -107116, -112898, 5782]);
    expect(committee.dataset).toEqual({ unit: null, period: 'T2 2021', section: '3 Ekonomiskt resultat' });

    const sickLeave = table(tables, 'Sjukfrånvaro per enhet, Socialnämnden, T2 2021');
    expect(sickLeave.rows.map((r) => r.cells)).toEqual([
      ['Barn och familjeenheten', 4.7, 2.1, 2.6],
      ['Omsorgsenheten', 2.85, 2.23, 0.62],
    ]);
    expect(sickLeave.columns[1]).toMatchObject({ kind: 'percent', decimals: 2 });
    expect(tables.every((t) => t.dataset?.period === 'T2 2021')).toBe(true);
    expect(new Set(tables.map((t) => t.id)).size).toBe(tables.length);
  });

  it('keeps text as text: marks become marks, markup stays characters for the renderers to escape', () => {
    const { model } = assembleReport(input());
    const first = model.body.find((b) => b.type === 'paragraph');
    expect(first).toEqual({
      type: 'paragraph',
      content: [{ text: 'Prognosen är ' }, { text: 'i balans', marks: ['bold'] }, { text: ' <script>alert(1)</script>' }],
    });
    expect(model.body.find((b) => b.type === 'list')).toEqual({ type: 'list', ordered: false, items: [{ content: [{ text: 'Heldygnsvård' }] }] });
  });

  it('marks what is not approved in its place and lists it, never a silent gap', () => {
    const { model, missing } = assembleReport(input({ s11: 'submitted', 's3-oe': 'returned' }));
    expect(missing).toEqual([
      { section: '1.1 Tre viktigaste händelserna', unit: null, state: 'Inlämnad' },
      { section: '3 Ekonomiskt resultat', unit: 'Omsorgsenheten', state: 'Återremitterad' },
    ]);
    expect(model.meta.status).toEqual({ kind: 'draft', missing });
    const notices = model.body.filter((b) => b.type === 'notice');
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatchObject({ title: NOT_APPROVED_NOTICE });
    // The nämnd table then holds the approved unit only, and says so.
    const tables = tablesOf(model).map((t) => t.table);
    expect(table(tables, 'Ekonomiskt resultat per enhet, Socialnämnden').rows.filter((r) => r.kind === 'subtotal')).toHaveLength(1);
  });

  it('keeps an enormous table whole', () => {
    const big = input();
    const rows = Array.from({ length: 600 }, (_, i) => row(`r${i}`, `Rad ${i + 1}`, -i, -i - 1, -i, -i));
    big.tasks = big.tasks.map((t) => (t.sectionId === 's3' && t.unitId === BOF.id ? { ...t, content: { type: 'economy', rows } } : t));
    const tables = tablesOf(assembleReport(big).model).map((t) => t.table);
    expect(table(tables, 'Ekonomiskt resultat, Barn och familjeenheten').rows).toHaveLength(601);
  });

  it('gives the same checksum text for the same content whatever the status, and a different one when content changes', () => {
    const draft = assembleReport(input()).model;
    const final = assembleReport({ ...input(), final: { version: 1, frozenAt: '2021-10-01T10:00:00.000Z', checksum: 'x' } }).model;
    expect(final.meta.status).toEqual({ kind: 'final', version: 1, frozenAt: '2021-10-01T10:00:00.000Z', checksum: 'x' });
    expect(checksumText(final)).toBe(checksumText(draft));
    const changed = input();
    changed.tasks = changed.tasks.map((t) => (t.sectionId === 's11' ? { ...t, content: doc({ type: 'paragraph', content: [{ type: 'text', text: 'Annat.' }] }) } : t));
    expect(checksumText(assembleReport(changed).model)).not.toBe(checksumText(draft));
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: null }] })).toBe('{"a":[2,{"c":null,"d":1}],"b":1}');
  });

  it('says the period in words', () => {
    expect(periodInWords('2021-08-31')).toBe('januari–augusti 2021');
    expect(periodInWords('2021-01-31')).toBe('januari 2021');
  });
});
