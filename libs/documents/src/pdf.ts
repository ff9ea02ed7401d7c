/// <reference types="node" />
// PDF renderer entry point (playwright-core driving Chromium): server only.
import type { Browser, Page } from 'playwright-core';
import { anchorIds, appendixLabel, renderHtml } from './lib/html';
import type { DocumentModel } from './lib/model';
import { appendAttachedPdfs } from './pdf/attachments';
import { readPdfFacts } from './pdf/dests';
import {
  FOOTNOTE_AREA_MM,
  footnoteAreaCss,
  footnoteAreaFor,
  footnotesOf,
  notesByPage,
  printFootnotePages,
  probeFootnoteMarkers,
  stampFootnotes,
} from './pdf/footnotes';
import { sourceSansFontCss } from './pdf/fonts';

export { PdfBrowser, type PdfBrowserOptions } from './pdf/browser';
export { sourceSansFontCss } from './pdf/fonts';
export { appendAttachedPdfs, type AttachedPdf } from './pdf/attachments';

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
  /** The page each heading (and appendix) landed on, by id. */
  headingPages: Record<string, number>;
}

const PROBE_ID = 'rf-dest-probe';

/** Links to every heading, so each one becomes a named destination in the pass-1 PDF (the documents benchmark times it too). */
export async function addDestinationProbe(page: Page): Promise<void> {
  await page.evaluate((probeId) => {
    const box = document.createElement('div');
    box.id = probeId;
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText = 'position:absolute;top:0;left:0;width:1px;height:1px;overflow:hidden;opacity:0;';
    for (const target of Array.from(document.querySelectorAll('h1[id], h2[id], h3[id], h4[id]'))) {
      const link = document.createElement('a');
      link.href = `#${target.id}`;
      link.textContent = '.';
      box.appendChild(link);
    }
    document.body.appendChild(box);
  }, PROBE_ID);
}

async function removeDestinationProbeAndFillToc(page: Page, pagesByAnchor: Record<string, number>): Promise<void> {
  await page.evaluate(
    ({ probeId, nums }) => {
      document.getElementById(probeId)?.remove();
      for (const link of Array.from(document.querySelectorAll('nav.toc a[href^="#"]'))) {
        const slot = link.querySelector('.n');
        const anchor = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
        if (slot) slot.textContent = nums[anchor] !== undefined ? String(nums[anchor]) : '';
      }
    },
    { probeId: PROBE_ID, nums: pagesByAnchor },
  );
}

async function fillToc(page: Page, pagesByAnchor: Record<string, number>): Promise<void> {
  await removeDestinationProbeAndFillToc(page, pagesByAnchor);
}

/** Page objects in a PDF as Chromium (Skia) writes it: uncompressed `/Type /Page` dictionaries. */
function countPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

const tagged = (page: Page) =>
  page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });

/**
 * Where the uploaded bilagor land (they follow the printed pages, in order): their TOC page
 * numbers by anchor, and the document's page count with them.
 */
function attachmentPages(model: DocumentModel, anchors: ReadonlyMap<string, string>, printedPages: number): { pages: Record<string, number>; total: number } {
  const pages: Record<string, number> = {};
  let next = printedPages + 1;
  for (const appendix of model.appendices) {
    if (!appendix.attachment) continue;
    pages[anchors.get(appendix.id) ?? appendix.id] = next;
    next += appendix.attachment.pages;
  }
  return { pages, total: next - 1 };
}

/**
 * The document as a tagged A4 PDF, printed by Chromium from renderHtml(model, { target: 'print' }).
 * Two passes on one page: an untagged pass gives the page of every heading (named destinations),
 * the TOC numbers are filled in the live DOM, then the tagged PDF (with outline) is printed.
 * `browser` is a playwright-core Browser the caller keeps warm (see PdfBrowser).
 */
