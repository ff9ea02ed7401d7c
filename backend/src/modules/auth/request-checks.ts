import type { Request } from 'express';
import { DomainError } from '../../common/domain-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method);
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/**
 * Writes carry JSON, or multipart/form-data where the route declares it (the file uploads).
 * A form post (urlencoded, text/plain) is what a cross-site page can send without the browser
 * asking first, so it never reaches a handler: that closes login CSRF, since sign-in itself has
 * no CSRF token yet.
 */
export function checkWriteContentType(request: Request, uploadRoute: boolean): void {
  if (isSafeMethod(request.method) || !hasBody(request)) return;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return;
  if (type === 'multipart/form-data' && uploadRoute) return;
  throw new DomainError(
    'unsupported_media_type',
    uploadRoute
      ? 'Filen ska skickas som multipart/form-data.'
      : 'Begäran ska skickas som JSON (Content-Type: application/json).',
  );
}

/**
 * Writes must come from the application's own pages: a browser says where a request comes from
 * (Sec-Fetch-Site, Origin), and a write from another site is refused even before its session or
 * CSRF token is looked at. Clients that send neither header (scripts, tests) are not browsers
 * on another site, and still need the session's CSRF token for everything but sign-in.
 */
export function checkWriteOrigin(request: Request, publicUrl: string): void {
  if (isSafeMethod(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers['origin'];
  const foreignSite = site === 'cross-site' || site === 'same-site';
  const foreignOrigin = typeof origin === 'string' && !sameOrigin(origin, request, publicUrl);
  if (foreignSite || foreignOrigin) {
    throw new DomainError(
      'cross_site_refused',
      'Begäran kom från en annan webbplats och avvisades. Öppna Rapportflöde direkt och försök igen.',
    );
  }
}

function sameOrigin(origin: string, request: Request, publicUrl: string): boolean {
  if (origin === 'null') return false;
  const own = new Set<string>();
  try {
    own.add(new URL(publicUrl).origin);
  } catch {
    // PUBLIC_URL is validated at boot; nothing to add if it is not a URL.
  }
  const host = request.headers['host'];
  if (host) own.add(`${request.protocol}://${host}`);
  try {
    return own.has(new URL(origin).origin);
  } catch {
    return false;
  }
}
