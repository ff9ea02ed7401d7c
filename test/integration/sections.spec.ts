import type {
  SaveContentResponse,
  TaskDiffDto,
  TaskDto,
  TaskListResponse,
} from '@rapportflode/api-contract';
import { ActionPlanContent, GoalsContent, InternalControlContent, TableContent, TaskContent } from '@rapportflode/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(__dirname, '../fixtures/reference', `${name}.json`), 'utf8')) as T;

/** Omsorgsenheten's sick leave per period (reference 000, line 420): total, ≤59 days, ≥60 days. */
const omsorg = fixture<{ rows: Array<{ period: string; values: [number, number, number] }> }>('000-sick-leave-omsorgsenheten').rows;
const sickLeave = (period: string) => {
  const [total, shortTerm, longTerm] = omsorg.find((r) => r.period === period)?.values ?? [];
  return { type: 'sick_leave', values: { total, shortTerm, longTerm } };
};

/** Gnesta's åtgärdsplan (reference 003, line 519), the first five rows as printed. */
const actionRows = fixture<{ rows: Array<{ action: string; area: string; years: string; status: string; comment: string }> }>('003-action-plan')
  .rows.slice(0, 5)
  .map((r, i) => ({ key: `a${i + 1}`, action: r.action, area: r.area, years: r.years, status: r.status, comment: r.comment }));

/** Nacka's goal table 2.2 (reference 000, line 108): indicators with Utfall 2020, Utfall 2021, Mål 2021. */
const goalTable = fixture<{ tables: Array<{ goal: string; rows: Array<{ indicator: string; values: number[]; comment?: string }> }> }>('000-goals')
  .tables[0];
const goals = (assessed: boolean) => ({
  type: 'goals',
  goals: [
    {
      key: 'kf',
      title: 'Bästa utveckling för alla',
      committeeGoals: [
        {
          key: 'sn',
          title: goalTable.goal,
          assessment: assessed ? 'Delvis' : null,
          indicators: goalTable.rows.map((r, i) => ({
            key: `i${i + 1}`,
            name: r.indicator,
            unit: 'percent',
            previous: r.values[0],
            value: r.values[1],
            target: r.values[2],
            assessment: assessed ? (r.values[1] >= r.values[2] ? 'Uppnås' : 'Uppnås ej') : null,
          })),
        },
      ],
    },
  ],
});

/** Nacka's riktade statsbidrag (reference 000, line 390), the first three rows as printed. */
const stateGrants = {
  type: 'table',
  rows: [
    { key: 'g1', cells: { bidrag: 'Statsbidrag habiliteringsersättning 2021', myndighet: 'Socialstyrelsen', sokt: '2 322', erhallet: '2 322', prognos: '2 322' } },
    { key: 'g2', cells: { bidrag: 'Subvention familjehemsplaceringar 2021', myndighet: 'Socialstyrelsen', sokt: '952', erhallet: '952', prognos: '952' } },
    { key: 'g3', cells: { bidrag: 'Utvecklingsmedel för arbete mot våld i nära relationer 2021', myndighet: 'Socialstyrelsen', sokt: '552', erhallet: '552', prognos: '515' } },
  ],
};

const controlPlan = (result: string | null, comment?: string) => ({
  type: 'internal_control',
  plan: [
    {
      key: 'ek-manad',
      group: 'Ekonomi',
      area: 'Ekonomistyrning',
      goal: 'Att uppmärksamma avvikelser i månadsavstämningar med ekonomienhetens representant',
      responsible: 'Alla EC, Alla VC',
      method: 'Stående punkt i varje chefsgrupps dagordning. Avvikelser ska rapporteras.',
      frequency: '1 gg/mån',
      reportedTo: 'Förvaltningens LG',
      result,
      ...(comment ? { comment } : {}),
    },
  ],
  risks: [
    {
      key: 'omvarld',
      title: 'Omvärldsrisker',
      rows: [{ key: 'r1', risk: 'Pandemin påverkar verksamheten', cause: 'Smittspridning', impact: 'Personalbrist', handling: 'Beredskapsplan', status: 'Ännu aktuell risk' }],
    },
  ],
});

