import type { DocumentModel } from '../model';
import { headingsOf } from '../model';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and attribute values: `&<>"'` escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * A CSS string literal (with its quotes) for `content: …` inside a <style> element: `"` and `\`
 * escaped, line breaks as `\A`, and `<`, `>`, `&` as hex escapes so that `</style>` can never
 * appear in the stylesheet.
 */
export function cssString(value: string): string {
  let body = '';
  for (const c of value) {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === '"') body += `\\${c}`;
    else if (c === '<' || c === '>' || c === '&' || code < 0x20 || code === 0x7f) body += `\\${code.toString(16).toUpperCase()} `;
    else body += c;
  }
  return `"${body}"`;
}

/** Only http(s) and mailto links survive (the content sanitiser's rule); anything else is null. */
export function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : null;
}

/** An id safe in HTML, CSS selectors and PDF destination names: letters, digits, `-`, `_`. */
export function sanitizeId(id: string): string {
  const cleaned = id
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `id-${cleaned}`;
}

/**
 * The HTML id of every heading and appendix, by model id: sanitised and unique. The PDF renderer
 * uses the same map to read the pages back from the PDF's named destinations.
 */
export function anchorIds(model: DocumentModel): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>(['innehall', 'dokument-titel']);
  const add = (id: string) => {
    if (out.has(id)) return;
    const base = sanitizeId(id);
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}`;
    used.add(candidate);
    out.set(id, candidate);
  };
  for (const heading of headingsOf(model)) add(heading.id);
  for (const appendix of model.appendices) add(appendix.id);
  return out;
}
