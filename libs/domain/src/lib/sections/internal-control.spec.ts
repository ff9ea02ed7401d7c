import {
  carryForwardPlan,
  checkInternalControl,
  diffInternalControl,
  InternalControlContent,
  parseControlResult,
  parseRiskStatus,
  splitRiskStatus,
} from './internal-control';

// Gnesta, Redovisning av internkontrollplan (reference 003, lines 642-661) and risk tables (lines 142-172).
const plan = [
  {
    key: 'ek-manad',
    group: 'Ekonomi',
    area: 'Ekonomistyrning',
    goal: 'Att uppmärksamma avvikelser i månadsavstämningar med ekonomienhetens representant',
    responsible: 'Alla EC, Alla VC',
    method: 'Stående punkt i varje chefsgrupps dagordning. Avvikelser ska rapporteras.',
    frequency: '1 gg/mån',
    reportedTo: 'Förvaltningens LG Verksamhetens LG',
    result: 'Avvikelse',
    comment: 'Har inte fungerat helt ut under året inom ÄFH. Fr.o.m. hösten kommer ekonom ha uppföljningar månadsvis.',
  },
  {
    key: 'ek-inkop',
    group: 'Ekonomi',
    area: 'Ekonomistyrning',
    goal: 'Att samtliga medarbetare hanterar inköp enligt lagar och riktlinjer samt enligt avtal.',
    responsible: 'Alla VC',
    method: 'Stickprovskontroller 5 fakturor/mån avseende följsamhet riktlinjer och avtal.',
    frequency: '4 ggr/år mars, juni, september, november',
    reportedTo: 'Förvaltningens LG',
    result: 'Ej genomförd',
    comment: 'Har ej genomförts. Förvaltningen behöver ta fram en instruktion för hur momentet skall genomföras.',
  },
  {
    key: 'behorighet',
    area: 'Behörigheter i IT system',
    goal: 'Att behörighetsnivåer i datasystemen i förvaltningen är uppdaterade. Rätt behörighet för rätt funktion.',
    responsible: 'VC AoB',
    method: 'Kontroll och uppföljning av IT-samordnare',
    frequency: '2 ggr/år september mars',
    reportedTo: 'Förvaltningens LG',
    result: 'Genomfört enligt plan.',
    comment: 'Behörighetskontroll enligt plan. Inget avvikande.',
  },
];
const risks = [
  {
    key: 'omvarld',
    title: 'Omvärldsrisker',
    rows: [
      { key: 'forsorjningskvot', risk: 'Ökad försörjningskvot.', cause: 'Åldrande befolkning och minskad andel förvärvsarbetande.', impact: 'Ökat tryck på socialförvaltningens verksamhet.', handling: 'Nya arbetssätt. Användning av ny teknik.', status: 'Ännu aktuell risk' },
      { key: 'lagstiftning', risk: 'Ny lagstiftning.', cause: 'Ny lagstiftning inom SoL och LSS.', impact: 'Kan ge kommunen ökade kostnader.', handling: 'Ta fram handlingsplan.', status: 'ej aktuell risk' },
    ],
  },
  {
    key: 'verksamhet',
    title: 'Verksamhetsrisker',
    rows: [
      { key: 'kvalitet', group: 'Administration och bistånd', risk: 'Kvalitetsuppföljningar.', cause: 'Digitalt kvalitetsledningssystem saknas.', impact: 'Kvaliteten på förvaltningens insatser kan inte garanteras.', handling: 'Inköp av digitalt kvalitetsledningssystem.', status: 'active' },
    ],
  },
];
const input = { type: 'internal_control', plan, risks };

