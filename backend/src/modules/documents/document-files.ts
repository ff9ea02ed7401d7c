import type { Response } from 'express';

/** ASCII for the plain filename: 'Socialnämnden' → 'Socialnamnden'. */
function ascii(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A download's Content-Disposition: 'Tertialbokslut-2-2021-Socialnamnden-utkast.pdf' for old
 * clients, with the UTF-8 form ('…-Socialnämnden-…') beside it, which browsers use.
 */
export function contentDisposition(kind: 'attachment' | 'inline', parts: readonly string[], extension: string): string {
  const utf8 = `${parts.map((p) => p.trim().replace(/[\s/\\"]+/g, '-')).join('-')}.${extension}`;
  const plain = `${parts.map(ascii).filter(Boolean).join('-')}.${extension}`;
  return `${kind}; filename="${plain}"; filename*=UTF-8''${rfc5987(utf8)}`;
}

/** A value for `filename*` (RFC 5987): encodeURIComponent leaves ' ( ) * ! as they are, which that grammar does not allow. */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const DOCUMENT_CONTENT_TYPES = {
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
} as const;

/**
 * The policy of a rendered document's HTML (a preview frame, a file opened in a tab): its own
 * inline styles and embedded fonts and images, nothing else, no scripts; framed only by this site.
 */
export const DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'";

/** A file as the answer: its type, disposition, cache rule, and no content sniffing; HTML under DOCUMENT_CSP. */
export function sendFile(response: Response, body: string | Buffer, type: string, disposition?: string, cache = 'no-store'): void {
  response.setHeader('Content-Type', type);
  if (type.startsWith('text/html')) response.setHeader('Content-Security-Policy', DOCUMENT_CSP);
  if (disposition) response.setHeader('Content-Disposition', disposition);
  response.setHeader('Cache-Control', cache);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.status(200).send(body);
}
