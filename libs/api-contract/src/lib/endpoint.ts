/**
 * The typed description of one HTTP endpoint: method, path, and (as types only) what it takes
 * and returns. Each endpoint is declared once, in endpoints.ts; the backend's controllers take
 * their route decorators from it and the frontend's ApiClient builds its requests from it.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where the API lives (the backend sets the same global prefix in backend/src/bootstrap.ts). */
export const API_PREFIX = '/api';

/** The names of a path's `:params`: `'/cycles/:cycleId/memo'` → `'cycleId'`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The values of a path's `:params`, e.g. `{ cycleId: string }`. */
export type PathParams<P extends string> = { readonly [K in ParamNames<P>]: string };

/** A query parameter as a client sends it; undefined ones are left out. */
export type QueryValue = string | number | boolean | undefined;

export interface Endpoint<P extends string = string, Req = unknown, Res = unknown, Q = unknown> {
  readonly method: HttpMethod;
  /** Below the /api prefix, with `:params`: `/cycles/:cycleId/memo/content`. */
  readonly path: P;
  /** The path below its area's base, for the Nest method decorator (`content`; '' for the base itself); set by area(). */
  readonly route: string;
  /** Types only, never set: the request body, the response body, the query parameters. */
  readonly types?: { request: Req; response: Res; query: Q };
}

export type RequestOf<E> = E extends Endpoint<string, infer Req, unknown, unknown> ? Req : never;
export type ResponseOf<E> = E extends Endpoint<string, unknown, infer Res, unknown> ? Res : never;
export type QueryOf<E> = E extends Endpoint<string, unknown, unknown, infer Q> ? Q : never;

/**
 * Declares an endpoint: `endpoint('PUT', '/cycles/:cycleId/memo/content').of<SaveMemoRequest, SaveMemoResponse>()`.
 * `of<Request, Response, Query>()` names the types (void: no body; Query: the query parameters, if any).
 */
export function endpoint<P extends string>(method: HttpMethod, path: P) {
  return {
    of: <Req = void, Res = void, Q = undefined>(): Endpoint<P, Req, Res, Q> => ({ method, path, route: path }),
  };
}

/** The endpoints of one controller, and the base path the controller is mounted on. */
export type Area<E extends Record<string, Endpoint>> = { readonly base: string } & { readonly [K in keyof E]: E[K] };

/**
 * Groups the endpoints of one controller under its base path (`@Controller(MEMO_API.base)`) and
 * gives each its route below it (`@Put(MEMO_API.saveContent.route)`). Every path must lie under the base.
 */
export function area<const E extends Record<string, Endpoint>>(base: string, endpoints: E): Area<E> {
  const routed: Record<string, Endpoint> = {};
  for (const [name, e] of Object.entries(endpoints)) {
    if (name === 'base') throw new Error(`An endpoint of ${base} may not be named "base"`);
    if (e.path !== base && !e.path.startsWith(`${base}/`)) throw new Error(`${e.method} ${e.path} lies outside its area ${base}`);
    routed[name] = { method: e.method, path: e.path, route: e.path.slice(base.length + 1) };
  }
  return { ...(routed as unknown as E), base };
}

/** The endpoints of an area, without its base. */
export function endpointsOf(a: { readonly base: string }): Endpoint[] {
  return Object.entries(a as Record<string, unknown>)
    .filter(([name]) => name !== 'base')
    .map(([, e]) => e as Endpoint);
}

/** The URL path of an endpoint with its params filled in (each one URI-encoded): `/api/cycles/c1/memo`. */
export function endpointPath<P extends string>(e: Endpoint<P, unknown, unknown, unknown>, params: PathParams<P>): string {
  const values = params as Record<string, string | undefined>;
  return (
    API_PREFIX +
    e.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_match, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`${e.method} ${e.path}: no value for :${name}`);
      return encodeURIComponent(value);
    })
  );
}

/** The query parameters that are set, as strings in their declared order. */
export function queryEntries(query: object | undefined): Array<[string, string]> {
  if (!query) return [];
  return Object.entries(query as Record<string, QueryValue>)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => [key, String(value)]);
}

/** The full URL of an endpoint, query included: for links and downloads (`<a href>`, `<iframe src>`). */
export function endpointUrl<P extends string, Q>(e: Endpoint<P, unknown, unknown, Q>, params: PathParams<P>, query?: NoInfer<Q>): string {
  const search = new URLSearchParams(queryEntries(query ?? undefined)).toString();
  return endpointPath(e, params) + (search ? `?${search}` : '');
}
