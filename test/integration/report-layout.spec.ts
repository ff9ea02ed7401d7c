import type {
  ApiErrorResponse,
  OrganisationResponse,
  ReportAppendixListResponse,
  ReportStatusDto,
  ReportTemplateDto,
  SaveContentResponse,
  TaskDto,
  TemplateListResponse,
} from '@rapportflode/api-contract';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DataSource } from 'typeorm';
import { paragraphsOf, unzip } from '../../libs/documents/testing/read-docx';
import { useTestApp } from './support/app';
import { myTask, openCycle } from './support/cycles';
import { DEMO, HttpClient, signedInAll } from './support/http';

/**
 * The template's print layout end to end: a Nacka template with unnumbered headings, a
 * heading-only chapter over two sections and a section placed as appendix; a cycle of it, its
 * tasks approved, and the report as HTML, Word and PDF (read back with pdftotext and qpdf).
 */
const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text }] }] });
const section = (key: string, parentKey: string | null, title: string, extra: Record<string, unknown> = {}) => ({
  key,
  parentKey,
  title,
  kind: 'narrative',
  responsibility: 'committee',
  reviewerRole: 'economist',
  ...extra,
});
const SECTIONS = [
  section('verksamhet', null, 'Verksamhetens utveckling', { headingOnly: true }),
  section('handelser', 'verksamhet', 'Viktiga händelser'),
  section('framtid', 'verksamhet', 'Framtida utmaningar'),
  section('nyckeltal', null, 'Nyckeltal per enhet', { placement: 'appendix' }),
  section('avslutning', null, 'Avslutning'),
];

/** A PDF of one page per text, as a secretary might upload it. */
async function pdfOf(...pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 60, y: 760, size: 12, font });
  return Buffer.from(await doc.save());
}

function form(file: { name: string; bytes: Buffer; type?: string }, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  data.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name);
  return data;
}

function withPdf<T>(pdf: Buffer, read: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rf-layout-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });

/** The PDF's bookmarks (qpdf --json), titles in order with their depth. */
function bookmarks(file: string): string[] {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: Array<{ title: string; kids: unknown[] }> };
  const out: string[] = [];
  const walk = (items: Array<{ title: string; kids: unknown[] }>, depth: number) => {
    for (const item of items) {
      out.push(`${'  '.repeat(depth)}${item.title}`);
      walk(item.kids as Array<{ title: string; kids: unknown[] }>, depth + 1);
    }
  };
  walk(json.outlines, 0);
  return out;
}

