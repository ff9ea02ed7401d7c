import type { SaveContentResponse, TaskCommentDto, TaskDto } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

const plan = {
  type: 'action_plan',
  rows: [
    { key: 'a1', action: 'Minska andelen timanställda', area: 'Omsorg', years: '2025', status: 'Påbörjat' },
    { key: 'a2', action: 'Ny rutin för avvikelser', area: 'Omsorg', years: '2025–2026', status: 'Ej påbörjat' },
  ],
};

describe('comments on a table row or cell (Nacka, Tertialbokslut 2)', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let camilla: HttpClient;
  let economist: HttpClient;
  let fredrik: HttpClient;
  let reader: HttpClient;
  let task: TaskDto;

  beforeAll(async () => {
    let secretary: HttpClient;
    [camilla, fredrik, secretary, economist, reader] = await signedInAll(app.running.baseUrl, [
      DEMO.unitHeadBarnOchFamilj,
      DEMO.unitHeadOmsorgsenheten,
      DEMO.nackaSecretary,
      DEMO.nackaEconomist,
      DEMO.reader,
    ]);
    const cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), 2012);
    const draft = await myTask(camilla, cycle.id, 'Åtgärdsplan');
    const saved = await camilla.put<SaveContentResponse>(`/api/tasks/${draft.id}/content`, { version: draft.version, content: plan });
    expect(saved.status).toBe(200);
    const submitted = await camilla.post<TaskDto>(`/api/tasks/${draft.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.body.state).toBe('submitted');
    task = submitted.body;
  });

  it('keeps a comment on a row and on a cell of the submitted plan, listed with the task', async () => {
    const row = await economist.post<TaskCommentDto>(`/api/tasks/${task.id}/comments`, { body: 'Vilka år gäller?', rowAnchor: { kind: 'row', rowKey: 'a2' } });
    expect(row).toMatchObject({ status: 201, body: { rowAnchor: { kind: 'row', rowKey: 'a2' }, anchor: null, body: 'Vilka år gäller?' } });
    const cell = await economist.post<TaskCommentDto>(`/api/tasks/${task.id}/comments`, {
      body: 'Stämmer statusen?',
      rowAnchor: { kind: 'row', rowKey: 'a1', column: 'status' },
    });
    expect(cell).toMatchObject({ status: 201, body: { rowAnchor: { kind: 'row', rowKey: 'a1', column: 'status' } } });
    // The writer replies in the thread; the reply carries no anchor of its own.
    const reply = await camilla.post<TaskCommentDto>(`/api/tasks/${task.id}/comments`, { body: 'Ja.', parentId: cell.body.id });
    expect(reply).toMatchObject({ status: 201, body: { parentId: cell.body.id, rowAnchor: null } });
    const listed = (await camilla.get<TaskDto>(`/api/tasks/${task.id}`)).body.comments;
    expect(listed.map((c) => [c.body, c.rowAnchor])).toEqual([
      ['Vilka år gäller?', { kind: 'row', rowKey: 'a2' }],
      ['Stämmer statusen?', { kind: 'row', rowKey: 'a1', column: 'status' }],
      ['Ja.', null],
    ]);
  });

  it('refuses a row or column the content does not have with a Swedish message, and stores nothing', async () => {
    const db = app.running.app.get(DataSource);
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM task_comment WHERE task_id = $1', [task.id]))[0].n);
    const before = await count();
    const cases: Array<[unknown, string]> = [
      [{ kind: 'row', rowKey: 'finns-inte' }, 'Raden kommentaren gäller finns inte längre i tabellen.'],
      [{ kind: 'row', rowKey: 'a1', column: 'effect' }, 'Raden ”Minska andelen timanställda” har ingen sådan kolumn att kommentera.'],
      [{ kind: 'cell', rowKey: 'a1' }, 'Ange vilken rad kommentaren gäller.'],
      ['a1', 'Ange vilken rad kommentaren gäller.'],
    ];
    for (const [rowAnchor, message] of cases) {
      const refused = await economist.post(`/api/tasks/${task.id}/comments`, { body: 'Se raden', rowAnchor });
      expect({ status: refused.status, body: refused.body }).toMatchObject({ status: 400, body: { code: 'comment_anchor_invalid', message } });
    }
    const both = await economist.post(`/api/tasks/${task.id}/comments`, { body: 'Se raden', anchor: 'p1', rowAnchor: { kind: 'row', rowKey: 'a1' } });
    expect(both).toMatchObject({ status: 400, body: { code: 'comment_anchor_invalid' } });
    expect(await count()).toBe(before);
  });

  it('lets only those who may read the task comment on its rows', async () => {
    const db = app.running.app.get(DataSource);
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM task_comment WHERE task_id = $1', [task.id]))[0].n);
    const before = await count();
    const outsider = await reader.post(`/api/tasks/${task.id}/comments`, { body: 'Jag får inte', rowAnchor: { kind: 'row', rowKey: 'a1' } });
    expect(outsider.status).toBe(403);
    const otherUnit = await fredrik.post(`/api/tasks/${task.id}/comments`, { body: 'Inte min enhet', rowAnchor: { kind: 'row', rowKey: 'a1' } });
    expect([403, 404]).toContain(otherUnit.status);
    expect(await count()).toBe(before);
  });
});
