import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RichTextDocument } from '@rapportflode/domain';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFContext } from 'pdf-lib';
import type { Browser } from 'playwright-core';
import { assembleReport, type AssemblyInput } from './lib/assembly/assemble';
import { renderHtml } from './lib/html';
import type { DocumentModel } from './lib/model';
import { PdfBrowser, renderPdf, sourceSansFontCss } from './pdf';
import { FOOTNOTE_AREA_MM, footnoteAreaCss, footnotesOf } from './pdf/footnotes';

const OUT = join(__dirname, '../../../tmp/documents');
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

const FILLER = 'Verksamheten har under perioden arbetat vidare med uppdraget och följt upp resultaten månad för månad. ';
const NOTES = ['alfa', 'beta', 'gamma', 'delta'];

/** A section's text: filler paragraphs and one paragraph whose word `Belopp-<name>` carries the note `Not <name>: …`. */
function text(name: string, fillers: number): RichTextDocument {
  const filler = { type: 'paragraph' as const, content: [{ type: 'text' as const, text: FILLER.repeat(6) }] };
  return {
    type: 'doc',
    version: 1,
    content: [
      ...Array.from({ length: fillers }, () => filler),
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Utfallet blev ' },
          { type: 'text', text: `Belopp-${name}`, marks: [{ type: 'footnote', note: `Not ${name}: enligt bokslutet per augusti, före periodiseringar.` }] },
          { type: 'text', text: ' för perioden.' },
        ],
      },
      filler,
    ],
  };
}

/** The tag structure as poppler reads it (element types and nesting, no text; object numbers left out). */
const structureOf = (path: string) => run('pdfinfo', ['-struct', path]).replace(/Object \d+ \d+/g, 'Object');

/** The Note elements of a tagged PDF: their /ID, the page (0-based) and MCID of their content. */
async function noteElements(pdf: Uint8Array) {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages();
  const out: Array<{ id: string; page: number; mcid: number; ref: PDFRef }> = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('S')) !== PDFName.of('Note')) continue;
    const pg = obj.get(PDFName.of('Pg'));
    out.push({
      id: obj.lookup(PDFName.of('ID'), PDFString).decodeText(),
      page: pages.findIndex((p) => p.ref === pg),
      mcid: obj.lookup(PDFName.of('K'), PDFNumber).asNumber(),
      ref,
    });
  }
  return { doc, notes: out.sort((a, b) => a.id.localeCompare(b.id)) };
}

function parentTreeEntry(ctx: PDFContext, node: PDFDict, key: number): PDFArray | undefined {
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) if (nums.lookup(i, PDFNumber).asNumber() === key) return nums.lookup(i + 1, PDFArray);
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const found = parentTreeEntry(ctx, kids.lookup(i, PDFDict), key);
    if (found) return found;
  }
  return undefined;
}

/** Every MCID a page's content marks, in order (decoded content streams). */
function mcidsOnPage(doc: PDFDocument, index: number): number[] {
  const ctx = doc.context;
  const contents = doc.getPages()[index].node.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? ctx.lookup(contents) : contents;
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((r) => ctx.lookup(r)) : [resolved];
  return streams.flatMap((s) =>
    s instanceof PDFRawStream ? [...Buffer.from(decodePDFRawStream(s).decode()).toString('latin1').matchAll(/\/MCID\s+(\d+)/g)].map((m) => Number(m[1])) : [],
  );
}

/** Chromium's own tagged print of the report's HTML (the notes after the sections hidden and the TOC numbered, as in renderPdf). */
async function chromiumPrint(browser: Browser, model: DocumentModel, path: string): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.setContent(renderHtml(model, { target: 'print', fontCss: sourceSansFontCss() }), { waitUntil: 'load' });
    if (footnotesOf(model).size > 0) await page.addStyleTag({ content: footnoteAreaCss(FOOTNOTE_AREA_MM) });
    // The TOC's page numbers as renderPdf fills them in (which number does not change the structure).
    await page.evaluate(() => document.querySelectorAll('nav.toc a .n').forEach((slot) => (slot.textContent = '1')));
    writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }));
  } finally {
    await page.close();
  }
}

