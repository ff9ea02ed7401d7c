import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { cycleDates } from './support/cycles';
import { ApiResult, DEMO, HttpClient, signedIn } from './support/http';

/**
 * Hostile input against every route the OpenAPI document declares: whatever arrives, the answer
 * is never a 5xx. The samples come from fast-check with a fixed seed (FUZZ_SEED overrides it), so
 * a failure printed here is reproduced by running the file again with the same seed.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_260_501);
const TARGETED_PER_ROUTE = 10;
const WHOLE_BODY_PER_ROUTE = 4;
const QUERIES_PER_ROUTE = 6;
const PUBLIC_EXTRA_PER_ROUTE = 16;

// ---------- JSON values that may hold what JSON.stringify cannot say (own "__proto__" keys) ----------

/** An object as its entries, so that keys such as "__proto__" stay plain keys in the JSON text. */
class Entries {
  constructor(readonly entries: Array<[string, Json]>) {}
}
type Json = string | number | boolean | null | Json[] | Entries;

function toJson(value: Json): string {
  if (value instanceof Entries) return `{${value.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  return JSON.stringify(value);
}

function fromPlain(value: unknown): Json {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value !== null && typeof value === 'object') return new Entries(Object.entries(value).map(([k, v]) => [k, fromPlain(v)]));
  return value as Json;
}

const LONE_SURROGATES = ['\ud800', 'a\udfffb', '\udc00\ud800', 'Enhet \udbff'];
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('\u0000', 'namn\u0000', '\u0000\ud800', 'a\u0000b@gnesta.example.se', ...LONE_SURROGATES),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 1, maxLength: 16 }).map((codes) => String.fromCharCode(...codes)),
  fc.integer({ min: 5_000, max: 100_000 }).map((n) => 'å'.repeat(n)),
  fc.constantFrom('-271821-04-20', '+275760-09-13', '0000-00-00', '0001-01-01', '1899-12-31', '9999-12-31', '2021-02-30', '2021-13-01'),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', "' OR 1=1 --", '%00', '', ' ', '1e300', '2147483648', 'null', 'true'),
);
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(1e300, -1e300, 2_147_483_648, -2_147_483_649, 2_147_483_647, 9_007_199_254_740_992, -1, 0, 0.5, 1e-300, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const wrongType: fc.Arbitrary<Json> = fc.constantFrom<Json>(null, true, false, [], new Entries([]), [null], [[]], ['x']);
const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'a\u0000b', '\ud800', '', 'toString'), fc.string());
const leaf: fc.Arbitrary<Json> = fc.oneof(hostileString, hostileNumber, wrongType);
const { value: hostileValue } = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map((entries) => new Entries(entries)),
    // Rich text of the editor's shape, with hostile text inside.
    hostileString.map((text) => new Entries([['type', 'doc'], ['content', [new Entries([['type', 'paragraph'], ['content', [new Entries([['type', 'text'], ['text', text]])]]])]]])),
  ),
}));

/** Nesting far past any sane limit, written as text: the test's own JSON.stringify would overflow its stack. */
const deepText: fc.Arbitrary<string> = fc
  .record({ depth: fc.constantFrom(40, 65, 300, 5_000, 60_000), array: fc.boolean() })
  .map(({ depth, array }) => (array ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

// ---------- Bodies shaped like the route's own, with one part made hostile ----------

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  $ref?: string;
}
interface Operation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

type Pools = Record<string, string[]>;

function poolFor(name: string, pools: Pools): string[] | undefined {
  const key = name.replace(/Ids?$/, '').toLowerCase();
  return pools[key === 'parent' ? 'unit' : key];
}

/** A plausible value for every property (examples, real ids), so that hostile parts get past the first check. */
function baseline(schema: Schema | undefined, doc: OpenApi, pools: Pools, name = '', depth = 0): Json {
  if (!schema || depth > 4) return 'x';
  if (schema.$ref) return baseline(doc.components.schemas[schema.$ref.split('/').pop() ?? ''], doc, pools, name, depth + 1);
  if (schema.example !== undefined && typeof schema.example !== 'object') return schema.example as Json;
  if (schema.enum?.length) return schema.enum[0] as Json;
  const pool = poolFor(name, pools);
  if (schema.type === 'array') {
    if (pool?.length) return [pool[0]];
    return schema.items ? [baseline(schema.items, doc, pools, name, depth + 1)] : [];
  }
  if (pool?.length) return pool[0];
  if (schema.format === 'uuid') return randomUUID();
  if (schema.properties) {
    return new Entries(Object.entries(schema.properties).map(([key, s]) => [key, baseline(s, doc, pools, key, depth + 1)]));
  }
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'object':
      return new Entries([]);
    default:
      return 'Text';
  }
}

/** What a GET answered, cut to the properties the write route's schema names (so the body is valid). */
function shapeLike(value: unknown, schema: Schema | undefined, doc: OpenApi, depth = 0): unknown {
  if (!schema || depth > 6) return value;
  if (schema.$ref) return shapeLike(value, doc.components.schemas[schema.$ref.split('/').pop() ?? ''], doc, depth + 1);
  if (Array.isArray(value) && schema.items) return value.map((v) => shapeLike(v, schema.items, doc, depth + 1));
  if (schema.properties && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const source = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(schema.properties)
        .filter(([key]) => source[key] !== undefined)
        .map(([key, s]) => [key, shapeLike(source[key], s, doc, depth + 1)]),
    );
  }
  return value;
}

/** Paths to every part of a value, the value itself first. */
function partsOf(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
  const children =
    value instanceof Entries
      ? value.entries.flatMap(([k, v]) => partsOf(v, [...path, k]))
      : Array.isArray(value)
        ? value.flatMap((v, i) => partsOf(v, [...path, i]))
        : [];
  return [path, ...children];
}

function replaceAt(value: Json, path: Array<string | number>, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (value instanceof Entries) return new Entries(value.entries.map(([k, v]) => [k, k === head ? replaceAt(v, rest, replacement) : v]));
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  return value;
}

function everyString(value: Json, replacement: string): Json {
  if (value instanceof Entries) return new Entries(value.entries.map(([k, v]) => [k, everyString(v, replacement)]));
  if (Array.isArray(value)) return value.map((v) => everyString(v, replacement));
  return typeof value === 'string' ? replacement : value;
}

/** The parts of a body that hold a plain value (string, number, boolean), at most `max` of them. */
function leavesOf(value: Json, max: number): Array<{ path: Array<string | number>; value: Json }> {
  return partsOf(value)
    .map((path) => ({ path, value: path.reduce<Json>((v, k) => (v instanceof Entries ? (v.entries.find(([key]) => key === k)?.[1] ?? null) : Array.isArray(v) ? v[k as number] : v), value) }))
    .filter(({ path, value: leaf }) => path.length > 0 && (typeof leaf === 'string' || typeof leaf === 'number'))
    .slice(0, max);
}

function hostileBodies(base: Json, seed: number): string[] {
  const parts = partsOf(base).slice(1);
  // Every text and number of the body in turn, with what PostgreSQL cannot store or hold.
  const each = leavesOf(base, 8).flatMap(({ path, value }) =>
    (typeof value === 'string' ? ['\u0000', 'x\ud800'] : [2_147_483_648, 1e300, -1e300]).map((bad) => replaceAt(base, path, bad)),
  );
  const mutation = fc.oneof(
    fc.record({ at: fc.nat(), value: hostileValue }).map(({ at, value }) => (parts.length ? replaceAt(base, parts[at % parts.length], value) : value)),
    fc.record({ key: hostileKey, value: hostileValue }).map(({ key, value }) => (base instanceof Entries ? new Entries([...base.entries, [key, value]]) : value)),
    hostileString.map((text) => everyString(base, text)),
  );
  const targeted = fc.sample(mutation, { seed, numRuns: TARGETED_PER_ROUTE });
  const whole = fc.sample(fc.oneof(hostileValue.map(toJson), fc.constantFrom('[]', '"x"', '1e300', 'null', 'true', '[{}]')), {
    seed: seed + 1,
    numRuns: WHOLE_BODY_PER_ROUTE,
  });
  // The hostile nesting also sits inside a body that is otherwise right.
  const deep = fc.sample(deepText, { seed: seed + 2, numRuns: 2 });
  const nested = base instanceof Entries && base.entries.length ? [`{${JSON.stringify(base.entries[0][0])}:${deep[0]}}`] : [];
  return [...[...each, ...targeted].map(toJson), ...whole, ...deep, ...nested];
}

// ---------- Query strings ----------

/** Percent-encoding that also carries what encodeURIComponent refuses (lone surrogates) as raw bytes. */
function encodeQueryPart(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out +=
      code >= 0xd800 && code <= 0xdfff
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
        : encodeURIComponent(ch);
  }
  return out;
}

const QUERY_NAMES = ['page', 'pageSize', 'from', 'to', 'filter', 'format', 'version', 'table', 'state', 'entityType', 'action', 'actorId', 'dryRun'];
const queryValue: fc.Arbitrary<string> = fc.oneof(
  hostileString.filter((s) => s.length < 3_000),
  hostileNumber.map(String),
  fc.constantFrom('1e300', '2147483648', '-1', '9'.repeat(400), '-271821-04-20', '275760-09-13', 'Infinity', 'NaN', '0x10', '1.5'),
);
const hostileQuery: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.constantFrom('page[]', 'a[b][c]', '__proto__', 'from[gt]'), fc.string()), queryValue), {
    minLength: 1,
    maxLength: 4,
  })
  .map((pairs) => pairs.map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v)}`).join('&'));

