import type { OrganisationResponse, ReportTemplateDto, SaveContentResponse, TaskDto, TaskListResponse } from '@rapportflode/api-contract';
import type { RichTextDocument } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { TaskDirectory } from '../../backend/src/modules/tasks/task-directory';
import { useTestApp } from './support/app';
import { openCycle } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

const doc = (text: string): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text }] }],
});

/** A Gnesta template whose economy texts the förvaltningsekonom writes (writerRole), beside a section written as today. */
describe('who writes a section (the template’s "Skrivs av")', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let economist: HttpClient;
  let secretary: HttpClient;
  let reviewer: HttpClient;
  let lena: HttpClient;
  let template: ReportTemplateDto;
  let cycleId: string;

  const section = (key: string, title: string, extra: Record<string, unknown>) => ({
    key,
    parentKey: null,
    title,
    kind: 'narrative',
    responsibility: 'committee',
    reviewerRole: 'reviewer',
    ...extra,
  });
  const mine = async (who: HttpClient) =>
    (await who.get<TaskListResponse>('/api/tasks/mine')).body.tasks.filter((t) => t.cycleId === cycleId).map((t) => `${t.sectionTitle}${t.unitName ? `, ${t.unitName}` : ''}`).sort();
  const taskOf = async (who: HttpClient, title: string): Promise<TaskDto> => {
    const id = (await who.get<TaskListResponse>('/api/tasks/mine')).body.tasks.find((t) => t.cycleId === cycleId && t.sectionTitle === title)?.id;
    if (!id) throw new Error(`no task ${title}`);
    return (await who.get<TaskDto>(`/api/tasks/${id}`)).body;
  };
  const save = (who: HttpClient, task: Pick<TaskDto, 'id' | 'version'>, content: unknown) =>
    who.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content });
  const step = (who: HttpClient, id: string, transition: string, version: number) => who.post<TaskDto>(`/api/tasks/${id}/transitions`, { transition, version });
  const stored = async (id: string) => (await app.running.app.get(DataSource).query('SELECT content, version, state FROM task WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    [admin, economist, secretary, reviewer, lena] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.economist, DEMO.secretary, DEMO.reviewer, DEMO.unitHeadVuxenutbildning]);
    const tree = (await admin.get<OrganisationResponse>('/api/organisation')).body;
    const committee = tree.committees.find((c) => c.municipality === 'Gnesta kommun');
    if (!committee) throw new Error('no Gnesta');
    const vuxId = (function find(nodes: typeof committee.units): string | undefined {
      for (const node of nodes) {
        if (node.name === 'Vuxenutbildning') return node.id;
        const below = find(node.children);
        if (below) return below;
      }
      return undefined;
    })(committee.units);
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId: committee.id,
      name: 'Delårsrapport, ekonomens avsnitt',
      reportKind: 'interim_report',
      sections: [
        section('ekonomi', 'Ekonomisk analys', { writerRole: 'economist' }),
        section('ekonomi-egen', 'Ekonomins investeringar', { writerRole: 'economist', reviewerRole: 'economist' }),
        section('enhetens-ekonomi', 'Enhetens ekonomi', { responsibility: 'chosen_units', unitIds: [vuxId], writerRole: 'economist' }),
        section('verksamhet', 'Verksamhetens resultat', { responsibility: 'chosen_units', unitIds: [vuxId] }),
        section('sammanfattning', 'Sammanfattning', { writerRole: null }),
      ],
    });
    expect(created.status).toBe(201);
    template = created.body;
    cycleId = (await openCycle(secretary, template.id, 2031, 'SN 2031/7')).id;
  });

  it('stores "Skrivs av" per section, default null, and refuses a role that cannot write in Swedish', async () => {
    expect(template.sections.map((s) => [s.key, s.writerRole])).toEqual([
      ['ekonomi', 'economist'],
      ['ekonomi-egen', 'economist'],
      ['enhetens-ekonomi', 'economist'],
      ['verksamhet', null],
      ['sammanfattning', null],
    ]);
    const bad = await admin.put(`/api/templates/${template.id}`, {
      committeeId: template.committeeId,
      name: template.name,
      reportKind: template.reportKind,
      sections: [section('ekonomi', 'Ekonomisk analys', { writerRole: 'reader' })],
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'template_invalid' } });
    expect((bad.body as { details: string[] }).details).toEqual(['Avsnittet "Ekonomisk analys" kan inte skrivas av läsare: välj en roll som kan öppna uppgifterna.']);
    expect((await admin.get<ReportTemplateDto>(`/api/templates/${template.id}`)).body.sections).toHaveLength(5);
  });

  it('puts each task in the writer’s "Mina uppgifter": the ekonom’s sections to the ekonom, the others as today', async () => {
    expect(await mine(economist)).toEqual(['Ekonomins investeringar, Nämndnivå', 'Ekonomisk analys, Nämndnivå', 'Enhetens ekonomi, Vuxenutbildning']);
    expect(await mine(lena)).toEqual(['Verksamhetens resultat, Vuxenutbildning']);
    expect(await mine(secretary)).toEqual(['Sammanfattning, Nämndnivå']);
  });

  it('sends the reminders of a section to its writer role, the others’ to their writers as today', async () => {
    const directory = app.running.app.get(TaskDirectory);
    const emails = async (title: string, who: HttpClient) => (await directory.writers((await taskOf(who, title)).id)).map((p) => p.email);
    expect(await emails('Enhetens ekonomi', economist)).toEqual([DEMO.economist]);
    expect(await emails('Ekonomisk analys', economist)).toEqual([DEMO.economist]);
    expect(await emails('Verksamhetens resultat', lena)).toContain(DEMO.unitHeadVuxenutbildning);
    expect(await emails('Verksamhetens resultat', lena)).not.toContain(DEMO.economist);
    expect(await emails('Sammanfattning', secretary)).toContain(DEMO.secretary);
  });

  it('lets the förvaltningsekonom save and hand in; the enhetschef and the secretary get 403 and nothing changes', async () => {
    const unit = await taskOf(economist, 'Enhetens ekonomi');
    expect(unit.heldActions).toEqual(expect.arrayContaining(['task.write', 'task.submit']));
    const headView = (await lena.get<TaskDto>(`/api/tasks/${unit.id}`)).body;
    expect(headView.heldActions).not.toContain('task.write');
    const refused = await save(lena, unit, doc('Enhetschefens text'));
    expect(refused).toMatchObject({ status: 403, body: { code: 'not_task_writer' } });
    const first = await save(economist, unit, doc('Prognosen visar ett underskott på 1,2 mnkr.'));
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('draft');
    // A text draft: the one-statement autosave is not open to the enhetschef either.
    const before = await stored(unit.id);
    const again = await save(lena, { id: unit.id, version: first.body.version }, doc('Enhetschefens text'));
    expect(again).toMatchObject({ status: 403, body: { code: 'not_task_writer' } });
    expect(await stored(unit.id)).toEqual(before);
    expect((await step(lena, unit.id, 'submit', first.body.version)).status).toBe(403);
    const submitted = await step(economist, unit.id, 'submit', first.body.version);
    expect(submitted.status).toBe(201);
    expect(submitted.body.state).toBe('submitted');

    const committeeTask = await taskOf(economist, 'Ekonomisk analys');
    expect((await save(secretary, committeeTask, doc('Sekreterarens text'))).status).toBe(403);
    expect((await stored(committeeTask.id)).state).toBe('not_started');
  });

  it('keeps the four eyes: the ekonom who handed in cannot approve, another reviewer does', async () => {
    const own = await taskOf(economist, 'Ekonomins investeringar');
    const saved = await save(economist, own, doc('Investeringarna följer plan.'));
    const submitted = await step(economist, own.id, 'submit', saved.body.version);
    expect(submitted.status).toBe(201);
    const self = await step(economist, own.id, 'approve', submitted.body.version);
    expect(self).toMatchObject({ status: 403, body: { code: 'self_approval_refused' } });
    expect((await stored(own.id)).state).toBe('submitted');

    const analysis = await taskOf(economist, 'Ekonomisk analys');
    const written = await save(economist, analysis, doc('Nämnden redovisar ett överskott.'));
    const handedIn = await step(economist, analysis.id, 'submit', written.body.version);
    expect((await reviewer.get<TaskListResponse>('/api/tasks/review-queue')).body.tasks.map((t) => t.id)).toContain(analysis.id);
    const approved = await step(reviewer, analysis.id, 'approve', handedIn.body.version);
    expect(approved.status).toBe(201);
    expect(approved.body.state).toBe('approved');
    expect(await mine(economist)).toEqual(['Ekonomins investeringar, Nämndnivå', 'Enhetens ekonomi, Vuxenutbildning']);
  });
});
