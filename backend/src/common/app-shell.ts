import type { NextFunction, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Content-Security-Policy of the application. Styles and fonts come from this server only:
 * the stylesheet files, and the <style> elements Angular writes at run time, which carry the
 * page's nonce (Angular reads it from `ngCspNonce` on the root element). Inline `style`
 * attributes stay allowed: they cannot select or load anything that img-src/font-src would not.
 */
export function contentSecurityPolicy(nonce: string | null): string {
  const styles = nonce ? `'self' 'nonce-${nonce}'` : "'self'";
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    `style-src ${styles}`,
    `style-src-elem ${styles}`,
    "style-src-attr 'unsafe-inline'",
  ].join('; ');
}

/** The OpenAPI UI (Swagger UI) writes its styles inline and has no nonce: its pages alone allow that. */
export const API_DOCS_CONTENT_SECURITY_POLICY = contentSecurityPolicy(null).replace(
  /style-src(-elem)? 'self'/g,
  (directive) => `${directive} 'unsafe-inline'`,
);

/**
 * Serves the app's index.html for `/` and every deep link (`/uppgifter`, `/cykler/…`), each time
 * with a fresh nonce in the page and in its CSP header. Files (with an extension) and the API are
 * left to the static files and the routes.
 */
export function appShell(directory: string, apiPrefix: string) {
  const indexFile = join(directory, 'index.html');
  let template: string | null = null;
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = request.path;
    if (path === `/${apiPrefix}` || path.startsWith(`/${apiPrefix}/`) || /\.[^/]+$/.test(path)) return next();
    if (template === null) {
      if (!existsSync(indexFile)) return next();
      template = readFileSync(indexFile, 'utf8');
    }
    const nonce = randomBytes(16).toString('base64');
    const page = template.replace(/<rf-root(\s|>)/, `<rf-root ngCspNonce="${nonce}"$1`);
    response.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce));
    // The page carries a nonce of its own: never served again from a cache.
    response.setHeader('Cache-Control', 'no-store');
    response.type('html').send(page);
  };
}
