import type { ReportTemplateDto, SaveContentResponse, TaskDiffDto, TaskDto, TemplateListResponse } from '@rapportflode/api-contract';
import { computeEconomy, economyConfigOf, EconomyContent } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn } from './support/http';

/** Vuxenutbildning's row of Gnesta's table (reference 003: Budget −7 015, Prognos per augusti −1 686). */
const vuxenutbildning = (forecast: number): EconomyContent => ({
  type: 'economy',
  rows: [
    {
      key: 'vux',
      label: 'Vuxenutbildning',
      values: { annual_budget: -7015, earlier_result: -3099, earlier_forecast: -601, budget_deviation: -6361, forecast_deviation: forecast },
      comment: 'Höga personalkostnader under första tertialet.',
    },
    {
      key: 'kurser',
      label: 'Kurser och bidrag',
      values: { annual_budget: -1200, budget_deviation: 150, forecast_deviation: 200 },
    },
  ],
});

describe('economy sections through the workflow', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let lena: HttpClient;
  let economist: HttpClient;
  let task: TaskDto;

  beforeAll(async () => {
    const base = app.running.baseUrl;
    const secretary = await signedIn(base, DEMO.secretary);
    [lena, economist] = await Promise.all([signedIn(base, DEMO.unitHeadVuxenutbildning), signedIn(base, DEMO.economist)]);
    const cycle = await openCycle(secretary, await templateIdByName(secretary, 'Delårsrapport'), 2024, 'SN 2024/73');
    task = await myTask(lena, cycle.id, 'Ekonomisk uppföljning per verksamhetsområde');
  });

  it('opens an economy task as an empty table with its template’s layout', () => {
    expect(task.kind).toBe('economy');
    expect(task.content).toEqual({ type: 'economy', rows: [] });
    // Gnesta prints its deviations as "Resultat" and "Prognos": the layout carries no heading that hides that.
    expect(task.sectionConfig?.economy?.labels).toBeUndefined();
  });

  it('refuses bad figures with the row and column, and stores nothing', async () => {
    const db = app.running.app.get(DataSource);
    const before = await db.query('SELECT content, version FROM task WHERE id = $1', [task.id]);
    const bad = await lena.put(`/api/tasks/${task.id}/content`, {
      version: task.version,
      content: {
        type: 'economy',
        rows: [
          { key: 'a', label: 'Vuxenutbildning', values: { annual_budget: 'minus sju', earlier_result: -3099.5 } },
          { key: 'b', label: 'Vuxenutbildning', values: { income: 5 } },
        ],
      },
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'content_invalid' } });
    expect((bad.body as { details: string[] }).details).toEqual([
      'Vuxenutbildning: Helårsbudget: "minus sju" är inte ett tal.',
      'Vuxenutbildning: Budgetavvikelse tidigare period: anges i tkr med heltal.',
      'Vuxenutbildning: Raden "Vuxenutbildning" förekommer två gånger.',
      'Vuxenutbildning: Kolumnen "income" finns inte i tabellen.',
    ]);
    const rich = await lena.put(`/api/tasks/${task.id}/content`, { version: task.version, content: { type: 'doc', version: 1, content: [] } });
    expect(rich).toMatchObject({ status: 400, body: { code: 'content_invalid' } });
    expect(await db.query('SELECT content, version FROM task WHERE id = $1', [task.id])).toEqual(before);
    const empty = await lena.post(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: task.version });
    expect(empty.status).toBe(409); // not started yet: nothing to hand in
  });

  it('is filled in, submitted, returned, changed, and the reviewer sees exactly the changed cells', async () => {
    const saved = await lena.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: vuxenutbildning(-1800) });
    expect(saved).toMatchObject({ status: 200, body: { state: 'draft' } });
    const submitted = await lena.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.body.state).toBe('submitted');
    const returned = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, {
      transition: 'return',
      version: submitted.body.version,
      text: 'Prognosen ska vara −1 686 tkr enligt ekonomisystemet.',
    });
    const resaved = await lena.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: returned.body.version, content: vuxenutbildning(-1686) });
    const again = await lena.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: resaved.body.version });
    const diff = (await economist.get<TaskDiffDto>(`/api/tasks/${task.id}/diff`)).body;
    expect(diff).toMatchObject({ from: 1, to: 2, blocks: [] });
    expect(diff.cells).toEqual([
      { row: 'Vuxenutbildning', column: 'Prognosavvikelse', before: -1800, after: -1686 },
      { row: 'Totalt', column: 'Prognosavvikelse', before: -1600, after: -1486 },
    ]);
    const approved = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: again.body.version });
    expect(approved.body.state).toBe('approved');
    const stored = approved.body.content as EconomyContent;
    const total = computeEconomy(economyConfigOf(approved.body.sectionConfig), stored).total;
    expect(total).toEqual({ annual_budget: -8215, earlier_result: -3099, earlier_forecast: -601, budget_deviation: -6211, forecast_deviation: -1486 });
  });

  it('builds the nämnd table from the approved unit tables only, and the nämnd total from it', async () => {
    const secretary = await signedIn(app.running.baseUrl, DEMO.secretary);
    const committee = await myTask(secretary, task.cycleId, 'Nämndens resultat per augusti');
    const table = committee.committeeEconomy;
    expect(table?.sectionTitle).toBe('Ekonomisk uppföljning per verksamhetsområde');
    expect(table?.units.find((u) => u.unitName === 'Vuxenutbildning')?.state).toBe('approved');
    expect(table?.units.filter((u) => u.state === 'approved')).toHaveLength(1);
    // Only Vuxenutbildning's approved table is in it: its rows under the unit.
    expect(table?.content.rows.map((r) => [r.label, r.children?.map((c) => c.label)])).toEqual([['Vuxenutbildning', ['Vuxenutbildning', 'Kurser och bidrag']]]);
    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${committee.id}/content`, { version: committee.version, content: table?.content });
    expect(saved.status).toBe(200);
    const total = computeEconomy(economyConfigOf(committee.sectionConfig), table?.content as EconomyContent).total;
    expect(total).toMatchObject({ annual_budget: -8215, budget_deviation: -6211, forecast_deviation: -1486 });
    // A unit-level task has no nämnd table.
    expect((await lena.get<TaskDto>(`/api/tasks/${task.id}`)).body.committeeEconomy).toBeNull();
  });

  it('starts next year’s table from the approved one with the same rows, and last year’s august deviations not under "per april"', async () => {
    const secretary = await signedIn(app.running.baseUrl, DEMO.secretary);
    const next = await openCycle(secretary, await templateIdByName(secretary, 'Delårsrapport'), 2025, 'SN 2025/73');
    const carried = await myTask(lena, next.id, 'Ekonomisk uppföljning per verksamhetsområde');
    expect(carried.state).toBe('not_started');
    expect(carried.content).toEqual({
      type: 'economy',
      rows: [
        { key: 'vux', label: 'Vuxenutbildning', values: {} },
        { key: 'kurser', label: 'Kurser och bidrag', values: {} },
      ],
    });
  });

  it('refuses a template whose economy layout is wrong, and one that puts a layout on a text section', async () => {
    const admin = await signedIn(app.running.baseUrl, DEMO.admin);
    const gnesta = (await admin.get<TemplateListResponse>('/api/templates')).body.templates.find((t) => t.name === 'Delårsrapport');
    const template = (await admin.get<ReportTemplateDto>(`/api/templates/${gnesta?.id}`)).body;
    const sections = template.sections.map(({ number: _n, depth: _d, ...s }) =>
      s.key === 'resultat' ? { ...s, config: { economy: { unit: 'kr', columns: ['net', 'net', 'magic'] } } } : s.key === 'inledning' ? { ...s, config: { economy: { unit: 'tkr', columns: ['net'] } } } : s,
    );
    const result = await admin.put(`/api/templates/${template.id}`, { committeeId: template.committeeId, name: template.name, reportKind: template.reportKind, sections });
    expect(result).toMatchObject({ status: 400, body: { code: 'template_invalid' } });
    expect((result.body as { details: string[] }).details).toEqual([
      'Avsnittet "Inledning och syfte": Upplägget är gjort för en annan avsnittstyp och passar inte avsnittstypen.',
      'Avsnittet "Nämndens resultat per augusti": Ange enhet för ekonomitabellen: tkr eller mnkr.',
      'Avsnittet "Nämndens resultat per augusti": Ekonomitabellen har en okänd kolumn.',
      'Avsnittet "Nämndens resultat per augusti": En kolumn förekommer två gånger i ekonomitabellen.',
    ]);
  });
});
