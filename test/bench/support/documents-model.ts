// A large report for the documents benchmark: a nämnd with 60 enheter, about 80 A4 pages and 50
// tables (47 enheter with their own economy table, the nämnd's economy table, sick leave, and a
// grant table as an appendix), built the way assembly builds it.
import type { Block, DocumentModel, TableBlock, TableRow } from '@rapportflode/documents';
import { column, heading, paragraph, text } from '@rapportflode/documents';
import { SENTENCES as BENCH_SENTENCES } from './documents-cycle';

export const BENCH_UNITS = 60;
/** Enheter with an economy table of their own (the rest report within their verksamhetsområde). */
const UNITS_WITH_ECONOMY = 47;

const ACTIVITIES = ['Heldygnsvård', 'Öppenvård', 'Familjerätt', 'Hemtjänst', 'Särskilt boende', 'Daglig verksamhet', 'Administration', 'Lokaler'];

const SENTENCES = BENCH_SENTENCES.slice(0, 5);

function prose(seed: number, sentences: number): string {
  return Array.from({ length: sentences }, (_, i) => SENTENCES[(seed + i) % SENTENCES.length]).join(' ');
}

const ECONOMY_COLUMNS: TableBlock['columns'] = [
  column('Verksamhet', 'verksamhet', 'text'),
  column('Utfall', 'utfall'),
  column('Budget', 'budget'),
  column('Avvikelse', 'avvikelse'),
  column('Budget helår', 'budget_helar'),
  column('Prognos', 'prognos'),
  column('Avvikelse helår', 'prognos_avvikelse'),
];

function economyTable(id: string, caption: string, unit: string | null, seed: number, rows: number): TableBlock {
  const body: TableRow[] = [];
  const sums = [0, 0, 0, 0, 0, 0];
  for (let r = 0; r < rows; r += 1) {
    const base = ((seed * 7919 + r * 104729) % 90_000) + 1_000;
    const outcome = -base;
    const budget = -(base + ((seed + r) % 7) * 211 - 700);
    const annual = Math.round(budget * 1.5);
    const forecast = Math.round(outcome * 1.5) + ((r % 3) - 1) * 350;
    const values = [outcome, budget, outcome - budget, annual, forecast, forecast - annual];
    values.forEach((v, i) => (sums[i] += v));
    body.push({ cells: [ACTIVITIES[r % ACTIVITIES.length], ...values], ...(r % 4 === 3 ? { kind: 'sub' as const } : {}) });
  }
  body.push({ cells: ['Summa', ...sums], kind: 'total' });
  return {
    type: 'table',
    id,
    caption,
    unit: 'tkr',
    groupHeaders: [
      [
        { label: '', span: 1 },
        { label: 'Ackumulerat', span: 3 },
        { label: 'Helår', span: 3 },
      ],
    ],
    columns: ECONOMY_COLUMNS,
    rows: body,
    dataset: { unit, period: 'T2 2031', section: '3 Ekonomiskt resultat' },
  };
}

function unitName(u: number): string {
  return `Enhet ${String(u + 1).padStart(2, '0')} ${['Nord', 'Syd', 'Öst', 'Väst', 'Centrum'][u % 5]}`;
}

