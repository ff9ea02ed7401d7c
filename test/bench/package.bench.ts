// The nämnd's decision package (nämndhandlingar): 20 ärenden with 2–4 documents each, 400 source
// pages in all, merged with a table of contents, outlines, page labels and a stamp on every page by
// compilePackage, beside qpdf merging the same files with nothing else (`qpdf --empty --pages`,
// the floor, in the same run); then zipPackage (the originals, the merged PDF, manifest.json).
// Two sets of sources: 1. all made with pdf-lib (text-heavy A4 pages, a landscape and a rotated
// page in the longer documents); 2. when Chromium is there, each ärende's tjänsteskrivelse is the
// Nacka T2 report printed by renderPdf (tagged: ~1 000 objects, most of them structure elements,
// which pdf-lib parses although the merge drops them), the bilagor made with pdf-lib.
// Target: compilePackage < 2 s. Usage: npm run bench -- package [--repeat 5] [--keep]
// (or without the build: TS_NODE_PROJECT=test/bench/tsconfig.json node -r ts-node/register/transpile-only
//  -r tsconfig-paths/register test/bench/package.bench.ts)
import { compilePackage, zipPackage, type PackageInput, type PackagePart } from '@rapportflode/documents/package';
import { PdfBrowser, renderPdf } from '@rapportflode/documents/pdf';
import { unzipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PageSizes, ParseSpeeds, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { nackaT2Fixture } from '../../libs/documents/testing/nacka-fixture';
import { line, measure as measureRuns } from './support/timing';

const repeatArg = process.argv.indexOf('--repeat');
const REPEAT = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 5;
/** One warm-up, then the median of REPEAT runs (ms) and the last result. */
const measure = <T>(run: () => Promise<T> | T, repeat = REPEAT) => measureRuns(run, repeat);
const KEEP = process.argv.includes('--keep');
const ITEMS = 20;
const TOTAL_PAGES = 400;
const TARGET_MS = 2000;

const WORDS = (
  'nämnden föreslås besluta att godkänna delårsrapporten och överlämna den till kommunstyrelsen ' +
  'förvaltningen har under perioden arbetat med åtgärder för att minska kostnaderna inom äldreomsorgen ' +
  'prognosen för helåret visar ett underskott som främst beror på ökade volymer inom hemtjänsten ' +
  'särskilt boende och köpt verksamhet där behoven har ökat mer än vad som förutsågs i budgeten ' +
  'revisorerna bedömer att den interna kontrollen i huvudsak är tillräcklig men att uppföljningen av ' +
  'avtal behöver stärkas samt att dokumentationen av beslut och delegation behöver förbättras'
).split(' ');

const ITEM_TITLES = [
  'Delårsrapport 2026 för socialnämnden',
  'Åtgärdsplan för äldreomsorgen',
  'Internkontrollplan 2027',
  'Yttrande över revisionsrapport om hemtjänsten',
  'Svar på motion om trygghetsboende',
  'Riktlinjer för försörjningsstöd',
  'Uppföljning av avtal för särskilt boende',
  'Budget 2027 och verksamhetsplan',
  'Patientsäkerhetsberättelse 2026',
  'Rapportering av ej verkställda beslut',
];
const DOC_TITLES = ['Tjänsteskrivelse', 'Bilaga 1 Rapport', 'Bilaga 2 Revisionsrapport', 'Bilaga 3 Protokollsutdrag'];




/** A deterministic word stream, so every run benchmarks the same files. */
function words(seed: number): () => string {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return WORDS[(state >>> 16) % WORDS.length];
  };
}