/** Asked of every GET route: the numbers and dates found to break a query before. */
const FIXED_QUERIES = ['page=1e300&pageSize=2147483648', 'from=-271821-04-20&to=%2B275760-09-13', 'version=2147483648', 'filter=%00&state=%ED%A0%80', 'page=1&page=2'];

// ---------- The run ----------

interface Failure {
  route: string;
  request: string;
  status: number;
  answer: string;
}

const excerpt = (text: string, max = 160) => {
  const shown = text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
  return Array.from(shown, (c) => (c < ' ' || (c.length === 1 && c >= '\ud800' && c <= '\udfff') ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('');
};

/** A stable seed per route, so that routes added or removed later do not change the others' samples. */
function routeSeed(route: string): number {
  let hash = SEED;
  for (const ch of route) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return hash;
}

async function send(client: HttpClient, method: string, path: string, text?: string): Promise<ApiResult> {
  const cookies = (client as unknown as { cookies: Map<string, string> }).cookies;
  const headers: Record<string, string> = {};
  if (cookies.size) headers['cookie'] = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = cookies.get('XSRF-TOKEN');
  if (csrf && method !== 'GET') headers['x-xsrf-token'] = csrf;
  if (text !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${client.baseUrl}${path}`, { method, headers, body: text, redirect: 'manual' });
  const body = await response.text();
  return { status: response.status, body, headers: response.headers };
}

describe('hostile input fuzzing over the OpenAPI document', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', LOGIN_MAX_FAILURES: '100' });
  let doc: OpenApi;
  let pools: Pools;
  /** Bodies the creating routes accept, built from the seeded data. */
  let corpus: Record<string, Record<string, unknown>> = {};
  let tried = 0;
  let serverErrors = 0;
  /** Answers per route and status, printed with FUZZ_VERBOSE=1 to see how far the bodies get. */
  const statuses = new Map<string, number>();
  const examples = new Map<string, string>();
  /** The current test's 5xx answers, reported together at its end. */
  let failures: Failure[] = [];
  beforeEach(() => {
    failures = [];
  });

  /**
   * Someone signed in. The installation admin is asked first; a route the admin may not use (a
   * cycle's or a task's work) goes to the secretary or the unit head, who may.
   */
  class Person {
    client = new HttpClient('');
    constructor(readonly email: string) {}
    async signIn(): Promise<this> {
      this.client = await signedIn(app.running.baseUrl, this.email);
      return this;
    }
  }
  const admin = new Person(DEMO.admin);
  const people = [admin, new Person(DEMO.secretary), new Person(DEMO.unitHeadVuxenutbildning)];
  const anonymous = () => new HttpClient(app.running.baseUrl);

  /** One request; a 401 (the fuzz signed itself out or ended its own session) signs in again. */
  async function attempt(who: Person | null, route: string, method: string, path: string, text?: string): Promise<number> {
    tried += 1;
    let result = await send(who?.client ?? anonymous(), method, path, text);
    if (result.status === 401 && who) {
      await who.signIn();
      result = await send(who.client, method, path, text);
    }
    const key = `${route} ${result.status}`;
    if (!statuses.has(key)) examples.set(key, excerpt(String(result.body), 200));
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    if (result.status >= 500) {
      serverErrors += 1;
      failures.push({ route, request: `${method} ${path.slice(0, 300)} ${text === undefined ? '' : excerpt(text)}`, status: result.status, answer: excerpt(String(result.body), 200) });
    }
    return result.status;
  }

  /** The first person the route lets past its access check: a body with an unknown field is refused only after it. */
  async function whoMay(route: string, method: string, path: string, base: Json): Promise<Person> {
    const probe = base instanceof Entries ? toJson(new Entries([...base.entries, ['fuzzProbe', 1]])) : toJson(base);
    for (const person of people) {
      if ((await attempt(person, route, method, path, probe)) !== 403) return person;
    }
    return admin;
  }

  beforeAll(async () => {
    console.log(`fuzz seed ${SEED} (set FUZZ_SEED to change it)`);
    const db = app.running.app.get(DataSource);
    const column = async (sql: string, params: unknown[] = []) => ((await db.query(sql, params)) as Array<{ id: string }>).map((r) => r.id);
    const fuzzing = people.map((p) => p.email);
    // Gnesta's running cycle: its secretary and the unit head of Vuxenutbildning are among the people.
    const [committee] = await column(`SELECT id FROM committee WHERE municipality = 'Gnesta kommun'`);
    const [firstCycle] = await column('SELECT c.id FROM report_cycle c JOIN report_template t ON t.id = c.template_id WHERE t.committee_id = $1 ORDER BY c.created_at', [committee]);
    pools = {
      committee: [committee],
      unit: await column(`SELECT id FROM organisation_unit WHERE committee_id = $1 ORDER BY kind = 'unit' DESC, id`, [committee]),
      // Never the fuzzing people's own accounts: a body that deactivates one would end the run.
      user: await column('SELECT id FROM app_user WHERE email <> ALL($1) ORDER BY id', [fuzzing]),
      assignment: await column('SELECT r.id FROM role_assignment r JOIN app_user u ON u.id = r.user_id WHERE u.email <> ALL($1) ORDER BY r.id', [fuzzing]),
      template: await column('SELECT id FROM report_template WHERE committee_id = $1 ORDER BY id', [committee]),
      cycle: firstCycle ? [firstCycle] : [],
      section: await column('SELECT id FROM cycle_section WHERE cycle_id = $1 ORDER BY id', [firstCycle]),
      task: await column(
        `SELECT t.id FROM task t LEFT JOIN organisation_unit u ON u.id = t.unit_id WHERE t.cycle_id = $1
          ORDER BY u.name = 'Vuxenutbildning' AND t.state IN ('not_started', 'draft') DESC, t.state IN ('not_started', 'draft') DESC, t.id`,
        [firstCycle],
      ),
      comment: await column('SELECT id FROM task_comment ORDER BY id'),
      notification: await column('SELECT id FROM notification ORDER BY id'),
      queue: ['reminders', 'mail'],
    };
    for (const person of people) await person.signIn();
    doc = (await admin.client.get<OpenApi>('/api/docs-json')).body;
    const [area] = await column(`SELECT id FROM organisation_unit WHERE committee_id = $1 AND kind = 'operating_area' ORDER BY id`, [committee]);
    const section = { key: 'fuzz', parentKey: null, title: 'Fuzzavsnitt', kind: 'narrative', responsibility: 'committee', reviewerRole: 'economist' };
    corpus = {
      'POST /api/units': { committeeId: committee, parentId: area, kind: 'unit', name: 'Fuzzenheten', code: 'FZ' },
      'PATCH /api/units/{id}': { name: 'Fuzzad enhet', code: 'FZ' },
      'PATCH /api/users/{id}': { name: 'Fuzzad Person', title: 'Granskare' },
      'POST /api/users': { name: 'Fuzz Person', email: 'fuzz.person@gnesta.example.se', title: 'Enhetschef' },
      'POST /api/users/{id}/roles': { role: 'reader', committeeId: committee, unitId: null },
      'POST /api/templates': { committeeId: committee, name: 'Fuzzmallen', reportKind: 'tertial_report', sections: [section] },
      'POST /api/cycles': { templateId: pools['template'][0], year: 2031, diaryNumber: 'SN.2031.1', title: 'Fuzzcykeln', ...cycleDates(2031) },
      'POST /api/tasks/{id}/comments': { body: 'En kommentar', anchor: 'p1' },
      'POST /api/auth/login': { email: DEMO.reader, password: 'fel-lösenord' },
      'POST /api/auth/password-reset': { email: DEMO.reader },
    };
    const cycle = (await people[1].client.get<{ cycles: Array<{ id: string; version: number }> }>('/api/cycles')).body.cycles.find((c) => c.id === firstCycle);
    if (cycle) corpus['PATCH /api/cycles/{id}'] = { version: cycle.version, title: 'Fuzzad cykel', diaryNumber: 'SN.2031.2', ...cycleDates(2031) };
    const comment = await people[2].client.post<{ id?: string }>(`/api/tasks/${pools['task'][0]}/comments`, { body: 'En första kommentar' });
    if (comment.status === 201 && comment.body.id) pools['comment'] = [comment.body.id];
    const queues = await admin.client.get<{ queues?: Array<{ name: string }> }>('/api/admin/queues');
    if (queues.body.queues?.length) pools['queue'] = queues.body.queues.map((q) => q.name);
  });

  afterAll(() => {
    if (process.env['FUZZ_VERBOSE']) console.log([...statuses].map(([key, n]) => `${n}\t${key}\t${examples.get(key)}`).join('\n'));
    console.log(`fuzz: ${tried} requests, ${serverErrors} answered 5xx`);
  });

  /** The path with real ids of the seeded data where the parameter names one, a random uuid otherwise. */
  function fill(path: string, hostile?: string): string {
    return path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (hostile !== undefined) return encodeQueryPart(hostile);
      const segment = path.slice(0, path.indexOf(`{${name}}`)).split('/').filter(Boolean).pop() ?? '';
      const key = name === 'id' ? segment.replace(/s$/, '') : name.replace(/Id$/, '');
      return pools[key]?.[0] ?? randomUUID();
    });
  }

  function operations(filter: (method: string, op: Operation) => boolean): Array<{ method: string; path: string; op: Operation }> {
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method, op]) => filter(method.toUpperCase(), op))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
  }

  /**
   * A body the route would accept, so that the hostile part is the only thing wrong with it: the
   * corpus for creations, the resource as a GET of the same path answers it for changes, or one
   * built from the schema's examples and the seeded ids.
   */
  async function validBody(method: string, path: string, op: Operation): Promise<Json> {
    const schema = schemaOf(op);
    const known = corpus[`${method} ${path}`];
    if (known) return fromPlain(known);
    if (schema && (method === 'PUT' || method === 'PATCH')) {
      for (const source of [path, path.replace(/\/[^/{]+$/, '')]) {
        if (!doc.paths[source]?.['get']) continue;
        const current = await admin.client.get(fill(source));
        if (current.status === 200 && current.body && typeof current.body === 'object') {
          const shaped = shapeLike(current.body, schema, doc) as Record<string, unknown>;
          if (Object.keys(shaped).length > 0) return fromPlain(shaped);
        }
      }
    }
    return baseline(schema, doc, pools);
  }

  const schemaOf = (op: Operation) => op.requestBody?.content['application/json']?.schema;
  /** All of the test's 5xx answers in one message: route, request excerpt, status and answer. */
  function assertNoServerErrors(): void {
    const lines = failures.map((f) => `${f.status} ${f.route}\n    request: ${f.request}\n    answer:  ${f.answer}`);
    if (lines.length > 0) throw new Error(`${lines.length} requests answered 5xx (seed ${SEED}):\n${lines.join('\n')}`);
  }

  it('never answers a write route with a 5xx, signed in as the installation admin', async () => {
    const writes = operations((method) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method));
    expect(writes.length).toBeGreaterThan(20);
    for (const { method, path, op } of writes) {
      const route = `${method} ${path}`;
      const seed = routeSeed(route);
      const base = await validBody(method, path, op);
      const who = await whoMay(route, method, fill(path), base);
      for (const text of hostileBodies(base, seed)) await attempt(who, route, method, fill(path), text);
      if (path.includes('{')) {
        for (const hostile of ['\u0000', '\ud800', '1e300', 'x'.repeat(3000)]) await attempt(who, route, method, fill(path, hostile), toJson(base));
      }
    }
    assertNoServerErrors();
  });

  it('never answers a hostile query string with a 5xx, signed in as the installation admin', async () => {
    const reads = operations((method) => method === 'GET').filter(({ path }) => !path.startsWith('/api/docs') && !path.includes('oidc'));
    expect(reads.length).toBeGreaterThan(10);
    for (const { path } of reads) {
      const route = `GET ${path}`;
      for (const query of [...FIXED_QUERIES, ...fc.sample(hostileQuery, { seed: routeSeed(route), numRuns: QUERIES_PER_ROUTE })]) {
        await attempt(admin, route, 'GET', `${fill(path)}?${query}`);
      }
    }
    assertNoServerErrors();
  });

  it('never answers the public routes (sign-in, password reset) with a 5xx, anonymously', async () => {
    const publicRoutes = operations((method, op) => method === 'POST' && schemaOf(op) !== undefined).filter(({ path }) =>
      ['/api/auth/login', '/api/auth/password-reset', '/api/auth/password-reset/confirm'].includes(path),
    );
    expect(publicRoutes).toHaveLength(3);
    for (const { method, path, op } of publicRoutes) {
      const route = `${method} ${path} (anonymous)`;
      const base = corpus[`${method} ${path}`] ? fromPlain(corpus[`${method} ${path}`]) : baseline(schemaOf(op), doc, pools);
      const bodies = [...hostileBodies(base, routeSeed(route)), ...fc.sample(hostileValue.map(toJson), { seed: routeSeed(route) + 3, numRuns: PUBLIC_EXTRA_PER_ROUTE })];
      for (const text of bodies) await attempt(null, route, method, path, text);
    }
    assertNoServerErrors();
  });
});
