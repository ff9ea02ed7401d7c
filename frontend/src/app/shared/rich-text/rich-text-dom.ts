import type { Block, InlineMark, RichTextDocument, TableRow, TextRun } from '@rapportflode/domain';

/*
 * The bridge between the stored document model (libs/domain rich-text.ts) and the HTML of a
 * contenteditable element. Both directions are pure: `documentToHtml` escapes everything it
 * writes, and `documentFromElement` only reads the DOM it is given (unless the caller asks to be
 * told about new paragraph ids). Whatever comes out of `documentFromElement` still goes through
 * `sanitizeRichText` before it is used.
 */

const PARAGRAPH_ID = /^[A-Za-z0-9_-]{1,40}$/;
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const SAFE_HREF = /^(?:https?:\/\/[^\s/]|mailto:\S)/i;

/** The address when it may be linked to (http, https, mailto), else null. */
export function safeHref(value: string): string | null {
  const cleaned = value.replace(INVISIBLE, '').trim();
  return SAFE_HREF.test(cleaned) ? cleaned : null;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A new paragraph anchor: `p-` and eight random letters or digits. */
export function newParagraphId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(8);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  return `p-${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

/* ---------- Document → HTML ---------- */

/**
 * The document as HTML for a read-only view. All text and attributes are escaped. Footnotes get
 * a numbered marker after their text and are listed, numbered alike, after the text.
 */
export function documentToHtml(doc: RichTextDocument): string {
  const notes: string[] = [];
  const html = blocksToHtml(doc.content, notes);
  if (notes.length === 0) return html;
  const items = notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('');
  return `${html}<ol class="footnotes" aria-label="Fotnoter">${items}</ol>`;
}

function blocksToHtml(blocks: readonly Block[], notes: string[]): string {
  return blocks.map((block) => blockToHtml(block, notes)).join('');
}

function blockToHtml(block: Block, notes: string[]): string {
  switch (block.type) {
    case 'heading':
      return `<h${block.level}>${lineToHtml(block.content, notes)}</h${block.level}>`;
    case 'paragraph': {
      const id = block.id && PARAGRAPH_ID.test(block.id) ? ` data-id="${escapeHtml(block.id)}"` : '';
      return `<p${id}>${lineToHtml(block.content, notes)}</p>`;
    }
    case 'bullet_list':
    case 'ordered_list': {
      const tag = block.type === 'bullet_list' ? 'ul' : 'ol';
      return `<${tag}>${block.items.map((item) => `<li>${blocksToHtml(item, notes)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return `<table><tbody>${block.rows.map((row) => rowToHtml(row, notes)).join('')}</tbody></table>`;
  }
}

function rowToHtml(row: TableRow, notes: string[]): string {
  const tag = row.header ? 'th' : 'td';
  return `<tr>${row.cells.map((cell) => `<${tag}>${lineToHtml(cell, notes)}</${tag}>`).join('')}</tr>`;
}

/**
 * The runs of one paragraph, heading or cell. An empty line gets a `<br>` (so that a caret can
 * sit in it), and so does a line ending in a line break (a browser shows a trailing `<br>` as
 * nothing).
 */
function lineToHtml(runs: readonly TextRun[], notes: string[]): string {
  const html = runs
    .map((run, index) => {
      const note = footnoteOf(run);
      // Runs next to each other under the same footnote share one marker, after the last of them.
      if (note === null || footnoteOf(runs[index + 1]) === note) return runToHtml(run);
      notes.push(note);
      return `${runToHtml(run)}<sup class="footnote-ref">${notes.length}</sup>`;
    })
    .join('');
  const text = runs.map((run) => run.text).join('');
  return text === '' || text.endsWith('\n') ? `${html}<br>` : html;
}

function footnoteOf(run: TextRun | undefined): string | null {
  const mark = run?.marks?.find((m): m is Extract<InlineMark, { type: 'footnote' }> => m.type === 'footnote');
  return mark ? mark.note : null;
}

function runToHtml(run: TextRun): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  const marks = run.marks ?? [];
  if (marks.some((mark) => mark.type === 'italic')) html = `<em>${html}</em>`;
  if (marks.some((mark) => mark.type === 'bold')) html = `<strong>${html}</strong>`;
  const link = marks.find((mark): mark is Extract<InlineMark, { type: 'link' }> => mark.type === 'link');
  const href = link ? safeHref(link.href) : null;
  if (href !== null) html = `<a href="${escapeHtml(href)}">${html}</a>`;
  return html;
}

/* ---------- DOM → document ---------- */

export interface FromElementOptions {
  /** Makes the id of a paragraph that has none (or a duplicate one). */
  newId?: () => string;
  /**
   * Told when a paragraph backed by an element got a new id, so that an editor can write it back
   * (`data-id`) and the paragraph keeps the id at the next save.
   */
  onNewId?: (element: Element, id: string) => void;
  /**
   * `collapse` (default): white space as a browser shows it in normal text, runs of spaces and
   * line feeds being one space (pasted HTML). `preserve`: as an element with `white-space:
   * pre-wrap` shows it, spaces kept and a line feed a line break (the editor).
   */
  whitespace?: 'collapse' | 'preserve';
}

interface Marks {
  bold: boolean;
  italic: boolean;
  href: string | null;
}

const NO_MARKS: Marks = { bold: false, italic: false, href: null };

/** Elements that start a block of their own; everything else is inline. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'UL',
  // Parts of a table found outside one (an editor can leave them): their cells become paragraphs.
  'CAPTION',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
]);
/** Never content: their text is not shown. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'HEAD', 'TITLE']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * Reads the document a contenteditable element shows: div/p → paragraph, h2–h4 → heading (h1
 * becomes 2, h5/h6 become 4), b/strong → bold, i/em → italic, a[href] → link, ul/ol/li → lists,
 * table/tr/th/td → table (a row of th cells is a header row), br → line break. Unknown elements
 * give their text. Paragraph ids come from `data-id`; a paragraph without one, or with one used
 * earlier in the document, gets a fresh id. Empty paragraphs at the very end are left out.
 */
export function documentFromElement(root: HTMLElement, options: FromElementOptions = {}): RichTextDocument {
  const reader = new DomReader(options.newId ?? newParagraphId, options.onNewId, options.whitespace === 'preserve');
  const content = reader.blocks(root.childNodes);
  // The empty line an editor keeps after the last table or list, to write on after it, is not content.
  while (content.length > 0) {
    const last = content[content.length - 1];
    if (last.type !== 'paragraph' || last.content.length > 0) break;
    content.pop();
  }
  return { type: 'doc', version: 1, content };
}

class DomReader {
  private readonly ids = new Set<string>();

  constructor(
    private readonly newId: () => string,
    private readonly onNewId: ((element: Element, id: string) => void) | undefined,
    private readonly preserve: boolean,
  ) {}

  /** The blocks of a run of nodes: loose inline content in between becomes paragraphs. */
  blocks(nodes: NodeListOf<ChildNode> | readonly ChildNode[], owner: Element | null = null): Block[] {
    const blocks: Block[] = [];
    let inline: ChildNode[] = [];
    let ownerUsed = false;
    const flush = () => {
      if (inline.length === 0) return;
      const onlyBlank = inline.every((node) => node.nodeType === TEXT_NODE && (node.textContent ?? '').trim() === '');
      if (!onlyBlank) {
        // Loose text directly in a list item belongs to the item (its first paragraph keeps the item's id).
        blocks.push(this.paragraph(ownerUsed ? null : owner, inline));
        ownerUsed = true;
      }
      inline = [];
    };
    for (const node of Array.from(nodes)) {
      if (node.nodeType === ELEMENT_NODE) {
        const element = node as Element;
        if (SKIPPED_TAGS.has(element.tagName.toUpperCase())) continue;
        if (BLOCK_TAGS.has(element.tagName.toUpperCase())) {
          flush();
          blocks.push(...this.block(element));
          continue;
        }
      } else if (node.nodeType !== TEXT_NODE) {
        continue;
      }
      inline.push(node);
    }
    flush();
    return blocks;
  }

  private block(element: Element): Block[] {
    const tag = element.tagName.toUpperCase();
    switch (tag) {
      case 'H1':
      case 'H2':
      case 'H3':
      case 'H4':
      case 'H5':
      case 'H6': {
        const level = Math.min(4, Math.max(2, Number(tag[1]))) as 2 | 3 | 4;
        return [{ type: 'heading', level, content: this.line(element.childNodes) }];
      }
      case 'UL':
      case 'OL':
        return [this.list(element)];
      case 'TABLE': {
        const rows = this.tableRows(element);
        return rows.length > 0 ? [{ type: 'table', rows }] : [];
      }
      case 'HR':
        return [];
      case 'P':
      case 'DIV':
        // A div around other blocks (pasted content) is a container, not a paragraph.
        return this.hasBlockChild(element) ? this.blocks(element.childNodes) : [this.paragraph(element, Array.from(element.childNodes))];
      case 'LI':
        return this.blocks(element.childNodes, element);
      default:
        return this.hasBlockChild(element) ? this.blocks(element.childNodes) : [this.paragraph(element, Array.from(element.childNodes))];
    }
  }

  private hasBlockChild(element: Element): boolean {
    return Array.from(element.children).some((child) => BLOCK_TAGS.has(child.tagName.toUpperCase()));
  }

  private list(element: Element): Block {
    const items: Block[][] = [];
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === ELEMENT_NODE && (child as Element).tagName.toUpperCase() === 'LI') {
        items.push(this.blocks(child.childNodes, child as Element));
      } else if (child.nodeType === ELEMENT_NODE && ['UL', 'OL'].includes((child as Element).tagName.toUpperCase())) {
        // A list directly in a list (as some editors nest them): it belongs to the item before it.
        const nested = this.list(child as Element);
        if (items.length > 0) items[items.length - 1].push(nested);
        else items.push([nested]);
      } else if ((child.textContent ?? '').trim() !== '') {
        items.push(this.blocks([child]));
      }
    }
    const type = element.tagName.toUpperCase() === 'OL' ? 'ordered_list' : 'bullet_list';
    return { type, items: items.map((item) => (item.length > 0 ? item : [this.paragraph(null, [])])) };
  }

  private tableRows(table: Element): TableRow[] {
    const rows: TableRow[] = [];
    const visit = (parent: Element) => {
      for (const child of Array.from(parent.children)) {
        const tag = child.tagName.toUpperCase();
        if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') visit(child);
        else if (tag === 'TR') {
          const cells = Array.from(child.children).filter((cell) => ['TD', 'TH'].includes(cell.tagName.toUpperCase()));
          if (cells.length === 0) continue;
          const row: TableRow = { cells: cells.map((cell) => this.cell(cell)) };
          if (cells.every((cell) => cell.tagName.toUpperCase() === 'TH')) row.header = true;
          rows.push(row);
        }
      }
    };
    visit(table);
    return rows;
  }

  /** A cell holds text only: blocks inside it become lines. */
  private cell(cell: Element): TextRun[] {
    const runs: TextRun[] = [];
    const visit = (nodes: NodeListOf<ChildNode>) => {
      for (const node of Array.from(nodes)) {
        if (node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName.toUpperCase())) {
          if (runs.length > 0 && !runs[runs.length - 1].text.endsWith('\n')) runs.push({ type: 'text', text: '\n' });
          visit(node.childNodes);
        } else {
          this.inline(node, NO_MARKS, runs);
        }
      }
    };
    visit(cell.childNodes);
    return tidyRuns(runs, true);
  }

  private paragraph(element: Element | null, nodes: readonly ChildNode[]): Block {
    const content = this.line(nodes);
    let id = element?.getAttribute('data-id') ?? null;
    if (id === null || !PARAGRAPH_ID.test(id) || this.ids.has(id)) {
      id = this.freshId();
      if (element) this.onNewId?.(element, id);
    }
    this.ids.add(id);
    return { type: 'paragraph', id, content };
  }

  private freshId(): string {
    let id = this.newId();
    while (this.ids.has(id)) id = this.newId();
    return id;
  }

  private line(nodes: NodeListOf<ChildNode> | readonly ChildNode[]): TextRun[] {
    const runs: TextRun[] = [];
    for (const node of Array.from(nodes)) this.inline(node, NO_MARKS, runs);
    return tidyRuns(runs, true);
  }

  private inline(node: ChildNode, marks: Marks, runs: TextRun[]): void {
    if (node.nodeType === TEXT_NODE) {
      // Whitespace as the browser shows it (non-breaking spaces are always kept).
      const raw = node.textContent ?? '';
      const text = this.preserve ? raw.replace(/\r\n?/g, '\n') : raw.replace(/[ \t\r\n]+/g, ' ');
      if (text !== '') runs.push(makeRun(text, marks));
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'BR') {
      runs.push(makeRun('\n', marks));
      return;
    }
    const next: Marks = { ...marks };
    if (tag === 'B' || tag === 'STRONG') next.bold = true;
    if (tag === 'I' || tag === 'EM') next.italic = true;
    const style = element.getAttribute('style') ?? '';
    if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(style)) next.bold = true;
    if (/font-style\s*:\s*italic/i.test(style)) next.italic = true;
    if (tag === 'A') {
      const href = safeHref(element.getAttribute('href') ?? '');
      next.href = href;
    }
    for (const child of Array.from(element.childNodes)) this.inline(child, next, runs);
  }
}

function makeRun(text: string, marks: Marks): TextRun {
  const list: InlineMark[] = [];
  if (marks.bold) list.push({ type: 'bold' });
  if (marks.italic) list.push({ type: 'italic' });
  if (marks.href !== null) list.push({ type: 'link', href: marks.href });
  return list.length > 0 ? { type: 'text', text, marks: list } : { type: 'text', text };
}

/**
 * Canonical runs: adjacent runs with the same marks merged, empty ones dropped, and the one
 * trailing line break a browser keeps at the end of a line (`text<br>`) removed.
 */
function tidyRuns(runs: TextRun[], dropTrailingBreak: boolean): TextRun[] {
  const merged: TextRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && JSON.stringify(last.marks ?? []) === JSON.stringify(run.marks ?? [])) last.text += run.text;
    else merged.push({ ...run });
  }
  if (dropTrailingBreak) {
    const last = merged[merged.length - 1];
    if (last?.text.endsWith('\n')) last.text = last.text.slice(0, -1);
  }
  return merged.filter((run) => run.text !== '');
}
