import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { renderDocx } from './docx';
import { paragraphsOf, unzip } from '../testing/read-docx';
import { assembleReport, type AssemblyInput } from './lib/assembly/assemble';
import { renderHtml, tocEntries } from './lib/html';
import { PdfBrowser, renderPdf } from './pdf';

const OUT = join(__dirname, '../../../tmp/documents');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const pageText = (file: string, page: number) => run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);

/** A two-page PDF as a secretary might upload it (a revision report printed elsewhere). */
async function uploadedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) doc.addPage([595.28, 841.89]).drawText(`Revisionsrapport sida ${n}`, { x: 72, y: 760, size: 14, font });
  return doc.save();
}

const doc = (text: string) => ({ type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });
const input: AssemblyInput = {
  cycle: {
    committee: 'Socialnämnden',
    municipality: 'Gnesta kommun',
    title: 'Delårsrapport 2024',
    year: 2024,
    periodEnd: '2024-08-31',
    periodLabel: 'T2 2024',
    diaryNumber: 'SN 2024/7',
    dates: [{ label: 'Sammanträde', date: '2024-10-01' }],
  },
  sections: [
    { id: 's1', number: '1', depth: 1, title: 'Sammanfattning', kind: 'narrative', config: null },
    { id: 'b1', number: 'B1', depth: 1, title: 'Nyckeltal', kind: 'narrative', config: null, placement: 'appendix' },
  ],
  units: [],
  tasks: [
    { sectionId: 's1', unitId: null, state: 'approved', content: doc('Året är i balans.') },
    { sectionId: 'b1', unitId: null, state: 'approved', content: doc('Nyckeltalen per enhet.') },
  ],
  attachments: [{ id: 'file-1', title: 'Revisionsrapport', fileName: 'revision.pdf', pages: 2, sha256: 'a'.repeat(64) }],
};

describe('uploaded PDF bilagor in the report', () => {
  const model = assembleReport(input).model;

  it('follow the template’s appendix sections as Bilaga 2, in the TOC, named with their pages in HTML and Word', async () => {
    expect(model.appendices.map((a) => [a.number, a.title, a.attachment?.pages ?? null])).toEqual([
      [1, 'Nyckeltal', null],
      [2, 'Revisionsrapport', 2],
    ]);
    expect(tocEntries(model).filter((e) => e.appendix).map((e) => e.label)).toEqual(['Bilaga 1 Nyckeltal', 'Bilaga 2 Revisionsrapport']);
    const html = renderHtml(model, { target: 'standalone' });
    expect(html).toContain('<h1 id="bilaga-2">Bilaga 2 Revisionsrapport</h1>');
    expect(html).toContain('Bifogad PDF-fil (revision.pdf, 2 sidor). Bilagan följer efter rapportens huvudtext i PDF-filen.');
    // In print the bilaga is its own pages: the HTML Chromium prints has no page for it.
    expect(renderHtml(model, { target: 'print' })).not.toContain('<h1 id="bilaga-2">');
    const word = paragraphsOf(unzip(await renderDocx(model)).get('word/document.xml') ?? '');
    expect(word.filter((p) => p.style === 'Heading1').map((p) => p.text)).toContain('Bilaga 2 Revisionsrapport');
    expect(word.map((p) => p.text)).toContain('Bifogad PDF-fil (revision.pdf, 2 sidor). Bilagan följer efter rapportens huvudtext i PDF-filen.');
  });

  describe('in the PDF', () => {
    const browsers = new PdfBrowser();
    let browser: Browser;
    let file: string;
    let pages: number;
    let plainPages: number;

    beforeAll(async () => {
      browser = await browsers.browser();
      const plain = await renderPdf({ ...model, appendices: model.appendices.filter((a) => !a.attachment) }, browser);
      plainPages = plain.pages;
      const started = Date.now();
      const rendered = await renderPdf(model, browser, new Map([['file-1', await uploadedPdf()]]));
      // The merge is part of the print; on this machine it adds well under a second to it.
      expect(Date.now() - started).toBeLessThan(20_000);
      pages = rendered.pages;
      mkdirSync(OUT, { recursive: true });
      file = join(OUT, 'report-with-bilaga.pdf');
      writeFileSync(file, rendered.pdf);
    }, 120_000);
    afterAll(() => browsers.close());

    it('appends the bilaga’s pages after the main text, the page count and every footer counting them', () => {
      expect(pages).toBe(plainPages + 2);
      expect(run('pdfinfo', [file])).toMatch(new RegExp(`Pages:\\s+${pages}\\n`));
      expect(pageText(file, pages - 1)).toContain('Revisionsrapport sida 1');
      expect(pageText(file, pages)).toContain('Revisionsrapport sida 2');
      // The report's own last page says how many pages the whole document has, and the bilaga's pages go on counting.
      expect(pageText(file, plainPages)).toContain(`${plainPages}(${pages})`);
      expect(pageText(file, pages - 1)).toContain(`${pages - 1}(${pages})`);
      expect(pageText(file, pages)).toContain(`${pages}(${pages})`);
      expect(run('pdfinfo', [file])).toMatch(/Tagged:\s+yes/);
    });

    it('gives the bilaga a bookmark after the report’s and its page in the table of contents', () => {
      const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as { outlines: Array<{ title: string; destpageposfrom1: number }> };
      const top = json.outlines.map((o) => [o.title, o.destpageposfrom1]);
      expect(top.map(([title]) => title)).toEqual(['1 Sammanfattning', 'Bilaga 1 Nyckeltal', 'Bilaga 2 Revisionsrapport']);
      expect(top.at(-1)?.[1]).toBe(pages - 1);
      const toc = pageText(file, 2);
      expect(toc).toMatch(new RegExp(`Bilaga 2 Revisionsrapport\\s+${pages - 1}\\b`));
    });
  });
});
