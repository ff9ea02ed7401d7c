import type {
  EconomyImportPreviewDto,
  EconomyImportResultDto,
  OrganisationResponse,
  ReportTemplateDto,
  SaveContentResponse,
  TaskDiffDto,
  TaskDto,
  TaskListResponse,
} from '@rapportflode/api-contract';
import type { InternalControlContent, TableContent } from '@rapportflode/domain';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { openCycle } from './support/cycles';
import { economyImportCycle, postEconomyImport } from './support/economy-import';
import { DEMO, HttpClient, signedInAll } from './support/http';

/** Gnesta's follow-up of the auditors' recommendations, and its statsbidrag with the Summa row typed in. */
const recommendations = [
  {
    key: 'bistand',
    review: 'Granskning av biståndshandläggningen 2021',
    background: 'Revisionen såg brister i uppföljningen av beslut.',
    action: 'Rutin för uppföljning av beslut tas fram.',
    status: 'Pågår, klar i december.',
  },
];
const grantRows = [
  { key: 'g1', cells: { bidrag: 'Statsbidrag habiliteringsersättning 2021', belopp: '2 322' } },
  { key: 'g2', cells: { bidrag: 'Subvention familjehemsplaceringar 2021', belopp: '952' } },
];

describe('template layouts of internal control and tables, through the API to the report', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let secretary: HttpClient;
  let reviewer: HttpClient;
  let cycleId: string;

  const section = (key: string, title: string, kind: string, config: unknown) => ({
    key,
    parentKey: null,
    title,
    kind,
    responsibility: 'committee',
    reviewerRole: 'reviewer',
    config,
  });
  const taskOf = async (title: string): Promise<TaskDto> => {
    const id = (await secretary.get<TaskListResponse>('/api/tasks/mine')).body.tasks.find((t) => t.cycleId === cycleId && t.sectionTitle === title)?.id;
    if (!id) throw new Error(`no task ${title}`);
    return (await secretary.get<TaskDto>(`/api/tasks/${id}`)).body;
  };
  const save = (task: Pick<TaskDto, 'id' | 'version'>, content: unknown) => secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content });
  const step = (who: HttpClient, id: string, transition: string, version: number) => who.post<TaskDto>(`/api/tasks/${id}/transitions`, { transition, version });
  const stored = async (id: string) => (await app.running.app.get(DataSource).query('SELECT content, version FROM task WHERE id = $1', [id]))[0];
  const report = async () => String((await secretary.get<unknown>(`/api/cycles/${cycleId}/report/document?format=html`)).body);

  beforeAll(async () => {
    [admin, secretary, reviewer] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.secretary, DEMO.reviewer]);
    const committee = (await admin.get<OrganisationResponse>('/api/organisation')).body.committees.find((c) => c.municipality === 'Gnesta kommun');
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId: committee?.id,
      name: 'Delårsrapport med revision',
      reportKind: 'interim_report',
      sections: [
        section('revision', 'Revisionens rekommendationer', 'internal_control', {
          internalControl: { layout: 'audit_recommendations', hideEmptyColumns: true, statuses: [{ key: 'likely_done', label: 'Troligen klart i år' }] },
        }),
        section('statsbidrag', 'Statsbidrag', 'table', {
          table: {
            columns: [
              { key: 'bidrag', label: 'Bidrag', type: 'text', required: true },
              { key: 'belopp', label: 'Erhållet belopp tkr', type: 'number', sum: true },
            ],
            totalLabel: 'Summa',
          },
        }),
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.sections[0].config).toEqual({
      internalControl: { layout: 'audit_recommendations', hideEmptyColumns: true, statuses: [{ key: 'likely_done', label: 'Troligen klart i år' }] },
    });
    cycleId = (await openCycle(secretary, created.body.id, 2032, 'SN 2032/9')).id;
  });

  it('refuses a template layout that does not exist, in Swedish', async () => {
    const committee = (await admin.get<OrganisationResponse>('/api/organisation')).body.committees.find((c) => c.municipality === 'Gnesta kommun');
    const bad = await admin.post('/api/templates', {
      committeeId: committee?.id,
      name: 'Fel upplägg',
      reportKind: 'interim_report',
      sections: [section('ik', 'Intern kontroll', 'internal_control', { internalControl: { layout: 'matris' } })],
    });
    expect(bad).toMatchObject({ status: 400, body: { code: 'template_invalid' } });
    expect((bad.body as { details: string[] }).details).toEqual([
      'Avsnittet "Intern kontroll": Okänt upplägg för intern kontroll; välj Intern kontrollplan, Revisionens rekommendationer eller Systematiska kontroller.',
    ]);
  });

  it('saves the audit recommendations, asks for the status before they are handed in, and prints them with their own caption', async () => {
    const task = await taskOf('Revisionens rekommendationer');
    const missing = await save(task, { type: 'internal_control', plan: [], risks: [], recommendations: [{ ...recommendations[0], action: '' }] });
    expect(missing).toMatchObject({ status: 400, body: { code: 'content_invalid' } });
    expect((missing.body as unknown as { details: string[] }).details).toEqual(['Granskning av biståndshandläggningen 2021: Åtgärd saknas.']);
    expect((await stored(task.id)).version).toBe(task.version);

    const draft = await save(task, { type: 'internal_control', plan: [], risks: [], recommendations: [{ ...recommendations[0], status: '' }] });
    expect(draft.status).toBe(200);
    const early = await step(secretary, task.id, 'submit', draft.body.version);
    expect(early).toMatchObject({ status: 400, body: { code: 'content_incomplete' } });

    const saved = await save({ id: task.id, version: draft.body.version }, { type: 'internal_control', plan: [], risks: [], recommendations });
    expect((await stored(task.id)).content).toEqual({ type: 'internal_control', plan: [], risks: [], recommendations });
    const submitted = await step(secretary, task.id, 'submit', saved.body.version);
    const approved = await step(reviewer, task.id, 'approve', submitted.body.version);
    expect(approved.body.state).toBe('approved');
    expect((approved.body.content as InternalControlContent).recommendations).toEqual(recommendations);

    const html = await report();
    expect(html).toMatch(/<caption>Tabell \d+\. Revisionens rekommendationer<\/caption>/);
    expect(html).toContain('<th scope="col">Revision/Granskning</th><th scope="col">Bakgrund</th><th scope="col">Åtgärd</th><th scope="col">Status</th>');
    expect(html).toContain('<th scope="row">Granskning av biståndshandläggningen 2021</th><td>Revisionen såg brister i uppföljningen av beslut.</td>');
    expect(html).not.toContain('Kontrollområde');
  });

  it('keeps a wrong typed Summa as typed, flags it to the reviewer and in the draft, and prints the rows’ sum', async () => {
    const task = await taskOf('Statsbidrag');
    const saved = await save(task, { type: 'table', rows: [...grantRows, { key: 'g3', cells: { bidrag: 'Summa', belopp: '3 300' } }] });
    expect(saved.status).toBe(200);
    const content = (await stored(task.id)).content as TableContent;
    expect(content.rows.map((r) => r.key)).toEqual(['g1', 'g2']);
    expect(content.printedTotal).toEqual({ belopp: 3300 });

    const submitted = await step(secretary, task.id, 'submit', saved.body.version);
    expect(submitted.status).toBe(201);
    const diff = (await reviewer.get<TaskDiffDto>(`/api/tasks/${task.id}/diff`)).body;
    expect(diff.cells).toEqual(expect.arrayContaining([{ row: 'Summa (inskriven)', column: 'Erhållet belopp tkr', before: null, after: 3300 }]));
    const approved = await step(reviewer, task.id, 'approve', submitted.body.version);
    expect(approved.body.state).toBe('approved');

    const html = await report();
    expect(html).toContain('UTKAST');
    expect(html).toContain('<th scope="row">Summa</th><td class="num">3\u00a0274</td>');
    expect(html).toContain('Summan stämmer inte');
    expect(html).toContain('Summa, Erhållet belopp tkr: den inskrivna summan 3\u00a0300 stämmer inte med raderna; raderna summeras till 3\u00a0274.');
  });
});

