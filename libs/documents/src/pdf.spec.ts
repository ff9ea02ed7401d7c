import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber } from '@rapportflode/domain';
import type { Browser } from 'playwright-core';
import { headingLabel, tocEntries } from './lib/html';
import type { DocumentModel, TableBlock } from './lib/model';
import { headingsOf } from './lib/model';
import { NACKA_CHAPTERS, nackaT2Fixture } from '../testing/nacka-fixture';
import { PdfBrowser, RenderedPdf, renderPdf } from './pdf';

const OUT = join(__dirname, '../../../tmp/documents');
const HEADER = 'Socialnämnden, Tertialbokslut 2 2021';

function write(name: string, pdf: Buffer): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, name);
  writeFileSync(file, pdf);
  return file;
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const pageText = (file: string, page: number, layout = false) =>
  run('pdftotext', [...(layout ? ['-layout'] : []), '-f', String(page), '-l', String(page), file, '-']);
/**
 * The text of a number as pdftotext gives it back: formatNumber's exact characters (U+2212 minus,
 * decimal comma), except that the no-break space comes back as a plain space (the font maps both
 * to the same glyph).
 */
const printed = (value: string) => value.replace(/\u00a0/g, ' ');
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && l !== '\f');

describe('renderPdf (Chromium)', () => {
  const browsers = new PdfBrowser();
  let browser: Browser;
  let final: RenderedPdf;
  let finalFile: string;
  const model = nackaT2Fixture();

  beforeAll(async () => {
    browser = await browsers.browser();
    final = await renderPdf(model, browser);
    finalFile = write('nacka-t2.pdf', final.pdf);
  }, 120_000);
  afterAll(() => browsers.close());

  it('prints a tagged A4 PDF in Swedish with the chapters in order', () => {
    const info = run('pdfinfo', [finalFile]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    expect(info).toMatch(new RegExp(`Pages:\\s+${final.pages}\\n`));
    const root = run('qpdf', ['--show-object=trailer', finalFile]).match(/\/Root (\d+) \d+ R/)?.[1];
    expect(run('qpdf', [`--show-object=${root}`, finalFile])).toContain('/Lang (sv-SE)');

    const pagesOfChapters = NACKA_CHAPTERS.map((_, i) => final.headingPages[`h-${i + 1}`]);
    expect(pagesOfChapters.every((p, i) => p > 2 && (i === 0 || p > pagesOfChapters[i - 1]))).toBe(true);
    NACKA_CHAPTERS.forEach((chapter, i) => expect(lines(pageText(finalFile, pagesOfChapters[i]))).toContain(chapter));
    expect(lines(pageText(finalFile, final.headingPages['bilaga-1']))).toContain('Bilaga 1 Översyn OE T2');
  });

  it('numbers the table of contents with the pages the headings are really on', () => {
    const toc = pageText(finalFile, 2, true);
    expect(toc).toContain('Innehåll');
    const entries = tocEntries(model);
    for (const entry of entries) {
      const line = toc.split('\n').find((l) => l.trim().startsWith(entry.label));
      expect(line).toBeDefined();
      const number = Number((line ?? '').trim().match(/(\d+)$/)?.[1]);
      expect(number).toBe(final.headingPages[entry.id]);
      expect(lines(pageText(finalFile, number))).toContain(entry.label);
    }
  });

  it('has the running header and page N(T) on every page but the title page', () => {
    const first = pageText(finalFile, 1);
    expect(first).not.toContain(HEADER);
    expect(first).not.toMatch(/\d+\(\d+\)/);
    expect(first).toContain('Tertialbokslut 2 2021');
    expect(first).toContain('Fastställd version 2, 2021-09-24, kontrollsumma 3f9a1c0b7d2e');
    for (let p = 2; p <= final.pages; p++) {
      const text = lines(pageText(finalFile, p));
      expect(text).toContain(HEADER);
      expect(text).toContain(`${p}(${final.pages})`);
    }
  });

  it('shows the economy figures the Swedish way', () => {
    const text = pageText(finalFile, final.headingPages['h-3']);
    expect(text).toContain('Tabell 2. Ekonomiskt utfall per verksamhet, Socialnämnden (tkr)');
    for (const value of [-593401, -106116, 43136, -898743, -3848, 5761]) expect(text).toContain(printed(formatNumber(value)));
    expect(formatNumber(-593401)).toBe('\u2212593\u00a0401');
    const sick = pageText(finalFile, final.headingPages['h-6']);
    expect(sick).toContain('2,17 %');
  });

  it('never ends a page with a heading', () => {
    const headings = new Set([...headingsOf(model).map(headingLabel), 'Bilaga 1 Översyn OE T2']);
    for (let p = 1; p < final.pages; p++) {
      const text = lines(pageText(finalFile, p)).filter((l) => l !== HEADER && !/^\d+\(\d+\)$/.test(l));
      expect(headings.has(text[text.length - 1])).toBe(false);
    }
  });

  it('breaks a 120-row table across pages and repeats its header row', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ cells: [`Verksamhet ${i + 1}`, -1000 * (i + 1) - 504, 2000 + i] }));
    const table: TableBlock = {
      type: 'table',
      id: 'lang-tabell',
      caption: 'Lång tabell',
      unit: 'tkr',
      columns: [
        { label: 'Verksamhet', kind: 'text' },
        { label: 'Utfall 2021', kind: 'number' },
        { label: 'Budgetavvikelse', kind: 'number' },
      ],
      rows,
    };
    const long: DocumentModel = { ...model, body: [{ type: 'heading', level: 1, number: '1', text: 'Tabeller', id: 'h-t' }, table], appendices: [] };
    const result = await renderPdf(long, browser);
    const file = write('long-table.pdf', result.pdf);
    const start = result.headingPages['h-t'];
    const next = lines(pageText(file, start + 1, true));
    expect(lines(pageText(file, start, true)).some((l) => l.includes('Verksamhet 1 '))).toBe(true);
    expect(next[1]).toMatch(/^Verksamhet\s+Utfall 2021\s+Budgetavvikelse$/);
    expect(next[2]).toMatch(/^Verksamhet \d+\s/);
    const all = run('pdftotext', [file, '-']);
    expect(all).toContain(`Verksamhet 120`);
    expect(all).toContain(printed(formatNumber(-120504)));
    run('pdftoppm', ['-r', '60', '-png', '-f', String(start + 1), '-l', String(start + 1), file, join(OUT, 'long-table')]);
  });

  it('marks every page of a draft UTKAST', async () => {
    const result = await renderPdf(nackaT2Fixture({ draft: true }), browser);
    const file = write('nacka-t2-utkast.pdf', result.pdf);
    const first = pageText(file, 1);
    expect(first).toContain('UTKAST');
    expect(first).toContain('2.3 Attraktiva livsmiljöer i hela Nacka, Omsorgsenheten: Ej påbörjad');
    for (let p = 2; p <= result.pages; p++) expect(pageText(file, p)).toContain(`UTKAST – ${HEADER}`);
    run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', file, join(OUT, 'utkast')]);
  });

  it('renders page images for a look', () => {
    run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '2', finalFile, join(OUT, 'nacka')]);
    run('pdftoppm', ['-r', '80', '-png', '-f', String(final.headingPages['h-3']), '-l', String(final.headingPages['h-3']), finalFile, join(OUT, 'nacka-ekonomi')]);
    expect(final.pages).toBeGreaterThan(5);
  });
});
