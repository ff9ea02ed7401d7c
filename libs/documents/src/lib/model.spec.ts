import { DocumentModel, headingsOf, paragraph, tablesOf } from './model';

const model: DocumentModel = {
  meta: {
    kind: 'report',
    committee: 'Socialnämnden',
    municipality: 'Nacka kommun',
    title: 'Tertialbokslut 2 2021',
    diaryNumber: 'SN.2021.73',
    dates: [],
    language: 'sv-SE',
    runningHeader: 'Socialnämnden, Tertialbokslut 2 2021',
    status: { kind: 'draft', missing: [] },
  },
  titlePage: true,
  tocDepth: 2,
  body: [
    { type: 'heading', level: 1, number: '1', text: 'Sammanfattning', id: 'h-1' },
    paragraph('Text'),
    { type: 'table', id: 't-a', caption: 'Ekonomi', columns: [{ label: 'Verksamhet', kind: 'text' }], rows: [] },
    { type: 'notice', tone: 'info', title: 'Obs', content: [{ type: 'table', id: 't-b', caption: 'I rutan', columns: [], rows: [] }] },
  ],
  appendices: [{ number: 1, title: 'Sjukfrånvaro', id: 'bilaga-1', body: [{ type: 'heading', level: 2, text: 'Per enhet', id: 'h-b1' }, { type: 'table', id: 't-c', caption: 'Bilaga', columns: [], rows: [] }] }],
};

describe('the document model', () => {
  it('lists headings in reading order, appendices last', () => {
    expect(headingsOf(model).map((h) => h.id)).toEqual(['h-1', 'h-b1']);
  });

  it('numbers the tables in reading order across the body, notices and appendices', () => {
    expect(tablesOf(model).map(({ number, table }) => `${number}:${table.id}`)).toEqual(['1:t-a', '2:t-b', '3:t-c']);
  });

  it('keeps plain text as one run', () => {
    expect(paragraph('<script>')).toEqual({ type: 'paragraph', content: [{ text: '<script>' }] });
  });
});
