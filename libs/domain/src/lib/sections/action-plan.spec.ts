import {
  ACTION_STATUS_LABELS,
  ActionPlanConfig,
  ActionPlanContent,
  carryForward,
  checkActionPlan,
  diffActionPlan,
  parseActionStatus,
  parseActionYears,
  statusHistory,
} from './action-plan';

// Gnesta, Åtgärdsplan för budget i balans (reference 003, lines 519-545), as imported.
const GNESTA: ActionPlanConfig = { areas: ['FL', 'SOV', 'AoB', 'ÄFH'] };
const imported = {
  type: 'action_plan',
  rows: [
    { key: 'fl-digital', area: 'FL', action: 'Se över och dra in vissa av digitaliseringsinvesteringarna för 2020 och 2021.', years: '2020 - 2021', status: 'Genomfört', comment: 'Utför endast digitaliseringsprojekt finansierade genom statsbidrag. Inga direkta ekonomiska effekter.' },
    { key: 'fl-lokal', area: 'FL', action: 'Se över lokalförsörjningsplanen samt göra en inventering av nuvarande och framtida behov.', years: '2020 – 2021', status: 'Ej påbörjat', comment: 'Påbörjas under hösten 2021.' },
    { key: 'sov-familjehem', area: 'SOV', action: 'Bygga upp en egen "bank" av familjehem.', years: '2020 - 2021', status: 'Påbörjat', comment: 'Påbörjat och fortsätter under hösten 2021.' },
    { key: 'aob-hab', area: 'aob', action: 'Ta bort HAB-ersättningen inom LSS.', years: '2020 - 2021', status: 'EJ GENOMFÖRT', comment: 'Socialnämnden har fattat beslut att inte ta bort HAB-ersättningen inom LSS.' },
    { key: 'afh-leasing', area: 'ÄFH', action: 'Leasingavtal på bilarna ses över.', years: '2020-2021', status: 'påbörjat', comment: 'Påbörjat under våren 2021.' },
  ],
};

