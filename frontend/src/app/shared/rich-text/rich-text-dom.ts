import type { Block, InlineMark, RichTextDocument, TableRow, TextRun } from '@rapportflode/domain';

/*
 * The stored document model (libs/domain rich-text) as HTML for read-only views (the task page,
 * the conflict panel), and the helpers the editor shares: safe link addresses, escaping, new
 * paragraph anchors. `documentToHtml` escapes everything it writes. The editor itself reads and
 * writes the model through ProseMirror (rich-text-prosemirror.ts).
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
