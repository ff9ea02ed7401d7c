import type {
  ApiErrorResponse,
  OrganisationResponse,
  ReportStatusDto,
  ReportTemplateDto,
  SaveContentResponse,
  TaskDto,
  TemplateListResponse,
} from '@rapportflode/api-contract';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const deliver = async (cycleId: string, title: string, text: string) => {
    const task = await myTask(secretary, cycleId, title);
    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: doc(text) });
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
});
