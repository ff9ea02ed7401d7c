import { plainText, RichTextDocument } from './rich-text';
import {
  checkMemoContent,
  draftEconomicConsequences,
  economicFigures,
  EconomicFigures,
  emptyMemoContent,
  formatAmount,
  memoAttachmentList,
  memoFigureWarnings,
  memoPartText,
  mergeMemoContent,
  sameMemoPart,
  type MemoContent,
} from './memo';
import { GNESTA_ECONOMY_2021, GNESTA_ECONOMY_CONFIG } from '../../testing/gnesta-economy';

const GNESTA_CONFIG = GNESTA_ECONOMY_CONFIG;
const GNESTA_2021 = GNESTA_ECONOMY_2021;
const M = '\u2212';
const NB = '\u00a0';

describe('economicFigures', () => {
  it('reads the result per augusti and the forecast per row, and the nämnd total (reference 003)', () => {
    const figures = economicFigures(GNESTA_CONFIG, GNESTA_2021);
    expect(figures.total).toEqual({ result: -9504, forecast: -9030 });
    expect(figures.rows[2]).toEqual({ label: 'Stöd och vägledning', result: -8229, forecast: -9002 });
  });

  it('turns mnkr tables into tkr', () => {
    const figures = economicFigures({ unit: 'mnkr', columns: ['net', 'forecast'] }, {
      type: 'economy',
      rows: [{ key: 'a', label: 'Omsorg', values: { net: -3.8, forecast: 2.1 } }],
    });
    expect(figures.rows[0]).toEqual({ label: 'Omsorg', result: -3800, forecast: 2100 });
  });
});

describe('draftEconomicConsequences', () => {
  const figures = economicFigures(GNESTA_CONFIG, GNESTA_2021);

  it('drafts reference 003’s paragraphs with Swedish figures', () => {
    const text = plainText(draftEconomicConsequences(figures, { committee: 'Socialnämnden', month: 'augusti' }));
    const [result, forecast, closing] = text.split('\n\n');
    expect(result).toBe(
      `Socialnämndens resultat t.o.m. augusti uppgår till ${M}9${NB}504${NB}tkr. ` +
        `Underskott redovisas inom Förvaltningsledning (${M}458${NB}tkr), Stöd och vägledning (${M}8${NB}229${NB}tkr) och Äldre, funktionsstöd, hälso- och sjukvård (${M}14${NB}489${NB}tkr). ` +
        `Positiva resultat redovisas för Socialnämnden (+17${NB}tkr) och Administration och bistånd (+13${NB}655${NB}tkr).`,
    );
    expect(forecast).toBe(
      `Prognosen för socialnämnden uppgår till ${M}9${NB}030${NB}tkr. ` +
        `Negativa prognoser återfinns inom Förvaltningsledning (${M}503${NB}tkr), Stöd och vägledning (${M}9${NB}002${NB}tkr) och Äldre, funktionsstöd, hälso- och sjukvård (${M}18${NB}453${NB}tkr). ` +
        `Positiva prognoser redovisas för Socialnämnden (+20${NB}tkr) och Administration och bistånd (+18${NB}908${NB}tkr).`,
    );
    expect(closing).toBe(`Prognos: ${M}9${NB}030${NB}tkr`);
  });

  it('writes miljoner kronor with one decimal when asked', () => {
    expect(formatAmount(3800, 'mnkr')).toBe(`+3,8${NB}miljoner kronor`);
    const text = plainText(draftEconomicConsequences(figures, { committee: 'Socialnämnden', month: 'augusti', unit: 'mnkr' }));
    expect(text).toContain(`uppgår till ${M}9,5${NB}miljoner kronor.`);
  });

  it('says so when there are no approved figures yet', () => {
    const text = plainText(draftEconomicConsequences({ rows: [], total: { result: null, forecast: null } }, { committee: 'Socialnämnden', month: 'augusti' }));
    expect(text).toBe('Det finns ännu inga godkända ekonomiska siffror för perioden.');
  });
});

