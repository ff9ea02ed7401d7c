import { API_PREFIX, area, endpoint, endpointPath, endpointUrl, type Endpoint } from './endpoint';
import { API_AREAS, API_ENDPOINTS, MEMO_API, OPERATIONS_API, REPORT_API } from './endpoints';

/**
 * A segment is lower-case words joined by hyphens, or a camelCase `:param`; the last one may end
 * in a file extension, for feeds that calendar and feed readers recognise by it (`calendar.ics`).
 */
const PATH = /^(\/([a-z0-9]+(-[a-z0-9]+)*|:[a-z][A-Za-z0-9]*))*\/([a-z0-9]+(-[a-z0-9]+)*(\.(ics|atom))?|:[a-z][A-Za-z0-9]*)$/;

const paramsOf = (e: Endpoint) => [...e.path.matchAll(/:([A-Za-z0-9]+)/g)].map((m) => m[1]);
const someParams = (e: Endpoint) => Object.fromEntries(paramsOf(e).map((name) => [name, `value-of-${name}`]));

describe('the API contract', () => {
  it('keeps every path under /api so the static frontend never shadows it', () => {
    expect(API_ENDPOINTS.length).toBeGreaterThan(10);
    for (const e of API_ENDPOINTS) {
      expect(endpointPath(e, someParams(e))).toMatch(/^\/api\//);
    }
  });

  it('declares every path well-formed: lower-case segments or :params, no trailing slash, no repeated param', () => {
    const malformed = API_ENDPOINTS.filter((e) => !PATH.test(e.path)).map((e) => `${e.method} ${e.path}`);
    expect(malformed).toEqual([]);
    for (const e of API_ENDPOINTS) {
      expect(new Set(paramsOf(e)).size).toBe(paramsOf(e).length);
      expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).toContain(e.method);
    }
  });

  it('declares each method and path once', () => {
    const keys = API_ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(repeated).toEqual([]);
  });

  it('places each endpoint under its area, the route being the rest of the path', () => {
    for (const a of API_AREAS) {
      expect(a.base).toMatch(PATH);
      for (const [name, e] of Object.entries(a)) {
        if (name === 'base') continue;
        const { path, route } = e as Endpoint;
        expect(path === a.base || path.startsWith(`${a.base}/`)).toBe(true);
        expect(route).toBe(path === a.base ? '' : path.slice(a.base.length + 1));
      }
    }
    const bases = API_AREAS.map((a) => a.base);
    expect(new Set(bases).size).toBe(bases.length);
    expect(MEMO_API.saveContent.route).toBe('content');
    expect(MEMO_API.get.route).toBe('');
    expect(OPERATIONS_API.retry.route).toBe('queues/:queue/jobs/:jobId/retry');
  });

  it('refuses an endpoint outside its area, and an endpoint named like the base', () => {
    expect(() => area('/cycles', { x: endpoint('GET', '/tasks').of() })).toThrow(/outside its area/);
    expect(() => area('/cycles', { x: endpoint('GET', '/cycles-and-more').of() })).toThrow(/outside its area/);
    expect(() => area('/cycles', { base: endpoint('GET', '/cycles').of() })).toThrow(/base/);
  });

  it('fills in and encodes the params, and adds the query parameters that are set', () => {
    expect(API_PREFIX).toBe('/api');
    expect(endpointPath(MEMO_API.saveContent, { cycleId: 'c1' })).toBe('/api/cycles/c1/memo/content');
    expect(endpointPath(OPERATIONS_API.retry, { queue: 'system', jobId: 'repeat:a/b' })).toBe(
      '/api/admin/queues/system/jobs/repeat%3Aa%2Fb/retry',
    );
    expect(endpointUrl(MEMO_API.document, { cycleId: 'c1' }, { format: 'pdf' })).toBe('/api/cycles/c1/memo/document?format=pdf');
    expect(endpointUrl(REPORT_API.document, { cycleId: 'c1' }, { format: 'csv', version: 2, table: 't 1' })).toBe(
      '/api/cycles/c1/report/document?format=csv&version=2&table=t+1',
    );
    expect(endpointUrl(REPORT_API.document, { cycleId: 'c1' }, { format: 'pdf', version: undefined })).toBe(
      '/api/cycles/c1/report/document?format=pdf',
    );
    expect(endpointUrl(MEMO_API.get, { cycleId: 'c1' })).toBe('/api/cycles/c1/memo');
    expect(() => endpointPath(MEMO_API.get, {} as { cycleId: string })).toThrow(/cycleId/);
  });

  it('types the params after the path and the query after the declaration', () => {
    // @ts-expect-error: the memo's param is cycleId
    expect(() => endpointPath(MEMO_API.get, { id: 'c1' })).toThrow(/cycleId/);
    // @ts-expect-error: the memo comes as html, pdf or docx
    expect(endpointUrl(MEMO_API.document, { cycleId: 'c1' }, { format: 'csv' })).toContain('format=csv');
  });
});