function input(withNotes: boolean): AssemblyInput {
  const doc = (name: string, fillers: number) => {
    const d = text(name, fillers);
    return withNotes ? d : (JSON.parse(JSON.stringify(d).replace(/,"marks":\[\{"type":"footnote","note":"[^"]*"\}\]/g, '')) as RichTextDocument);
  };
  return {
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
    sections: NOTES.map((name, i) => ({ id: `s${i}`, number: String(i + 1), depth: 1, title: `Kapitel ${name}`, kind: 'narrative' as const, config: null })),
    units: [],
    // One note in each chapter's text; the chapters of different lengths, so the markers fall at different heights.
    tasks: NOTES.map((name, i) => ({ sectionId: `s${i}`, unitId: null, state: 'approved' as const, content: doc(name, i === 0 ? 3 : i * 4) })),
  };
}

describe('footnotes in the report', () => {
  const model = assembleReport(input(true)).model;

  it('are numbered on through the whole report, not from 1 in each section', () => {
    expect([...footnotesOf(model).entries()].map(([n, t]) => `${n} ${t.slice(0, 9)}`)).toEqual(['1 Not alfa:', '2 Not beta:', '3 Not gamma', '4 Not delta']);
    // The HTML keeps them after each section's text.
    const html = renderHtml(model, { target: 'standalone' });
    expect(html).toContain('<p class="footnote"><sup class="footnote-ref">3</sup> Not gamma: enligt bokslutet');
  });

  describe('in the PDF', () => {
    const browsers = new PdfBrowser();
    let browser: Browser;
    let file: string;
    let plainFile: string;
    let pdf: Uint8Array;
    let pages: string[];
    let withMs: number;
    let withoutMs: number;

    beforeAll(async () => {
      browser = await browsers.browser();
      const plain = assembleReport(input(false)).model;
      await renderPdf(plain, browser); // warm
      let started = Date.now();
      const plainRendered = await renderPdf(plain, browser);
      withoutMs = Date.now() - started;
      started = Date.now();
      const rendered = await renderPdf(model, browser);
      withMs = Date.now() - started;
      mkdirSync(OUT, { recursive: true });
      file = join(OUT, 'report-footnotes.pdf');
      writeFileSync(file, rendered.pdf);
      pdf = rendered.pdf;
      plainFile = join(OUT, 'report-no-footnotes.pdf');
      writeFileSync(plainFile, plainRendered.pdf);
      await chromiumPrint(browser, model, join(OUT, 'report-footnotes-chromium.pdf'));
      await chromiumPrint(browser, plain, join(OUT, 'report-no-footnotes-chromium.pdf'));
      pages = run('pdftotext', ['-layout', file, '-']).split('\f');
    }, 120_000);
    afterAll(() => browsers.close());

    it('prints each note at the foot of the page where its marker is, below the text, and nowhere else', () => {
      for (const name of NOTES) {
        const markerPages = pages.flatMap((p, i) => (p.includes(`Belopp-${name}`) ? [i] : []));
        const notePages = pages.flatMap((p, i) => (p.includes(`Not ${name}:`) ? [i] : []));
        expect({ name, notePages }).toEqual({ name, notePages: markerPages });
        const lines = pages[markerPages[0]].split('\n');
        const marker = lines.findIndex((l) => l.includes(`Belopp-${name}`));
        const note = lines.findIndex((l) => l.includes(`Not ${name}:`));
        expect(note).toBeGreaterThan(marker);
        // The page's footer stays below the notes.
        expect(lines.slice(note).join('\n')).toMatch(/\d+\(\d+\)/);
      }
      // The notes are not printed a second time after their sections.
      expect(pages.join('').match(/Not alfa:/g)).toHaveLength(1);
    });

    it("are in the tag structure: a Note element per note, on its marker's page, that a screen reader reads as the note's text", async () => {
      expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
      const { doc, notes } = await noteElements(pdf);
      expect(notes.map((n) => n.id)).toEqual(NOTES.map((_, i) => `rf-fn-${i + 1}`));
      NOTES.forEach((name, i) => {
        const markerPage = pages.findIndex((p) => p.includes(`Belopp-${name}`));
        expect({ name, page: notes[i].page }).toEqual({ name, page: markerPage });
      });
      // The structure's text: each Note holds the note as printed, right after the text of its page.
      const tree = run('pdfinfo', ['-struct-text', file]);
      NOTES.forEach((name, i) => {
        expect(tree).toMatch(new RegExp(`Note <rf-fn-${i + 1}>.*\\n\\s+"${i + 1} Not ${name}: enligt bokslutet per augusti, före periodiseringar\\."`));
        expect(tree.indexOf(`Note <rf-fn-${i + 1}>`)).toBeGreaterThan(tree.indexOf(`Utfallet blev Belopp-${name}`));
      });
      // Each note's MCID is new on its page (never one of Chromium's), and the page's ParentTree entry points at the Note.
      const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
      const parentTree = root.lookup(PDFName.of('ParentTree'), PDFDict);
      for (const note of notes) {
        const marked = mcidsOnPage(doc, note.page);
        expect(marked.filter((m) => m === note.mcid)).toHaveLength(1);
        expect(new Set(marked).size).toBe(marked.length);
        const key = doc.getPages()[note.page].node.lookup(PDFName.of('StructParents'), PDFNumber).asNumber();
        expect(parentTreeEntry(doc.context, parentTree, key)?.get(note.mcid)).toBe(note.ref);
      }
      expect(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
    });

    it("adds nothing else to Chromium's tag structure, and nothing at all to a report without notes", () => {
      const notesLine = /^\s*Note <rf-fn-\d+>.*\n/gm;
      expect(structureOf(file).match(/Note <rf-fn-/g)).toHaveLength(NOTES.length);
      expect(structureOf(file).replace(notesLine, '')).toBe(structureOf(join(OUT, 'report-footnotes-chromium.pdf')));
      expect(structureOf(plainFile)).toBe(structureOf(join(OUT, 'report-no-footnotes-chromium.pdf')));
      expect(structureOf(plainFile)).not.toContain('Note');
    });

    it('costs a measured extra on top of the print (logged; well under the print itself on a report this size)', () => {
      console.log(`footnotes at the foot: ${withMs} ms with, ${withoutMs} ms without (${pages.length - 1} pages)`);
      expect(withMs - withoutMs).toBeLessThan(10_000);
    });
  });
});

describe('several footnotes on one page of the PDF', () => {
  const browsers = new PdfBrowser();
  let file: string;
  let pdf: Uint8Array;
  let pages: string[];
  const note = (word: string) => ({ type: 'text' as const, text: `Belopp-${word}`, marks: [{ type: 'footnote' as const, note: `Not ${word}: enligt bokslutet per augusti.` }] });
  const filler = { type: 'paragraph' as const, content: [{ type: 'text' as const, text: FILLER.repeat(6) }] };

  beforeAll(async () => {
    const base = input(false);
    // Two notes in one paragraph, the text running on over the next page, a third note there.
    const content: RichTextDocument = {
      type: 'doc',
      version: 1,
      content: [
        filler,
        { type: 'paragraph', content: [{ type: 'text', text: 'Utfallet blev ' }, note('ett'), { type: 'text', text: ' och ' }, note('två'), { type: 'text', text: '.' }] },
        ...Array.from({ length: 12 }, () => filler),
        { type: 'paragraph', content: [{ type: 'text', text: 'Prognosen blev ' }, note('tre'), { type: 'text', text: '.' }] },
      ],
    };
    const model = assembleReport({ ...base, sections: base.sections.slice(0, 1), tasks: [{ ...base.tasks[0], content }] }).model;
    pdf = (await renderPdf(model, await browsers.browser())).pdf;
    mkdirSync(OUT, { recursive: true });
    file = join(OUT, 'report-footnotes-same-page.pdf');
    writeFileSync(file, pdf);
    pages = run('pdftotext', ['-layout', file, '-']).split('\f');
  }, 120_000);
  afterAll(() => browsers.close());

  it('prints them in order at the foot and tags each as its own Note with its own MCID, in order', async () => {
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
    const page = pages.findIndex((p) => p.includes('Belopp-ett'));
    expect(pages[page]).toContain('Belopp-två');
    const third = pages.findIndex((p) => p.includes('Belopp-tre'));
    expect(third).toBeGreaterThan(page);
    const lines = pages[page].split('\n');
    const [one, two] = ['Not ett:', 'Not två:'].map((t) => lines.findIndex((l) => l.includes(t)));
    expect(one).toBeGreaterThan(lines.findIndex((l) => l.includes('Belopp-ett')));
    expect(two).toBeGreaterThan(one);
    expect(pages[third]).toContain('Not tre:');

    const { doc, notes } = await noteElements(pdf);
    expect(notes.map((n) => [n.id, n.page])).toEqual([
      ['rf-fn-1', page],
      ['rf-fn-2', page],
      ['rf-fn-3', third],
    ]);
    expect(notes[1].mcid).not.toBe(notes[0].mcid);
    const marked = mcidsOnPage(doc, page);
    expect(new Set(marked).size).toBe(marked.length);
    expect(marked).toEqual(expect.arrayContaining([notes[0].mcid, notes[1].mcid]));
    const tree = run('pdfinfo', ['-struct-text', file]);
    const at = ['ett', 'två', 'tre'].map((word, i) => tree.search(new RegExp(`Note <rf-fn-${i + 1}>.*\\n\\s+"${i + 1} Not ${word}: enligt bokslutet per augusti\\."`)));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The third note comes after the text of its own page, not after the first page's.
    expect(at[2]).toBeGreaterThan(tree.indexOf('Prognosen blev'));
  });
});