describe('memoFigureWarnings', () => {
  const figures = economicFigures(GNESTA_CONFIG, GNESTA_2021);
  const drafted = draftEconomicConsequences(figures, { committee: 'Socialnämnden', month: 'augusti' });
  const options = { committee: 'Socialnämnden' };

  it('finds nothing wrong in the drafted text, in reference 003’s own text, or in mnkr', () => {
    expect(memoFigureWarnings(drafted, figures, options)).toEqual([]);
    const reference =
      'Socialnämndens resultat t.o.m. augusti uppgår till -9 504 tkr. Underskottet härrör från verksamhetsområdet Äldre, funktionsstöd, hälso- och sjukvård som visar en negativ avvikelse på -14 489 tkr. Stöd och vägledning visar underskott uppgående till -8 229 tkr\n\n' +
      'Prognosen för socialnämnden uppgår till -9 030 tkr. Negativa prognoser återfinns inom förvaltningsledningen (-503 tkr), Stöd och vägledning (-9 002 tkr) och Äldre, funktionsstöd, hälso- och sjukvård (-18 453 tkr). Positiva prognoser redovisas för Socialnämnden (+20 tkr) och Administration och bistånd (+18 908 tkr).\n\nPrognos: -9 030 tkr';
    expect(memoFigureWarnings(reference, figures, options)).toEqual([]);
    const mnkr = draftEconomicConsequences(figures, { committee: 'Socialnämnden', month: 'augusti', unit: 'mnkr' });
    expect(memoFigureWarnings(mnkr, figures, options)).toEqual([]);
  });

  it('warns when the text’s figure no longer matches the frozen report', () => {
    const frozen: EconomicFigures = { rows: [], total: { result: 3600, forecast: -2100 } };
    const text = 'Socialnämnden redovisar ett resultat per augusti på +3,8 miljoner kronor och en prognos för helåret på −2,1 miljoner kronor.';
    expect(memoFigureWarnings(text, frozen, options).map((w) => w.message)).toEqual([
      'Ekonomiska konsekvenser nämner +3,8\u00a0miljoner kronor för Socialnämnden totalt, men den fastställda rapporten har +3,6.',
    ]);
  });

  it('names the row and whether it is the result or the forecast', () => {
    const edited: RichTextDocument = JSON.parse(
      JSON.stringify(drafted).replace(`${M}9${NB}002`, `${M}9${NB}100`).replace(`${M}458`, `${M}400`).replace(`${M}9${NB}504`, `${M}9${NB}999`),
    );
    const warnings = memoFigureWarnings(edited, figures, { committee: 'Socialnämnden', source: 'de godkända siffrorna' });
    expect(warnings.map((w) => w.message)).toEqual([
      `Ekonomiska konsekvenser nämner ${M}9${NB}999${NB}tkr för Socialnämnden totalt, men de godkända siffrorna har ${M}9${NB}504.`,
      `Ekonomiska konsekvenser nämner ${M}400${NB}tkr för Förvaltningsledning, men de godkända siffrorna har ${M}458.`,
      `Ekonomiska konsekvenser nämner ${M}9${NB}100${NB}tkr för prognosen för Stöd och vägledning, men de godkända siffrorna har ${M}9${NB}002.`,
    ]);
  });

  it('warns when the figures change under an unchanged text', () => {
    const changed = economicFigures(GNESTA_CONFIG, {
      type: 'economy',
      rows: GNESTA_2021.rows.map((r) => (r.key === 'aob' ? { ...r, values: { ...r.values, forecast_deviation: 18000 } } : r)),
    });
    const messages = memoFigureWarnings(drafted, changed, options).map((w) => w.message);
    expect(messages).toContain(`Ekonomiska konsekvenser nämner ${M}9${NB}030${NB}tkr för prognosen för Socialnämnden totalt, men den fastställda rapporten har ${M}9${NB}938.`);
    expect(messages).toContain(`Ekonomiska konsekvenser nämner +18${NB}908${NB}tkr för prognosen för Administration och bistånd, men den fastställda rapporten har +18${NB}000.`);
  });
});

