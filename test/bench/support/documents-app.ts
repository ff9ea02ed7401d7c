// The documents benchmark through the application (see documents.bench.ts): the built backend on
// a generated 60-enheter cycle, the report document over HTTP as the secretary, where the time
// goes, and LibreOffice converting the app's DOCX as a comparison and a validity check.
import { assembleReport, renderHtml, tablesOf, type DocumentModel } from '@rapportflode/documents';
import { renderDocx } from '@rapportflode/documents/docx';
import { addDestinationProbe, PdfBrowser, sourceSansFontCss } from '@rapportflode/documents/pdf';
import { formatNumber } from '@rapportflode/domain';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { CycleHeaders } from '../../../backend/src/modules/cycles/cycle-headers';
import { CyclesRepository } from '../../../backend/src/modules/cycles/cycles.repository';
import { ReportAssembly } from '../../../backend/src/modules/reports/report-assembly';
import { ReportsRepository } from '../../../backend/src/modules/reports/reports.repository';
import { ReportAppendicesRepository } from '../../../backend/src/modules/reports/report-appendices.repository';
import { AuditRepository } from '../../../backend/src/modules/audit/audit.repository';
import { AuditService } from '../../../backend/src/modules/audit/audit.service';
import { UnitTree } from '../../../backend/src/modules/organisation/unit-tree';
import { UnitsRepository } from '../../../backend/src/modules/organisation/units.repository';
import { WorkflowRepository } from '../../../backend/src/modules/workflow/workflow.repository';
import { WorkflowService } from '../../../backend/src/modules/workflow/workflow.service';
import { readPdfFacts } from '../../../libs/documents/src/pdf/dests';
import { uniqueName } from '../../integration/support/services';
import { CYCLE_UNITS, generateReportCycle } from './documents-cycle';
import { signIn, startBackend } from './harness';

/** The floors measured in the same run by documents.bench.ts (ms). */
export interface Floors {
  /** renderHtml of a one-paragraph model. */
  htmlMs: number;
  /** docx: pack a document with one empty paragraph. */
  docxMs: number;
  /** Print a one-page HTML through a warm Chromium (the same binary the app uses). */
  pdfMs: number;
}

type Measure = <T>(run: () => Promise<T> | T, repeat?: number) => Promise<{ ms: number; value: T }>;

interface Options {
  repeat: number;
  floors: Floors;
  measure: Measure;
  line: (label: string, ms: number, extra?: string) => void;
}

interface Row {
  figure: string;
  ms: number;
  baseline: string;
  baselineMs: number;
  targetMs?: number;
}

function which(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);

function printRows(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log(`  ${'figure'.padEnd(52)}${'median'.padStart(10)}   ${'baseline (same run)'.padEnd(50)}${'baseline'.padStart(10)}${'ratio'.padStart(9)}   target`);
  for (const r of rows) {
    const verdict = r.targetMs === undefined ? '' : `< ${seconds(r.targetMs)} ${r.ms < r.targetMs ? 'met' : 'MISSED'}`;
    console.log(
      `  ${r.figure.padEnd(52)}${seconds(r.ms).padStart(10)}   ${r.baseline.padEnd(50)}${seconds(r.baselineMs).padStart(10)}${`×${(r.ms / r.baselineMs).toFixed(1)}`.padStart(9)}   ${verdict}`,
    );
  }
}

/** pdfinfo's page count, or null. */
function pdfPages(file: string): number | null {
  const found = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout?.match(/Pages:\s+(\d+)/)?.[1];
  return found ? Number(found) : null;
}

/** pdftotext with spaces, minus signs and line breaks made plain, so phrases and figures can be looked for. */
function pdfText(file: string): string {
  return plainText(spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout ?? '');
}

function plainText(value: string): string {
  return value
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ');
}

