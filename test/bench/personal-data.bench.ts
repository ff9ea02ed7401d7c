// The personal-data scan before publishing: scanPersonalData over 400 pages of generated
// Swedish report text (~3 000 characters a page: prose, tables of amounts, dates, times,
// diarienummer, a few planted personnummer, samordningsnummer, phone numbers and addresses)
// beside the floor, one plain regex pass (/\d{6,8}[-+ ]?\d{4}/g, counting matches) over the same
// text in the same run. Target: the scan < 1 s. As figures (no target): checkAttachmentPdf and
// extractPdfText on a 400-page PDF generated from the same text (beside poppler's pdftotext).
// Usage: npm run bench -- personal-data [--repeat 5]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { checkAttachmentPdf } from '../../backend/src/modules/meetings/attachment-check';
import { extractPdfText } from '../../backend/src/modules/meetings/pdf-text';
import { scanPersonalData, type ScanPage } from '../../backend/src/modules/meetings/personal-data-scan';
import { line, measure as measureRuns, median } from './support/timing';

const repeatArg = process.argv.indexOf('--repeat');
const REPEAT = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 5;
/** One warm-up, then the median of REPEAT runs (ms) and the last result. */
const measure = <T>(run: () => Promise<T> | T, repeat = REPEAT) => measureRuns(run, repeat);
const PAGES = 400;
const PAGE_CHARS = 3000;
const TARGET_MS = 1000;




