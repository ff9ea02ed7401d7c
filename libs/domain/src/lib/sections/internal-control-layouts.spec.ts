import { checkContent, checkSectionConfig, diffContent, isEmptyContent } from './content';
import {
  carryForwardPlan,
  checkInternalControl,
  checkInternalControlConfig,
  InternalControlConfig,
  InternalControlContent,
  riskStatusLabel,
} from './internal-control';

// Gnesta's follow-up of the auditors' recommendations and its systematic controls (reference 003).
const recommendations = [
  {
    key: 'bistand',
    review: 'Granskning av biståndshandläggningen 2021',
    background: 'Revisionen såg brister i uppföljningen av beslut.',
    action: 'Rutin för uppföljning av beslut tas fram.',
    status: 'Pågår, klar i december.',
  },
  { key: 'lex-sarah', review: 'Grundläggande granskning', background: '', action: 'Utbildning i Lex Sarah för alla chefer.', status: '' },
];
const controls = [
  { key: 'attest', area: 'Ekonomi', control: 'Attest av leverantörsfakturor', statusComment: 'Genomförd, inga avvikelser.' },
  { key: 'delegation', area: 'Delegering', control: 'Anmälan av delegationsbeslut', statusComment: '' },
];
const audit: InternalControlConfig = { layout: 'audit_recommendations' };
const systematic: InternalControlConfig = { layout: 'systematic_controls' };

