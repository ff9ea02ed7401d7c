/** The sign-in page's own path: a return address pointing there is unwrapped, never nested. */
export const SIGN_IN_PATH = '/logga-in';

const PROBE_ORIGIN = 'http://return-path.invalid';

/**
 * Where to go after signing in (`tillbaka`): a path on this site, never another origin (`//host`,
 * `/\host`, `https://…`), never the sign-in page itself. A return address that points at the
 * sign-in page with a `tillbaka` of its own is unwrapped to the innermost one, so
 * `/logga-in?tillbaka=/logga-in?tillbaka=/uppgifter/1` becomes `/uppgifter/1`. Anything else: `fallback`.
 */
export function safeReturnPath(raw: unknown, fallback = '/'): string {
  let path = typeof raw === 'string' ? raw.trim() : '';
  // Each round peels one sign-in page; a handful is more than any real address has.
  for (let round = 0; round < 20; round += 1) {
    if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return fallback;
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(path)) return fallback;
    let url: URL;
    try {
      url = new URL(path, PROBE_ORIGIN);
    } catch {
      return fallback;
    }
    if (url.origin !== PROBE_ORIGIN) return fallback;
    if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith(`${SIGN_IN_PATH}/`)) {
      const inner = url.searchParams.get('tillbaka');
      if (!inner) return fallback;
      path = inner.trim();
      continue;
    }
    return `${url.pathname}${url.search}${url.hash}`;
  }
  return fallback;
}