/** A seeded generator: the same text in every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated identity number (the Luhn digit computed; day + 60 for a samordningsnummer). */
function identityNumber(next: () => number, coordination: boolean): string {
  const year = 1940 + Math.floor(next() * 65);
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28) + (coordination ? 60 : 0);
  const nine = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(1 + Math.floor(next() * 998)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    let v = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (v > 9) v -= 9;
    sum += v;
  }
  return `${nine.slice(0, 6)}-${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

const amount = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const SUBJECTS = ['Nämnden', 'Förvaltningen', 'Enheten för hemtjänst', 'Socialtjänsten', 'Äldreomsorgen', 'Individ- och familjeomsorgen', 'Verksamheten'];
const VERBS = ['redovisar', 'bedömer', 'föreslår', 'konstaterar', 'beslutar om', 'följer upp', 'prognostiserar'];
const OBJECTS = [
  'ett underskott mot budget',
  'en ökad efterfrågan på insatser',
  'åtgärder för att minska kostnaderna för inhyrd personal',
  'den interna kontrollen av attesträtter',
  'sjukfrånvaron bland medarbetarna',
  'handlingsplanen för en budget i balans',
  'resultatet av brukarundersökningen',
];
const UNITS = ['Hemtjänst Nord', 'Särskilt boende Ektorp', 'Daglig verksamhet', 'Försörjningsstöd', 'Boende LSS', 'Personlig assistans', 'Administration'];

interface Generated {
  pages: ScanPage[];
  planted: number;
}

/** 400 pages of report text, with a personnummer, samordningsnummer, phone number or address now and then. */
function reportText(): Generated {
  const next = random(20261204);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const pages: ScanPage[] = [];
  let planted = 0;
  for (let p = 1; p <= PAGES; p += 1) {
    let text = '';
    while (text.length < PAGE_CHARS) {
      const roll = next();
      if (roll < 0.45) {
        text += `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} per ${2026}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}. `;
      } else if (roll < 0.8) {
        const budget = Math.round(next() * 90_000) + 1_000;
        const outcome = Math.round(budget * (0.8 + next() * 0.4));
        text += `\n${pick(UNITS)} ${amount.format(budget)} ${amount.format(outcome)} ${amount.format(budget - outcome)} tkr ${(next() * 10).toFixed(1).replace('.', ',')} %`;
      } else if (roll < 0.985) {
        text += `Ärendet (SN ${2018 + Math.floor(next() * 9)}/${Math.floor(next() * 2000)}) behandlades kl. ${String(8 + Math.floor(next() * 9)).padStart(2, '0')}.${pick(['00', '15', '30', '45'])}. `;
      } else {
        planted += 1;
        const kind = Math.floor(next() * 4);
        if (kind === 0) text += `Klaganden (${identityNumber(next, false)}) har yttrat sig. `;
        else if (kind === 1) text += `Samordningsnummer ${identityNumber(next, true)} anges i ansökan. `;
        else if (kind === 2) text += `Kontakta handläggaren på 070-${100 + Math.floor(next() * 900)} ${10 + Math.floor(next() * 90)} ${10 + Math.floor(next() * 90)}. `;
        else text += `Synpunkter har inkommit från privatperson${p}@exempel.se. `;
      }
    }
    pages.push({ documentId: 'kallelse', page: p, text });
  }
  return { pages, planted };
}

/** The same text as a PDF (Helvetica; WinAnsi has å ä ö but not the minus sign). */
async function reportPdf(pages: readonly ScanPage[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const { text } of pages) {
    const page = doc.addPage([595, 842]);
    // Lines break at spaces, not within an amount (its groups are joined by no-break spaces).
    const words = text.replace(/\u2212/g, '-').split(/[ \n]+/);
    let y = 800;
    let current = '';
    for (const word of words) {
      if ((current + word).length > 95) {
        page.drawText(current, { x: 40, y, size: 8, font });
        y -= 10;
        current = '';
      }
      current += `${word} `;
    }
    if (current) page.drawText(current, { x: 40, y, size: 8, font });
  }
  return doc.save();
}

/** poppler's pdftotext on the same file, when installed: a native reader for comparison. */
function benchPdftotext(pdf: Uint8Array): void {
  const dir = mkdtempSync(join(tmpdir(), 'rf-bench-text-'));
  try {
    const file = join(dir, 'kallelse.pdf');
    writeFileSync(file, pdf);
    const times: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const started = performance.now();
      const run = spawnSync('pdftotext', [file, join(dir, 'kallelse.txt')], { encoding: 'utf8' });
      if (run.error || run.status !== 0) {
        console.log('  pdftotext: poppler is not installed (skipped)');
        return;
      }
      if (i > 0) times.push(performance.now() - started);
    }
    line('pdftotext of the same file (poppler, a separate process; comparison)', median(times));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { pages, planted } = reportText();
  const chars = pages.reduce((sum, p) => sum + p.text.length, 0);
  console.log(
    `\nPersonal-data scan: ${PAGES} pages, ${(chars / 1000).toFixed(0)} 000 characters, ${planted} planted, median of ${REPEAT} after a warm-up (${new Date().toISOString()})`,
  );

  const FLOOR = /\d{6,8}[-+ ]?\d{4}/g;
  const floor = await measure(() => {
    let count = 0;
    for (const { text } of pages) count += text.match(FLOOR)?.length ?? 0;
    return count;
  });
  const scan = await measure(() => scanPersonalData(pages, { allowedEmailDomains: ['nacka.se'] }));
  line('one regex pass /\\d{6,8}[-+ ]?\\d{4}/g, counting matches (floor)', floor.ms, `${floor.value} matches`);
  const verdict = scan.ms < TARGET_MS ? 'within' : 'ABOVE';
  line(
    'scanPersonalData(400 pages)',
    scan.ms,
    `×${(scan.ms / floor.ms).toFixed(1)} of the floor; ${verdict} the target < 1 s; ${scan.value.length} hits`,
  );
  const byKind = new Map<string, number>();
  for (const hit of scan.value) byKind.set(hit.kind, (byKind.get(hit.kind) ?? 0) + 1);
  console.log(`    ${[...byKind].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  if (scan.value.length !== planted) console.log(`    NOTE: ${planted} planted but ${scan.value.length} hits`);

  console.log('\nPDF of the same text (figures, no target)');
  const generated = performance.now();
  const pdf = await reportPdf(pages);
  console.log(`    generated a ${PAGES}-page PDF of ${(pdf.length / 1024).toFixed(0)} kB with pdf-lib in ${(performance.now() - generated).toFixed(0)} ms`);
  const check = await measure(() => checkAttachmentPdf(Buffer.from(pdf), 'kallelse.pdf'), 3);
  line('checkAttachmentPdf (magic bytes, encryption, active content, pages)', check.ms, `${check.value.pages} pages`);
  const onePage = await reportPdf(pages.slice(0, 1));
  const start = await measure(() => extractPdfText(onePage), 3);
  line('extractPdfText of page 1 alone (worker start, PDF.js loaded)', start.ms);
  const text = await measure(() => extractPdfText(pdf), 3);
  line('extractPdfText (worker thread, PDF.js via unpdf), median of 3', text.ms, `${text.value.length} pages`);
  benchPdftotext(pdf);
  const extractedHits = scanPersonalData(text.value.map((t, i) => ({ documentId: 'kallelse', page: i + 1, text: t })));
  console.log(`    the extracted text scanned: ${extractedHits.length} hits (planted ${planted})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
