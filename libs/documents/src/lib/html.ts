import { formatDate } from '@rapportflode/domain';
import type { Appendix, Block, DocumentModel, DocumentStatus, FactsBlock, HeadingBlock, TableBlock } from './model';
import { tablesOf } from './model';
import { BlockContext, CHAPTER_BREAK, renderBlocks } from './html/blocks';
import { anchorIds, escapeHtml as esc } from './html/escape';
import { documentCss } from './html/styles';

export { anchorIds, cssString, escapeHtml, safeHref, sanitizeId } from './html/escape';
export { formatCell, tableCaption } from './html/blocks';

export interface HtmlOptions {
  /**
   * 'preview': the in-app preview (a complete HTML page shown in a sandboxed iframe);
   * 'standalone': the accessible HTML file to download; 'print': the page Chromium prints to PDF
   * (print CSS: A4, running header, `page(total)` footer, fixed TOC lines with number slots).
   */
  target: 'preview' | 'standalone' | 'print';
  /** TOC page numbers by heading id, filled in by the PDF renderer's second pass. */
  tocPages?: Readonly<Record<string, number>>;
  /**
   * `@font-face` rules (the web font inlined as data: URLs) for 'standalone' and 'print'. The
   * HTML module reads no files (it also runs in the browser); the PDF entry provides them
   * (`sourceSansFontCss()` in '@rapportflode/documents/pdf'). Ignored for 'preview'.
   */
  fontCss?: string;
}

/** One line of the table of contents: a heading (level ≤ tocDepth) or an appendix. */
export interface TocEntry {
  /** The model id (heading or appendix). */
  id: string;
  /** The HTML id the line links to. */
  anchor: string;
  /** '2.3 Ekonomi', 'Bilaga 1 Sjukfrånvaro per enhet'. */
  label: string;
  level: 1 | 2 | 3 | 4;
  appendix: boolean;
}

export function headingLabel(heading: HeadingBlock): string {
  return heading.number ? `${heading.number} ${heading.text}` : heading.text;
}

export function appendixLabel(appendix: Appendix): string {
  return `Bilaga ${appendix.number} ${appendix.title}`;
}

/** What HTML and DOCX print for an uploaded PDF bilaga (its pages are in the PDF only). */
export function appendixAttachmentNote(appendix: Appendix): string | null {
  const file = appendix.attachment;
  if (!file) return null;
  const pages = `${file.pages} ${file.pages === 1 ? 'sida' : 'sidor'}`;
  return `Bifogad PDF-fil (${file.fileName}, ${pages}). Bilagan följer efter rapportens huvudtext i PDF-filen.`;
}

/** The TOC lines in reading order (empty when tocDepth is 0). */
export function tocEntries(model: DocumentModel, anchors = anchorIds(model)): TocEntry[] {
  if (model.tocDepth === 0) return [];
  const out: TocEntry[] = [];
  const addHeadings = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.type === 'notice') addHeadings(block.content);
      if (block.type !== 'heading' || block.level > model.tocDepth) continue;
      out.push({ id: block.id, anchor: anchors.get(block.id) ?? block.id, label: headingLabel(block), level: block.level, appendix: false });
    }
  };
  addHeadings(model.body);
  for (const appendix of model.appendices) {
    out.push({ id: appendix.id, anchor: anchors.get(appendix.id) ?? appendix.id, label: appendixLabel(appendix), level: 1, appendix: true });
    addHeadings(appendix.body);
  }
  return out;
}

/** 'Fastställd version 2, 2021-09-24, kontrollsumma 3f9a1c0b7d2e' */
export function finalStatusLine(status: Extract<DocumentStatus, { kind: 'final' }>): string {
  return `Fastställd version ${status.version}, ${formatDate(status.frozenAt)}, kontrollsumma ${status.checksum.slice(0, 12)}`;
}

function draftBanner(model: DocumentModel): string {
  const status = model.meta.status;
  if (status.kind !== 'draft') return '';
  let out =
    '<aside class="draft-banner" aria-labelledby="utkast-rubrik"><p class="draft-label" id="utkast-rubrik">UTKAST</p>' +
    '<p>Detta är ett utkast och inte en fastställd version.</p>';
  if (status.missing.length > 0) {
    out += '<p>Saknas eller är inte godkänt ännu:</p><ul class="missing">';
    for (const item of status.missing) {
      const unit = item.unit ? `, ${esc(item.unit)}` : '';
      out += `<li>${esc(item.section)}${unit}: ${esc(item.state)}</li>`;
    }
    out += '</ul>';
  }
  return `${out}</aside>\n`;
}

function titlePage(model: DocumentModel): string {
  const m = model.meta;
  let out = '<div class="title-page">';
  out += `<p class="municipality">${esc(m.municipality)}</p>`;
  out += `<p class="committee">${esc(m.committee)}</p>`;
  out += `<p class="doc-title" id="dokument-titel">${esc(m.title)}</p>`;
  if (m.subtitle && m.subtitle !== m.committee) out += `<p class="doc-subtitle">${esc(m.subtitle)}</p>`;
  if (m.period) out += `<p class="period">Period: ${esc(m.period)}</p>`;
  if (m.diaryNumber) out += `<p class="diary">Diarienummer: ${esc(m.diaryNumber)}</p>`;
  for (const d of m.dates) out += `<p class="date">${esc(d.label)}: ${esc(d.date)}</p>`;
  if (m.status.kind === 'final') out += `<p class="status-final">${esc(finalStatusLine(m.status))}</p>`;
  return `${out}</div>\n`;
}

