import type { CycleListResponse, CycleSummaryDto, ReportTemplateDto, SaveContentResponse, TaskDto, TemplateListResponse } from '@rapportflode/api-contract';
import type { EconomyContent, GoalsContent, InternalControlContent } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn } from './support/http';

const GUIDANCE = 'Kommentera periodens resultat och prognos per verksamhet: vad avviker från budget, varför, och vad görs åt det?';

describe('writing guidance per template section', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let template: ReportTemplateDto;

  const save = (sections: ReportTemplateDto['sections']) =>
    admin.put<ReportTemplateDto>(`/api/templates/${template.id}`, {
      committeeId: template.committeeId,
      name: template.name,
      reportKind: template.reportKind,
      sections: sections.map(({ number: _n, depth: _d, ...s }) => s),
    });

  beforeAll(async () => {
    admin = await signedIn(app.running.baseUrl, DEMO.admin);
    const gnesta = (await admin.get<TemplateListResponse>('/api/templates')).body.templates.find((t) => t.name === 'Delårsrapport');
    template = (await admin.get<ReportTemplateDto>(`/api/templates/${gnesta?.id}`)).body;
  });

  it('refuses an instruction longer than 600 characters with the section named, and stores nothing', async () => {
    const db = app.running.app.get(DataSource);
    const before = await db.query('SELECT key, guidance FROM template_section WHERE template_id = $1 ORDER BY sort_order', [template.id]);
    const long = 'Beskriv läget. '.repeat(41); // 615 characters
    const result = await save(template.sections.map((s) => (s.key === 'ekonomi-per-omrade' ? { ...s, guidance: long } : s)));
    expect(result).toMatchObject({ status: 400, body: { code: 'template_invalid' } });
    expect((result.body as unknown as { details: string[] }).details).toEqual([
      `Skrivinstruktionen för avsnittet "Ekonomisk uppföljning per verksamhetsområde" får vara högst 600 tecken (nu ${long.trim().length}).`,
    ]);
    expect(await db.query('SELECT key, guidance FROM template_section WHERE template_id = $1 ORDER BY sort_order', [template.id])).toEqual(before);
    const notText = await save(template.sections.map((s) => (s.key === 'ekonomi-per-omrade' ? { ...s, guidance: 42 as unknown as string } : s)));
    expect(notText.status).toBe(400);
  });

  it('stores the instruction, copies it into a new cycle and gives it to the writer with the task', async () => {
    const saved = await save(template.sections.map((s) => (s.key === 'ekonomi-per-omrade' ? { ...s, guidance: `  ${GUIDANCE}  ` } : s)));
    expect(saved.status).toBe(200);
    expect(saved.body.sections.find((s) => s.key === 'ekonomi-per-omrade')?.guidance).toBe(GUIDANCE);
    expect(saved.body.sections.find((s) => s.key === 'inledning')?.guidance).toBeNull();
    const secretary = await signedIn(app.running.baseUrl, DEMO.secretary);
    const cycle = await openCycle(secretary, template.id, 2024, 'SN 2024/1703');
    const lena = await signedIn(app.running.baseUrl, DEMO.unitHeadVuxenutbildning);
    const task = await myTask(lena, cycle.id, 'Ekonomisk uppföljning per verksamhetsområde');
    expect(task).toMatchObject({ sectionGuidance: GUIDANCE, reportKind: 'interim_report', periodEnd: '2024-08-31' });
    // A later change of the template does not rewrite an open cycle's instruction.
    await save(template.sections.map((s) => (s.key === 'ekonomi-per-omrade' ? { ...s, guidance: 'Ny text.' } : s)));
    expect((await lena.get<TaskDto>(`/api/tasks/${task.id}`)).body.sectionGuidance).toBe(GUIDANCE);
  });
});

describe('carrying content into a new cycle', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });

  it('starts Nacka’s goals and control plan from the latest approved content that holds something', async () => {
    const birgitta = await signedIn(app.running.baseUrl, DEMO.nackaSecretary);
    const cycles = (await birgitta.get<CycleListResponse>('/api/cycles')).body.cycles;
    // The demo: goals and the control plan were delivered and approved two years back; last year's cycle started
    // from them and was closed untouched, so this year's starts from last year's (the indicators, no figures typed).
    const current = cycles.reduce((a, b) => (a.periodEnd > b.periodEnd ? a : b));
    const goals = (await myTask(birgitta, current.id, 'Bästa utveckling för alla')).content as GoalsContent;
    expect(goals.goals.map((g) => g.committeeGoals.flatMap((cg) => cg.indicators.map((i) => [i.name.slice(0, 40), i.previous, i.value, i.target])))).toEqual([
      [
        ['Andel kvinnor och män över 18 år som vid', null, null, 85],
        ['(N) Andel familjehemsplacerade flickor o', null, null, 95],
      ],
    ]);
    const plan = (await myTask(birgitta, current.id, 'Intern kontrollplan')).content as InternalControlContent;
    expect(plan.plan.map((row) => [row.goal, row.result])).toEqual([
      ['Direktupphandlingar görs enligt gällande riktlinjer.', null],
      ['Avrop från ramavtal görs i rangordning.', null],
    ]);
    // The other goals sections had nothing approved: they start empty, not with another section's goals.
    expect((await myTask(birgitta, current.id, 'Stark balanserad tillväxt')).content).toEqual({ type: 'goals', goals: [] });
  });

  it('fills the delårsrapport’s "per april" columns from the approved april cycle of the same year, and only those', async () => {
    const base = app.running.baseUrl;
    const [secretary, lena, economist] = await Promise.all([
      signedIn(base, DEMO.secretary),
      signedIn(base, DEMO.unitHeadVuxenutbildning),
      signedIn(base, DEMO.economist),
    ]);
    const templateId = await templateIdByName(secretary, 'Delårsrapport');
    const april = await secretary.post<CycleSummaryDto>('/api/cycles', {
      templateId,
      year: 2023,
      diaryNumber: 'SN 2023/500',
      periodEnd: '2023-04-30',
      submissionDeadline: '2023-05-10',
      reviewDeadline: '2023-05-17',
      assemblyDeadline: '2023-05-24',
      meetingDate: '2023-06-05',
    });
    expect(april.status).toBe(201);
    const t1 = await myTask(lena, april.body.id, 'Ekonomisk uppföljning per verksamhetsområde');
    const content: EconomyContent = {
      type: 'economy',
      rows: [{ key: 'vux', label: 'Vuxenutbildning', values: { annual_budget: -7015, budget_deviation: -3099, forecast_deviation: -601 } }],
    };
    const saved = await lena.put<SaveContentResponse>(`/api/tasks/${t1.id}/content`, { version: t1.version, content });
    const submitted = await lena.post<TaskDto>(`/api/tasks/${t1.id}/transitions`, { transition: 'submit', version: saved.body.version });
    const approved = await economist.post<TaskDto>(`/api/tasks/${t1.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');

    const august = await openCycle(secretary, templateId, 2023, 'SN 2023/501');
    const t2 = await myTask(lena, august.id, 'Ekonomisk uppföljning per verksamhetsområde');
    expect(t2.content).toEqual({
      type: 'economy',
      rows: [{ key: 'vux', label: 'Vuxenutbildning', values: { annual_budget: -7015, earlier_result: -3099, earlier_forecast: -601 } }],
    });
  });
});