function ok(config: InternalControlConfig | null, input: unknown): InternalControlContent {
  const result = checkInternalControl(config, input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.content;
}

describe('internal control: template settings', () => {
  it('keeps today’s settings as they were (no layout, no statuses)', () => {
    expect(checkSectionConfig('internal_control', { internalControl: {} })).toEqual({ ok: true, config: { internalControl: {} } });
    expect(checkSectionConfig('internal_control', { internalControl: { requireResults: true } })).toEqual({ ok: true, config: { internalControl: { requireResults: true } } });
  });

  it('accepts the two other layouts, a caption, statuses and the print options', () => {
    const value = {
      layout: 'audit_recommendations',
      caption: ' Uppföljning av revisionens rekommendationer ',
      statuses: [{ key: 'likely_done', label: 'Troligen klart i år' }, { key: 'not_this_year', label: 'Ej klart i år' }],
      riskGroups: 'tables',
      hideEmptyColumns: true,
    };
    expect(checkInternalControlConfig(value)).toEqual({ ok: true, config: { ...value, caption: 'Uppföljning av revisionens rekommendationer' } });
  });

  it('refuses unknown layouts and statuses that clash, in Swedish', () => {
    const result = checkSectionConfig('internal_control', {
      internalControl: {
        layout: 'matrix',
        riskGroups: 'rader',
        statuses: [
          { key: 'active', label: 'Aktuell' },
          { key: 'x', label: 'Ännu aktuell risk' },
          { key: 'Y Z', label: 'Klar' },
          { key: 'done', label: '' },
        ],
      },
    });
    expect(!result.ok && result.errors).toEqual([
      'Okänt upplägg för intern kontroll; välj Intern kontrollplan, Revisionens rekommendationer eller Systematiska kontroller.',
      'Riskernas rubriker skrivs ut som en kolumn, som en tabell per rubrik eller som rubrikrader i tabellen.',
      'Aktuell: nyckeln "active" är redan Ännu aktuell risk och behåller den texten.',
      'Statusen "Ännu aktuell risk" förekommer två gånger.',
      'Klar: statusen saknar en giltig nyckel (a–z, 0–9, - och _).',
      'Status 4: statusens text ska vara 1–60 tecken.',
    ]);
  });
});

describe('internal control: statuses from the template', () => {
  const config: InternalControlConfig = { statuses: [{ key: 'likely_done', label: 'Troligen klart i år' }, { key: 'not_this_year', label: 'Ej klart i år' }] };
  const input = {
    type: 'internal_control',
    plan: [],
    risks: [
      {
        key: 'verksamhet',
        title: 'Verksamhetsrisker',
        rows: [
          { key: 'a', risk: 'Kompetensbrist.', status: 'Troligen klart i år' },
          { key: 'b', risk: 'Ökad försörjningskvot.', status: 'Ännu aktuell risk' },
          { key: 'c', risk: 'Kvalitetsuppföljningar.', status: 'not_this_year' },
        ],
      },
    ],
  };

  it('reads the template’s statuses beside the built-in ones, which keep their labels', () => {
    const content = ok(config, input);
    expect(content.risks[0].rows.map((r) => r.status)).toEqual(['likely_done', 'active', 'not_this_year']);
    expect(content.risks[0].rows.map((r) => riskStatusLabel(config, r.status))).toEqual(['Troligen klart i år', 'Ännu aktuell risk', 'Ej klart i år']);
  });

  it('refuses a template status in a section whose template does not have it, naming the choices', () => {
    const result = checkInternalControl(null, input);
    expect(!result.ok && result.issues).toEqual([
      { row: 'Verksamhetsrisker › Kompetensbrist.', column: 'status', message: '"Troligen klart i år" är ingen status; välj Ännu aktuell risk eller Ej aktuell risk.' },
      { row: 'Verksamhetsrisker › Kvalitetsuppföljningar.', column: 'status', message: '"not_this_year" är ingen status; välj Ännu aktuell risk eller Ej aktuell risk.' },
    ]);
  });

  it('shows the reviewer a changed status by its label', () => {
    const before = ok(config, input);
    const after: InternalControlContent = { ...before, risks: [{ ...before.risks[0], rows: before.risks[0].rows.map((r) => (r.key === 'b' ? { ...r, status: 'likely_done' } : r)) }] };
    expect(diffContent('internal_control', { internalControl: config }, before, after).cells).toEqual([
      { row: 'Verksamhetsrisker › Ökad försörjningskvot.', column: 'Status', before: 'Ännu aktuell risk', after: 'Troligen klart i år' },
    ]);
  });
});

describe('internal control: control results from the template', () => {
  const config: InternalControlConfig = { results: [{ key: 'partly', label: 'Delvis genomförd' }] };
  const plan = (result: string) => ({
    type: 'internal_control',
    plan: [{ key: 'p', area: 'Upphandling', goal: 'Direktupphandlingar görs enligt riktlinjer.', result }],
    risks: [],
  });

  it('reads a result the template adds, without asking for a comment, and shows it by its label', () => {
    const content = ok(config, plan('delvis genomförd'));
    expect(content.plan[0].result).toBe('partly');
    const before = ok(config, plan('Genomfört enligt plan'));
    expect(diffContent('internal_control', { internalControl: config }, before, content).cells).toEqual([
      { row: 'Upphandling', column: 'Resultat', before: 'Genomfört enligt plan', after: 'Delvis genomförd' },
    ]);
  });

  it('keeps the built-in results and their rules, and names every choice when a result is unknown', () => {
    expect(checkInternalControl(config, plan('Avvikelse'))).toMatchObject({ ok: false, issues: [{ column: 'comment' }] });
    const result = checkInternalControl(config, plan('Klart'));
    expect(!result.ok && result.issues.map((i) => i.message)).toEqual(['"Klart" är inget resultat; välj Genomfört enligt plan, Avvikelse, Ej genomförd eller Delvis genomförd.']);
    expect(checkInternalControl(null, plan('partly')).ok).toBe(false);
    const clash = checkInternalControlConfig({ results: [{ key: 'deviation', label: 'Avvikande' }, { key: 'x', label: 'Avvikelse' }] });
    expect(!clash.ok && clash.errors).toEqual([
      'Avvikande: nyckeln "deviation" är redan Avvikelse och behåller den texten.',
      'Resultatet "Avvikelse" förekommer två gånger.',
    ]);
  });
});

describe('internal control: audit recommendations layout', () => {
  const input = { type: 'internal_control', plan: [], risks: [], recommendations };

  it('accepts the recommendations in clean form, with nothing else invented', () => {
    const content = ok(audit, input);
    expect(content).toEqual({ type: 'internal_control', plan: [], risks: [], recommendations });
    expect(checkInternalControl(audit, content)).toEqual({ ok: true, content });
    expect(isEmptyContent(content)).toBe(false);
    expect(isEmptyContent({ ...content, recommendations: [] })).toBe(true);
  });

  it('asks for the audit and the action, and the status when handed in', () => {
    const result = checkContent(
      'internal_control',
      { internalControl: audit },
      { ...input, recommendations: [{ key: 'x', review: '', background: 'Brister i avtalsuppföljning.', action: '', status: '' }, recommendations[1]] },
      { forSubmit: true },
    );
    expect(!result.ok && result.errors).toEqual([
      'Rad 1: Revision/Granskning saknas.',
      'Rad 1: Åtgärd saknas.',
      'Rad 1: Status saknas för perioden.',
      'Grundläggande granskning: Status saknas för perioden.',
    ]);
  });

  it('refuses a control plan in an audit recommendations section, and recommendations in a plan section', () => {
    const plan = [{ key: 'p', area: 'Upphandling', goal: 'Direktupphandlingar görs enligt riktlinjer.', result: 'as_planned' }];
    const audited = checkInternalControl(audit, { ...input, plan });
    expect(!audited.ok && audited.issues.map((i) => i.message)).toEqual(['Avsnittet är en tabell över revisionens rekommendationer; en kontrollplans rader hör inte hit.']);
    const planned = checkInternalControl(null, { ...input, plan });
    expect(!planned.ok && planned.issues.map((i) => i.message)).toEqual(['Revisionens rekommendationer hör inte till det här avsnittets upplägg (intern kontrollplan).']);
  });

  it('carries the recommendations forward with their status, to be followed up', () => {
    expect(carryForwardPlan(ok(audit, input)).recommendations).toEqual(recommendations);
  });
});

describe('internal control: systematic controls layout', () => {
  const input = { type: 'internal_control', plan: [], risks: [], controls };

  it('accepts the controls and diffs them by their columns', () => {
    const before = ok(systematic, input);
    expect(before.controls).toEqual(controls);
    expect(before.recommendations).toBeUndefined();
    const after = { ...before, controls: before.controls?.map((c) => (c.key === 'delegation' ? { ...c, statusComment: 'Anmäld i oktober.' } : c)) };
    expect(diffContent('internal_control', { internalControl: systematic }, before, after).cells).toEqual([
      { row: 'Delegering', column: 'Status och kommentar', before: null, after: 'Anmäld i oktober.' },
    ]);
  });

  it('asks for Mål/process and Kontroll, and Status och kommentar when handed in', () => {
    const result = checkContent('internal_control', { internalControl: systematic }, { ...input, controls: [{ key: 'x', area: 'Ekonomi', control: ' ' }] }, { forSubmit: true });
    expect(!result.ok && result.errors).toEqual(['Ekonomi: Kontroll saknas.', 'Ekonomi: Status och kommentar saknas för perioden.']);
    expect(checkContent('internal_control', { internalControl: systematic }, input).ok).toBe(true);
  });

  it('starts the next cycle from the same controls with this period’s status cleared', () => {
    expect(carryForwardPlan(ok(systematic, input)).controls).toEqual(controls.map((c) => ({ ...c, statusComment: '' })));
  });
});

describe('internal control: comments on the other layouts’ rows', () => {
  it('offers each recommendation and control as a row to comment on, by its first column, with its columns', async () => {
    const { checkRowAnchor, commentableRows } = await import('./row-anchor');
    const content = ok(audit, { type: 'internal_control', plan: [], risks: [], recommendations });
    expect(commentableRows(content, { internalControl: audit })).toEqual([
      {
        key: 'bistand',
        name: 'Granskning av biståndshandläggningen 2021',
        columns: [
          { key: 'review', label: 'Revision/Granskning' },
          { key: 'background', label: 'Bakgrund' },
          { key: 'action', label: 'Åtgärd' },
          { key: 'status', label: 'Status' },
        ],
      },
      expect.objectContaining({ key: 'lex-sarah', name: 'Grundläggande granskning' }),
    ]);
    expect(checkRowAnchor(content, { internalControl: audit }, { kind: 'row', rowKey: 'bistand', column: 'status' }).ok).toBe(true);
    const systematicContent = ok(systematic, { type: 'internal_control', plan: [], risks: [], controls });
    expect(commentableRows(systematicContent, { internalControl: systematic }).map((r) => r.name)).toEqual(['Ekonomi', 'Delegering']);
  });
});
