import type { Browser, Page } from 'playwright-core';
import {
  beginMarkedContent,
  decodePDFRawStream,
  endMarkedContent,
  PDFArray,
  PDFBool,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFObject,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';
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
 *   4. the rule and each note of a page (one notes' PDF page each, the same layout with the rest
 *      hidden) are drawn onto its report page (pdf-lib, a form XObject each).
 *
 * The drawn notes are in the PDF's tag structure (FootnoteTags below): each note is a `Note`
 * element, right after the last block of its page, whose content is the marked-content sequence
 * around its drawing (the rule is an artifact), so a screen reader reads the note's real text in
 * order; the page's new MCIDs are in the ParentTree and /MarkInfo stays /Marked true. A report
 * without notes is not touched. HTML and DOCX are unchanged (HTML: at the end of the section;
 * DOCX: Word's own footnotes).
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
     .fn-area p.footnote { display: block !important; }
     .fn-area .fn-off { visibility: hidden !important; }`;
  // One PDF page for the rule and one for each note (overlayPageCount): the same layout on each,
  // everything else hidden (visibility keeps the layout), so each note is a drawing of its own.
  const body = pages
    .flatMap((notes) =>
      [-1, ...notes.map((_, i) => i)].map(
        (shown) =>
          `<div class="fn-page"><div class="fn-area"><div class="fn-rule${shown === -1 ? '' : ' fn-off'}"></div>` +
          notes.map((n, i) => `<p class="footnote${i === shown ? '' : ' fn-off'}"><sup class="footnote-ref">${n.number}</sup> ${esc(n.text)}</p>`).join('') +
          '</div></div>',
      ),
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

/**
 * Draws the notes' PDF onto the report pages: for each report page with notes (`pages`, 1-based,
 * with its notes in the order printFootnotePages was given them) its rule and each of its notes.
 * A tagged report gets the notes in its tag structure too (tagFootnotes).
 */
export async function stampFootnotes(
  report: Uint8Array,
  notesPdf: Uint8Array,
  pages: ReadonlyArray<{ page: number; notes: ReadonlyArray<{ number: number; text: string }> }>,
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(report, { updateMetadata: false });
  const source = await PDFDocument.load(notesPdf, { updateMetadata: false });
  const embedded = await doc.embedPdf(source, source.getPageIndices());
  const targets = doc.getPages();
  const tags = FootnoteTags.of(doc);
  let next = 0;
  for (const { page, notes } of pages) {
    const target = targets[page - 1];
    const rule = embedded[next];
    const drawn = embedded.slice(next + 1, next + 1 + notes.length);
    next += 1 + notes.length;
    if (!target || !rule) continue;
    const { width, height } = target.getSize();
    const mcids = tags?.forPage(target, notes) ?? [];
    // The rule is layout, not content: an artifact.
    target.pushOperators(beginMarkedContent('Artifact'));
    target.drawPage(rule, { x: 0, y: 0, width, height });
    target.pushOperators(endMarkedContent());
    drawn.forEach((note, i) => {
      const mcid = mcids[i];
      if (mcid !== undefined) target.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Note'), `<</MCID ${mcid}>>`]));
      target.drawPage(note, { x: 0, y: 0, width, height });
      if (mcid !== undefined) target.pushOperators(endMarkedContent());
    });
  }
  tags?.finish();
  return doc.save();
}

/** Structure types that group blocks; a note goes after the first block below them. */
const GROUPING = new Set(['Document', 'Part', 'Art', 'Sect', 'Div', 'NonStruct', 'Private']);

interface Located {
  parent: PDFDict;
  parentRef: PDFRef;
  block: PDFRef;
}

/**
 * The notes drawn at the foot in the report's tag structure (Chromium's tagged PDF). Each note
 * is a `Note` structure element (the standard type PDF/UA expects for a footnote, with the
 * unique /ID PDF/UA asks of a Note, also in the /IDTree) whose content is the marked-content
 * sequence `/Note <</MCID n>> BDC … EMC` around the drawing of the note's own form XObject: its
 * text is real content, not an /ActualText. n is a new MCID of the page (after every MCID its
 * content or its /ParentTree entry uses), registered at index n of the page's /StructParents
 * array. The element goes right after the last block (P, L, Table, …) with content on that page,
 * so the notes are read where they are printed, at the foot of the page.
 */
class FootnoteTags {
  private readonly lastOnPage = new Map<string, Located>();
  private readonly inserted = new Set<string>();
  private readonly ids: Array<[string, PDFRef]> = [];
  private fallback: { dict: PDFDict; ref: PDFRef } | null = null;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly root: PDFDict,
    private readonly parentTree: PDFDict,
  ) {
    const top = root.get(PDFName.of('K'));
    this.walk(top, undefined, []);
  }

  static of(doc: PDFDocument): FootnoteTags | null {
    const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    const parentTree = root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
    return root && parentTree ? new FootnoteTags(doc, root, parentTree) : null;
  }

  /** Reading order: remembers, for each page, the block that holds its last content. */
  private walk(kids: PDFObject | undefined, pg: PDFRef | undefined, path: Array<{ ref: PDFRef; dict: PDFDict }>): void {
    const ctx = this.doc.context;
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    for (const kid of list) {
      const value = kid instanceof PDFRef ? ctx.lookup(kid) : kid;
      if (value instanceof PDFNumber) {
        this.content(pg, path);
      } else if (value instanceof PDFDict) {
        const type = value.get(PDFName.of('Type'));
        if (type === PDFName.of('MCR')) this.content(value.get(PDFName.of('Pg')) as PDFRef | undefined ?? pg, path);
        else if (type === PDFName.of('OBJR')) continue;
        else if (kid instanceof PDFRef && value.has(PDFName.of('S'))) {
          const own = value.get(PDFName.of('Pg'));
          const step = [...path, { ref: kid, dict: value }];
          if (!this.fallback) this.fallback = { dict: value, ref: kid };
          this.walk(value.get(PDFName.of('K')), own instanceof PDFRef ? own : pg, step);
        }
      }
    }
  }

  private content(pg: PDFRef | undefined, path: ReadonlyArray<{ ref: PDFRef; dict: PDFDict }>): void {
    if (!pg || path.length < 2) return;
    const at = path.findIndex((p, i) => i > 0 && !GROUPING.has(p.dict.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() ?? ''));
    const i = at === -1 ? path.length - 1 : at;
    this.lastOnPage.set(pg.toString(), { parent: path[i - 1].dict, parentRef: path[i - 1].ref, block: path[i].ref });
  }

  /** The Note elements of one page's notes: their MCIDs, in the notes' order. */
  forPage(page: PDFPage, notes: ReadonlyArray<{ number: number; text: string }>): number[] {
    const ctx = this.doc.context;
    const entry = this.parentTreeEntry(page);
    let mcid = Math.max(entry.size(), maxMcidIn(page) + 1);
    const located = this.lastOnPage.get(page.ref.toString());
    const parentDict = located?.parent ?? this.fallback?.dict;
    const parentRef = located?.parentRef ?? this.fallback?.ref;
    if (!parentDict || !parentRef) return [];
    const kids = kidsArray(ctx, parentDict);
    let at = located ? kids.asArray().findIndex((k) => k === located.block) + 1 : kids.size();
    if (at === 0) at = kids.size();
    while (at < kids.size() && this.inserted.has(kids.get(at).toString())) at++;
    const out: number[] = [];
    for (const note of notes) {
      const id = `${FOOTNOTE_MARKER_PREFIX}${note.number}`;
      const elem = ctx.obj({ Type: 'StructElem', S: 'Note', P: parentRef, Pg: page.ref, K: mcid, ID: PDFString.of(id) });
      const ref = ctx.register(elem);
      kids.insert(at++, ref);
      this.inserted.add(ref.toString());
      this.ids.push([id, ref]);
      while (entry.size() < mcid) entry.push(PDFNull);
      entry.insert(mcid, ref);
      out.push(mcid++);
    }
    return out;
  }

  /** The page's array in the ParentTree (made, with a new /StructParents key, if it has none). */
  private parentTreeEntry(page: PDFPage): PDFArray {
    const ctx = this.doc.context;
    const key = page.node.get(PDFName.of('StructParents'));
    if (key instanceof PDFNumber) {
      const found = lookupNumberTree(ctx, this.parentTree, key.asNumber());
      if (found) return found;
    }
    const next = this.root.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? maxNumberTreeKey(ctx, this.parentTree) + 1;
    const entry = ctx.obj([]);
    let leaf = this.parentTree;
    for (let kids = leaf.lookupMaybe(PDFName.of('Kids'), PDFArray); kids && kids.size() > 0; kids = leaf.lookupMaybe(PDFName.of('Kids'), PDFArray)) {
      leaf.lookupMaybe(PDFName.of('Limits'), PDFArray)?.set(1, PDFNumber.of(next));
      leaf = kids.lookup(kids.size() - 1, PDFDict);
    }
    leaf.lookupMaybe(PDFName.of('Limits'), PDFArray)?.set(1, PDFNumber.of(next));
    let nums = leaf.lookupMaybe(PDFName.of('Nums'), PDFArray);
    if (!nums) leaf.set(PDFName.of('Nums'), (nums = ctx.obj([])));
    nums.push(PDFNumber.of(next));
    nums.push(ctx.register(entry));
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(next));
    this.root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(next + 1));
    return entry;
  }

  /** The notes' IDs in the IDTree (added to it, sorted, or a new one) and the document still marked. */
  finish(): void {
    if (this.ids.length === 0) return;
    const ctx = this.doc.context;
    const tree = this.root.lookupMaybe(PDFName.of('IDTree'), PDFDict);
    const names = tree?.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (!tree) {
      const sorted = [...this.ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this.root.set(PDFName.of('IDTree'), ctx.obj({ Names: sorted.flatMap(([id, ref]) => [PDFString.of(id), ref]) }));
    } else if (names && !tree.has(PDFName.of('Kids'))) {
      const pairs: Array<[string, PDFObject]> = [];
      for (let i = 0; i + 1 < names.size(); i += 2) pairs.push([(names.lookup(i) as PDFString | PDFHexString).decodeText(), names.get(i + 1)]);
      pairs.push(...this.ids);
      pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      tree.set(PDFName.of('Names'), ctx.obj(pairs.flatMap(([id, ref]) => [PDFString.of(id), ref])));
      tree.delete(PDFName.of('Limits'));
    }
    const markInfo = this.doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
    if (markInfo) markInfo.set(PDFName.of('Marked'), PDFBool.True);
    else this.doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  }
}

function kidsArray(ctx: PDFContext, dict: PDFDict): PDFArray {
  const k = dict.get(PDFName.of('K'));
  const resolved = k instanceof PDFRef ? ctx.lookup(k) : k;
  if (resolved instanceof PDFArray) return resolved;
  const array = ctx.obj(k ? [k] : []);
  dict.set(PDFName.of('K'), array);
  return array;
}

/** The highest MCID the page's content uses (−1 if none). */
function maxMcidIn(page: PDFPage): number {
  const ctx = page.doc.context;
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? ctx.lookup(contents) : contents;
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((s) => (s instanceof PDFRef ? ctx.lookup(s) : s)) : [resolved];
  let max = -1;
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    for (const m of text.matchAll(/\/MCID\s+(\d+)/g)) max = Math.max(max, Number(m[1]));
  }
  return max;
}

function lookupNumberTree(ctx: PDFContext, node: PDFDict, key: number): PDFArray | undefined {
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
  if (nums) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      if ((nums.lookup(i) as PDFNumber).asNumber() === key) {
        const value = nums.lookup(i + 1);
        return value instanceof PDFArray ? value : undefined;
      }
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    const kid = kids.lookup(i, PDFDict);
    const limits = kid.lookupMaybe(PDFName.of('Limits'), PDFArray);
    if (limits && (key < (limits.lookup(0) as PDFNumber).asNumber() || key > (limits.lookup(1) as PDFNumber).asNumber())) continue;
    const found = lookupNumberTree(ctx, kid, key);
    if (found) return found;
  }
  return undefined;
}

function maxNumberTreeKey(ctx: PDFContext, node: PDFDict): number {
  let max = -1;
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
  for (let i = 0; nums && i + 1 < nums.size(); i += 2) max = Math.max(max, (nums.lookup(i) as PDFNumber).asNumber());
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) max = Math.max(max, maxNumberTreeKey(ctx, kids.lookup(i, PDFDict)));
  return max;
}
