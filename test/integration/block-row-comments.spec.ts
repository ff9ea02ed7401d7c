import type { OrganisationResponse, ReportTemplateDto, SaveContentResponse, TaskCommentDto, TaskDto } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A chapter of text and a table of investments: comments may be on the table block's rows. */
const blocks = [
  { key: 'inledning', kind: 'narrative' },
  {
    key: 'investeringar',
    kind: 'table',
    title: 'Investeringar per projekt',
    config: {
      table: {
        columns: [
          { key: 'projekt', label: 'Projekt', type: 'text', required: true },
          { key: 'utfall', label: 'Utfall tkr', type: 'number', sum: true },
        ],
      },
    },
  },
];

const content = (rows: Array<[string, string, string]>) => ({
  type: 'blocks',
  blocks: {
    inledning: doc('Investeringarna följer i stort planen.'),
    investeringar: { type: 'table', rows: rows.map(([key, projekt, utfall]) => ({ key, cells: { projekt, utfall } })) },
  },
});

describe('comments on a row of a table block', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let secretary: HttpClient;
  let economist: HttpClient;
  let task: TaskDto;

  beforeAll(async () => {
    let admin: HttpClient;
    [admin, secretary, economist] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.nackaSecretary, DEMO.nackaEconomist]);
    const nacka = (await admin.get<OrganisationResponse>('/api/organisation')).body.committees.find((c) => c.municipality === 'Nacka kommun');
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId: nacka?.id,
      name: 'Blockkommentarer',
      reportKind: 'monthly_report',
      sections: [
        { key: 'investeringar', parentKey: null, title: 'Investeringar', kind: 'blocks', responsibility: 'committee', reviewerRole: 'economist', config: { blocks: { blocks } } },
      ],
    });
    expect(created.status).toBe(201);
    const cycle = await openCycle(secretary, created.body.id, 2019);
    const draft = await myTask(secretary, cycle.id, 'Investeringar');
    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${draft.id}/content`, {
      version: draft.version,
      content: content([
        ['r1', 'Skolan', '950'],
        ['r2', 'Förskolan', '810'],
      ]),
    });
    expect(saved.status).toBe(200);
    const submitted = await secretary.post<TaskDto>(`/api/tasks/${draft.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.body.state).toBe('submitted');
    task = submitted.body;
  });

  it('keeps a reviewer’s comment on a table block’s row and cell, anchored by block and row, on its row after the rows are re-ordered', async () => {
    const onCell = await economist.post<TaskCommentDto>(`/api/tasks/${task.id}/comments`, {
      body: 'Är förskolans utfall slutligt?',
      rowAnchor: { kind: 'row', block: 'investeringar', rowKey: 'r2', column: 'utfall' },
    });
    expect(onCell).toMatchObject({ status: 201, body: { rowAnchor: { kind: 'row', block: 'investeringar', rowKey: 'r2', column: 'utfall' }, anchor: null } });

    // Returned, and the writer puts Förskolan first and adds a row: the row keeps its key, so the comment stays on it.
    const returned = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'return', version: task.version, text: 'Se kommentaren.' });
    expect(returned.body.state).toBe('returned');
    const resaved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, {
      version: returned.body.version,
      content: content([
        ['r2', 'Förskolan', '820'],
        ['r3', 'Idrottshallen', '40'],
        ['r1', 'Skolan', '950'],
      ]),
    });
    expect(resaved.status).toBe(200);
    const onRow = await economist.post<TaskCommentDto>(`/api/tasks/${task.id}/comments`, {
      body: 'Tack, nu stämmer det.',
      rowAnchor: { kind: 'row', block: 'investeringar', rowKey: 'r2' },
    });
    expect(onRow.status).toBe(201);

    const listed = (await secretary.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    const blockRows = (listed.content as { blocks: Record<string, { rows: Array<{ key: string; cells: Record<string, unknown> }> }> }).blocks['investeringar'].rows;
    expect(blockRows.map((r) => r.key)).toEqual(['r2', 'r3', 'r1']);
    expect(listed.comments.map((c) => [c.body, c.rowAnchor])).toEqual([
      ['Är förskolans utfall slutligt?', { kind: 'row', block: 'investeringar', rowKey: 'r2', column: 'utfall' }],
      ['Tack, nu stämmer det.', { kind: 'row', block: 'investeringar', rowKey: 'r2' }],
    ]);
    // Each anchor names the row the writer sees: Förskolan.
    for (const comment of listed.comments) expect(blockRows.find((r) => r.key === comment.rowAnchor?.rowKey)?.cells['projekt']).toBe('Förskolan');
  });

  it('refuses a row the block does not have, a missing block and a text block with 400 in Swedish, and stores nothing', async () => {
    const db = app.running.app.get(DataSource);
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM task_comment WHERE task_id = $1', [task.id]))[0].n);
    const before = await count();
    const cases: Array<[unknown, string]> = [
      [{ kind: 'row', block: 'investeringar', rowKey: 'r9' }, 'Raden kommentaren gäller finns inte längre i tabellen.'],
      [{ kind: 'row', rowKey: 'r1' }, 'Ange vilket block raden kommentaren gäller finns i.'],
      [{ kind: 'row', block: 'inledning', rowKey: 'r1' }, 'Blocket kommentaren gäller finns inte i avsnittet eller har ingen tabell.'],
      [{ kind: 'row', block: 'investeringar', rowKey: 'r1', column: 'budget' }, 'Raden ”Investeringar per projekt › Skolan” har ingen sådan kolumn att kommentera.'],
    ];
    for (const [rowAnchor, message] of cases) {
      const refused = await economist.post(`/api/tasks/${task.id}/comments`, { body: 'Se raden', rowAnchor });
      expect({ status: refused.status, body: refused.body }).toMatchObject({ status: 400, body: { code: 'comment_anchor_invalid', message } });
    }
    expect(await count()).toBe(before);
  });
});
