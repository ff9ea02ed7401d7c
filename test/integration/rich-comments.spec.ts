import type { OrganisationResponse, ReportTemplateDto, SaveContentResponse, TaskDto } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

/**
 * A sick-leave section's commentary is rich text: paragraphs and a list are stored as sent (what
 * the sanitiser refuses is dropped) and printed as paragraphs and a list; a comment stored as a
 * plain string before comments were rich text is read as its paragraphs.
 */
describe('structured sections’ comments as rich text, through the API to the report', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let secretary: HttpClient;
  let economist: HttpClient;
  let templateId: string;

  beforeAll(async () => {
    [admin, secretary, economist] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.nackaSecretary, DEMO.nackaEconomist]);
    const nacka = (await admin.get<OrganisationResponse>('/api/organisation')).body.committees.find((c) => c.municipality === 'Nacka kommun');
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId: nacka?.id,
      name: 'Kommentartest',
      reportKind: 'interim_report',
      sections: [{ key: 'sjuk', parentKey: null, title: 'Sjukfrånvaro', kind: 'sick_leave', responsibility: 'committee', reviewerRole: 'economist' }],
    });
    expect(created.status).toBe(201);
    templateId = created.body.id;
  });

  const run = (text: string) => ({ type: 'text', text });
  const comment = {
    type: 'doc',
    version: 1,
    content: [
      { type: 'paragraph', content: [run('Sjukfrånvaron minskade under våren.')] },
      { type: 'paragraph', content: [run('Två åtgärder gav effekt:')] },
      { type: 'bullet_list', items: [[{ type: 'paragraph', content: [run('Tidig kontakt vid korttidsfrånvaro')] }], [{ type: 'paragraph', content: [run('Friskvårdstimme')] }]] },
    ],
  };

  it('stores the commentary as rich text and prints its paragraphs and list; an old string comment reads as paragraphs', async () => {
    const cycle = await openCycle(secretary, templateId, 2014);
    const task = await myTask(secretary, cycle.id, 'Sjukfrånvaro');
    const values = { total: 6.2, shortTerm: 2.4, longTerm: 3.8 };
    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: { type: 'sick_leave', values, comment } });
    expect(saved.status).toBe(200);
    const db = app.running.app.get(DataSource);
    const [row] = (await db.query('SELECT content FROM task WHERE id = $1', [task.id])) as Array<{ content: { comment: { type: string; content: unknown[] } } }>;
    expect(row.content.comment.type).toBe('doc');
    expect(row.content.comment.content).toHaveLength(3);

    const submitted = await secretary.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.status).toBe(201);
    const approved = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');
    const html = String((await secretary.get<unknown>(`/api/cycles/${cycle.id}/report/document?format=html`)).body);
    expect(html).toContain('<p>Sjukfrånvaron minskade under våren.</p>');
    expect(html).toContain('<p>Två åtgärder gav effekt:</p>');
    expect(html).toMatch(/<ul>\s*<li>Tidig kontakt vid korttidsfrånvaro<\/li>\s*<li>Friskvårdstimme<\/li>\s*<\/ul>/);

    // Content stored before comments were rich text: a string, read as one paragraph per line.
    await db.query(`UPDATE task SET content = jsonb_set(content, '{comment}', to_jsonb($2::text)) WHERE id = $1`, [task.id, 'Första stycket.\nAndra stycket.']);
    const read = await secretary.get<TaskDto>(`/api/tasks/${task.id}`);
    expect(read.status).toBe(200);
    const html2 = String((await secretary.get<unknown>(`/api/cycles/${cycle.id}/report/document?format=html`)).body);
    expect(html2).toContain('<p>Första stycket.</p>');
    expect(html2).toContain('<p>Andra stycket.</p>');
  });
});
