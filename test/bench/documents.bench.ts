// The report's outputs, in two parts, each figure beside a floor measured in the same run (the
// same tool doing next to nothing):
//  1. rendering only, from a hand-generated model (a 60-enheter, ~80-page report with 50 tables);
//  2. through the application: the built backend on a database of its own with a generated
//     60-enheter cycle whose tasks are all approved (support/documents-cycle.ts), the secretary
//     signed in, `GET /api/cycles/:id/report/document?format=preview|docx|pdf` timed over HTTP
//     (assembly from the database + rendering), with where the time goes (the service's own read
//     and assembly, and each renderer, timed in this process on the same database), and, when
//     LibreOffice is installed, soffice converting the app's DOCX to PDF (a comparison, and a check
//     with pdftotext that the DOCX is a Word file LibreOffice reads: chapter titles and a figure).
// Targets: PDF < 3 s, DOCX < 1 s, preview < 300 ms.
// Usage: npm run bench -- documents [--repeat 5] [--app-only]
import { renderHtml, tablesOf, type DocumentModel } from '@rapportflode/documents';
import { renderDocx } from '@rapportflode/documents/docx';
import { PdfBrowser, renderPdf, sourceSansFontCss } from '@rapportflode/documents/pdf';
import { Document, Packer, Paragraph } from 'docx';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_UNITS, benchDocumentModel, oneParagraphModel } from './support/documents-model';
import { benchThroughApp, type Floors } from './support/documents-app';
import { line, measure as measureRuns, median } from './support/timing';

const repeatArg = process.argv.indexOf('--repeat');
const REPEAT = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 5;
/** One warm-up, then the median of REPEAT runs (ms) and the last result. */
const measure = <T>(run: () => Promise<T> | T, repeat = REPEAT) => measureRuns(run, repeat);
const APP_ONLY = process.argv.includes('--app-only');




function against(ms: number, floor: number, targetMs: number): string {
  const verdict = ms < targetMs ? 'within' : 'ABOVE';
  return `×${(ms / floor).toFixed(1)} of the floor; ${verdict} the target < ${targetMs >= 1000 ? `${targetMs / 1000} s` : `${targetMs} ms`}`;
}

function which(command: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

async function benchPdf(model: DocumentModel | null): Promise<number> {
  let floorMs = Number.NaN;
  const pdfBrowser = new PdfBrowser();
  try {
    const browser = await pdfBrowser.browser();
    const onePage = renderHtml(oneParagraphModel(), { target: 'print', fontCss: sourceSansFontCss() });
    const floor = await measure(async () => {
      const page = await browser.newPage();
      try {
        await page.setContent(onePage, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      } finally {
        await page.close();
      }
    });
    line('print a one-page HTML (same fonts), same warm browser (floor)', floor.ms);
    floorMs = floor.ms;
    if (!model) return floorMs;
    try {
      const pdf = await measure(() => renderPdf(model, browser));
      line('renderPdf, warm browser (two passes, tagged)', pdf.ms, against(pdf.ms, floor.ms, 3000));
      console.log(`    ${pdf.value.pages} pages, ${(pdf.value.pdf.length / 1024).toFixed(0)} kB`);
    } catch (error) {
      console.log(`  renderPdf: figure not available (${error instanceof Error ? error.message : String(error)})`);
    }
  } catch (error) {
    console.log(`  PDF: figure not available, no browser (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await pdfBrowser.close();
  }
  return floorMs;
}

/** LibreOffice, when installed: our DOCX to PDF (a cross-check that the file converts, and how long that takes). */
function benchLibreOffice(docx: Buffer): void {
  const soffice = which('soffice') ?? which('libreoffice');
  if (!soffice) {
    console.log('  soffice --convert-to pdf: LibreOffice is not installed (skipped)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'rf-bench-docx-'));
  try {
    const file = join(dir, 'rapport.docx');
    writeFileSync(file, docx);
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      const run = spawnSync(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120_000 });
      if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr || run.stdout}`);
      if (i > 0) times.push(performance.now() - start); // the first run creates the profile
    }
    const pdf = readdirSync(dir).find((f) => f.endsWith('.pdf'));
    const pages = pdf ? spawnSync('pdfinfo', [join(dir, pdf)], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)?.[1] : undefined;
    line('soffice --headless --convert-to pdf of our DOCX (cold process)', median(times), pages ? `${pages} pages` : '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const model = benchDocumentModel();
  const tables = tablesOf(model).length;
  const tiny = oneParagraphModel();
  const emptyDocxOf = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({})] }] }));
  let floors: Floors;
  if (APP_ONLY) {
    console.log(`\nDocuments (floors only), median of ${REPEAT} after a warm-up (${new Date().toISOString()})`);
    const htmlFloor = await measure(() => renderHtml(tiny, { target: 'preview' }), REPEAT * 4);
    const emptyDocx = await measure(emptyDocxOf);
    line('renderHtml of a one-paragraph model (floor)', htmlFloor.ms);
    line('docx: pack a document with one empty paragraph (floor)', emptyDocx.ms);
    floors = { htmlMs: htmlFloor.ms, docxMs: emptyDocx.ms, pdfMs: await benchPdf(null) };
  } else {
    console.log(`\nDocuments: a report of ${BENCH_UNITS} enheter, ${tables} tables, median of ${REPEAT} after a warm-up (${new Date().toISOString()})`);

    console.log('\nHTML preview (rendering only; the 300 ms target also covers assembly from the database: see the application part)');
    const htmlFloor = await measure(() => renderHtml(tiny, { target: 'preview' }), REPEAT * 4);
    const html = await measure(() => renderHtml(model, { target: 'preview' }));
    line('renderHtml of a one-paragraph model (floor)', htmlFloor.ms);
    line("renderHtml(model, { target: 'preview' })", html.ms, `${against(html.ms, htmlFloor.ms, 300)}; ${(html.value.length / 1024).toFixed(0)} kB`);

    console.log('\nDOCX');
    const emptyDocx = await measure(emptyDocxOf);
    const docx = await measure(() => renderDocx(model));
    line('docx: pack a document with one empty paragraph (floor)', emptyDocx.ms);
    line('renderDocx(model)', docx.ms, `${against(docx.ms, emptyDocx.ms, 1000)}; ${(docx.value.length / 1024).toFixed(0)} kB`);
    benchLibreOffice(docx.value);

    console.log('\nPDF (Chromium, one warm browser, a new page per document)');
    floors = { htmlMs: htmlFloor.ms, docxMs: emptyDocx.ms, pdfMs: await benchPdf(model) };
  }

  await benchThroughApp({ repeat: REPEAT, floors, measure, line });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
