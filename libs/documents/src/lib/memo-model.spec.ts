import { draftEconomicConsequences, economicFigures, emptyMemoContent, MemoContent } from '@rapportflode/domain';
import { memoModel } from './memo-model';
import { headingsOf } from './model';

const content: MemoContent = {
  ...emptyMemoContent(),
  title: 'Delårsrapport 2021',
  preparedOn: '2021-09-24',
  proposals: [
    'Socialnämnden godkänner delårsrapporten för 2021.',
    'Nämnden ger förvaltningen i uppdrag att utifrån prognos revidera den beslutade ekonomiska åtgärdsplanen samt att därefter följa upp denna månadsvis till nämnd.',
  ],
  summary: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Delårsrapporten 2021 redovisar ', marks: [{ type: 'bold' }] }, { type: 'text', text: '<måluppfyllelse>' }] }] },
  economicConsequences: draftEconomicConsequences(
    economicFigures({ unit: 'tkr', columns: ['budget_deviation', 'forecast_deviation'] }, {
      type: 'economy',
      rows: [{ key: 'sn', label: 'Socialnämnden', values: { budget_deviation: -9504, forecast_deviation: -9030 } }],
    }),
    { committee: 'Socialnämnden', month: 'augusti' },
  ),
  attachments: ['Tjänsteskrivelse 2021-09-24'],
  signatures: [
    { name: 'Lena Karlsson Leksell', title: 'Förvaltningschef' },
    { name: 'Jenny Neimann', title: 'Förvaltningsekonom' },
  ],
  distribution: ['Förvaltningschef Socialförvaltningen', 'Förvaltningsekonom'],
};
const facts = {
  committee: 'Socialnämnden',
  municipality: 'Gnesta kommun',
  diaryNumber: 'SN.2021.73',
  report: 'Delårsrapport 2021 Socialnämnden',
  status: { kind: 'draft' as const, missing: [] },
};

describe('memoModel', () => {
  const model = memoModel(content, facts);

  it('is a memo with reference 003’s facts, headings and order', () => {
    expect(model.meta).toMatchObject({ kind: 'memo', title: 'Delårsrapport 2021', diaryNumber: 'SN.2021.73', language: 'sv-SE', status: { kind: 'draft' } });
    expect(model.titlePage).toBe(false);
    expect(model.body[0]).toEqual({
      type: 'facts',
      rows: [
        { label: 'Upprättad', value: '2021-09-24' },
        { label: 'Diarienummer', value: 'SN.2021.73' },
        { label: 'Nämnd', value: 'Socialnämnden' },
      ],
    });
    expect(headingsOf(model).map((h) => `${h.level} ${h.text}`)).toEqual([
      '1 Delårsrapport 2021',
      '2 Förslag till beslut i socialnämnden',
      '2 Sammanfattning',
      '2 Ärendebeskrivning',
      '2 Förvaltningens synpunkter',
      '3 Ekonomiska konsekvenser',
      '2 Juridiska konsekvenser',
      '2 Jämställdhetsanalys utifrån checklista',
      '2 Överensstämmelse med kommunens styrdokument',
      '2 Beslutsunderlag',
      '2 Sändlista',
    ]);
    const ids = headingsOf(model).map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('numbers the proposals and the beslutsunderlag with the report first, and signs with names and titles', () => {
    const lists = model.body.filter((b) => b.type === 'list');
    expect(lists[0]).toMatchObject({ ordered: true, items: [{ content: [{ text: content.proposals[0] }] }, { content: [{ text: content.proposals[1] }] }] });
    expect(lists[1]).toMatchObject({ ordered: true, items: [{ content: [{ text: 'Delårsrapport 2021 Socialnämnden' }] }, { content: [{ text: 'Tjänsteskrivelse 2021-09-24' }] }] });
    expect(model.body.find((b) => b.type === 'signatures')).toEqual({ type: 'signatures', people: content.signatures });
    expect(lists[2]).toMatchObject({ ordered: false });
  });

  it('keeps rich text as text with its marks', () => {
    const summary = model.body[model.body.findIndex((b) => b.type === 'heading' && b.text === 'Sammanfattning') + 1];
    expect(summary).toEqual({ type: 'paragraph', content: [{ text: 'Delårsrapporten 2021 redovisar ', marks: ['bold'] }, { text: '<måluppfyllelse>' }] });
  });
});
