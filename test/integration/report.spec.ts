import type {
  ApiErrorResponse,
  CycleListResponse,
  CycleOverviewDto,
  MemoDto,
  OrganisationResponse,
  ReportStatusDto,
  ReportTemplateDto,
  ReportVersionDto,
  SaveContentResponse,
  SaveMemoResponse,
  TaskDto,
} from '@rapportflode/api-contract';
import type { MemoContent } from '@rapportflode/domain';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

/**
 * Report assembly and freezing on a small Nacka template: Sammanfattning (nämnd level),
 * Ekonomiskt resultat (each unit) and Redovisning riktade statsbidrag (a table, nämnd level).
 * Cycles of 2012 and 2013.
 */
const SCRIPT = '<script>alert(1)</script>';
const NB = '\u00a0';
const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  version: 1,
  content: texts.map((text, i) => ({ type: 'paragraph', id: `p${i + 1}`, content: [{ type: 'text', text }] })),
});
const economy = (net: number) => ({
  type: 'economy',
  rows: [
    { key: 'r1', label: 'Heldygnsvård', values: { income: 100, costs: net - 100, budget_income: 90, budget_costs: net - 200, annual_budget: 2 * net, forecast: 2 * net + 50 } },
  ],
});
const grants = (rows: number) => ({
  type: 'table',
  rows: Array.from({ length: rows }, (_, i) => ({ key: `g${i + 1}`, cells: { beskrivning: `Statsbidrag nummer ${i + 1}`, belopp: i + 1 } })),
});