describe('economy import: the rows the economist names as totals are remembered for the section', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  const HEADER = 'Enhet;Rad;Utfall intäkter;Utfall kostnader;Budget intäkter;Budget kostnader;Helårsbudget;Prognos';
  // Windows-1252, as Swedish Excel saves it; the last line is the unit's own total, under a word the import does not know.
  const csv = Buffer.from(
    [
      HEADER,
      'Omsorgsenheten;Hemtjänst;5 000;-45 000;4 800;-44 000;-60 000;-61 000',
      'Omsorgsenheten;Boende;0;-1 000;0;-1 000;-1 000;-1 000',
      'Omsorgsenheten;Delsumma omsorg;5 000;-46 000;4 800;-45 000;-61 000;-62 001',
    ]
      .join('\r\n')
      .split('')
      .map((ch) => ch.charCodeAt(0)),
  );

  it('reads a named total row as the unit’s total, flags its wrong prognos, and suggests the label again next time', async () => {
    const db = app.running.app.get(DataSource);
    const { cycleId, sectionId, economist } = await economyImportCycle(
      app.running.baseUrl,
      db,
      'Månadsrapport med delsummor',
      { unit: 'tkr', columns: ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'annual_budget', 'forecast'] },
      'SN 2024/31',
    );
    const ids = { cycleId, sectionId };
    const first = await postEconomyImport<EconomyImportPreviewDto>(economist, 'preview', ids, csv, 'oktober.csv');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mappingSource: 'suggested', rowCount: 3, disagreements: [] });

    const mapping = { ...first.body.mapping, totalLabels: ['Summa', 'Delsumma'] };
    const named = await postEconomyImport<EconomyImportPreviewDto>(economist, 'preview', ids, csv, 'oktober.csv', { mapping: JSON.stringify(mapping) });
    expect(named.body).toMatchObject({ rowCount: 2, canImport: true });
    expect(named.body.disagreements).toEqual([
      { line: 4, unitName: 'Omsorgsenheten', row: 'Delsumma omsorg', column: 'forecast', header: 'Prognos', printed: -62001, computed: -62000 },
    ]);
    const imported = await postEconomyImport<EconomyImportResultDto>(economist, 'commit', ids, csv, 'oktober.csv', { mapping: JSON.stringify(mapping) });
    expect(imported.status).toBe(201);
    expect(imported.body.import).toMatchObject({ rowCount: 2, disagreements: [{ row: 'Delsumma omsorg', column: 'forecast' }] });

    const next = await postEconomyImport<EconomyImportPreviewDto>(economist, 'preview', ids, csv, 'november.csv');
    expect(next.body).toMatchObject({ mappingSource: 'saved', rowCount: 2 });
    expect(next.body.mapping.totalLabels).toEqual(['Summa', 'Delsumma', 'Totalt', 'Total']);
    expect(next.body.disagreements).toHaveLength(1);
  });
});