/**
 * The memo's header block: the body's first facts block when the model carries one (as
 * memoModel does, and as the DOCX renderer reads it), else Upprättad/Diarienummer from the meta.
 */
function memoHeader(model: DocumentModel, facts: FactsBlock | null): string {
  const m = model.meta;
  const rows = facts
    ? facts.rows
    : [...m.dates.map((d) => ({ label: d.label, value: d.date })), ...(m.diaryNumber ? [{ label: 'Diarienummer', value: m.diaryNumber }] : [])];
  let out = '<div class="memo-header">';
  out += `<p class="municipality">${esc(m.municipality)}</p>`;
  out += '<dl class="facts">' + rows.map((r) => `<div><dt>${esc(r.label)}</dt><dd>${esc(r.value)}</dd></div>`).join('') + '</dl>';
  if (!facts) out += `<p class="committee">${esc(m.committee)}</p>`;
  if (m.status.kind === 'final') out += `<p class="status-final">${esc(finalStatusLine(m.status))}</p>`;
  return `${out}</div>\n`;
}

function toc(model: DocumentModel, entries: TocEntry[], options: HtmlOptions): string {
  if (entries.length === 0) return '';
  const print = options.target === 'print';
  // In print the title is not a heading, so not a bookmark of its own (Chromium also doubled its
  // text there: "InnehållInnehåll"); the nav is still named by it.
  let out = print
    ? '<nav class="toc" aria-labelledby="innehall"><p class="toc-title" id="innehall">Innehåll</p><ol>'
    : '<nav class="toc" aria-labelledby="innehall"><h2 id="innehall">Innehåll</h2><ol>';
  for (const entry of entries) {
    const cls = entry.appendix ? 'toc-l1 toc-appendix' : `toc-l${entry.level}`;
    const label = esc(entry.label);
    const href = `#${esc(entry.anchor)}`;
    if (print) {
      const page = options.tocPages?.[entry.id];
      out += `<li class="${cls}"><a href="${href}"><span class="t">${label}</span><span class="n">${page ?? ''}</span></a></li>`;
    } else {
      out += `<li class="${cls}"><a href="${href}">${label}</a></li>`;
    }
  }
  return `${out}</ol></nav>\n`;
}

/** The whole document as one HTML page (escaped text, lang="sv-SE"). */
export function renderHtml(model: DocumentModel, options: HtmlOptions): string {
  const m = model.meta;
  const anchors = anchorIds(model);
  const numbered = model.layout?.captions !== false;
  const tableNumbers = new Map<TableBlock, number>(numbered ? tablesOf(model).map(({ number, table }) => [table, number]) : []);
  const ctx: BlockContext = { target: options.target, anchors, tableNumbers, usedIds: new Set(anchors.values()) };
  ctx.usedIds.add('innehall').add('dokument-titel').add('utkast-rubrik');
  const draft = m.status.kind === 'draft';
  // The memo and the kallelse: a header block instead of a title page.
  const memo = m.kind === 'memo' || m.kind === 'kallelse';

  let header = draftBanner(model);
  // A memo's facts and title may be the body's own first blocks; never printed twice.
  let body: readonly Block[] = model.body;
  const facts = memo && body[0]?.type === 'facts' ? body[0] : null;
  if (facts) body = body.slice(1);
  if (memo) header += memoHeader(model, facts);
  else if (model.titlePage) header += titlePage(model);

  let main = '';
  if (memo && !body.some((b) => b.type === 'heading' && b.level === 1)) main += `<h1 class="doc-title">${esc(m.title)}</h1>\n`;
  main += renderBlocks(body, ctx);
  for (const appendix of model.appendices) {
    const id = anchors.get(appendix.id) ?? appendix.id;
    const note = appendixAttachmentNote(appendix);
    // In print an uploaded bilaga is its own pages, appended by the PDF renderer (pdf/attachments.ts).
    if (note !== null && options.target === 'print') continue;
    const blocks: readonly Block[] = note !== null ? [{ type: 'paragraph', content: [{ text: note }], style: 'note' }] : appendix.body;
    main +=
      `${CHAPTER_BREAK}<section class="appendix" aria-labelledby="${esc(id)}"><h1 id="${esc(id)}">${esc(appendixLabel(appendix))}</h1>\n` +
      `${renderBlocks(blocks, ctx)}</section>\n`;
  }

  const css = documentCss({ target: options.target, runningHeader: m.runningHeader, draft, fontCss: options.fontCss });
  const watermark = draft && options.target !== 'preview' ? '<div class="watermark" aria-hidden="true">UTKAST</div>' : '';
  const title = `${draft ? 'UTKAST – ' : ''}${m.title}, ${m.committee}`;
  return (
    `<!doctype html>\n<html lang="sv-SE"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style>${css}</style></head>\n` +
    `<body class="kind-${m.kind} target-${options.target}${model.layout?.chapterPageBreak === false ? ' chapters-run-on' : ''}">${watermark}\n` +
    `${header ? `<header>${header}</header>\n` : ''}${toc(model, tocEntries(model, anchors), options)}<main>\n${main}</main>\n</body></html>\n`
  );
}
