import { checkTemplateSections, TemplateSectionInput } from './template';
import { checkTemplateLayout, DEFAULT_TEMPLATE_LAYOUT, templateLayoutOf } from './template-layout';

const section = (key: string, parentKey: string | null, title: string, extra: Partial<TemplateSectionInput> = {}): TemplateSectionInput => ({
  key,
  parentKey,
  title,
  kind: 'narrative',
  responsibility: 'committee',
  reviewerRole: 'economist',
  ...extra,
});

describe('checkTemplateLayout', () => {
  it('reads no layout (a template stored before layouts) as today’s print: numbered headings and captions, chapters on new pages, TOC of two levels', () => {
    expect(checkTemplateLayout(null)).toEqual({ ok: true, layout: { numberedHeadings: true, chapterPageBreak: true, captions: true, tocDepth: 2 } });
    expect(checkTemplateLayout(undefined)).toEqual({ ok: true, layout: DEFAULT_TEMPLATE_LAYOUT });
    expect(templateLayoutOf(null)).toEqual(DEFAULT_TEMPLATE_LAYOUT);
  });

  it('fills the options not given with their defaults', () => {
    expect(checkTemplateLayout({ numberedHeadings: false })).toEqual({
      ok: true,
      layout: { numberedHeadings: false, chapterPageBreak: true, captions: true, tocDepth: 2 },
    });
    expect(checkTemplateLayout({ captions: false, chapterPageBreak: false, tocDepth: 0 })).toEqual({
      ok: true,
      layout: { numberedHeadings: true, chapterPageBreak: false, captions: false, tocDepth: 0 },
    });
  });

  it('refuses values of the wrong kind and unknown options, each named in Swedish', () => {
    const result = checkTemplateLayout({ numberedHeadings: 'nej', tocDepth: 5, fontSize: 12 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Okänd utskriftsinställning "fontSize".',
      'Utskriftsinställningen "Numrerade rubriker" ska vara ja eller nej.',
      'Rubriknivåer i innehållsförteckningen ska vara 0, 1, 2 eller 3 (0: ingen innehållsförteckning).',
    ]);
    expect(checkTemplateLayout([1, 2])).toEqual({ ok: false, errors: ['Mallens utskriftsinställningar har fel format.'] });
    // A stored layout that no longer passes prints as the defaults rather than failing the report.
    expect(templateLayoutOf({ tocDepth: 9 })).toEqual(DEFAULT_TEMPLATE_LAYOUT);
  });
});

describe('section print options in checkTemplateSections', () => {
  it('numbers appendices B1, B2 … apart from the chapters, so the main text has no gap', () => {
    const result = checkTemplateSections([
      section('inledning', null, 'Inledning'),
      section('sjuk', null, 'Sjukfrånvaro per enhet', { placement: 'appendix' }),
      section('sjuk-detalj', 'sjuk', 'Per månad'),
      section('ekonomi', null, 'Ekonomi'),
      section('kontroll', null, 'Intern kontroll', { placement: 'appendix' }),
    ]);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Inledning',
      'B1 Sjukfrånvaro per enhet',
      'B1.1 Per månad',
      '2 Ekonomi',
      'B2 Intern kontroll',
    ]);
  });

  it('keeps a heading-only chapter and its flag, numbered as any chapter', () => {
    const result = checkTemplateSections([section('verksamhet', null, 'Verksamhetsresultat', { headingOnly: true }), section('mal', 'verksamhet', 'Mål')]);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.sections.map((s) => [s.number, s.headingOnly ?? false])).toEqual([
      ['1', true],
      ['1.1', false],
    ]);
  });

  it('asks no units of a heading-only chapter, while a section that delivers still needs them', () => {
    expect(checkTemplateSections([section('kapitel', null, 'Verksamhet', { headingOnly: true, responsibility: 'chosen_units', unitIds: [] })]).ok).toBe(true);
    expect(checkTemplateSections([section('kapitel', null, 'Verksamhet', { responsibility: 'chosen_units', unitIds: [] })])).toEqual({
      ok: false,
      errors: ['Avsnittet "Verksamhet" ska levereras av valda enheter men inga enheter är valda.'],
    });
  });

  it('refuses an appendix below another section, and an unknown placement', () => {
    const result = checkTemplateSections([
      section('a', null, 'Ekonomi'),
      section('b', 'a', 'Bilagetabell', { placement: 'appendix' }),
      section('c', null, 'Annat', { placement: 'sidfot' as never }),
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        'Avsnittet "Bilagetabell" ligger under ett annat avsnitt och kan inte vara en egen bilaga. Bara avsnitt på översta nivån kan placeras som bilaga.',
        'Avsnittet "Annat" har en okänd placering.',
      ],
    });
  });
});
