/// <reference types="node" />
// PDF renderer entry point (playwright-core driving Chromium): server only.
import type { Browser, Page } from 'playwright-core';
import { anchorIds, renderHtml } from './lib/html';
import type { DocumentModel } from './lib/model';
import { readPdfFacts } from './pdf/dests';
import { sourceSansFontCss } from './pdf/fonts';

export { PdfBrowser, type PdfBrowserOptions } from './pdf/browser';
export { sourceSansFontCss } from './pdf/fonts';

export interface RenderedPdf {
  pdf: Buffer;
  pages: number;
  /** The page each heading (and appendix) landed on, by id. */
  headingPages: Record<string, number>;
}

const PROBE_ID = 'rf-dest-probe';

/** Links to every heading, so each one becomes a named destination in the pass-1 PDF. */
async function addDestinationProbe(page: Page): Promise<void> {
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

const tagged = (page: Page) =>
  page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });

/**
 * The document as a tagged A4 PDF, printed by Chromium from renderHtml(model, { target: 'print' }).
 * Two passes on one page: an untagged pass gives the page of every heading (named destinations),
 * the TOC numbers are filled in the live DOM, then the tagged PDF (with outline) is printed and
 * checked: if a TOC heading moved, the numbers are filled again and it is printed once more.
 * `browser` is a playwright-core Browser the caller keeps warm (see PdfBrowser).
 */
export async function renderPdf(model: DocumentModel, browser: Browser): Promise<RenderedPdf> {
  const html = renderHtml(model, { target: 'print', fontCss: sourceSansFontCss() });
  const anchors = anchorIds(model);
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await addDestinationProbe(page);
    const draft = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false });
    const first = await readPdfFacts(draft);
    await fillToc(page, first.dests);

    let pdf = await tagged(page);
    let facts = await readPdfFacts(pdf);
    const tocAnchors = await page.evaluate(() =>
      Array.from(document.querySelectorAll('nav.toc a[href^="#"]')).map((a) => decodeURIComponent((a.getAttribute('href') ?? '').slice(1))),
    );
    const moved = tocAnchors.filter((anchor) => facts.dests[anchor] !== first.dests[anchor]);
    let pages = { ...first.dests };
    if (moved.length > 0) {
      // The filled-in numbers changed the layout (very rare): number again from the tagged PDF.
      pages = { ...first.dests, ...facts.dests };
      await fillToc(page, pages);
      pdf = await tagged(page);
      facts = await readPdfFacts(pdf);
      pages = { ...pages, ...facts.dests };
    }

    const headingPages: Record<string, number> = {};
    for (const [id, anchor] of anchors) {
      const at = facts.dests[anchor] ?? pages[anchor];
      if (at !== undefined) headingPages[id] = at;
    }
    return { pdf: Buffer.from(pdf), pages: facts.pages, headingPages };
  } finally {
    await page.close().catch(() => undefined);
  }
}