describe('checkMemoContent', () => {
  const valid = {
    ...emptyMemoContent(),
    title: ' Delårsrapport 2021 ',
    preparedOn: '2021-09-24',
    proposals: ['Socialnämnden godkänner delårsrapporten för 2021.'],
    signatures: [{ name: 'Karin Lindqvist', title: 'Förvaltningschef' }],
    summary: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '<script>x</script>', onclick: 'y' }] }] },
    description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nämnden följer upp.' }] }] },
  };

  it('returns clean content: trimmed lines, sanitised text parts', () => {
    const checked = checkMemoContent(valid, { forSubmit: true });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.content.title).toBe('Delårsrapport 2021');
    expect(plainText(checked.content.summary)).toBe('<script>x</script>');
    expect(checked.removed.length).toBeGreaterThan(0);
  });

  it('refuses empty proposal lines, bad dates, over-long lines and bad parts, in Swedish', () => {
    const checked = checkMemoContent({
      ...valid,
      preparedOn: '2021-02-30',
      proposals: ['Godkänn.', '  '],
      attachments: ['x'.repeat(301)],
      economicConsequences: { type: 'doc', version: 2 },
    });
    expect(checked).toEqual({
      ok: false,
      errors: [
        'Upprättad ska vara ett datum (ÅÅÅÅ-MM-DD).',
        'Förslag 2 är tomt. Skriv förslaget eller ta bort raden.',
        'Beslutsunderlag 2 får vara högst 300 tecken.',
        'Ekonomiska konsekvenser: Innehållet har fel format.',
      ],
    });
  });

  it('wants a proposal and a signature before it is handed in, not before', () => {
    const draft = { ...valid, proposals: [], signatures: [] };
    expect(checkMemoContent(draft).ok).toBe(true);
    expect(checkMemoContent(draft, { forSubmit: true })).toEqual({
      ok: false,
      errors: ['Skriv minst ett förslag till beslut.', 'Ange minst en underskrift.'],
    });
    expect(checkMemoContent('memo')).toEqual({ ok: false, errors: ['Tjänsteskrivelsen har fel format.'] });
  });

  it('wants Sammanfattning and Ärendebeskrivning with text before it is handed in', () => {
    const blank = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '   ' }] }] };
    const draft = { ...valid, summary: blank, description: undefined };
    expect(checkMemoContent(draft).ok).toBe(true);
    expect(checkMemoContent(draft, { forSubmit: true })).toEqual({
      ok: false,
      errors: ['Skriv Sammanfattning; den får inte vara tom.', 'Skriv Ärendebeskrivning; den får inte vara tom.'],
    });
  });

  it('puts the report first in the beslutsunderlag', () => {
    expect(memoAttachmentList({ attachments: ['Tjänsteskrivelse 2021-09-24'] }, 'Delårsrapport 2021 Socialnämnden')).toEqual([
      'Delårsrapport 2021 Socialnämnden',
      'Tjänsteskrivelse 2021-09-24',
    ]);
  });
});