function checked(config: ActionPlanConfig | null, input: unknown): ActionPlanContent {
  const result = checkActionPlan(config, input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.content;
}

describe('action plan', () => {
  it('reads statuses from their Swedish text, whatever the case', () => {
    expect(parseActionStatus('Ej påbörjat')).toBe('not_started');
    expect(parseActionStatus('påbörjat')).toBe('started');
    expect(parseActionStatus(' GENOMFÖRT. ')).toBe('done');
    expect(parseActionStatus('Ej genomfört')).toBe('not_done');
    expect(parseActionStatus('not_done')).toBe('not_done');
    expect(parseActionStatus('Klart')).toBeNull();
    expect(ACTION_STATUS_LABELS.started).toBe('Påbörjat');
  });

  it('writes the years of every spelling in the references as `2020 - 2021`', () => {
    expect(['2020 - 2021', '2020 – 2021', '2020-2021', '2021'].map((t) => parseActionYears(t))).toEqual([
      { ok: true, years: '2020 - 2021' },
      { ok: true, years: '2020 - 2021' },
      { ok: true, years: '2020 - 2021' },
      { ok: true, years: '2021' },
    ]);
    expect(parseActionYears('2022 - 2021')).toEqual({ ok: false, message: '"2022 - 2021": startåret kan inte vara efter slutåret.' });
  });

  it('accepts Gnesta’s plan in clean form: statuses as codes, areas in the template’s spelling, one form of years', () => {
    const content = checked(GNESTA, imported);
    expect(content.rows.map((r) => [r.area, r.years, r.status])).toEqual([
      ['FL', '2020 - 2021', 'done'],
      ['FL', '2020 - 2021', 'not_started'],
      ['SOV', '2020 - 2021', 'started'],
      ['AoB', '2020 - 2021', 'not_done'],
      ['ÄFH', '2020 - 2021', 'started'],
    ]);
    expect(checkActionPlan(GNESTA, content)).toEqual({ ok: true, content });
  });

  it('names the row and the column of every problem', () => {
    const result = checkActionPlan(GNESTA, {
      type: 'action_plan',
      rows: [
        { key: 'a', area: 'KS', action: 'Se över kostsamma utbildningar.', years: '2020/21', status: 'Klart' },
        { key: 'a', area: 'FL', action: '', years: '2021', status: '' },
        { key: 'c', area: 'FL', action: 'Samordna funktioner.', years: '2021', status: 'Påbörjat', effect: 500 },
      ],
    });
    expect(!result.ok && result.issues).toEqual([
      { row: 'Se över kostsamma utbildningar.', column: 'area', message: 'Ansvarsområde: "KS" finns inte; välj FL, SOV, AoB eller ÄFH.' },
      { row: 'Se över kostsamma utbildningar.', column: 'years', message: 'År: "2020/21" är inte ett år eller en period som 2020 - 2021.' },
      { row: 'Se över kostsamma utbildningar.', column: 'status', message: '"Klart" är ingen status; välj Ej påbörjat, Påbörjat, Genomfört eller Ej genomfört.' },
      { row: 'Rad 2', column: null, message: 'Nyckeln "a" förekommer två gånger.' },
      { row: 'Rad 2', column: 'action', message: 'Åtgärd saknas.' },
      { row: 'Rad 2', column: 'status', message: 'Status saknas; välj Ej påbörjat, Påbörjat, Genomfört eller Ej genomfört.' },
      { row: 'Samordna funktioner.', column: 'effect', message: 'Effekt (tkr): planen har ingen kolumn för effekt.' },
    ]);
  });

  it('takes the expected effect in whole tkr where the template has the column', () => {
    const config = { ...GNESTA, effect: true };
    const row = { key: 'x', area: 'ÄFH', action: 'Varsla och omfördela personal.', years: '2021-2022', status: 'Påbörjat' };
    expect(checked(config, { type: 'action_plan', rows: [{ ...row, effect: '1 500' }] }).rows[0].effect).toBe(1500);
    const result = checkActionPlan(config, { type: 'action_plan', rows: [{ ...row, effect: '1,5' }] });
    expect(!result.ok && result.issues).toEqual([
      { row: 'Varsla och omfördela personal.', column: 'effect', message: 'Effekt (tkr): anges med heltal (2).' },
    ]);
  });

  it('carries the rows not yet Genomfört forward, same keys and status, comment cleared', () => {
    const next = carryForward(checked(GNESTA, imported));
    expect(next.rows.map((r) => [r.key, r.status, r.comment])).toEqual([
      ['fl-lokal', 'not_started', undefined],
      ['sov-familjehem', 'started', undefined],
      ['aob-hab', 'not_done', undefined],
      ['afh-leasing', 'started', undefined],
    ]);
  });

  it('follows each row’s status across cycles by key', () => {
    const t1 = checked(GNESTA, imported);
    const t2: ActionPlanContent = {
      type: 'action_plan',
      rows: carryForward(t1).rows.map((r) => (r.key === 'fl-lokal' ? { ...r, status: 'started' } : r.key === 'afh-leasing' ? { ...r, status: 'done' } : r)),
    };
    const history = statusHistory([
      { period: 'Delår 2021', content: t1 },
      { period: 'Helår 2021', content: t2 },
    ]);
    expect(history.periods).toEqual(['Delår 2021', 'Helår 2021']);
    expect(history.rows.map((r) => [r.key, ...r.statuses])).toEqual([
      ['fl-digital', 'done', null],
      ['fl-lokal', 'not_started', 'started'],
      ['sov-familjehem', 'started', 'started'],
      ['aob-hab', 'not_done', 'not_done'],
      ['afh-leasing', 'started', 'done'],
    ]);
  });

  it('shows the reviewer the changed cells, statuses in Swedish', () => {
    const before = checked(GNESTA, imported);
    const after: ActionPlanContent = {
      type: 'action_plan',
      rows: before.rows.map((r) => (r.key === 'fl-lokal' ? { ...r, status: 'started', comment: 'Inventeringen har börjat.' } : r)),
    };
    expect(diffActionPlan(before, after)).toEqual([
      { row: 'Se över lokalförsörjningsplanen samt göra en inventering av…', column: 'Status', before: 'Ej påbörjat', after: 'Påbörjat' },
      { row: 'Se över lokalförsörjningsplanen samt göra en inventering av…', column: 'Kommentar', before: 'Påbörjas under hösten 2021.', after: 'Inventeringen har börjat.' },
    ]);
  });
});