/** The 80-page report: draft (UTKAST on every page, a missing list) unless `final`. */
export function benchDocumentModel(final = false): DocumentModel {
  const body: Block[] = [
    heading(1, '1', 'Sammanfattning', 'h-1'),
    paragraph(prose(0, 5), 'lead'),
    paragraph(prose(1, 6)),
    {
      type: 'list',
      ordered: false,
      items: [0, 1, 2, 3].map((i) => ({ content: [text(SENTENCES[i])] })),
    },
    heading(1, '2', 'Ekonomiskt resultat för nämnden', 'h-2'),
    paragraph(prose(2, 5)),
    economyTable('tabell-ekonomi-namnden', 'Ekonomiskt utfall per verksamhet, nämnden', null, 1, 14),
    heading(1, '3', 'Enheternas redovisning', 'h-3'),
  ];
  for (let u = 0; u < BENCH_UNITS; u += 1) {
    const name = unitName(u);
    body.push(heading(2, `3.${u + 1}`, name, `h-3-${u + 1}`));
    body.push(paragraph(prose(u, 5)));
    body.push(paragraph([text('Viktigaste händelser: ', ['bold']), text(prose(u + 2, 3))]));
    if (u < UNITS_WITH_ECONOMY) {
      body.push(economyTable(`tabell-ekonomi-${u + 1}`, `Ekonomi, ${name}`, name, u + 2, 9));
    }
    body.push(paragraph(prose(u + 3, 4)));
    body.push(heading(3, undefined, 'Verksamhet och kvalitet', `h-3-${u + 1}-a`));
    body.push(paragraph(prose(u + 1, 6)));
    body.push(paragraph(prose(u + 4, 5)));
    body.push(paragraph(prose(u + 2, 6)));
  }
  body.push(heading(1, '4', 'Sjukfrånvaro', 'h-4'));
  body.push(paragraph(prose(4, 3)));
  body.push({
    type: 'table',
    id: 'tabell-sjukfranvaro',
    caption: 'Sjukfrånvaro per enhet',
    unit: '%',
    columns: [
      column('Enhet', 'enhet', 'text'),
      column('Total', 'total', 'percent', 2),
      column('Kort', 'kort', 'percent', 2),
      column('Lång', 'lang', 'percent', 2),
    ],
    rows: Array.from({ length: BENCH_UNITS }, (_, u) => {
      const short = 1 + ((u * 37) % 300) / 100;
      const long = ((u * 53) % 400) / 100;
      return { cells: [unitName(u), Math.round((short + long) * 100) / 100, short, long] };
    }),
    dataset: { unit: null, period: 'T2 2031', section: '4 Sjukfrånvaro' },
  });
  return {
    meta: {
      kind: 'report',
      committee: 'Socialnämnden',
      municipality: 'Benchkommun',
      title: 'Tertialbokslut 2 2031',
      subtitle: 'Socialnämnden',
      period: 'januari–augusti 2031',
      diaryNumber: 'SN.2031.1',
      dates: [{ label: 'Upprättad', date: '2031-09-24' }],
      language: 'sv-SE',
      runningHeader: 'Socialnämnden, Tertialbokslut 2 2031',
      status: final
        ? { kind: 'final', version: 1, frozenAt: '2031-09-24T08:00:00.000Z', checksum: 'b'.repeat(64) }
        : { kind: 'draft', missing: [{ section: '3.12 Enhet 12 Väst', unit: 'Enhet 12 Väst', state: 'Inlämnad' }] },
    },
    titlePage: true,
    tocDepth: 2,
    body,
    appendices: [
      {
        number: 1,
        title: 'Riktade statsbidrag',
        id: 'bilaga-1',
        body: [
          paragraph(prose(3, 2)),
          {
            type: 'table',
            id: 'tabell-statsbidrag',
            caption: 'Riktade statsbidrag',
            unit: 'tkr',
            columns: [
              column('Bidrag', 'bidrag', 'text'),
              column('Sökt', 'sokt'),
              column('Erhållet', 'erhallet'),
            ],
            rows: Array.from({ length: 20 }, (_, i) => ({ cells: [`Statsbidrag ${i + 1}`, 1000 + i * 137, i % 5 === 0 ? null : 900 + i * 121] })),
          },
        ],
      },
    ],
  };
}

/** The floor for the HTML: the same kind of document with one paragraph. */
export function oneParagraphModel(): DocumentModel {
  const model = benchDocumentModel(true);
  return { ...model, titlePage: false, tocDepth: 0, body: [paragraph('En mening.')], appendices: [] };
}