describe('mergeMemoContent', () => {
  const doc = (...texts: string[]): RichTextDocument => ({
    type: 'doc',
    version: 1,
    content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  });
  const base: MemoContent = {
    ...emptyMemoContent(),
    title: 'Delårsrapport 2021',
    preparedOn: '2021-09-20',
    proposals: ['Socialnämnden godkänner delårsrapporten.'],
    summary: doc('Förvaltningen har upprättat en delårsrapport.'),
    description: doc('Ärendet gäller perioden januari–augusti.'),
    signatures: [{ name: 'Karin Lindqvist', title: 'Förvaltningschef' }],
    distribution: ['Kommunstyrelsen'],
  };

  it('takes my change and theirs when each changed a different part', () => {
    const mine = { ...base, proposals: ['Socialnämnden godkänner delårsrapporten per den 31 augusti.'] };
    const theirs = { ...base, summary: doc('Resultatet t.o.m. augusti är −9 504 tkr.') };
    const merged = mergeMemoContent(base, mine, theirs);
    expect(merged.content.proposals).toEqual(['Socialnämnden godkänner delårsrapporten per den 31 augusti.']);
    expect(plainText(merged.content.summary)).toBe('Resultatet t.o.m. augusti är −9 504 tkr.');
    expect(merged.differences).toEqual([
      { part: 'proposals', changedByMe: true, changedByThem: false, combinable: false, choice: 'mine' },
      { part: 'summary', changedByMe: false, changedByThem: true, combinable: false, choice: 'theirs' },
    ]);
    expect(merged.conflicts).toEqual([]);
  });

  it('keeps mine where both changed a part, unless I choose theirs, and lists it as a conflict', () => {
    const mine = { ...base, title: 'Min rubrik', distribution: ['Revisionen'] };
    const theirs = { ...base, title: 'Deras rubrik', distribution: ['Ekonomienheten'] };
    const merged = mergeMemoContent(base, mine, theirs);
    expect(merged.content.title).toBe('Min rubrik');
    expect(merged.conflicts).toEqual(['title', 'distribution']);
    const chosen = mergeMemoContent(base, mine, theirs, { title: 'theirs' });
    expect(chosen.content.title).toBe('Deras rubrik');
    expect(chosen.content.distribution).toEqual(['Revisionen']);
    // 'both' is only there for what can be combined
    expect(mergeMemoContent(base, mine, theirs, { title: 'both' }).content.title).toBe('Min rubrik');
  });

  it('combines both sides’ changes of a text part or a list when they touch different paragraphs or lines, each once', () => {
    const mine = {
      ...base,
      summary: doc('Förvaltningen har upprättat en delårsrapport.', 'Min nya mening.'),
      proposals: ['Socialnämnden godkänner delårsrapporten.', 'Socialnämnden överlämnar rapporten till kommunstyrelsen.'],
    };
    const theirs = {
      ...base,
      summary: doc('Förvaltningen har upprättat en delårsrapport per augusti.'),
      proposals: ['Socialnämnden godkänner delårsrapporten.', 'Socialnämnden överlämnar rapporten till kommunstyrelsen.'],
      description: doc('Ärendet gäller perioden januari–augusti.', 'Sparad mening.'),
    };
    const merged = mergeMemoContent(base, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(plainText(merged.content.summary)).toBe('Förvaltningen har upprättat en delårsrapport per augusti.\n\nMin nya mening.');
    expect(merged.differences.find((d) => d.part === 'summary')).toMatchObject({ combinable: true, choice: 'both' });
    expect(plainText(merged.content.description)).toBe('Ärendet gäller perioden januari–augusti.\n\nSparad mening.');
    // equal edits are no difference at all
    expect(merged.differences.some((d) => d.part === 'proposals')).toBe(false);
    const lists = mergeMemoContent(base, { ...base, distribution: ['Kommunstyrelsen', 'Revisionen'] }, { ...base, distribution: ['Kommunstyrelsen', 'Ekonomienheten'] });
    expect(lists.content.distribution).toEqual(['Kommunstyrelsen', 'Ekonomienheten', 'Revisionen']);
    expect(mergeMemoContent(base, { ...base, distribution: ['Kommunstyrelsen', 'Revisionen'] }, { ...base, distribution: ['Kommunstyrelsen', 'Ekonomienheten'] }, { distribution: 'mine' }).content.distribution).toEqual(['Kommunstyrelsen', 'Revisionen']);
  });

  it('lets a choice override a default: mine where only they changed it', () => {
    const theirs = { ...base, signatures: [{ name: 'Johan Ek', title: 'Ekonom' }] };
    expect(mergeMemoContent(base, base, theirs).content.signatures).toEqual([{ name: 'Johan Ek', title: 'Ekonom' }]);
    expect(mergeMemoContent(base, base, theirs, { signatures: 'mine' }).content.signatures).toEqual(base.signatures);
  });

  it('treats every difference as changed on both sides when the base is unknown', () => {
    const theirs = { ...base, preparedOn: '2021-09-21' };
    const merged = mergeMemoContent(null, base, theirs);
    expect(merged.content.preparedOn).toBe('2021-09-20');
    expect(merged.conflicts).toEqual(['preparedOn']);
  });

  it('ignores what an editor round trip changes: paragraph ids, split runs, spacing and empty lines', () => {
    const roundTrip: MemoContent = {
      ...base,
      title: ' Delårsrapport  2021 ',
      proposals: [...base.proposals, ''],
      summary: {
        type: 'doc',
        version: 1,
        content: [
          { type: 'paragraph', id: 'p1', content: [{ type: 'text', text: 'Förvaltningen har ' }, { type: 'text', text: 'upprättat en delårsrapport.' }] },
          { type: 'paragraph', content: [] },
        ],
      },
    };
    for (const part of ['title', 'proposals', 'summary'] as const) expect(sameMemoPart(part, base, roundTrip)).toBe(true);
    expect(mergeMemoContent(base, roundTrip, base).differences).toEqual([]);
    const bold = { ...base, summary: { ...base.summary, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Förvaltningen har upprättat en delårsrapport.', marks: [{ type: 'bold' as const }] }] }] } };
    expect(sameMemoPart('summary', base, bold)).toBe(false);
  });

  it('shows a part as plain text', () => {
    expect(memoPartText(base, 'signatures')).toBe('Karin Lindqvist, Förvaltningschef');
    expect(memoPartText({ ...base, proposals: ['Ett.', 'Två.'] }, 'proposals')).toBe('Ett.\nTvå.');
    expect(memoPartText(base, 'summary')).toBe('Förvaltningen har upprättat en delårsrapport.');
  });
});