/** What a reader of the converted file must find: every chapter title and economy figures (a unit's and the nämnd's net). */
function expectations(model: DocumentModel, chapters: readonly string[]): string[] {
  const economy = tablesOf(model)
    .map((t) => t.table)
    .filter((t) => t.id.includes('ekonomi'));
  const figures: string[] = [];
  for (const table of [economy.find((t) => t.dataset?.unit === null), economy.find((t) => t.dataset?.unit)]) {
    if (!table) continue;
    const column = table.columns.findIndex((c) => c.key === 'net');
    const total = table.rows.find((r) => r.kind === 'total')?.cells[column];
    if (typeof total === 'number') figures.push(plainText(formatNumber(total, 0)));
  }
  return [...chapters, ...figures];
}

function check(label: string, file: string, wanted: readonly string[]): void {
  const found = pdfText(file);
  const missing = wanted.filter((w) => !found.includes(w));
  for (const figure of missing.filter((w) => /^-?[\d ]+$/.test(w))) {
    // How the figure came out, if at all: its digit groups with anything between them.
    const loose = new RegExp(`.{0,20}${figure.replace(/^-/, '').split(' ').join('\\D{0,3}')}.{0,20}`);
    console.log(`    ${JSON.stringify(figure)} as printed: ${JSON.stringify(loose.exec(found)?.[0] ?? 'not found at all')}`);
  }
  console.log(
    `  ${label}: ${pdfPages(file) ?? '?'} pages; ${wanted.length - missing.length} of ${wanted.length} looked-for texts found` +
      (missing.length ? `; MISSING: ${missing.map((m) => JSON.stringify(m)).join(', ')}` : ' (every chapter title, the nämnd and a unit economy total)'),
  );
}

/** soffice --convert-to pdf of the app's DOCX: a cold start (new profile), then once more; and what the PDF says. */
function libreOffice(docx: Buffer, wanted: readonly string[], rows: Row[], appPdfMs: number): void {
  const soffice = which('soffice') ?? which('libreoffice');
  if (!soffice) {
    console.log('\n  soffice --convert-to pdf: LibreOffice is not installed (skipped)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rf-bench-app-docx-'));
  try {
    const file = join(dir, 'rapport.docx');
    writeFileSync(file, docx);
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const times: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      const start = performance.now();
      const run = spawnSync(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 300_000 });
      times.push(performance.now() - start);
      if (run.status !== 0) {
        console.log(`  soffice failed (${run.status}): ${run.stderr || run.stdout}`);
        return;
      }
    }
    rows.push({ figure: "soffice: app's DOCX → PDF, cold (new profile)", ms: times[0], baseline: 'app PDF (GET format=pdf)', baselineMs: appPdfMs });
    rows.push({ figure: "soffice: app's DOCX → PDF, second run", ms: times[1], baseline: 'app PDF (GET format=pdf)', baselineMs: appPdfMs });
    const pdf = readdirSync(dir).find((f) => f.endsWith('.pdf'));
    if (pdf) check("LibreOffice's PDF of the app's DOCX (pdftotext)", join(dir, pdf), wanted);
    else console.log('  soffice wrote no PDF');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * renderPdf's steps one by one, as libs/documents/src/pdf.ts takes them (the same calls, timed
 * apart; the rare third pass when the TOC numbers move the layout is left out).
 */
async function pdfStepTimes(model: DocumentModel, browser: import('playwright-core').Browser): Promise<Array<[string, number]>> {
  const steps: Array<[string, number]> = [];
  let at = performance.now();
  const lap = (label: string) => {
    const now = performance.now();
    steps.push([label, now - at]);
    at = now;
  };
  const html = renderHtml(model, { target: 'print', fontCss: sourceSansFontCss() });
  lap("renderHtml(model, { target: 'print' }) with fonts");
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    lap('new page, setContent, fonts ready (layout)');
    // renderPdf's destination probe: a link to every heading, so pass 1 names each one's page.
    await addDestinationProbe(page);
    const draft = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false });
    lap('pass 1: page.pdf untagged');
    await readPdfFacts(draft);
    lap('pass 1: readPdfFacts (heading pages)');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    lap('pass 2: page.pdf tagged, with outline');
    await readPdfFacts(pdf);
    lap('pass 2: readPdfFacts (check)');
  } finally {
    await page.close();
  }
  return steps;
}

