import type { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { escapeHtml as esc } from '../lib/html';
import { documentCss } from '../lib/html/styles';
import type { Block, DocumentModel } from '../lib/model';

/**
 * Footnotes at the foot of the page in the PDF. Chromium has no CSS footnotes, so the PDF
 * renderer (pdf.ts) does it in its passes:
 *
 *   1. the print gets a taller bottom margin (the notes' area; the page footer keeps its place)
 *      and leaves out the notes printed after each section (`p.footnote`);
 *   2. the first pass's named destinations give the page of every marker (`rf-fn-N`);
 *   3. the notes of each page are laid out in Chromium, one A4 page per page with notes, in the
 *      report's font at the bottom of the page (their height measured: a page whose notes need
 *      more than the area gets a taller one and the first pass runs again, once);
 *   4. each of those pages is drawn onto its report page (pdf-lib, a form XObject).
 *
 * The notes drawn at the foot are not part of the PDF's tag structure (the markers are); HTML
 * and DOCX are unchanged (HTML: at the end of the section; DOCX: Word's own footnotes).
 */

/** The report's bottom margin without notes (html/styles.ts printCss). */
const BOTTOM_MARGIN_MM = 20;
const LEFT_MM = 20;
const RIGHT_MM = 18;
/** The notes' area to start with, and the most a page may take. */
export const FOOTNOTE_AREA_MM = 16;
const FOOTNOTE_AREA_MAX_MM = 90;
const PX_PER_MM = 96 / 25.4;

export const FOOTNOTE_MARKER_PREFIX = 'rf-fn-';

/** The report's footnotes by number, from the markers in its text (the notes' own paragraphs left out). */
export function footnotesOf(model: DocumentModel): Map<number, string> {
  const out = new Map<number, string>();
  const walk = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph' && block.style !== 'footnote') {
        for (const run of block.content) if (run.footnote) out.set(run.footnote.number, run.footnote.text);
      } else if (block.type === 'list') {
        const items = [...block.items];
        while (items.length) {
          const item = items.shift();
          for (const run of item?.content ?? []) if (run.footnote) out.set(run.footnote.number, run.footnote.text);
          if (item?.children) items.push(...item.children.items);
        }
      } else if (block.type === 'notice') {
        walk(block.content);
      }
    }
  };
  walk(model.body);
  for (const appendix of model.appendices) walk(appendix.body);
  return out;
}

/** The print CSS that makes room for the notes at the foot and leaves out the notes after the sections. */
export function footnoteAreaCss(areaMm: number): string {
  return (
    `@page { margin-bottom: ${BOTTOM_MARGIN_MM + areaMm}mm; @bottom-right { vertical-align: bottom; padding-bottom: 13mm; } }\n` +
    '@media print { p.footnote { display: none !important; } }'
  );
}

/** Gives each marker in the text an id (`rf-fn-3`) and a link in the destination probe, so pass 1 tells its page. */
export async function probeFootnoteMarkers(page: Page, probeId: string): Promise<void> {
  await page.evaluate(
    ({ probe, prefix }) => {
      const box = document.getElementById(probe);
      for (const marker of Array.from(document.querySelectorAll('main sup.footnote-ref'))) {
        if (marker.closest('p.footnote')) continue;
        marker.id = `${prefix}${marker.textContent ?? ''}`;
        const link = document.createElement('a');
        link.href = `#${marker.id}`;
        link.textContent = '.';
        box?.appendChild(link);
      }
    },
    { probe: probeId, prefix: FOOTNOTE_MARKER_PREFIX },
  );
}

/** The notes of each page (1-based), in number order, from the markers' pages. */
export function notesByPage(dests: Readonly<Record<string, number>>, notes: ReadonlyMap<number, string>): Map<number, Array<{ number: number; text: string }>> {
  const out = new Map<number, Array<{ number: number; text: string }>>();
  for (const [number, text] of [...notes].sort((a, b) => a[0] - b[0])) {
    const page = dests[`${FOOTNOTE_MARKER_PREFIX}${number}`];
    if (page === undefined) continue;
    const list = out.get(page) ?? [];
    list.push({ number, text });
    out.set(page, list);
  }
  return out;
}

function overlayHtml(pages: ReadonlyArray<ReadonlyArray<{ number: number; text: string }>>, areaMm: number, fontCss: string): string {
  const css =
    documentCss({ target: 'print', runningHeader: '', draft: false, fontCss }) +
    `@page { size: A4; margin: 0; @top-left { content: none; } @bottom-right { content: none; } }
     html, body { margin: 0; padding: 0; }
     .fn-page { position: relative; width: 210mm; height: 297mm; break-after: page; overflow: hidden; }
     .fn-page:last-child { break-after: auto; }
     .fn-area { position: absolute; left: ${LEFT_MM}mm; right: ${RIGHT_MM}mm; bottom: ${BOTTOM_MARGIN_MM}mm; }
     .fn-rule { width: 40mm; border-top: 0.5pt solid #777; margin: 0 0 1.2mm; }
     .fn-area p.footnote { display: block !important; }`;
  const body = pages
    .map(
      (notes) =>
        '<div class="fn-page"><div class="fn-area"><div class="fn-rule"></div>' +
        notes.map((n) => `<p class="footnote"><sup class="footnote-ref">${n.number}</sup> ${esc(n.text)}</p>`).join('') +
        '</div></div>',
    )
    .join('');
  return `<!doctype html><html lang="sv-SE"><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
}

/**
 * Lays out the notes of the pages given (one A4 page each) and measures them: the PDF of those
 * pages, and the area (mm) the tallest page's notes need.
 */
export async function printFootnotePages(
  browser: Browser,
  pages: ReadonlyArray<ReadonlyArray<{ number: number; text: string }>>,
  areaMm: number,
  fontCss: string,
): Promise<{ pdf: Uint8Array; neededMm: number }> {
  const page = await browser.newPage();
  try {
    await page.emulateMedia({ media: 'print' });
    await page.setContent(overlayHtml(pages, areaMm, fontCss), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const tallest = await page.evaluate(() => Math.max(0, ...Array.from(document.querySelectorAll('.fn-area')).map((a) => a.getBoundingClientRect().height)));
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false });
    return { pdf, neededMm: tallest / PX_PER_MM };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The area a page's notes need, rounded up, within the most a page may give them. */
export function footnoteAreaFor(neededMm: number): number {
  return Math.min(FOOTNOTE_AREA_MAX_MM, Math.max(FOOTNOTE_AREA_MM, Math.ceil(neededMm + 1)));
}

/** Draws page i of the notes' PDF onto report page `pageNumbers[i]` (1-based). */
export async function stampFootnotes(report: Uint8Array, notesPdf: Uint8Array, pageNumbers: readonly number[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(report, { updateMetadata: false });
  const source = await PDFDocument.load(notesPdf, { updateMetadata: false });
  const embedded = await doc.embedPdf(source, pageNumbers.map((_, i) => i));
  const pages = doc.getPages();
  pageNumbers.forEach((number, i) => {
    const target = pages[number - 1];
    if (!target) return;
    const { width, height } = target.getSize();
    target.drawPage(embedded[i], { x: 0, y: 0, width, height });
  });
  return doc.save();
}
