import type { ApiErrorResponse, OrganisationResponse, ReportTemplateDto, SaveContentResponse, TaskDiffDto, TaskDto } from '@rapportflode/api-contract';
import type { BlocksContent } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

const investments = {
  columns: [
    { key: 'projekt', label: 'Projekt', type: 'text', required: true },
    { key: 'budget', label: 'Budget tkr', type: 'number', sum: true },
    { key: 'utfall', label: 'Utfall tkr', type: 'number', sum: true },
  ],
  totalLabel: 'Summa investeringar',
};

/** One chapter: text, then a table, then more text, then a line chart of the table. */
const blocks = [
  { key: 'inledning', kind: 'narrative' },
  { key: 'investeringar', kind: 'table', title: 'Investeringar per projekt', config: { table: investments } },
  { key: 'analys', kind: 'narrative', title: 'Analys' },
  { key: 'diagram', kind: 'chart', chart: { source: 'investeringar', type: 'line', title: 'Budget och utfall per projekt', series: ['budget', 'utfall'] } },
];

const content = (utfall: unknown, analysis = 'Skolans bygge är försenat.') => ({
  type: 'blocks',
  blocks: {
    inledning: doc('Investeringarna följer i stort planen.'),
    investeringar: {
      type: 'table',
      rows: [
        { key: 'r1', cells: { projekt: 'Skolan', budget: '1 200', utfall } },
        { key: 'r2', cells: { projekt: 'Förskolan', budget: '800', utfall: '810' } },
      ],
    },
    analys: doc(analysis),
  },
});

describe('a section made of blocks, through the API to the report', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let secretary: HttpClient;
  let economist: HttpClient;
  let templateId: string;

  beforeAll(async () => {
    [admin, secretary, economist] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.nackaSecretary, DEMO.nackaEconomist]);
    const nacka = (await admin.get<OrganisationResponse>('/api/organisation')).body.committees.find((c) => c.municipality === 'Nacka kommun');
    const section = { key: 'investeringar', parentKey: null, title: 'Investeringar', kind: 'blocks', responsibility: 'committee', reviewerRole: 'economist' };
    const template = { committeeId: nacka?.id, name: 'Blocktest', reportKind: 'monthly_report' };

    const duplicate = await admin.post<ApiErrorResponse>('/api/templates', {
      ...template,
      sections: [{ ...section, config: { blocks: { blocks: [...blocks, { key: 'analys', kind: 'table', title: 'Extra' }] } } }],
    });
    expect(duplicate.status).toBe(400);
    expect(JSON.stringify(duplicate.body)).toContain('Avsnittet \\"Investeringar\\": Extra: nyckeln \\"analys\\" förekommer två gånger i avsnittet.');
    const missingSource = await admin.post<ApiErrorResponse>('/api/templates', {
      ...template,
      sections: [{ ...section, config: { blocks: { blocks: [{ key: 'c', kind: 'chart', chart: { source: 'saknas', title: 'Diagram' } }] } } }],
    });
    expect(missingSource.status).toBe(400);
    expect(JSON.stringify(missingSource.body)).toContain('som varken är ett block i avsnittet eller ett avsnitt i mallen.');

    const created = await admin.post<ReportTemplateDto>('/api/templates', { ...template, sections: [{ ...section, config: { blocks: { blocks } } }] });
    expect(created.status).toBe(201);
    expect(created.body.sections[0].kind).toBe('blocks');
    expect(created.body.sections[0].config?.blocks?.blocks.map((b) => b.key)).toEqual(['inledning', 'investeringar', 'analys', 'diagram']);
    templateId = created.body.id;
  });

  it('refuses a bad block with its name and stores nothing, then hands in, shows the changes per block and prints the blocks in order with the chart', async () => {
    const cycle = await openCycle(secretary, templateId, 2017);
    const task = await myTask(secretary, cycle.id, 'Investeringar');
    expect(task.content).toEqual({ type: 'blocks', blocks: {} });
    const stored = async () => (await app.running.app.get(DataSource).query('SELECT content, version FROM task WHERE id = $1', [task.id])) as Array<{ content: unknown; version: number }>;
    const before = await stored();

    const bad = await secretary.put<ApiErrorResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: content('cirka 900') });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('content_invalid');
    expect((bad.body as unknown as { details: string[] }).details).toEqual([expect.stringMatching(/^Investeringar per projekt: Skolan: Utfall tkr: /)]);
    expect(await stored()).toEqual(before);

    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: content('950') });
    expect(saved.status).toBe(200);
    const kept = (await stored())[0].content as BlocksContent;
    expect(kept.blocks['investeringar']).toEqual({
      type: 'table',
      rows: [
        { key: 'r1', cells: { projekt: 'Skolan', budget: 1200, utfall: 950 } },
        { key: 'r2', cells: { projekt: 'Förskolan', budget: 800, utfall: 810 } },
      ],
    });

    const submitted = await secretary.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.status).toBe(201);
    const returned = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'return', version: submitted.body.version, text: 'Ange utfallet per augusti.' });
    expect(returned.body.state).toBe('returned');
    const resaved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: returned.body.version, content: content('1 010', 'Skolans bygge är klart.') });
    expect(resaved.status).toBe(200);
    const again = await secretary.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: resaved.body.version });
    expect(again.status).toBe(201);
    const diff = (await economist.get<TaskDiffDto>(`/api/tasks/${task.id}/diff`)).body;
    expect(diff.cells).toEqual([
      { row: 'Investeringar per projekt: Skolan', column: 'Utfall tkr', before: 950, after: 1010 },
      { row: 'Investeringar per projekt: Summa investeringar', column: 'Utfall tkr', before: 1760, after: 1820 },
      { row: 'Analys', column: 'Text', before: 'Skolans bygge är försenat.', after: 'Skolans bygge är klart.' },
    ]);
    const approved = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: again.body.version });
    expect(approved.body.state).toBe('approved');

    const html = String((await secretary.get<unknown>(`/api/cycles/${cycle.id}/report/document?format=html`)).body);
    const at = (text: string) => {
      const index = html.indexOf(text);
      expect(index).toBeGreaterThan(-1);
      return index;
    };
    const order = [
      at('Investeringarna följer i stort planen.'),
      at('Investeringar per projekt</caption>'),
      at('<strong>Analys</strong>'),
      at('Skolans bygge är klart.'),
      at('<figure class="chart"'),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // One heading for the chapter: the blocks carry no headings of their own.
    expect(html.slice(order[0], order[4])).not.toMatch(/<h[1-6][\s>]/);
    const figure = /<figure class="chart"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(figure).toContain('<svg role="img"');
    expect(figure.match(/<polyline class="line"/g)?.length).toBe(2);
    expect(figure).toContain('<table class="chart-data">');
    expect(figure).toContain('<td class="num">1\u00a0010</td>');
    expect(figure).toContain('Linjediagram över budget tkr, utfall tkr för Skolan, Förskolan.');
  });

  it('opens the next cycle with the table block carried forward by its key and the text blocks empty', async () => {
    const cycle = await openCycle(secretary, templateId, 2018);
    const task = await myTask(secretary, cycle.id, 'Investeringar');
    const content = task.content as BlocksContent;
    expect(Object.keys(content.blocks)).toEqual(['investeringar']);
    expect(content.blocks['investeringar']).toEqual({
      type: 'table',
      rows: [
        { key: 'r1', cells: { projekt: 'Skolan', budget: 1200, utfall: 1010 } },
        { key: 'r2', cells: { projekt: 'Förskolan', budget: 800, utfall: 810 } },
      ],
    });
  });
});
