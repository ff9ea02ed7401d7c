import type {
  ApiErrorResponse,
  OrganisationResponse,
  ReportAppendixListResponse,
  ReportStatusDto,
  ReportTemplateDto,
  ReportVersionDto,
  SaveContentResponse,
  TaskDto,
} from '@rapportflode/api-contract';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { CreateReportVersionAppendices1764000000030 } from '../../backend/src/database/migrations/1764000000030-CreateReportVersionAppendices';
import { useTestApp } from './support/app';
import { myTask, openCycle } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

/**
 * The uploaded bilagor per frozen report version (backend/src/modules/reports/report-appendices.service.ts):
 * version 1 frozen with bilaga A, the list changed to B, version 2 frozen; each version's PDF
 * (read back with pdftotext and qpdf) appends its own bilagor, and A's file stays for version 1.
 */
const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text }] }] });

async function pdfOf(...pages: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pages) pdf.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 12, font });
  return Buffer.from(await pdf.save());
}

function form(name: string, bytes: Buffer, title: string): FormData {
  const data = new FormData();
  data.append('title', title);
  data.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  return data;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });

/** The PDF's text and its top-level bookmarks. */
function readPdf(pdf: Buffer): { text: string; bookmarks: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'rf-appendix-versions-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    const outlines = (JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: Array<{ title: string }> }).outlines;
    return { text: run('pdftotext', [file, '-']), bookmarks: outlines.map((o) => o.title) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('uploaded bilagor per frozen report version', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let secretary: HttpClient;
  let economist: HttpClient;
  let committeeId: string;

  const path = (cycleId: string) => `/api/cycles/${cycleId}/report/appendices`;
  const upload = async (cycleId: string, name: string, text: string, title: string) => {
    const result = await secretary.request<ReportAppendixListResponse & ApiErrorResponse>('POST', path(cycleId), undefined, { form: form(name, await pdfOf(text), title) });
    if (result.status !== 201) throw new Error(`upload answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  const freeze = async (cycleId: string, reason?: string) => {
    const result = await secretary.post<ReportVersionDto & ApiErrorResponse>(`/api/cycles/${cycleId}/report/versions`, reason ? { reason } : {});
    if (result.status !== 201) throw new Error(`freeze answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  const versionPdf = async (cycleId: string, version: number) => {
    const result = await secretary.download(`/api/cycles/${cycleId}/report/document?format=pdf&version=${version}`);
    expect(result.status).toBe(200);
    return readPdf(result.body);
  };
  const step = async (who: HttpClient, id: string, transition: string, version: number) => {
    const result = await who.post<TaskDto>(`/api/tasks/${id}/transitions`, { transition, version });
    if (result.status !== 201) throw new Error(`${transition} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  /** A cycle of a one-section template with its section approved: ready to freeze. */
  const readyCycle = async (name: string, year: number) => {
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId,
      name,
      reportKind: 'interim_report',
      sections: [{ key: 'a', parentKey: null, title: 'Sammanfattning', kind: 'narrative', responsibility: 'committee', reviewerRole: 'economist' }],
    });
    const cycle = await openCycle(secretary, created.body.id, year);
    const task = await myTask(secretary, cycle.id, 'Sammanfattning');
    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: doc('Året är i balans.') });
    const submitted = await step(secretary, task.id, 'submit', saved.body.version);
    await step(economist, task.id, 'approve', submitted.version);
    return cycle;
  };
  const db = () => app.running.app.get(DataSource);

  beforeAll(async () => {
    [admin, secretary, economist] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.nackaSecretary, DEMO.nackaEconomist]);
    const tree = (await admin.get<OrganisationResponse>('/api/organisation')).body;
    committeeId = tree.committees.find((c) => c.municipality === 'Nacka kommun')?.id as string;
  });

  it('keeps version 1 with bilaga A after the list changes to B for version 2; each version prints its own bilagor', async () => {
    const cycle = await readyCycle('Bilagor per version 1', 2041);
    const withA = await upload(cycle.id, 'a.pdf', 'Bilagesida A', 'Revisionsrapport A');
    expect(withA).toMatchObject({ nextVersion: 1, versions: [] });
    const a = withA.appendices[0];
    await freeze(cycle.id);

    // The list is editable again and says it goes into version 2; version 1 holds A.
    const afterFreeze = (await secretary.get<ReportAppendixListResponse>(path(cycle.id))).body;
    expect(afterFreeze.nextVersion).toBe(2);
    expect(afterFreeze.versions.map((v) => [v.version, v.appendices.map((x) => `${x.position} ${x.title} ${x.fileName}`)])).toEqual([[1, ['1 Revisionsrapport A a.pdf']]]);
    expect(afterFreeze.appendices.map((x) => x.id)).toEqual([a.id]);

    // Renamed for the next version, then taken off the list: version 1 keeps its title and its file.
    const renamed = await secretary.put<ReportAppendixListResponse>(`${path(cycle.id)}/${a.id}`, { title: 'Omdöpt A' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.versions[0].appendices[0].title).toBe('Revisionsrapport A');
    const removed = await secretary.post<ReportAppendixListResponse>(`${path(cycle.id)}/${a.id}/delete`, {});
    expect(removed.status).toBe(200);
    expect(removed.body.appendices).toEqual([]);
    expect(removed.body.versions[0].appendices.map((x) => x.id)).toEqual([a.id]);
    expect((await secretary.download(`${path(cycle.id)}/${a.id}/file`)).body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The file cannot be deleted behind the version's back either.
    await expect(db().query('DELETE FROM report_appendix WHERE id = $1', [a.id])).rejects.toThrow('fk_report_version_appendix_file');
    await expect(db().query(`UPDATE report_version_appendix SET title = 'x' WHERE appendix_id = $1`, [a.id])).rejects.toThrow(/immutable/);
    // Removed from the list: the rename is no longer possible there.
    expect((await secretary.put<ApiErrorResponse>(`${path(cycle.id)}/${a.id}`, { title: 'Igen' })).status).toBe(404);

    const withB = await upload(cycle.id, 'b.pdf', 'Bilagesida B', 'Nyckeltal B');
    const b = withB.appendices[0];
    expect(withB.appendices.map((x) => `${x.position} ${x.title}`)).toEqual(['1 Nyckeltal B']);
    const status = (await secretary.get<ReportStatusDto>(`/api/cycles/${cycle.id}/report`)).body;
    expect(status.changedSinceVersion).toBe(true);
    await freeze(cycle.id, 'Rättelse: ny bilaga');

    // Version 1's PDF, printed for the first time now that A is off the list, has A's page and not B's.
    const v1 = await versionPdf(cycle.id, 1);
    expect(v1.text).toContain('Bilagesida A');
    expect(v1.text).not.toContain('Bilagesida B');
    expect(v1.bookmarks).toContain('Bilaga 1 Revisionsrapport A');
    const v2 = await versionPdf(cycle.id, 2);
    expect(v2.text).toContain('Bilagesida B');
    expect(v2.text).not.toContain('Bilagesida A');
    expect(v2.bookmarks).toContain('Bilaga 1 Nyckeltal B');
    // The draft prints the current list.
    const draft = readPdf((await secretary.download(`/api/cycles/${cycle.id}/report/document?format=pdf`)).body);
    expect(draft.text).toContain('Bilagesida B');
    expect(draft.text).not.toContain('Bilagesida A');

    const after = (await secretary.get<ReportAppendixListResponse>(path(cycle.id))).body;
    expect(after.nextVersion).toBe(3);
    expect(after.versions.map((v) => [v.version, v.appendices.map((x) => x.id)])).toEqual([
      [1, [a.id]],
      [2, [b.id]],
    ]);

    // Every change audited, the removal saying the file stays for version 1.
    const audit: Array<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }> = await db().query(
      `SELECT action, before, after FROM audit_event WHERE after->>'cycleId' = $1 AND action LIKE 'report.%' ORDER BY id`,
      [cycle.id],
    );
    expect(audit.map((e) => e.action)).toEqual([
      'report.appendix_add',
      'report.freeze',
      'report.appendix_update',
      'report.appendix_remove',
      'report.appendix_add',
      'report.freeze',
    ]);
    expect(audit[1].after['appendices']).toEqual(['Revisionsrapport A']);
    expect(audit[3].after).toMatchObject({ keptForVersions: [1], appendixId: a.id });
    expect(audit[5].after['appendices']).toEqual(['Nyckeltal B']);

    // Versions frozen before the versions' bilagor were recorded get them from their stored model.
    const migration = new CreateReportVersionAppendices1764000000030();
    const runner = db().createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const backfilled = (await secretary.get<ReportAppendixListResponse>(path(cycle.id))).body;
    expect(backfilled.versions.map((v) => [v.version, v.appendices.map((x) => `${x.position} ${x.title} ${x.id}`)])).toEqual([
      [1, [`1 Revisionsrapport A ${a.id}`]],
      [2, [`1 Nyckeltal B ${b.id}`]],
    ]);
  });

  it('deletes a bilaga no version holds, and lists a version frozen without uploaded bilagor', async () => {
    const cycle = await readyCycle('Bilagor per version 2', 2042);
    await freeze(cycle.id);
    const list = await upload(cycle.id, 'c.pdf', 'Bilagesida C', 'Utkast C');
    expect(list.versions).toEqual([{ version: 1, appendices: [] }]);
    expect(list.nextVersion).toBe(2);
    const removed = await secretary.post<ReportAppendixListResponse>(`${path(cycle.id)}/${list.appendices[0].id}/delete`, {});
    expect(removed.body.appendices).toEqual([]);
    const [stored] = await db().query('SELECT count(*)::int AS n FROM report_appendix WHERE cycle_id = $1', [cycle.id]);
    expect(stored.n).toBe(0);
    const [event] = await db().query(`SELECT after FROM audit_event WHERE action = 'report.appendix_remove' AND entity_id = $1`, [cycle.id]);
    expect(event.after).not.toHaveProperty('keptForVersions');
    // Who may only read the report sees the versions' bilagor but may not change the list.
    expect((await economist.get<ReportAppendixListResponse>(path(cycle.id))).body.versions).toEqual([{ version: 1, appendices: [] }]);
    expect((await economist.request('POST', path(cycle.id), undefined, { form: form('d.pdf', await pdfOf('D'), 'D') })).status).toBe(403);
  });
});
