import type { ApiErrorResponse, OrganisationResponse, ReportTemplateDto, SaveContentResponse, TaskDto } from '@rapportflode/api-contract';
import type { GoalsContent } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';
import { paragraphsOf, unzip } from '../../libs/documents/testing/read-docx';

/** A goals section laid out as Gnesta writes it: målområden, three earlier years, targets as directions, indicators not assessed. */
const layout = { year: 2013, areas: true, assessIndicators: false, printColumns: ['earlier', 'previous', 'value', 'target'] };

const goals = (value: unknown) => ({
  type: 'goals',
  goals: [
    {
      key: 'kf1',
      area: 'Livskvalitet',
      title: 'Alla ska kunna leva ett tryggt liv',
      committeeGoals: [
        {
          key: 'sn1',
          title: 'Fler kunder ska uppleva att insatserna ger stöd',
          assessment: 'Delvis',
          comment: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Enkäten besvarades av 412 kunder.' }] }] },
          indicators: [
            {
              key: 'i1',
              name: 'Andel kunder som upplever stöd',
              unit: 'percent',
              earlier: [
                { label: '2009', value: '71' },
                { label: '2010', value: '73,5' },
                { label: '2011', value: '76' },
              ],
              previous: '78',
              value,
              target: 'Öka',
            },
          ],
        },
      ],
    },
  ],
});

describe('goals laid out by the template, through the API to the report', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let secretary: HttpClient;
  let economist: HttpClient;
  let templateId: string;

  beforeAll(async () => {
    [admin, secretary, economist] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.nackaSecretary, DEMO.nackaEconomist]);
    const nacka = (await admin.get<OrganisationResponse>('/api/organisation')).body.committees.find((c) => c.municipality === 'Nacka kommun');
    const section = { key: 'mal', parentKey: null, title: 'Mål och indikatorer', kind: 'goals', responsibility: 'committee', reviewerRole: 'economist' };
    const refused = await admin.post<ApiErrorResponse>('/api/templates', {
      committeeId: nacka?.id,
      name: 'Måltest med fel',
      reportKind: 'interim_report',
      sections: [{ ...section, config: { goals: { ...layout, printColumns: ['value', 'farg'] } } }],
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('Indikatortabellen har en okänd kolumn.');
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId: nacka?.id,
      name: 'Måltest',
      reportKind: 'interim_report',
      sections: [{ ...section, config: { goals: layout } }],
    });
    expect(created.status).toBe(201);
    expect(created.body.sections[0].config).toEqual({ goals: { year: 2013, areas: true, assessIndicators: false, printColumns: ['earlier', 'previous', 'value', 'target'] } });
    templateId = created.body.id;
  });

  it('refuses a bad indicator with a Swedish message and stores nothing, then hands in without indicator assessments and prints målområde, three earlier years and the text target', async () => {
    const cycle = await openCycle(secretary, templateId, 2013);
    const task = await myTask(secretary, cycle.id, 'Mål och indikatorer');
    const stored = async () => (await app.running.app.get(DataSource).query('SELECT content, version FROM task WHERE id = $1', [task.id])) as Array<{ content: unknown; version: number }>;
    const before = await stored();

    const bad = await secretary.put<ApiErrorResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: goals('112 %') });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Andel kunder som upplever stöd: Utfall 2013: 112,0\u00a0% är ingen andel; en andel ligger mellan 0 och 100 %.');
    expect(await stored()).toEqual(before);

    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: goals('81') });
    expect(saved.status).toBe(200);
    const content = (await stored())[0].content as GoalsContent;
    expect(content.goals[0].area).toBe('Livskvalitet');
    expect(content.goals[0].committeeGoals[0].indicators[0]).toMatchObject({
      earlier: [
        { label: '2009', value: 71 },
        { label: '2010', value: 73.5 },
        { label: '2011', value: 76 },
      ],
      previous: 78,
      value: 81,
      target: 'Öka',
      assessment: null,
    });

    // The indicators are not assessed in this template: handing in does not ask for their assessment.
    const submitted = await secretary.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.status).toBe(201);
    const approved = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');

    const html = String((await secretary.get<unknown>(`/api/cycles/${cycle.id}/report/document?format=html`)).body);
    expect(html).toContain('<strong>Målområde: </strong>Livskvalitet');
    for (const heading of ['Utfall 2009', 'Utfall 2010', 'Utfall 2011', 'Utfall 2012', 'Utfall 2013', 'Mål 2013']) expect(html).toContain(`>${heading}</th>`);
    expect(html).toContain('<td class="num">73,5</td>');
    expect(html).toContain('Öka');
    expect(html).toContain('<p>Enkäten besvarades av 412 kunder.</p>');
    expect(html).not.toContain('>Bedömning</th>');
    expect(html).not.toContain('>Enhet</th>');
  });
  it('stores an indicator comment of two paragraphs as rich text and prints it under the indicator’s name in HTML and Word; a one-line comment stays the italic note', async () => {
    const cycle = await openCycle(secretary, templateId, 2014);
    const task = await myTask(secretary, cycle.id, 'Mål och indikatorer');
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    const content = goals('81') as { goals: Array<{ committeeGoals: Array<{ indicators: Array<Record<string, unknown>> }> }> };
    const first = content.goals[0].committeeGoals[0].indicators[0];
    first['comment'] = { type: 'doc', version: 1, content: [paragraph('Enkäten besvarades av fler kunder än i fjol.'), paragraph('Uppföljningen sker i oktober.')] };
    content.goals[0].committeeGoals[0].indicators.push({ key: 'i2', name: 'Andel kunder som fått besök i tid', unit: 'percent', previous: '60', value: '64', target: 'Öka', comment: 'Fler besök hanns med under sommaren.' });

    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content });
    expect(saved.status).toBe(200);
    const [row] = (await app.running.app.get(DataSource).query('SELECT content FROM task WHERE id = $1', [task.id])) as Array<{ content: GoalsContent }>;
    const indicators = row.content.goals[0].committeeGoals[0].indicators;
    expect(indicators[0].comment).toEqual(first['comment']);
    // A comment sent as plain text (as older clients send it) is stored as its paragraph.
    expect(indicators[1].comment).toEqual({ type: 'doc', version: 1, content: [paragraph('Fler besök hanns med under sommaren.')] });

    const submitted = await secretary.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.status).toBe(201);
    const approved = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');

    const html = String((await secretary.get<unknown>(`/api/cycles/${cycle.id}/report/document?format=html`)).body);
    expect(html).toMatch(/<strong>Andel kunder som upplever stöd<\/strong>[\s\S]*<p>Enkäten besvarades av fler kunder än i fjol\.<\/p>\s*<p>Uppföljningen sker i oktober\.<\/p>/);
    expect(html).toContain('<em>Andel kunder som fått besök i tid: </em>Fler besök hanns med under sommaren.');
    const docx = await secretary.download(`/api/cycles/${cycle.id}/report/document?format=docx`);
    expect(docx.status).toBe(200);
    const texts = paragraphsOf(unzip(docx.body).get('word/document.xml') ?? '').map((p) => p.text);
    const at = texts.lastIndexOf('Andel kunder som upplever stöd');
    expect(texts.slice(at, at + 3)).toEqual(['Andel kunder som upplever stöd', 'Enkäten besvarades av fler kunder än i fjol.', 'Uppföljningen sker i oktober.']);
    expect(texts).toContain('Andel kunder som fått besök i tid: Fler besök hanns med under sommaren.');
  });
});