describe('the template print layout in the report', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let secretary: HttpClient;
  let economist: HttpClient;
  let committeeId: string;

  const step = async (who: HttpClient, id: string, transition: string, version: number) => {
    const result = await who.post<TaskDto>(`/api/tasks/${id}/transitions`, { transition, version });
    if (result.status !== 201) throw new Error(`${transition} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  const deliver = async (cycleId: string, title: string, text: string | object) => {
    const task = await myTask(secretary, cycleId, title);
    const content = typeof text === 'string' ? doc(text) : text;
    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content });
    if (saved.status !== 200) throw new Error(`save answered ${saved.status}: ${JSON.stringify(saved.body)}`);
    const submitted = await step(secretary, task.id, 'submit', saved.body.version);
    await step(economist, task.id, 'approve', submitted.version);
  };
  const bytes = (cycleId: string, query: string) => secretary.download(`/api/cycles/${cycleId}/report/document?${query}`);
  const templateCount = async () => (await admin.get<TemplateListResponse>('/api/templates')).body.templates.length;

  beforeAll(async () => {
    [admin, secretary, economist] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.nackaSecretary, DEMO.nackaEconomist]);
    const tree = (await admin.get<OrganisationResponse>('/api/organisation')).body;
    committeeId = tree.committees.find((c) => c.municipality === 'Nacka kommun')?.id as string;
  });

  it('refuses a layout or a placement that is not valid, in Swedish, and stores nothing', async () => {
    const before = await templateCount();
    const bad = await admin.post<ApiErrorResponse>('/api/templates', {
      committeeId,
      name: 'Felaktig utskrift',
      reportKind: 'interim_report',
      sections: SECTIONS,
      layout: { numberedHeadings: 'nej', tocDepth: 7 },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Rubriknivåer i innehållsförteckningen ska vara 0, 1, 2 eller 3');
    expect(JSON.stringify(bad.body)).toContain('Utskriftsinställningen \\"Numrerade rubriker\\" ska vara ja eller nej.');
    const nested = await admin.post<ApiErrorResponse>('/api/templates', {
      committeeId,
      name: 'Felaktig bilaga',
      reportKind: 'interim_report',
      sections: [section('a', null, 'Ekonomi'), section('b', 'a', 'Tabellbilaga', { placement: 'appendix' })],
    });
    expect(nested.status).toBe(400);
    expect(JSON.stringify(nested.body)).toContain('Bara avsnitt på översta nivån kan placeras som bilaga.');
    expect(await templateCount()).toBe(before);
  });

  it('gives an old template today’s layout, and keeps a layout sent with the template', async () => {
    const plain = await admin.post<ReportTemplateDto>('/api/templates', { committeeId, name: 'Utan utskriftsval', reportKind: 'interim_report', sections: [section('a', null, 'Ekonomi')] });
    expect(plain.status).toBe(201);
    expect(plain.body.layout).toEqual({ numberedHeadings: true, chapterPageBreak: true, captions: true, tocDepth: 2 });
    expect(plain.body.sections[0]).toMatchObject({ headingOnly: false, placement: 'body' });
    // Saving without a layout keeps the stored one.
    const withLayout = await admin.put<ReportTemplateDto>(`/api/templates/${plain.body.id}`, {
      committeeId,
      name: 'Utan utskriftsval',
      reportKind: 'interim_report',
      sections: [section('a', null, 'Ekonomi')],
      layout: { tocDepth: 1 },
    });
    expect(withLayout.body.layout).toEqual({ numberedHeadings: true, chapterPageBreak: true, captions: true, tocDepth: 1 });
    const resaved = await admin.put<ReportTemplateDto>(`/api/templates/${plain.body.id}`, { committeeId, name: 'Utan utskriftsval', reportKind: 'interim_report', sections: [section('a', null, 'Ekonomi')] });
    expect(resaved.body.layout.tocDepth).toBe(1);
  });

  it('prints unnumbered headings, a heading-only chapter without a task and an appendix, in HTML, Word and PDF; the cycle keeps its layout', async () => {
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId,
      name: 'Utskriftsval',
      reportKind: 'interim_report',
      sections: SECTIONS,
      layout: { numberedHeadings: false, captions: false },
    });
    expect(created.status).toBe(201);
    expect(created.body.sections.map((s) => `${s.number} ${s.title}${s.headingOnly ? ' (endast rubrik)' : ''}`)).toEqual([
      '1 Verksamhetens utveckling (endast rubrik)',
      '1.1 Viktiga händelser',
      '1.2 Framtida utmaningar',
      'B1 Nyckeltal per enhet',
      '2 Avslutning',
    ]);
    const cycle = await openCycle(secretary, created.body.id, 2031);

    // The template changes after the cycle opened: the cycle prints with the layout it was opened with.
    const changed = await admin.put<ReportTemplateDto>(`/api/templates/${created.body.id}`, {
      committeeId,
      name: 'Utskriftsval',
      reportKind: 'interim_report',
      sections: SECTIONS,
      layout: { numberedHeadings: true },
    });
    expect(changed.body.layout.numberedHeadings).toBe(true);

    // The heading-only chapter has no task, so it is never missing.
    const tasks: Array<{ section_number: string }> = await app.running.app
      .get(DataSource)
      .query('SELECT s.number AS section_number FROM task t JOIN cycle_section s ON s.id = t.section_id WHERE t.cycle_id = $1 ORDER BY s.sort_order', [cycle.id]);
    expect(tasks.map((t) => t.section_number)).toEqual(['1.1', '1.2', 'B1', '2']);
    const initial = (await secretary.get<ReportStatusDto>(`/api/cycles/${cycle.id}/report`)).body;
    expect(initial.missing.map((m) => `${m.section}: ${m.state}`)).toEqual([
      '1.1 Viktiga händelser: Ej påbörjad',
      '1.2 Framtida utmaningar: Ej påbörjad',
      'B1 Nyckeltal per enhet: Ej påbörjad',
      '2 Avslutning: Ej påbörjad',
    ]);
    expect(initial.sections.find((s) => s.number === '1')?.tasks).toEqual([]);

    await deliver(cycle.id, 'Viktiga händelser', 'Det nya äldreboendet öppnade i maj.');
    await deliver(cycle.id, 'Framtida utmaningar', 'Kompetensförsörjningen är den största utmaningen.');
    await deliver(cycle.id, 'Nyckeltal per enhet', 'Nyckeltalen redovisas per enhet i denna bilaga.');
    await deliver(cycle.id, 'Avslutning', 'Nämnden följer upp prognosen.');
    const ready = (await secretary.get<ReportStatusDto>(`/api/cycles/${cycle.id}/report`)).body;
    expect(ready.missing).toEqual([]);
    expect(ready.ready).toBe(true);

    const html = (await bytes(cycle.id, 'format=html')).body.toString('utf8');
    expect(html).toContain('<h1 id="avsnitt-1">Verksamhetens utveckling</h1>\n<h2 id="avsnitt-1-1">Viktiga händelser</h2>');
    expect(html).toContain('<h1 id="bilaga-1">Bilaga 1 Nyckeltal per enhet</h1>');
    expect(html).not.toContain('class="hn"');
    // The appendix comes after the main text.
    expect(html.indexOf('Bilaga 1 Nyckeltal per enhet</h1>')).toBeGreaterThan(html.indexOf('Nämnden följer upp prognosen.'));

    const docx = unzip((await bytes(cycle.id, 'format=docx')).body);
    const paragraphs = paragraphsOf(docx.get('word/document.xml') ?? '');
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Verksamhetens utveckling', 'Avslutning', 'Bilaga 1 Nyckeltal per enhet']);
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(['Viktiga händelser', 'Framtida utmaningar']);

    const pdf = await bytes(cycle.id, 'format=pdf');
    expect(pdf.status).toBe(200);
    withPdf(pdf.body, (file) => {
      expect(bookmarks(file)).toEqual([
        'Verksamhetens utveckling',
        '  Viktiga händelser',
        '  Framtida utmaningar',
        'Avslutning',
        'Bilaga 1 Nyckeltal per enhet',
      ]);
      const text = run('pdftotext', ['-layout', file, '-']);
      expect(text).toContain('Bilaga 1 Nyckeltal per enhet');
      expect(text).not.toMatch(/^\s*1\.1 Viktiga händelser/m);
      // The appendix starts a page of its own: its title is on a page with nothing of the main text.
      const pages = text.split('\f');
      const appendixPage = pages.findIndex((p, i) => i > 1 && p.includes('Bilaga 1 Nyckeltal per enhet'));
      expect(pages[appendixPage]).not.toContain('Nämnden följer upp prognosen.');
    });
  });

  it('numbers footnotes on through the report and prints each at the foot of its marker’s page in the PDF', async () => {
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId,
      name: 'Fotnoter',
      reportKind: 'interim_report',
      sections: [section('forsta', null, 'Första kapitlet'), section('andra', null, 'Andra kapitlet')],
    });
    const cycle = await openCycle(secretary, created.body.id, 2035);
    const noted = (word: string, note: string) => ({
      type: 'doc',
      version: 1,
      content: [
        { type: 'paragraph', id: 'p1', content: [{ type: 'text', text: 'Resultatet blev ' }, { type: 'text', text: word, marks: [{ type: 'footnote', note }] }, { type: 'text', text: '.' }] },
      ],
    });
    await deliver(cycle.id, 'Första kapitlet', noted('Markord-ett', 'Fotnot ett: enligt bokslutet.'));
    await deliver(cycle.id, 'Andra kapitlet', noted('Markord-två', 'Fotnot två: enligt prognosen.'));
    const html = (await bytes(cycle.id, 'format=html')).body.toString('utf8');
    expect(html).toContain('<p class="footnote"><sup class="footnote-ref">2</sup> Fotnot två: enligt prognosen.</p>');
    withPdf((await bytes(cycle.id, 'format=pdf')).body, (file) => {
      const pages = run('pdftotext', ['-layout', file, '-']).split('\f');
      for (const [word, note] of [['Markord-ett', 'Fotnot ett:'], ['Markord-två', 'Fotnot två:']]) {
        const at = pages.findIndex((p) => p.includes(word));
        expect(at).toBeGreaterThan(0);
        expect(pages.flatMap((p, i) => (p.includes(note) ? [i] : []))).toEqual([at]);
      }
    });
  });

  describe('PDF bilagor uploaded to the report', () => {
    const path = (cycleId: string) => `/api/cycles/${cycleId}/report/appendices`;
    const upload = (cycleId: string, file: { name: string; bytes: Buffer; type?: string }, fields: Record<string, string> = {}) =>
      secretary.request<ReportAppendixListResponse & ApiErrorResponse>('POST', path(cycleId), undefined, { form: form(file, fields) });
    const stored = async (cycleId: string) =>
      ((await app.running.app.get(DataSource).query('SELECT count(*)::int AS n FROM report_appendix WHERE cycle_id = $1', [cycleId])) as Array<{ n: number }>)[0].n;

    it('refuses what is not a PDF, an encrypted PDF and a file over the limit, in Swedish, and stores nothing', async () => {
      const created = await admin.post<ReportTemplateDto>('/api/templates', { committeeId, name: 'Bilagetest 1', reportKind: 'interim_report', sections: [section('a', null, 'Sammanfattning')] });
      const cycle = await openCycle(secretary, created.body.id, 2032);
      const png = await upload(cycle.id, { name: 'tabell.pdf', bytes: Buffer.from('\x89PNG\r\n\x1a\n0000000000') });
      expect(png.status).toBe(415);
      expect(png.body.message).toBe('Filen «tabell.pdf» är ingen PDF. Bilagor laddas upp som PDF.');
      const dir = mkdtempSync(join(tmpdir(), 'rf-report-bilaga-'));
      try {
        writeFileSync(join(dir, 'in.pdf'), await pdfOf('Revisionsrapport'));
        execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', join(dir, 'in.pdf'), join(dir, 'enc.pdf')]);
        const encrypted = await upload(cycle.id, { name: 'krypterad.pdf', bytes: readFileSync(join(dir, 'enc.pdf')) });
        expect(encrypted.status).toBe(400);
        expect(encrypted.body).toMatchObject({ code: 'attachment_encrypted', message: expect.stringContaining('är krypterad eller lösenordsskyddad') });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const huge = await upload(cycle.id, { name: 'stor.pdf', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(51 * 1024 * 1024, 0x20)]) });
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ code: 'attachment_too_large', message: expect.stringContaining('50 MB') });
      expect(await stored(cycle.id)).toBe(0);
      expect((await secretary.get<ReportAppendixListResponse>(path(cycle.id))).body).toEqual({ appendices: [], nextVersion: 1, versions: [] });
      // Who may only read the report may not add to it.
      expect((await economist.request('POST', path(cycle.id), undefined, { form: form({ name: 'a.pdf', bytes: await pdfOf('x') }) })).status).toBe(403);
    });

    it('appends accepted bilagor in their order to the PDF with bookmarks, names them in Word, and keeps them with the frozen version', async () => {
      const created = await admin.post<ReportTemplateDto>('/api/templates', { committeeId, name: 'Bilagetest 2', reportKind: 'interim_report', sections: [section('a', null, 'Sammanfattning')] });
      const cycle = await openCycle(secretary, created.body.id, 2033);
      await deliver(cycle.id, 'Sammanfattning', 'Året är i balans.');
      const before = await bytes(cycle.id, 'format=pdf');
      const pagesBefore = withPdf(before.body, (file) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]));

      const first = await upload(cycle.id, { name: 'revision.pdf', bytes: await pdfOf('Revisionen sida 1', 'Revisionen sida 2') }, { title: 'Revisionsrapport' });
      expect(first.status).toBe(201);
      const second = await upload(cycle.id, { name: 'Nyckeltal 2033.pdf', bytes: await pdfOf('Nyckeltalen') });
      expect(second.body.appendices.map((a) => [a.position, a.title, a.fileName, a.pages])).toEqual([
        [1, 'Revisionsrapport', 'revision.pdf', 2],
        [2, 'Nyckeltal 2033', 'Nyckeltal 2033.pdf', 1],
      ]);
      // Renamed and moved first.
      const [revision, keyFigures] = second.body.appendices;
      const moved = await secretary.put<ReportAppendixListResponse>(`${path(cycle.id)}/${keyFigures.id}`, { title: 'Nyckeltal per enhet', position: 1 });
      expect(moved.body.appendices.map((a) => `${a.position} ${a.title}`)).toEqual(['1 Nyckeltal per enhet', '2 Revisionsrapport']);
      const badPlace = await secretary.put<ApiErrorResponse>(`${path(cycle.id)}/${keyFigures.id}`, { position: 5 });
      expect(badPlace.status).toBe(400);
      expect(badPlace.body.message).toBe('Ange bilagans plats som ett heltal från 1 till 2.');
      expect((await secretary.download(`${path(cycle.id)}/${revision.id}/file`)).body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const pdf = await bytes(cycle.id, 'format=pdf');
      withPdf(pdf.body, (file) => {
        const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
        expect(pages).toBe(pagesBefore + 3);
        expect(bookmarks(file)).toEqual(['1 Sammanfattning', 'Bilaga 1 Nyckeltal per enhet', 'Bilaga 2 Revisionsrapport']);
        expect(run('pdftotext', ['-f', String(pagesBefore + 1), '-l', String(pagesBefore + 1), file, '-'])).toContain('Nyckeltalen');
        expect(run('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-'])).toContain('Revisionen sida 2');
      });
      const word = paragraphsOf(unzip((await bytes(cycle.id, 'format=docx')).body).get('word/document.xml') ?? '').map((p) => p.text);
      expect(word).toContain('Bilaga 2 Revisionsrapport');
      expect(word).toContain('Bifogad PDF-fil (revision.pdf, 2 sidor). Bilagan följer efter rapportens huvudtext i PDF-filen.');

      const frozen = await secretary.post(`/api/cycles/${cycle.id}/report/versions`, {});
      expect(frozen.status).toBe(201);
      // After the freeze the list goes into version 2; version 1 holds both bilagor and keeps their files.
      const late = await upload(cycle.id, { name: 'sen.pdf', bytes: await pdfOf('För sent') });
      expect(late.status).toBe(201);
      expect(late.body.nextVersion).toBe(2);
      expect(late.body.versions.map((v) => [v.version, v.appendices.map((a) => a.title)])).toEqual([[1, ['Nyckeltal per enhet', 'Revisionsrapport']]]);
      expect((await secretary.post(`${path(cycle.id)}/${revision.id}/delete`, {})).status).toBe(200);
      expect(await stored(cycle.id)).toBe(3);
      // The frozen version's PDF has its bilagor, not the list as it is now.
      const version = await bytes(cycle.id, 'format=pdf&version=1');
      withPdf(version.body, (file) => expect(bookmarks(file)).toEqual(['1 Sammanfattning', 'Bilaga 1 Nyckeltal per enhet', 'Bilaga 2 Revisionsrapport']));
    });

    it('removes a bilaga before freezing and numbers the rest again', async () => {
      const created = await admin.post<ReportTemplateDto>('/api/templates', { committeeId, name: 'Bilagetest 3', reportKind: 'interim_report', sections: [section('a', null, 'Sammanfattning')] });
      const cycle = await openCycle(secretary, created.body.id, 2034);
      await upload(cycle.id, { name: 'a.pdf', bytes: await pdfOf('A') }, { title: 'Första' });
      const both = (await upload(cycle.id, { name: 'b.pdf', bytes: await pdfOf('B') }, { title: 'Andra' })).body;
      const removed = await secretary.post<ReportAppendixListResponse>(`${path(cycle.id)}/${both.appendices[0].id}/delete`, {});
      expect(removed.status).toBe(200);
      expect(removed.body.appendices.map((a) => `${a.position} ${a.title}`)).toEqual(['1 Andra']);
      expect(await stored(cycle.id)).toBe(1);
      const status = (await secretary.get<ReportStatusDto>(`/api/cycles/${cycle.id}/report`)).body;
      expect(status.ready).toBe(false);
    });
  });
});