/** A text-heavy document: a heading, ~45 lines of body text per page, a small table on every third page. */
async function sourceDocument(title: string, pages: number, seed: number, landscapeAt: number | null, rotatedAt: number | null): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const next = words(seed);
  for (let p = 0; p < pages; p += 1) {
    const landscape = p === landscapeAt;
    const [width, height] = landscape ? [PageSizes.A4[1], PageSizes.A4[0]] : PageSizes.A4;
    const page = doc.addPage([width, height]);
    if (p === rotatedAt) page.setRotation(degrees(90));
    let y = height - 62;
    // One font key per font and page (drawText with a font option adds a key per call).
    page.setFont(bold);
    page.drawText(p === 0 ? title : `${title} (forts.)`, { x: 57, y, size: p === 0 ? 16 : 11 });
    page.setFont(regular);
    y -= 28;
    const lines = landscape ? 28 : 45;
    for (let l = 0; l < lines; l += 1) {
      let text = next();
      for (let word = next(); regular.widthOfTextAtSize(`${text} ${word}`, 10) < width - 114; word = next()) text = `${text} ${word}`;
      page.drawText(text, { x: 57, y, size: 10 });
      y -= 14;
    }
    if (p % 3 === 2) {
      for (let r = 0; r < 6; r += 1) {
        page.drawRectangle({ x: 57, y: 60 + r * 14, width: width - 114, height: 14, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
        page.drawText(`Rad ${r + 1}   ${(seed * 37 + r * 1013) % 100000} tkr`, { x: 62, y: 64 + r * 14, size: 8 });
      }
    }
  }
  return doc.save();
}

/** A rendered tjänsteskrivelse to reuse: the bytes and their page count. */
interface Tagged {
  pdf: Uint8Array;
  pages: number;
}

/**
 * The kallelse (2 pages) and 20 ärenden of 2–4 documents, 400 pages in all. With `tagged`, every
 * ärende's first document is that Chromium-rendered tjänsteskrivelse and the bilagor share the
 * rest of the 400 pages.
 */
async function benchInput(tagged: Tagged | null): Promise<PackageInput> {
  const kallelse = await sourceDocument('Kallelse och föredragningslista', 2, 1, null, null);
  const counts = Array.from({ length: ITEMS }, (_, i) => 2 + (i % 3));
  // The generated documents' page counts: shares of what is left (a tjänsteskrivelse 0.6, a bilaga
  // 1.15), rounded on the running total so that they add up to exactly 400 pages.
  const weights = counts.flatMap((count) => Array.from({ length: count }, (_, d) => (d === 0 ? (tagged ? 0 : 0.6) : 1.15)));
  const left = TOTAL_PAGES - 2 - (tagged ? ITEMS * tagged.pages : 0);
  const total = weights.reduce<number>((a, b) => a + b, 0);
  let share = 0;
  let given = 0;
  const pageCounts = weights.map((w) => {
    share += w;
    const upTo = Math.round((left * share) / total);
    const pages = upTo - given;
    given = upTo;
    return pages;
  });
  if (pageCounts.some((n, k) => weights[k] > 0 && n < 1)) throw new Error('too few pages left for the generated documents');
  let k = 0;
  const parts: PackagePart[] = [{ itemNumber: null, title: 'Kallelse och föredragningslista', documents: [{ title: 'Kallelse', fileName: 'kallelse.pdf', pdf: kallelse }] }];
  for (let i = 0; i < ITEMS; i += 1) {
    const docs = [];
    for (let d = 0; d < counts[i]; d += 1, k += 1) {
      const title = `${DOC_TITLES[d]} ${ITEM_TITLES[i % ITEM_TITLES.length]}`;
      const fileName = d === 0 ? 'tjansteskrivelse.pdf' : `bilaga-${d}.pdf`;
      if (d === 0 && tagged) {
        docs.push({ title, fileName, pdf: tagged.pdf.slice() });
        continue;
      }
      const pages = pageCounts[k];
      docs.push({ title, fileName, pdf: await sourceDocument(title, pages, i * 10 + d + 2, pages > 4 ? 3 : null, pages > 6 ? 5 : null) });
    }
    parts.push({ itemNumber: i + 1, title: ITEM_TITLES[i % ITEM_TITLES.length] + (i >= ITEM_TITLES.length ? ' (del 2)' : ''), documents: docs });
  }
  return {
    committee: 'Socialnämnden',
    municipality: 'Nacka kommun',
    meetingDate: '2026-12-15',
    title: 'Handlingar till Socialnämndens sammanträde 2026-12-15',
    parts,
    generatedAt: new Date('2026-12-01T08:00:00Z'),
  };
}

/** The Nacka T2 report printed by the app's renderer (tagged, with outline and links), or null without a browser. */
async function renderedTjansteskrivelse(): Promise<Tagged | null> {
  const browsers = new PdfBrowser();
  try {
    const rendered = await renderPdf(nackaT2Fixture(), await browsers.browser());
    const pdf = new Uint8Array(rendered.pdf);
    return { pdf, pages: (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount() };
  } catch (error) {
    console.log(`
  Chromium-rendered sources: figure not available (${error instanceof Error ? error.message : String(error)})`);
    return null;
  } finally {
    await browsers.close();
  }
}

function qpdf(args: string[]): string {
  const run = spawnSync('qpdf', args, { encoding: 'utf8' });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 3) throw new Error(`qpdf ${args.join(' ')}: ${run.stderr || run.stdout}`);
  return run.stdout;
}

async function scenario(name: string, input: PackageInput, dir: string): Promise<void> {
  const files: string[] = [];
  let bytes = 0;
  input.parts.forEach((part, p) =>
    part.documents.forEach((doc, d) => {
      const file = join(dir, `${String(p).padStart(2, '0')}-${d}.pdf`);
      writeFileSync(file, doc.pdf);
      files.push(file);
      bytes += doc.pdf.byteLength;
    }),
  );
  const documentCount = input.parts.reduce((sum, part) => sum + part.documents.length, 0);
  console.log(
    `\n${name}: ${input.parts.length - 1} ärenden + kallelse, ${documentCount} documents, ${TOTAL_PAGES} source pages, ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MB`,
  );

  const merged = join(dir, 'qpdf-merged.pdf');
  const floor = await measure(() => qpdf(['--empty', '--pages', ...files, '--', merged]));
  line('qpdf --empty --pages <files> -- out.pdf (floor: merge only)', floor.ms, `${qpdf(['--show-npages', merged]).trim()} pages`);

  const compiled = await measure(() => compilePackage(input));
  const verdict = compiled.ms < TARGET_MS ? 'within' : 'ABOVE';
  line(
    'compilePackage (load, TOC, copy, outlines, labels, stamps, save)',
    compiled.ms,
    `×${(compiled.ms / floor.ms).toFixed(1)} of the floor; ${verdict} the target < ${TARGET_MS / 1000} s`,
  );
  const out = join(dir, compiled.value.fileName);
  writeFileSync(out, compiled.value.pdf);
  const check = spawnSync('qpdf', ['--check', out], { encoding: 'utf8' });
  console.log(
    `    ${compiled.value.pageCount} pages (${compiled.value.tocPages} of contents), ${(compiled.value.pdf.byteLength / 1024 / 1024).toFixed(1)} MB; ` +
      `qpdf --check: ${check.status === 0 ? 'ok' : `FAILED (${check.stdout.trim()} ${check.stderr.trim()})`}`,
  );
  const loads = await measure(async () => {
    for (const part of input.parts) for (const doc of part.documents) await PDFDocument.load(doc.pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  });
  line('  of which pdf-lib parsing the sources (PDFDocument.load of each)', loads.ms);

  const zip = await measure(() => zipPackage(input, compiled.value));
  const entries = Object.keys(unzipSync(zip.value)).length;
  line('zipPackage (originals stored, merged PDF, manifest.json)', zip.ms, `${entries} files, ${(zip.value.byteLength / 1024 / 1024).toFixed(1)} MB`);
  if (KEEP) writeFileSync(join(dir, 'Handlingar.zip'), zip.value);
}

async function main(): Promise<void> {
  console.log(`\nNämndhandlingar, median of ${REPEAT} after a warm-up (${new Date().toISOString()})`);
  const root = mkdtempSync(join(tmpdir(), 'rf-bench-package-'));
  try {
    const plain = join(root, 'generated');
    mkdirSync(plain);
    await scenario('Sources made with pdf-lib (text pages, a landscape and a rotated page in the longer ones)', await benchInput(null), plain);
    const tagged = await renderedTjansteskrivelse();
    if (tagged) {
      const dir = join(root, 'tagged');
      mkdirSync(dir);
      await scenario(
        `Each ärende's tjänsteskrivelse rendered by renderPdf (tagged, ${tagged.pages} pages, ${(tagged.pdf.byteLength / 1024).toFixed(0)} kB), bilagor made with pdf-lib`,
        await benchInput(tagged),
        dir,
      );
    }
    if (KEEP) console.log(`\n  kept in ${root}`);
  } finally {
    if (!KEEP) rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