function checked(value: unknown): InternalControlContent {
  const result = checkInternalControl(null, value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.content;
}

describe('internal control', () => {
  it('reads results and risk statuses from the Swedish text', () => {
    expect(parseControlResult('Genomfört enligt plan.')).toBe('as_planned');
    expect(parseControlResult('avvikelse')).toBe('deviation');
    expect(parseControlResult('Ej genomförd')).toBe('not_done');
    expect(parseRiskStatus('Ännu aktuell risk')).toBe('active');
    expect(parseRiskStatus('EJ AKTUELL RISK.')).toBe('inactive');
    // As Gnesta prints it (line 152): the status at the end of the risk.
    expect(splitRiskStatus('Ökad försörjningskvot. Ännu aktuell risk.')).toEqual({ risk: 'Ökad försörjningskvot.', status: 'active' });
    expect(splitRiskStatus('Ny flyktingvåg pga. Corona.  Ej aktuell risk.')).toEqual({ risk: 'Ny flyktingvåg pga. Corona.', status: 'inactive' });
    expect(splitRiskStatus('Kompetensbrist.')).toEqual({ risk: 'Kompetensbrist.', status: null });
  });

  it('accepts Gnesta’s plan and risk tables in clean form', () => {
    const content = checked(input);
    expect(content.plan.map((r) => [r.area, r.result])).toEqual([
      ['Ekonomistyrning', 'deviation'],
      ['Ekonomistyrning', 'not_done'],
      ['Behörigheter i IT system', 'as_planned'],
    ]);
    expect(content.risks.map((t) => t.rows.map((r) => r.status))).toEqual([['active', 'inactive'], ['active']]);
    expect(content.risks[1].rows[0].group).toBe('Administration och bistånd');
    expect(checkInternalControl(null, content)).toEqual({ ok: true, content });
  });

  it('requires a comment for Avvikelse and Ej genomförd, and names the row (told apart when two share a kontrollområde)', () => {
    const result = checkInternalControl(null, {
      ...input,
      plan: plan.map((r) => ({ ...r, comment: '' })),
    });
    expect(!result.ok && result.issues).toEqual([
      {
        row: 'Ekonomistyrning (rad 1)',
        column: 'comment',
        message: 'Kommentar saknas: vid Avvikelse ska kommentaren beskriva avvikelsen och vad som görs åt den.',
      },
      {
        row: 'Ekonomistyrning (rad 2)',
        column: 'comment',
        message: 'Kommentar saknas: när kontrollen är Ej genomförd ska kommentaren säga varför och när den görs.',
      },
    ]);
  });

  it('points at every other problem with its row and column', () => {
    const result = checkInternalControl(
      { requireResults: true },
      {
        type: 'internal_control',
        plan: [
          { key: 'a', area: 'Lex Sarah', goal: '', result: 'Klart' },
          { key: 'b', area: 'Krisberedskap', goal: 'Att krishantering är tydlig och förankrad', result: null },
        ],
        risks: [{ key: 'c', title: 'Finansiella risker', rows: [{ key: 'a', risk: 'Osäkra och otydliga statsbidrag.', status: 'Kanske' }] }],
      },
    );
    expect(!result.ok && result.issues).toEqual([
      { row: 'Lex Sarah', column: 'goal', message: 'Kontrollmål saknas.' },
      { row: 'Lex Sarah', column: 'result', message: '"Klart" är inget resultat; välj Genomfört enligt plan, Avvikelse eller Ej genomförd.' },
      { row: 'Krisberedskap', column: 'result', message: 'Resultat saknas för perioden.' },
      { row: 'Finansiella risker › Osäkra och otydliga statsbidrag.', column: null, message: 'Nyckeln "a" förekommer två gånger.' },
      { row: 'Finansiella risker › Osäkra och otydliga statsbidrag.', column: 'status', message: '"Kanske" är ingen status; välj Ännu aktuell risk eller Ej aktuell risk.' },
    ]);
  });

  it('carries the plan forward with the results and comments cleared, risks as they were', () => {
    const next = carryForwardPlan(checked(input));
    expect(next.plan.map((r) => [r.key, r.result, r.comment])).toEqual([
      ['ek-manad', null, undefined],
      ['ek-inkop', null, undefined],
      ['behorighet', null, undefined],
    ]);
    expect(next.plan[0]).toMatchObject({ group: 'Ekonomi', frequency: '1 gg/mån' });
    expect(next.risks).toEqual(checked(input).risks);
    // A plan without results may be saved, but not handed in.
    expect(checkInternalControl(null, next).ok).toBe(true);
    expect(checkInternalControl({ requireResults: true }, next).ok).toBe(false);
  });

  it('shows the reviewer the changed cells in Swedish', () => {
    const before = checked(input);
    const after: InternalControlContent = {
      ...before,
      plan: before.plan.map((r) => (r.key === 'ek-inkop' ? { ...r, result: 'as_planned', comment: 'Genomfört i september.' } : r)),
      risks: before.risks.map((t) => ({ ...t, rows: t.rows.map((r) => (r.key === 'lagstiftning' ? { ...r, status: 'active' as const } : r)) })),
    };
    expect(diffInternalControl(before, after)).toEqual([
      { row: 'Ekonomistyrning (rad 2)', column: 'Resultat', before: 'Ej genomförd', after: 'Genomfört enligt plan' },
      {
        row: 'Ekonomistyrning (rad 2)',
        column: 'Kommentar',
        before: 'Har ej genomförts. Förvaltningen behöver ta fram en instruktion för hur momentet skall genomföras.',
        after: 'Genomfört i september.',
      },
      { row: 'Omvärldsrisker › Ny lagstiftning.', column: 'Status', before: 'Ej aktuell risk', after: 'Ännu aktuell risk' },
    ]);
  });
});