describe('the assembled report', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let secretary: HttpClient;
  let economist: HttpClient;
  let fredrik: HttpClient;
  let camilla: HttpClient;
  let gnestaSecretary: HttpClient;
  let templateId: string;

  const step = async (who: HttpClient, id: string, transition: string, version: number, text?: string) => {
    const result = await who.post<TaskDto>(`/api/tasks/${id}/transitions`, { transition, version, ...(text ? { text } : {}) });
    if (result.status !== 201) throw new Error(`${transition} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  /** Saves, submits and (unless told otherwise) approves a task of the writer's. */
  const deliver = async (writer: HttpClient, cycleId: string, section: string, content: unknown, approve = true): Promise<TaskDto> => {
    const task = await myTask(writer, cycleId, section);
    const saved = await writer.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content });
    if (saved.status !== 200) throw new Error(`save answered ${saved.status}: ${JSON.stringify(saved.body)}`);
    const submitted = await step(writer, task.id, 'submit', saved.body.version);
    return approve ? step(economist, task.id, 'approve', submitted.version) : submitted;
  };
  const status = async (cycleId: string) => {
    const result = await secretary.get<ReportStatusDto>(`/api/cycles/${cycleId}/report`);
    expect(result.status).toBe(200);
    return result.body;
  };
  const freeze = (cycleId: string, body: unknown = {}) => secretary.post<ReportVersionDto & ApiErrorResponse>(`/api/cycles/${cycleId}/report/versions`, body);
  const bytes = (who: HttpClient, cycleId: string, query: string) => who.download(`/api/cycles/${cycleId}/report/document?${query}`);
  const pdfText = (pdf: Buffer): string => {
    const dir = mkdtempSync(join(tmpdir(), 'rf-report-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), pdf);
      return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const download = (who: HttpClient, cycleId: string, query: string) => who.get<unknown>(`/api/cycles/${cycleId}/report/document?${query}`);

  beforeAll(async () => {
    const base = app.running.baseUrl;
    [admin, secretary, economist, fredrik, camilla, gnestaSecretary] = await signedInAll(base, [DEMO.admin, DEMO.nackaSecretary, DEMO.nackaEconomist, DEMO.unitHeadOmsorgsenheten, DEMO.unitHeadBarnOchFamilj, DEMO.secretary]);
    const tree = (await admin.get<OrganisationResponse>('/api/organisation')).body;
    const nacka = tree.committees.find((c) => c.municipality === 'Nacka kommun');
    const section = (key: string, title: string, kind: string, responsibility: string) => ({
      key,
      parentKey: null,
      title,
      kind,
      responsibility,
      reviewerRole: 'economist',
    });
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId: nacka?.id,
      name: 'Sammanställningstest',
      reportKind: 'interim_report',
      sections: [
        section('sammanfattning', 'Sammanfattning', 'narrative', 'committee'),
        section('ekonomi', 'Ekonomiskt resultat', 'economy', 'all_units'),
        section('statsbidrag', 'Redovisning riktade statsbidrag', 'table', 'committee'),
      ],
    });
    expect(created.status).toBe(201);
    templateId = created.body.id;
  });

  it('shows a draft with the missing sections, refuses to freeze it, then freezes, refuses twice and versions a change', async () => {
    const cycle = await openCycle(secretary, templateId, 2012);
    await deliver(secretary, cycle.id, 'Sammanfattning', paragraphs('Prognosen visar ett överskott.', `Se ${SCRIPT} här.`));
    await deliver(camilla, cycle.id, 'Ekonomiskt resultat', economy(-1000));

    const draft = await status(cycle.id);
    expect(draft.ready).toBe(false);
    expect(draft.missing).toEqual([
      { section: '2 Ekonomiskt resultat', unit: 'Omsorgsenheten', state: 'Ej påbörjad' },
      { section: '3 Redovisning riktade statsbidrag', unit: null, state: 'Ej påbörjad' },
    ]);
    expect(draft.sections.map((s) => [s.number, s.title, s.tasks.map((t) => [t.unitName, t.approved])])).toEqual([
      ['1', 'Sammanfattning', [[null, true]]],
      ['2', 'Ekonomiskt resultat', [['Barn och familjeenheten', true], ['Omsorgsenheten', false]]],
      ['3', 'Redovisning riktade statsbidrag', [[null, false]]],
    ]);
    expect(draft.sections[0].tasks[0].approvedBy).toBe('Anders Nilsson');
    expect(draft.canFreeze).toBe(true);
    expect(draft.versions).toEqual([]);

    // The draft's HTML says UTKAST and names the missing; the script is text.
    const html = await download(secretary, cycle.id, 'format=html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-disposition')).toContain('filename="Sammanstallningstest-2012-Socialnamnden-utkast.html"');
    expect(html.headers.get('content-disposition')).toContain("filename*=UTF-8''Sammanst%C3%A4llningstest-2012-Socialn%C3%A4mnden-utkast.html");
    const page = String(html.body);
    expect(page).toContain('UTKAST');
    expect(page).toContain('Avsnittet är inte godkänt än (Utkast)');
    expect(page).toContain('Omsorgsenheten');
    expect(page).not.toContain(SCRIPT);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const refused = await freeze(cycle.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('report_not_ready');
    expect(refused.body.details).toEqual(['2 Ekonomiskt resultat (Omsorgsenheten): Ej påbörjad', '3 Redovisning riktade statsbidrag: Ej påbörjad']);

    await deliver(fredrik, cycle.id, 'Ekonomiskt resultat', economy(-2000));
    await deliver(secretary, cycle.id, 'Redovisning riktade statsbidrag', grants(3));
    const ready = await status(cycle.id);
    expect(ready).toMatchObject({ ready: true, missing: [], changedSinceVersion: false });
    const listed = async () => (await secretary.get<CycleListResponse>('/api/cycles')).body.cycles.find((c) => c.id === cycle.id);
    const overview = async () => (await secretary.get<CycleOverviewDto>(`/api/cycles/${cycle.id}`)).body.cycle;
    expect((await listed())?.frozenVersion).toBeNull();
    expect((await overview()).frozenVersion).toBeNull();

    const first = await freeze(cycle.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, reason: null, frozenBy: 'Birgitta Sandberg' });
    expect(first.body.checksum).toMatch(/^[0-9a-f]{64}$/);
    // The cycle list and the overview say the report is fastställd, as version 1.
    expect((await listed())?.frozenVersion).toEqual({ number: 1, frozenAt: first.body.frozenAt });
    expect((await overview()).frozenVersion).toEqual({ number: 1, frozenAt: first.body.frozenAt });

    const again = await freeze(cycle.id, { reason: 'Igen' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'report_already_frozen',
      message: 'Rapporten är redan fastställd som version 1 och inget har ändrats sedan dess.',
    });

    const v1Json = await download(economist, cycle.id, 'format=json&version=1');
    expect(v1Json.status).toBe(200);
    const v1Html = String((await download(secretary, cycle.id, 'format=html&version=1')).body);
    expect(v1Html).not.toContain('UTKAST');
    expect(v1Html).toContain('Prognosen visar ett överskott.');

    // Reopen the Sammanfattning, change it: the status warns, version 1 stays what it was.
    const summary = (await status(cycle.id)).sections[0].tasks[0];
    const current = (await secretary.get<TaskDto>(`/api/tasks/${summary.taskId}`)).body;
    await step(economist, summary.taskId, 'reopen', current.version, 'Siffran i texten ska rättas.');
    const reopened = await status(cycle.id);
    expect(reopened.changedSinceVersion).toBe(true);
    expect(reopened.ready).toBe(false);
    expect(reopened.warnings[0]).toContain('ändrats sedan version 1');
    await deliver(secretary, cycle.id, 'Sammanfattning', paragraphs('Prognosen visar ett underskott.'));
    expect((await status(cycle.id)).changedSinceVersion).toBe(true);

    const withoutReason = await freeze(cycle.id);
    expect(withoutReason.status).toBe(400);
    expect(withoutReason.body.code).toBe('reason_required');
    const second = await freeze(cycle.id, { reason: 'Sammanfattningen rättad efter nämndens beredning.' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ number: 2, reason: 'Sammanfattningen rättad efter nämndens beredning.' });
    expect((await overview()).frozenVersion).toEqual({ number: 2, frozenAt: second.body.frozenAt });
    expect(second.body.checksum).not.toBe(first.body.checksum);

    const versions = (await status(cycle.id)).versions;
    expect(versions.map((v) => [v.number, v.checksum])).toEqual([
      [2, second.body.checksum],
      [1, first.body.checksum],
    ]);
    const v1Again = String((await download(secretary, cycle.id, 'format=html&version=1')).body);
    expect(v1Again).toBe(v1Html);
    expect(v1Again).toContain('Prognosen visar ett överskott.');
    expect(v1Again).not.toContain('underskott');
    expect((await download(secretary, cycle.id, 'format=json&version=1')).body).toEqual(v1Json.body);

    // The database refuses to change or remove a version, and the freeze is audited.
    const dataSource = app.running.app.get(DataSource);
    await expect(dataSource.query(`UPDATE report_version SET reason = 'x' WHERE cycle_id = $1`, [cycle.id])).rejects.toThrow(/immutable/);
    await expect(dataSource.query('DELETE FROM report_version WHERE cycle_id = $1', [cycle.id])).rejects.toThrow(/immutable/);
    const [stored] = await dataSource.query('SELECT checksum, model FROM report_version WHERE cycle_id = $1 AND number = 1', [cycle.id]);
    expect(stored.checksum).toBe(first.body.checksum);
    expect(stored.model.meta.status).toMatchObject({ kind: 'final', version: 1, checksum: first.body.checksum });
    const audit = await dataSource.query(`SELECT after FROM audit_event WHERE action = 'report.freeze' AND after->>'cycleId' = $1 ORDER BY occurred_at`, [
      cycle.id,
    ]);
    expect(audit.map((a: { after: { number: number; checksum: string } }) => [a.after.number, a.after.checksum])).toEqual([
      [1, first.body.checksum],
      [2, second.body.checksum],
    ]);

    expect((await download(secretary, cycle.id, 'format=html&version=9')).status).toBe(404);
    expect((await download(secretary, cycle.id, 'format=exe')).status).toBe(400);
  });

  it('escapes markup in every format and keeps an enormous table whole', async () => {
    const cycle = await openCycle(secretary, templateId, 2013);
    await deliver(secretary, cycle.id, 'Sammanfattning', paragraphs(`Text ${SCRIPT}`));
    const big = grants(500);
    big.rows[0].cells.beskrivning = `Bidrag ${SCRIPT}`;
    await deliver(secretary, cycle.id, 'Redovisning riktade statsbidrag', big);

    const html = String((await download(secretary, cycle.id, 'format=html')).body);
    expect(html).not.toContain(SCRIPT);
    for (const n of [2, 250, 500]) expect(html).toContain(`Statsbidrag nummer ${n}<`);

    const preview = await download(secretary, cycle.id, 'format=preview');
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(String(preview.body)).not.toContain(SCRIPT);

    const st = await status(cycle.id);
    const grantTable = st.tables.find((t) => t.caption.includes('Redovisning riktade statsbidrag'));
    expect(grantTable).toBeDefined();
    const csv = await download(secretary, cycle.id, `format=csv&table=${grantTable?.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const csvText = String(csv.body);
    expect(csvText).toContain('Statsbidrag nummer 500');
    // CSV is data, not markup: the text is there as characters, never as something a spreadsheet runs.
    expect(csvText).toContain('alert(1)');
    expect(csvText.split('\n').filter((line) => line.includes('Statsbidrag nummer')).length).toBe(499);

    const json = await download(secretary, cycle.id, 'format=json');
    expect(json.status).toBe(200);
    expect(JSON.stringify(json.body)).toContain('Bidrag <script>alert(1)</script>');
    expect(JSON.stringify(json.body)).toContain('Statsbidrag nummer 500');
    expect((await download(secretary, cycle.id, 'format=csv&table=no-such-table')).status).toBe(404);
  });

  it('downloads the draft and a frozen version as PDF and Word', async () => {
    const cycle = await openCycle(secretary, templateId, 2015);
    await deliver(secretary, cycle.id, 'Sammanfattning', paragraphs(`Prognosen är i balans ${SCRIPT}.`));
    const draftPdf = await bytes(secretary, cycle.id, 'format=pdf');
    expect(draftPdf.status).toBe(200);
    expect(draftPdf.headers.get('content-type')).toBe('application/pdf');
    expect(draftPdf.headers.get('content-disposition')).toContain('filename="Sammanstallningstest-2015-Socialnamnden-utkast.pdf"');
    expect(draftPdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const draftText = pdfText(draftPdf.body);
    expect(draftText).toContain('UTKAST');
    expect(draftText).toContain(SCRIPT);

    await deliver(camilla, cycle.id, 'Ekonomiskt resultat', economy(-1000));
    await deliver(fredrik, cycle.id, 'Ekonomiskt resultat', economy(-2000));
    await deliver(secretary, cycle.id, 'Redovisning riktade statsbidrag', grants(2));
    expect((await freeze(cycle.id)).status).toBe(201);
    const finalPdf = await bytes(secretary, cycle.id, 'format=pdf&version=1');
    expect(finalPdf.status).toBe(200);
    expect(finalPdf.headers.get('content-disposition')).toContain('filename="Sammanstallningstest-2015-Socialnamnden-version-1.pdf"');
    const finalText = pdfText(finalPdf.body);
    expect(finalText).not.toContain('UTKAST');
    expect(finalText).toContain('Prognosen är i balans');

    // A frozen version's PDF is printed once and then served as stored, to everybody.
    const stored: Array<{ content: Buffer }> = await app.running.app
      .get(DataSource)
      .query(
        `SELECT f.content FROM report_version_file f JOIN report_version v ON v.id = f.version_id WHERE v.cycle_id = $1 AND v.number = 1 AND f.format = 'pdf'`,
        [cycle.id],
      );
    expect(stored).toHaveLength(1);
    expect(stored[0].content.equals(finalPdf.body)).toBe(true);
    const again = await bytes(economist, cycle.id, 'format=pdf&version=1');
    expect(again.body.equals(finalPdf.body)).toBe(true);
    // The draft (no version) is printed as the cycle stands now, never the stored file.
    const draftAgain = await bytes(secretary, cycle.id, 'format=pdf');
    expect(draftAgain.status).toBe(200);
    expect(draftAgain.body.equals(finalPdf.body)).toBe(false);

    const docx = await bytes(economist, cycle.id, 'format=docx&version=1');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it("keeps the nämnd's economy figures with a frozen version, and the tjänsteskrivelse checks its text against them", async () => {
    const cycle = await openCycle(secretary, templateId, 2016);
    await deliver(secretary, cycle.id, 'Sammanfattning', paragraphs('Ett år i balans.'));
    await deliver(camilla, cycle.id, 'Ekonomiskt resultat', economy(-1000));
    const omsorg = await deliver(fredrik, cycle.id, 'Ekonomiskt resultat', economy(-3000));
    await deliver(secretary, cycle.id, 'Redovisning riktade statsbidrag', grants(2));
    const memoPath = `/api/cycles/${cycle.id}/memo`;
    const memo = async () => (await secretary.get<MemoDto>(memoPath)).body;
    expect((await memo()).figuresSource).toEqual({ kind: 'approved' });

    // The freeze keeps the nämnd table computed from the approved unit tables: one row a unit, and the total.
    expect((await freeze(cycle.id)).status).toBe(201);
    const dataSource = app.running.app.get(DataSource);
    const [stored] = await dataSource.query('SELECT figures FROM report_version WHERE cycle_id = $1 AND number = 1', [cycle.id]);
    expect(stored.figures).toEqual({
      rows: [
        { label: 'Barn och familjeenheten', result: 110, forecast: 50 },
        { label: 'Omsorgsenheten', result: 110, forecast: 50 },
      ],
      total: { result: 220, forecast: 100 },
    });
    const prefilled = await memo();
    expect(prefilled).toMatchObject({ figuresSource: { kind: 'frozen', version: 1 }, warnings: [] });

    // A figure the frozen report does not have.
    const wrong = JSON.parse(JSON.stringify(prefilled.content).replace('+220', '+999')) as MemoContent;
    const saved = await secretary.put<SaveMemoResponse>(`${memoPath}/content`, { version: prefilled.version, content: wrong });
    expect(saved.status).toBe(200);
    const againstFrozen = [`Ekonomiska konsekvenser nämner +999${NB}tkr för Socialnämnden totalt, men den fastställda rapporten har +220.`];
    expect(saved.body.warnings).toEqual(againstFrozen);

    // The approved figures change after the freeze: the memo still compares with version 1.
    const current = (await fredrik.get<TaskDto>(`/api/tasks/${omsorg.id}`)).body;
    await step(economist, omsorg.id, 'reopen', current.version, 'Budgeten rättad.');
    const corrected = economy(-3000);
    corrected.rows[0].values.budget_income = 40;
    await deliver(fredrik, cycle.id, 'Ekonomiskt resultat', corrected);
    expect(await memo()).toMatchObject({ figuresSource: { kind: 'frozen', version: 1 }, warnings: againstFrozen });

    // A version frozen before figures were kept (figures NULL): the memo compares with the approved figures.
    await dataSource.query(
      `INSERT INTO report_version (cycle_id, number, model, checksum, reason, frozen_by)
       SELECT cycle_id, 2, model, checksum, 'Utan siffror', frozen_by FROM report_version WHERE cycle_id = $1 AND number = 1`,
      [cycle.id],
    );
    expect(await memo()).toMatchObject({
      figuresSource: { kind: 'approved' },
      warnings: [
        `Ekonomiska konsekvenser nämner +999${NB}tkr för Socialnämnden totalt, men de godkända siffrorna har +270.`,
        `Ekonomiska konsekvenser nämner +110${NB}tkr för Omsorgsenheten, men de godkända siffrorna har +160.`,
      ],
    });
  });

  it('lets the economist look but not freeze, and hides the report from unit heads and other nämnder', async () => {
    const cycle = await openCycle(secretary, templateId, 2014);
    expect((await economist.get(`/api/cycles/${cycle.id}/report`)).status).toBe(200);
    expect((await download(economist, cycle.id, 'format=json')).status).toBe(200);
    const byEconomist = await economist.post<ApiErrorResponse>(`/api/cycles/${cycle.id}/report/versions`, {});
    expect(byEconomist.status).toBe(403);
    expect((await economist.get<ReportStatusDto>(`/api/cycles/${cycle.id}/report`)).body.canFreeze).toBe(false);

    for (const unitHead of [fredrik, camilla]) {
      expect([403, 404]).toContain((await unitHead.get(`/api/cycles/${cycle.id}/report`)).status);
      expect([403, 404]).toContain((await download(unitHead, cycle.id, 'format=html')).status);
      expect([403, 404]).toContain((await unitHead.post(`/api/cycles/${cycle.id}/report/versions`, {})).status);
    }
    expect((await gnestaSecretary.get(`/api/cycles/${cycle.id}/report`)).status).toBe(404);
    expect((await gnestaSecretary.post(`/api/cycles/${cycle.id}/report/versions`, {})).status).toBe(404);
    expect((await secretary.get('/api/cycles/00000000-0000-4000-8000-000000000000/report')).status).toBe(404);
    const count = await app.running.app.get(DataSource).query('SELECT count(*)::int AS n FROM report_version WHERE cycle_id = $1', [cycle.id]);
    expect(count[0].n).toBe(0);
  });
});