describe('group headings printed as heading rows (internal control riskGroups rows, a table section’s groups rows), through the API to the report', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  const risks = {
    key: 'verksamhet',
    title: 'Verksamhetsrisker',
    rows: [
      { key: 'a', group: 'Mål: Trygg och säker vård', risk: 'Fallolyckor.', cause: 'Hög belastning.', impact: '', handling: 'Fallriskbedömning.', status: 'active' },
      { key: 'b', group: 'Mål: God arbetsmiljö', risk: 'Kompetensbrist.', cause: 'Få sökande.', impact: '', handling: 'Rekrytering.', status: 'active' },
      { key: 'c', group: 'Mål: Trygg och säker vård', risk: 'Läkemedelsfel.', cause: '', impact: '', handling: 'Signeringslistor.', status: 'inactive' },
    ],
  };

  it('stores the choice, refuses an unknown one in Swedish, and prints each goal as a full-width row above its risks', async () => {
    const [admin, secretary, reviewer] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.secretary, DEMO.reviewer]);
    const committee = (await admin.get<OrganisationResponse>('/api/organisation')).body.committees.find((c) => c.municipality === 'Gnesta kommun');
    const template = (internalControl: unknown) => ({
      committeeId: committee?.id,
      name: 'Delårsrapport med riskrubriker',
      reportKind: 'interim_report',
      sections: [
        { key: 'ik', parentKey: null, title: 'Intern kontroll', kind: 'internal_control', responsibility: 'committee', reviewerRole: 'reviewer', config: { internalControl } },
      ],
    });
    const bad = await admin.post('/api/templates', template({ riskGroups: 'rader' }));
    expect(bad).toMatchObject({ status: 400, body: { code: 'template_invalid' } });
    expect((bad.body as { details: string[] }).details).toEqual([
      'Avsnittet "Intern kontroll": Riskernas rubriker skrivs ut som en kolumn, som en tabell per rubrik eller som rubrikrader i tabellen.',
    ]);

    const created = await admin.post<ReportTemplateDto>('/api/templates', template({ riskGroups: 'rows' }));
    expect(created.status).toBe(201);
    expect(created.body.sections[0].config).toEqual({ internalControl: { riskGroups: 'rows' } });
    const cycleId = (await openCycle(secretary, created.body.id, 2036, 'SN 2036/4')).id;
    const id = (await secretary.get<TaskListResponse>('/api/tasks/mine')).body.tasks.find((t) => t.cycleId === cycleId && t.sectionTitle === 'Intern kontroll')?.id;
    const task = (await secretary.get<TaskDto>(`/api/tasks/${id}`)).body;
    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: { type: 'internal_control', plan: [], risks: [risks] } });
    expect(saved.status).toBe(200);
    const submitted = await secretary.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    const approved = await reviewer.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');

    const html = String((await secretary.get<unknown>(`/api/cycles/${cycleId}/report/document?format=html`)).body);
    expect(html).toContain('<th scope="col">Risk</th><th scope="col">Orsak</th><th scope="col">Påverkan</th><th scope="col">Hantering</th><th scope="col">Status</th>');
    expect(html).not.toContain('<th scope="col">Grupp</th>');
    expect(html).toContain(
      '<tr class="group-row"><th scope="rowgroup" colspan="5">Mål: Trygg och säker vård</th></tr>' +
        '<tr><th scope="row">Fallolyckor.</th><td>Hög belastning.</td><td>–</td><td>Fallriskbedömning.</td><td>Ännu aktuell risk</td></tr>' +
        '<tr><th scope="row">Läkemedelsfel.</th>',
    );
    expect(html).toContain('<tr class="group-row"><th scope="rowgroup" colspan="5">Mål: God arbetsmiljö</th></tr><tr><th scope="row">Kompetensbrist.</th>');

    const json = (await secretary.get<{ tables: Array<{ caption: string; rows: Array<{ values: Record<string, unknown> }> }> }>(`/api/cycles/${cycleId}/report/document?format=json`)).body;
    const table = json.tables.find((t) => t.caption === 'Verksamhetsrisker');
    expect(table?.rows.map((r) => [r.values['grupp'], r.values['risk']])).toEqual([
      ['Mål: Trygg och säker vård', 'Fallolyckor.'],
      ['Mål: Trygg och säker vård', 'Läkemedelsfel.'],
      ['Mål: God arbetsmiljö', 'Kompetensbrist.'],
    ]);
  });

  it('prints a table section’s group headings as heading rows when its template says groups rows', async () => {
    const [admin, secretary, reviewer] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.secretary, DEMO.reviewer]);
    const committee = (await admin.get<OrganisationResponse>('/api/organisation')).body.committees.find((c) => c.municipality === 'Gnesta kommun');
    const table = (groups: unknown) => ({
      committeeId: committee?.id,
      name: 'Delårsrapport med investeringar',
      reportKind: 'interim_report',
      sections: [
        {
          key: 'inv',
          parentKey: null,
          title: 'Investeringar',
          kind: 'table',
          responsibility: 'committee',
          reviewerRole: 'reviewer',
          config: { table: { columns: [{ key: 'projekt', label: 'Projekt', type: 'text' }, { key: 'belopp', label: 'Belopp tkr', type: 'number', sum: true }], groups } },
        },
      ],
    });
    const bad = await admin.post('/api/templates', table('tabeller'));
    expect(bad).toMatchObject({ status: 400, body: { code: 'template_invalid' } });
    expect((bad.body as { details: string[] }).details).toEqual(['Avsnittet "Investeringar": Radernas rubriker skrivs ut som en första kolumn eller som rubrikrader i tabellen.']);
    const created = await admin.post<ReportTemplateDto>('/api/templates', table('rows'));
    expect(created.status).toBe(201);
    expect(created.body.sections[0].config).toMatchObject({ table: { groups: 'rows' } });
    const cycleId = (await openCycle(secretary, created.body.id, 2037, 'SN 2037/4')).id;
    const id = (await secretary.get<TaskListResponse>('/api/tasks/mine')).body.tasks.find((t) => t.cycleId === cycleId && t.sectionTitle === 'Investeringar')?.id;
    const task = (await secretary.get<TaskDto>(`/api/tasks/${id}`)).body;
    const rows = [
      { key: 'a', group: 'Gemensam verksamhet', cells: { projekt: 'Verksamhetssystem', belopp: '1 200' } },
      { key: 'b', group: 'Äldreomsorg', cells: { projekt: 'Larm', belopp: '300' } },
    ];
    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: { type: 'table', rows } });
    expect(saved.status).toBe(200);
    const submitted = await secretary.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    const approved = await reviewer.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');

    const html = String((await secretary.get<unknown>(`/api/cycles/${cycleId}/report/document?format=html`)).body);
    expect(html).not.toContain('<th scope="col">Grupp</th>');
    expect(html).toContain(
      '<tbody><tr class="group-row"><th scope="rowgroup" colspan="2">Gemensam verksamhet</th></tr><tr><th scope="row">Verksamhetssystem</th><td class="num">1\u00a0200</td></tr></tbody>' +
        '<tbody><tr class="group-row"><th scope="rowgroup" colspan="2">Äldreomsorg</th></tr><tr><th scope="row">Larm</th><td class="num">300</td></tr></tbody>' +
        '<tbody><tr class="total"><th scope="row">Totalt</th><td class="num">1\u00a0500</td></tr></tbody>',
    );
  });
});