export async function renderPdf(
  model: DocumentModel,
  browser: Browser,
  /**
   * The uploaded bilagor's PDFs by file id (Appendix.attachment.fileId): appended after the
   * printed pages with a bookmark each (pdf/attachments.ts); their pages are in the TOC and in
   * every page's `N(T)` total. Required when the model has such appendices.
   */
  attachments: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<RenderedPdf> {
  const html = renderHtml(model, { target: 'print', fontCss: sourceSansFontCss() });
  const anchors = anchorIds(model);
  const attached = model.appendices.flatMap((a) => {
    if (!a.attachment) return [];
    const pdf = attachments.get(a.attachment.fileId);
    if (!pdf) throw new Error(`The PDF of ${appendixLabel(a)} (${a.attachment.fileId}) was not given`);
    return [{ title: appendixLabel(a), pdf }];
  });
  // A report's footnotes go to the foot of their marker's page (pdf/footnotes.ts).
  const notes = model.meta.kind === 'report' ? footnotesOf(model) : new Map<number, string>();
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    let area = FOOTNOTE_AREA_MM;
    const setFootnoteArea = (mm: number) =>
      page.evaluate((css) => {
        let style = document.getElementById('rf-footnote-area');
        if (!style) {
          style = document.createElement('style');
          style.id = 'rf-footnote-area';
          document.head.appendChild(style);
        }
        style.textContent = css;
      }, footnoteAreaCss(mm));
    if (notes.size > 0) await setFootnoteArea(area);
    await addDestinationProbe(page);
    if (notes.size > 0) await probeFootnoteMarkers(page, PROBE_ID);
    // Pass 1 only needs where things land: everything but the probe's links is hidden
    // (visibility keeps the layout exactly), so Chromium paints and embeds almost nothing.
    await page.addStyleTag({ content: `body.rf-pass-1 * { visibility: hidden !important; } body.rf-pass-1 #${PROBE_ID}, body.rf-pass-1 #${PROBE_ID} * { visibility: visible !important; }` });
    const passOne = async () => {
      await page.evaluate(() => document.body.classList.add('rf-pass-1'));
      const draft = await page.pdf({ preferCSSPageSize: true, printBackground: false, tagged: false, outline: false });
      await page.evaluate(() => document.body.classList.remove('rf-pass-1'));
      return readPdfFacts(draft);
    };
    let first = await passOne();
    let footnotePages: { pdf: Uint8Array; pages: Array<{ page: number; notes: Array<{ number: number; text: string }> }> } | null = null;
    if (notes.size > 0) {
      const layOut = async () => {
        const byPage = notesByPage(first.dests, notes);
        const pages = [...byPage.keys()].sort((a, b) => a - b);
        const laidOut = pages.map((p) => ({ page: p, notes: byPage.get(p) ?? [] }));
        const printed = await printFootnotePages(browser, laidOut.map((p) => p.notes), area, sourceSansFontCss());
        return { ...printed, pages: laidOut };
      };
      let laid = await layOut();
      // A page whose notes need more room: a taller area for every page, and pass 1 again (once).
      if (laid.neededMm > area) {
        area = footnoteAreaFor(laid.neededMm);
        await setFootnoteArea(area);
        first = await passOne();
        laid = await layOut();
      }
      footnotePages = { pdf: laid.pdf, pages: laid.pages };
    }
    const after = attachmentPages(model, anchors, first.pages);
    if (attached.length > 0) {
      // The footer counts the bilagor's pages too: the total is written in, the layout does not move.
      await page.addStyleTag({ content: `@page { @bottom-right { content: counter(page) "(${after.total})"; } }` });
      Object.assign(first.dests, after.pages);
    }
    await fillToc(page, first.dests);

    // The TOC's lines have a fixed height and a fixed slot for the number, so filling them in
    // moves nothing: the tagged print has the pass-1 layout. Checked cheaply by its page count
    // (a full parse of the tagged PDF costs ~0.5 s on 80 pages); should it ever differ, the
    // headings are read from the tagged PDF and it is numbered and printed once more.
    let pdf: Uint8Array = await tagged(page);
    let pages = { ...first.dests };
    let pageCount = first.pages;
    if (countPages(pdf) !== first.pages) {
      const facts = await readPdfFacts(pdf);
      pages = { ...first.dests, ...facts.dests };
      await fillToc(page, pages);
      pdf = await tagged(page);
      pageCount = countPages(pdf);
    }

    const headingPages: Record<string, number> = {};
    for (const [id, anchor] of anchors) {
      const at = pages[anchor];
      if (at !== undefined) headingPages[id] = at;
    }
    if (footnotePages && footnotePages.pages.length > 0) pdf = await stampFootnotes(pdf, footnotePages.pdf, footnotePages.pages);
    if (attached.length === 0) return { pdf: Buffer.from(pdf), pages: pageCount, headingPages };
    const merged = await appendAttachedPdfs(pdf, attached);
    return { pdf: Buffer.from(merged), pages: attachmentPages(model, anchors, pageCount).total, headingPages };
  } finally {
    await page.close().catch(() => undefined);
  }
}