export async function benchThroughApp({ repeat, floors, measure, line }: Options): Promise<void> {
  console.log(`\nThrough the application: a generated ${CYCLE_UNITS}-enheter cycle, every task approved, over HTTP as the secretary, median of ${repeat} after a warm-up`);
  const server = await startBackend();
  const client = new Client({ connectionString: server.databaseUrl });
  const pool = new Pool({ connectionString: server.databaseUrl, max: 4 });
  const dir = mkdtempSync(join(tmpdir(), 'rf-bench-app-'));
  try {
    await client.connect();
    const started = performance.now();
    const cycle = await generateReportCycle(client, uniqueName('docbench').replace(/[^a-z0-9]/g, ''));
    console.log(`  generated 1 nämnd, ${CYCLE_UNITS} enheter, ${cycle.sections.length} sections, ${cycle.tasks} approved tasks in ${seconds(performance.now() - started)}`);

    const session = await signIn(server.url, cycle.secretary, 25);
    const base = `${server.url}/api/cycles/${cycle.cycleId}/report`;
    // A kept-alive connection the server has just closed fails the request ("other side closed"):
    // asked again once on a new connection, and counted.
    let retried = 0;
    const fetchOnce = async (url: string): Promise<Response> => {
      try {
        return await fetch(url, { headers: session.headers });
      } catch (error) {
        retried += 1;
        console.log(`  (GET ${url.slice(server.url.length)} failed: ${error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error)}; asked again)`);
        return fetch(url, { headers: { ...session.headers, connection: 'close' } });
      }
    };
    const get = async (url: string): Promise<Buffer> => {
      const response = await fetchOnce(url);
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${body.toString('utf8').slice(0, 400)}`);
      return body;
    };
    const status = JSON.parse((await get(base)).toString('utf8')) as { ready: boolean; missing: unknown[]; warnings: string[]; tables: unknown[] };
    console.log(`  report status: ready ${status.ready}, ${status.missing.length} missing, ${status.warnings.length} warnings, ${status.tables.length} tables`);

    // Each measure() warms up once first (the first PDF starts the app's Chromium).
    const httpFloor = await measure(() => get(`${server.url}/api/auth/me`), repeat * 4);
    const preview = await measure(() => get(`${base}/document?format=preview`));
    const docx = await measure(() => get(`${base}/document?format=docx`));
    const pdf = await measure(() => get(`${base}/document?format=pdf`));
    const pdfFile = join(dir, 'rapport.pdf');
    writeFileSync(pdfFile, pdf.value);
    // Fastställ, then a frozen version's PDF: printed on the first download, served as stored after.
    const frozen = await fetch(`${base}/versions`, { method: 'POST', headers: { ...session.headers, 'content-type': 'application/json' }, body: '{}' });
    if (frozen.status !== 201) throw new Error(`freezing answered ${frozen.status}: ${await frozen.text()}`);
    const firstStarted = performance.now();
    await get(`${base}/document?format=pdf&version=1`);
    const versionFirstMs = performance.now() - firstStarted;
    const versionStored = await measure(() => get(`${base}/document?format=pdf&version=1`));

    // Where the time goes: the service's own read and assembly, and each renderer, in this process on the same database.
    const query = async (sql: string, parameters?: unknown[]) => (await pool.query(sql, parameters)).rows;
    const dataSource = { manager: { query }, query } as unknown as DataSource;
    const workflow = new WorkflowService(new WorkflowRepository(), new AuditService(new AuditRepository(dataSource)));
    const loader = new ReportAssembly(new ReportsRepository(dataSource), new CycleHeaders(new CyclesRepository(dataSource)), workflow, new UnitTree(new UnitsRepository(dataSource)), new ReportAppendicesRepository(dataSource), dataSource);
    const read = await measure(() => loader.load(cycle.cycleId));
    const assembled = await measure(() => assembleReport(read.value.input));
    const model = assembled.value.model;
    const html = await measure(() => renderHtml(model, { target: 'preview' }));
    const docxHere = await measure(() => renderDocx(model));
    const json = await measure(() => get(`${base}/document?format=json`));
    const pdfBrowser = new PdfBrowser();
    let pdfSteps: Array<[string, number]> = [];
    try {
      const browser = await pdfBrowser.browser();
      // Per step, the median over the runs (after one warm-up).
      await pdfStepTimes(model, browser);
      const runs: Array<Array<[string, number]>> = [];
      for (let i = 0; i < repeat; i += 1) runs.push(await pdfStepTimes(model, browser));
      pdfSteps = runs[0].map(([label], step) => {
        const sorted = runs.map((r) => r[step][1]).sort((a, b) => a - b);
        const mid = Math.floor(sorted.length / 2);
        return [label, sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2];
      });
    } catch (error) {
      console.log(`  renderPdf's steps in this process: not available (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      await pdfBrowser.close();
    }

    if (retried) console.log(`  ${retried} request(s) asked again after a closed connection`);
    const tables = tablesOf(model).length;
    const pages = pdfPages(pdfFile);
    console.log(
      `  the report: ${pages ?? '?'} PDF pages (pdfinfo), ${tables} tables, ${(pdf.value.length / 1024).toFixed(0)} kB PDF, ` +
        `${(docx.value.length / 1024).toFixed(0)} kB DOCX, ${(preview.value.length / 1024).toFixed(0)} kB preview HTML`,
    );

    const rows: Row[] = [
      { figure: 'GET format=preview (assembly + HTML)', ms: preview.ms, baseline: 'GET /api/auth/me (HTTP + session)', baselineMs: httpFloor.ms, targetMs: 300 },
      { figure: 'GET format=docx', ms: docx.ms, baseline: 'pack an empty DOCX', baselineMs: floors.docxMs, targetMs: 1000 },
      { figure: 'GET format=pdf (warm browser)', ms: pdf.ms, baseline: 'print a one-page HTML, warm browser', baselineMs: floors.pdfMs, targetMs: 3000 },
      { figure: 'GET format=pdf&version=1, first download (printed)', ms: versionFirstMs, baseline: 'print a one-page HTML, warm browser', baselineMs: floors.pdfMs, targetMs: 3000 },
      { figure: 'GET format=pdf&version=1 again (stored file)', ms: versionStored.ms, baseline: 'print a one-page HTML, warm browser', baselineMs: floors.pdfMs, targetMs: 3000 },
    ];
    const wanted = expectations(model, cycle.sections.map((s) => s.title));
    libreOffice(docx.value, wanted, rows, pdf.ms);
    printRows(`Report document through the application (${CYCLE_UNITS} enheter, ${pages ?? '?'} pages, ${tables} tables; ${new Date().toISOString()})`, rows);

    console.log('\n  where the time goes: through the application');
    line('  GET format=json (read + assembly + every table as JSON, no renderer)', json.ms);
    console.log('  in this process (ts-node, same database, the service\'s own code; one warm-up, median):');
    line('  read cycle, sections, units, tasks (ReportAssembly.load)', read.ms);
    line('  assembleReport', assembled.ms);
    line("  renderHtml(model, { target: 'preview' })", html.ms, `floor ${seconds(floors.htmlMs)}`);
    line('  renderDocx', docxHere.ms, `floor ${seconds(floors.docxMs)}`);
    for (const [label, ms] of pdfSteps) line(`  renderPdf step: ${label}`, ms);
    if (pdfSteps.length) line('  renderPdf steps in all (sum of the medians)', pdfSteps.reduce((a, [, ms]) => a + ms, 0), `floor ${seconds(floors.pdfMs)}`);
    check("the app's own PDF (pdftotext)", pdfFile, wanted);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await pool.end();
    await client.end();
    await server.stop();
  }
}
