/**
 * Comments of structured sections as rich text (a nämndmål's comment in goals.ts, the sick-leave
 * commentary in sick-leave.ts): stored as a rich-text document (rich-text/model.ts), sanitized by
 * rich-text/sanitize.ts. Content stored before comments were rich text holds a plain string; it is
 * read as a document of its paragraphs, one per line, and saved as a document the next time.
 */
import { emptyDocument, plainText, RichTextDocument, sanitizeRichText } from '../rich-text';
import { formatNumber } from '../format';
import { isRecord, SECTION_LIMITS, SectionIssue } from './section-check';

/** Plain text as a document: each non-empty line a paragraph. */
export function textDocument(text: string): RichTextDocument {
  const doc = emptyDocument();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t) doc.content.push({ type: 'paragraph', content: [{ type: 'text', text: t }] });
  }
  return doc;
}

/**
 * A stored comment as a clean document, whichever shape it was stored in (an older string, a
 * document); undefined when there is none or it says nothing.
 */
export function commentDocument(value: unknown): RichTextDocument | undefined {
  if (typeof value !== 'string' && !isRecord(value)) return undefined;
  const sanitized = sanitizeRichText(typeof value === 'string' ? textDocument(value) : value);
  if (!sanitized.ok || plainText(sanitized.document).trim() === '') return undefined;
  return sanitized.document;
}

/** A comment as the diff and the editor's plain views show it; null when there is none. */
export function commentText(value: unknown): string | null {
  const doc = commentDocument(value);
  return doc ? plainText(doc) : null;
}

/**
 * Reads an untrusted comment (a document, or plain text as older clients send it) into a clean
 * document; an issue naming the field when it is neither, is not a valid document or is too long.
 */
export function readRichComment(raw: Record<string, unknown>, field: string, label: string, row: string, issues: SectionIssue[]): RichTextDocument | undefined {
  const value = raw[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' && !isRecord(value)) {
    issues.push({ row, column: field, message: `${label}: ska vara text.` });
    return undefined;
  }
  const sanitized = sanitizeRichText(typeof value === 'string' ? textDocument(value) : value);
  if (!sanitized.ok) {
    issues.push({ row, column: field, message: `${label}: ${sanitized.errors.join(' ')}` });
    return undefined;
  }
  const doc = sanitized.document;
  const length = plainText(doc).length;
  if (length > SECTION_LIMITS.maxComment) {
    issues.push({ row, column: field, message: `${label}: får vara högst ${formatNumber(SECTION_LIMITS.maxComment)} tecken (nu ${formatNumber(length)}).` });
    return undefined;
  }
  return plainText(doc).trim() === '' ? undefined : doc;
}