describe('structured sections through the workflow (Nacka, Tertialbokslut 2)', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let fredrik: HttpClient;
  let camilla: HttpClient;
  let secretary: HttpClient;
  let economist: HttpClient;
  let cycleId: string;
  let templateId: string;

  const open = async (year: number): Promise<string> => (await openCycle(secretary, templateId, year)).id;
  const save = async (who: HttpClient, task: Pick<TaskDto, 'id' | 'version'>, content: unknown) =>
    who.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content });
  const step = async (who: HttpClient, id: string, transition: string, version: number, text?: string) =>
    who.post<TaskDto>(`/api/tasks/${id}/transitions`, { transition, version, ...(text ? { text } : {}) });
  /** Saves, submits and approves: the section ends approved. */
  const deliver = async (writer: HttpClient, task: TaskDto, content: unknown): Promise<TaskDto> => {
    const saved = await save(writer, task, content);
    expect(saved.status).toBe(200);
    const submitted = await step(writer, task.id, 'submit', saved.body.version);
    expect(submitted.status).toBe(201);
    const approved = await step(economist, task.id, 'approve', submitted.body.version);
    expect(approved.body.state).toBe('approved');
    return approved.body;
  };
  const stored = async (id: string) =>
    app.running.app.get(DataSource).query('SELECT content, version, state FROM task WHERE id = $1', [id]) as Promise<unknown[]>;

  beforeAll(async () => {
    const base = app.running.baseUrl;
    [fredrik, camilla, secretary, economist] = await signedInAll(base, [DEMO.unitHeadOmsorgsenheten, DEMO.unitHeadBarnOchFamilj, DEMO.nackaSecretary, DEMO.nackaEconomist]);
    templateId = await templateIdByName(secretary, 'Tertialbokslut 2');
    // Years before the demo's own history (the two years before this one).
    cycleId = await open(2010);
  });

  // First, before this file's own cycles add to Nacka's history.
  it('shows the demo’s running cycle Nacka’s two earlier years of sick leave, and last year’s unfinished action', async () => {
    const year = new Date().getFullYear();
    const mine = (await fredrik.get<TaskListResponse>('/api/tasks/mine')).body.tasks;
    const item = mine.find((t) => t.sectionTitle === 'Sjukfrånvaro' && t.cycleTitle === `Tertialbokslut 2 ${year}`);
    const task = (await fredrik.get<TaskDto>(`/api/tasks/${item?.id}`)).body;
    expect(task.period).toBe(`T2 ${year}`);
    expect(task.earlier.map((e) => [e.period, e.content])).toEqual([
      [`T2 ${year - 2}`, { type: 'sick_leave', values: { total: 3.8, shortTerm: 2.9, longTerm: 0.9 } }],
      [`T2 ${year - 1}`, { type: 'sick_leave', values: { total: 2.85, shortTerm: 2.23, longTerm: 0.62 } }],
    ]);
    const plan = (await camilla.get<TaskListResponse>('/api/tasks/mine')).body.tasks.find(
      (t) => t.sectionTitle === 'Åtgärdsplan' && t.cycleTitle === `Tertialbokslut 2 ${year}`,
    );
    const content = (await camilla.get<TaskDto>(`/api/tasks/${plan?.id}`)).body.content as ActionPlanContent;
    expect(content.rows.map((r) => [r.key, r.status])).toEqual([['heldygn', 'started']]);
  });

  it('sick leave: refuses impossible figures with the figure named, then goes draft → returned → approved with a cell diff', async () => {
    const task = await myTask(fredrik, cycleId, 'Sjukfrånvaro');
    expect(task.content).toEqual({ type: 'sick_leave', values: { total: null, shortTerm: null, longTerm: null } });
    expect(task.sectionConfig?.sickLeave?.shortTermLabel).toBe('≤59 dagar');
    const before = await stored(task.id);
    const over = await save(fredrik, task, { type: 'sick_leave', values: { total: '104', shortTerm: '2,23', longTerm: '0,62' } });
    expect(over).toMatchObject({ status: 400, body: { code: 'content_invalid' } });
    expect((over.body as unknown as { details: string[] }).details.join('\n')).toMatch(/Total sjukfrånvaro.*104.*över 100 %/);
    const parts = await save(fredrik, task, { type: 'sick_leave', values: { total: '2,85', shortTerm: '2,23', longTerm: '1,62' } });
    // Figures are printed with a no-break space before the per cent sign.
    expect((parts.body as unknown as { details: string[] }).details.map((d) => d.replace(/\u00a0/g, ' '))).toEqual([
      'Total sjukfrånvaro: Kort sjukfrånvaro (≤59 dagar) 2,23 % och lång sjukfrånvaro (≥60 dagar) 1,62 % är tillsammans 3,85 %, mer än total sjukfrånvaro 2,85 %.',
    ]);
    const dot = await save(fredrik, task, { type: 'sick_leave', values: { total: '2.85', shortTerm: null, longTerm: null } });
    expect((dot.body as unknown as { details: string[] }).details.join('\n')).toMatch(/decimalkomma|,/);
    expect(await stored(task.id)).toEqual(before);

    const t1 = sickLeave('T1 2021');
    const saved = await save(fredrik, task, t1);
    const submitted = await step(fredrik, task.id, 'submit', saved.body.version);
    const returned = await step(economist, task.id, 'return', submitted.body.version, 'Långtidssjukfrånvaron ska avse perioden jan–aug.');
    expect(returned.body.state).toBe('returned');
    const resaved = await save(fredrik, returned.body, sickLeave('T2 2021'));
    const again = await step(fredrik, task.id, 'submit', resaved.body.version);
    const diff = (await economist.get<TaskDiffDto>(`/api/tasks/${task.id}/diff`)).body;
    expect(diff).toMatchObject({ from: 1, to: 2, blocks: [] });
    expect(diff.cells.map((c) => [c.before, c.after])).toEqual([
      [2.36, 2.85],
      [2.31, 2.23],
      [0.05, 0.62],
    ]);
    const approved = await step(economist, task.id, 'approve', again.body.version);
    expect(approved.body.state).toBe('approved');
    const locked = await save(fredrik, approved.body, sickLeave('T2 2020'));
    expect(locked).toMatchObject({ status: 409, body: { code: 'task_locked' } });
  });

  it('action plan: statuses as printed are stored as codes, an unknown status is named, and the plan is approved', async () => {
    const task = await myTask(camilla, cycleId, 'Åtgärdsplan');
    const bad = await save(camilla, task, { type: 'action_plan', rows: [{ ...actionRows[0], status: 'Klart' }] });
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as { details: string[] }).details[0]).toBe(
      'Se över förvaltningens organisation och administrativa…: "Klart" är ingen status; välj Ej påbörjat, Påbörjat, Genomfört eller Ej genomfört.',
    );
    const approved = await deliver(camilla, task, { type: 'action_plan', rows: actionRows });
    const content = approved.content as ActionPlanContent;
    expect(content.rows.map((r) => r.status)).toEqual(['started', 'done', 'not_started', 'done', 'not_started']);
  });

  it('internal control: cannot be handed in until every control has its result; a deviation needs its comment', async () => {
    const task = await myTask(secretary, cycleId, 'Intern kontrollplan');
    const draft = await save(secretary, task, controlPlan(null));
    expect(draft.status).toBe(200);
    const early = await step(secretary, task.id, 'submit', draft.body.version);
    expect(early).toMatchObject({ status: 400, body: { code: 'content_incomplete' } });
    expect((early.body as unknown as { details: string[] }).details).toEqual([expect.stringMatching(/^Ekonomistyrning: Resultat saknas/)]);
    const noComment = await save(secretary, { id: task.id, version: draft.body.version }, controlPlan('Avvikelse'));
    expect((noComment.body as unknown as { details: string[] }).details).toEqual([expect.stringMatching(/^Ekonomistyrning: Kommentar saknas: vid Avvikelse/)]);
    const approved = await deliver(secretary, { ...task, version: draft.body.version }, controlPlan('Avvikelse', 'Har inte fungerat helt ut inom ÄFH.'));
    const content = approved.content as InternalControlContent;
    expect(content.plan[0].result).toBe('deviation');
    expect(content.risks[0].rows[0].status).toBe('active');
  });

  it('goals: måluppfyllelse is computed, never stored; every indicator needs an assessment before it is handed in', async () => {
    const task = await myTask(secretary, cycleId, 'Bästa utveckling för alla');
    const draft = await save(secretary, task, goals(false));
    const early = await step(secretary, task.id, 'submit', draft.body.version);
    expect(early).toMatchObject({ status: 400, body: { code: 'content_incomplete' } });
    const approved = await deliver(secretary, { ...task, version: draft.body.version }, goals(true));
    const indicators = (approved.content as GoalsContent).goals[0].committeeGoals[0].indicators;
    expect(indicators.map((i) => [i.previous, i.value, i.target, i.assessment])).toEqual(goalTable.rows.map((r) => [r.values[0], r.values[1], r.values[2], r.values[1] >= r.values[2] ? 'met' : 'not_met']));
    expect(JSON.stringify(approved.content)).not.toMatch(/fulfil/i);
  });

  it('tables: Swedish figures are stored as numbers, text in a number column is refused with row and column', async () => {
    const task = await myTask(secretary, cycleId, 'Redovisning riktade statsbidrag');
    const bad = await save(secretary, task, { type: 'table', rows: [{ key: 'g1', cells: { bidrag: 'Prio BoU 2016', sokt: 'cirka 500' } }] });
    expect((bad.body as unknown as { details: string[] }).details).toEqual([expect.stringMatching(/^Prio BoU 2016: Sökt belopp tkr \(år\): "cirka 500" är inte ett tal/)]);
    const approved = await deliver(secretary, task, stateGrants);
    expect((approved.content as TableContent).rows.map((r) => r.cells['prognos'])).toEqual([2322, 952, 515]);
  });

  it('opens the next cycle from the approved content: earlier sick leave beside the new, unfinished actions, the control plan, goals, table rows', async () => {
    const next = await open(2011);
    const sick = await myTask(fredrik, next, 'Sjukfrånvaro');
    expect(sick.content).toEqual({ type: 'sick_leave', values: { total: null, shortTerm: null, longTerm: null } });
    expect(sick.earlier.map((e) => [e.period, e.content])).toEqual([['T2 2010', { type: 'sick_leave', values: { total: 2.85, shortTerm: 2.23, longTerm: 0.62 } }]]);
    const plan = await myTask(camilla, next, 'Åtgärdsplan');
    expect((plan.content as ActionPlanContent).rows.map((r) => [r.key, r.status, r.comment])).toEqual([
      ['a1', 'started', undefined],
      ['a3', 'not_started', undefined],
      ['a5', 'not_started', undefined],
    ]);
    expect(plan.earlier).toHaveLength(1);
    const control = await myTask(secretary, next, 'Intern kontrollplan');
    expect((control.content as InternalControlContent).plan.map((r) => [r.area, r.result, r.comment])).toEqual([['Ekonomistyrning', null, undefined]]);
    const goalTask = await myTask(secretary, next, 'Bästa utveckling för alla');
    const indicators = (goalTask.content as GoalsContent).goals[0].committeeGoals[0].indicators;
    expect(indicators.map((i) => [i.previous, i.value, i.assessment])).toEqual(goalTable.rows.map((r) => [r.values[1], null, null]));
    const grants = await myTask(secretary, next, 'Redovisning riktade statsbidrag');
    expect((grants.content as TableContent).rows).toHaveLength(3);
    // A section nobody delivered last time starts empty.
    const funds = await myTask(secretary, next, 'Uppföljning av medel ur framtidsfonder');
    expect(funds.content).toEqual<TaskContent>({ type: 'table', rows: [] });
    expect(funds.earlier).toEqual([]);
  });
});
