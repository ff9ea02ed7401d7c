import type { ApiErrorResponse, CycleSummaryDto, TaskDto, TaskListResponse } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { ApiResult, DEMO, DEMO_PASSWORD, HttpClient, signedIn } from './support/http';

const TOO_DEEP = 'Begäran är för djupt nästlad.';
const UNSTORABLE = 'Texten innehåller tecken som inte kan sparas.';

/** JSON nested `depth` levels deep, written as text (JSON.stringify would overflow the test's own stack). */
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** A request with a JSON body given as text, with the client's cookies and CSRF header. */
async function sendText(client: HttpClient, method: string, path: string, text: string): Promise<ApiResult<ApiErrorResponse>> {
  const cookies = (client as unknown as { cookies: Map<string, string> }).cookies;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookies.size) headers['cookie'] = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = cookies.get('XSRF-TOKEN');
  if (csrf) headers['x-xsrf-token'] = csrf;
  const response = await fetch(`${client.baseUrl}${path}`, { method, headers, body: text });
  return { status: response.status, body: (await response.json()) as ApiErrorResponse, headers: response.headers };
}

function expectRefused(result: ApiResult<unknown>, code: string, message: string, detail?: RegExp): void {
  const body = result.body as ApiErrorResponse;
  expect({ status: result.status, code: body.code, message: body.message }).toEqual({ status: 400, code, message });
  if (detail) expect(body.details?.join(' ')).toMatch(detail);
}

describe('hostile input: a coded Swedish 400, and nothing stored', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let db: DataSource;
  let admin: HttpClient;
  let secretary: HttpClient;
  let unitHead: HttpClient;
  let unitId: string;
  const unitName = async () => (await db.query('SELECT name, code FROM organisation_unit WHERE id = $1', [unitId]))[0] as { name: string; code: string | null };

  beforeAll(async () => {
    db = app.running.app.get(DataSource);
    admin = await signedIn(app.running.baseUrl, DEMO.admin);
    secretary = await signedIn(app.running.baseUrl, DEMO.secretary);
    unitHead = await signedIn(app.running.baseUrl, DEMO.unitHeadVuxenutbildning);
    unitId = (await db.query(`SELECT id FROM organisation_unit WHERE name = 'Vuxenutbildning'`))[0].id;
  });

  it('refuses JSON nested thousands of levels deep on the anonymous sign-in and on a write, and still signs in', async () => {
    const anonymous = new HttpClient(app.running.baseUrl);
    expectRefused(await sendText(anonymous, 'POST', '/api/auth/login', `{"email":${deepObject(10_000)},"password":"x"}`), 'invalid_input', TOO_DEEP);
    expectRefused(await sendText(anonymous, 'POST', '/api/auth/login', deepArray(100_000)), 'invalid_input', TOO_DEEP);
    expectRefused(await sendText(anonymous, 'POST', '/api/auth/password-reset', `{"email":${deepArray(5_000)}}`), 'invalid_input', TOO_DEEP);
    expectRefused(await sendText(admin, 'PATCH', `/api/units/${unitId}`, `{"name":${deepArray(20_000)}}`), 'invalid_input', TOO_DEEP);
    expect((await unitName()).name).toBe('Vuxenutbildning');
    expect((await new HttpClient(app.running.baseUrl).post('/api/auth/login', { email: DEMO.reader, password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('refuses a NUL in the sign-in and password-reset e-mail', async () => {
    const anonymous = new HttpClient(app.running.baseUrl);
    const mails = async () => Number((await db.query('SELECT count(*) AS n FROM captured_mail'))[0].n);
    const mailsBefore = await mails();
    expectRefused(await anonymous.post('/api/auth/login', { email: `${DEMO.admin}\u0000`, password: DEMO_PASSWORD }), 'invalid_input', UNSTORABLE, /email/);
    expectRefused(await anonymous.post('/api/auth/password-reset', { email: `${DEMO.reader}\u0000` }), 'invalid_input', UNSTORABLE, /email/);
    expect(anonymous.cookie('rf_session')).toBeUndefined();
    expect(await mails()).toBe(mailsBefore);
  });

  it('refuses a NUL or a lone surrogate in a unit, and keeps the unit as it was', async () => {
    expectRefused(await admin.patch(`/api/units/${unitId}`, { name: 'Vuxen\u0000utbildning' }), 'invalid_input', UNSTORABLE, /name.*NUL/);
    expectRefused(await admin.patch(`/api/units/${unitId}`, { code: 'VUX\ud800' }), 'invalid_input', UNSTORABLE, /code.*Unicode/);
    const [gnesta] = await db.query(`SELECT committee_id AS id FROM organisation_unit WHERE id = $1`, [unitId]);
    expectRefused(
      await admin.post('/api/units', { committeeId: gnesta.id, parentId: null, kind: 'administration', name: 'Ny\u0000förvaltning' }),
      'invalid_input',
      UNSTORABLE,
    );
    expect(await unitName()).toEqual({ name: 'Vuxenutbildning', code: expect.not.stringContaining('\ufffd') });
    expect(Number((await db.query(`SELECT count(*) AS n FROM organisation_unit WHERE name LIKE 'Ny%rvaltning'`))[0].n)).toBe(0);
    // A whole character outside the BMP (a surrogate pair) is text like any other.
    const renamed = await admin.patch<{ name: string }>(`/api/units/${unitId}`, { name: 'Vuxenutbildning 🎓' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Vuxenutbildning 🎓');
    expect((await admin.patch(`/api/units/${unitId}`, { name: 'Vuxenutbildning' })).status).toBe(200);
  });

  it('refuses a NUL or a lone surrogate in a person, and creates no one', async () => {
    expectRefused(await admin.post('/api/users', { name: 'Ny\u0000Person', email: 'ny.person@gnesta.example.se' }), 'invalid_input', UNSTORABLE);
    expectRefused(await admin.post('/api/users', { name: 'Ny Person', email: 'ny.person\ud800@gnesta.example.se' }), 'invalid_input', UNSTORABLE);
    expect(Number((await db.query(`SELECT count(*) AS n FROM app_user WHERE email LIKE 'ny.person%'`))[0].n)).toBe(0);
    const [reader] = await db.query('SELECT id, name FROM app_user WHERE email = $1', [DEMO.reader]);
    expectRefused(await admin.patch(`/api/users/${reader.id}`, { title: 'Läsare\u0000' }), 'invalid_input', UNSTORABLE, /title/);
    expect((await db.query('SELECT name, title FROM app_user WHERE id = $1', [reader.id]))[0].name).toBe(reader.name);
  });

  it('refuses a NUL in a template section and a section that is not an object, and saves no template', async () => {
    const [gnesta] = await db.query(`SELECT id FROM committee WHERE municipality = 'Gnesta kommun'`);
    const section = { key: 'a', parentKey: null, title: 'Inledning', kind: 'narrative', responsibility: 'committee', reviewerRole: 'economist' };
    const template = { committeeId: gnesta.id, name: 'Giftig mall', reportKind: 'tertial_report' };
    expectRefused(await admin.post('/api/templates', { ...template, sections: [{ ...section, title: 'In\u0000ledning' }] }), 'invalid_input', UNSTORABLE, /sections\[0\]\.title/);
    expectRefused(await admin.post('/api/templates', { ...template, sections: [[]] }), 'validation_failed', 'Uppgifterna är inte giltiga.', /objekt/);
    expect(Number((await db.query(`SELECT count(*) AS n FROM report_template WHERE name = 'Giftig mall'`))[0].n)).toBe(0);
  });

  it('refuses a NUL in a cycle, a version past PostgreSQL’s integer, and a date that does not exist; the cycle is unchanged', async () => {
    const cycles = async () => (await secretary.get<{ cycles: CycleSummaryDto[] }>('/api/cycles')).body.cycles;
    const before = (await cycles())[0];
    const path = `/api/cycles/${before.id}`;
    expectRefused(await secretary.patch(path, { version: before.version, title: 'Delår\u0000' }), 'invalid_input', UNSTORABLE, /title/);
    expectRefused(await secretary.patch(path, { version: 2_147_483_648, title: 'Ny titel' }), 'validation_failed', 'Uppgifterna är inte giltiga.', /version: talet är för stort/);
    expectRefused(await secretary.patch(path, { version: before.version, periodEnd: '2021-02-30' }), 'validation_failed', 'Uppgifterna är inte giltiga.', /datum som finns/);
    expectRefused(await secretary.patch(path, { version: before.version, meetingDate: '0000-00-00' }), 'validation_failed', 'Uppgifterna är inte giltiga.');
    const after = (await cycles()).find((c) => c.id === before.id);
    expect({ title: after?.title, version: after?.version, periodEnd: after?.periodEnd }).toEqual({ title: before.title, version: before.version, periodEnd: before.periodEnd });
  });

  it('refuses a NUL in a comment and a version past PostgreSQL’s integer in a save; the task is unchanged', async () => {
    const mine = (await unitHead.get<TaskListResponse>('/api/tasks/mine')).body.tasks;
    const task = (await unitHead.get<TaskDto>(`/api/tasks/${mine[0].id}`)).body;
    const comments = async () => Number((await db.query('SELECT count(*) AS n FROM task_comment WHERE task_id = $1', [task.id]))[0].n);
    const commentsBefore = await comments();
    expectRefused(await unitHead.post(`/api/tasks/${task.id}/comments`, { body: 'Se\u0000här' }), 'invalid_input', UNSTORABLE, /body/);
    expectRefused(await unitHead.post(`/api/tasks/${task.id}/comments`, { body: 'Se här', anchor: '\udc00' }), 'invalid_input', UNSTORABLE, /anchor/);
    expect(await comments()).toBe(commentsBefore);
    const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ny text' }] }] };
    expectRefused(await unitHead.request('PUT', `/api/tasks/${task.id}/content`, { version: 2_147_483_648, content }), 'validation_failed', 'Uppgifterna är inte giltiga.', /version/);
    const textWithNul = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ny\u0000text' }] }] };
    expectRefused(await unitHead.request('PUT', `/api/tasks/${task.id}/content`, { version: task.version, content: textWithNul }), 'invalid_input', UNSTORABLE);
    const after = (await unitHead.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    expect({ version: after.version, content: after.content }).toEqual({ version: task.version, content: task.content });
  });

  it('refuses a NUL in an audit filter, page=1e300 and a date no database holds', async () => {
    expectRefused(await admin.get('/api/audit?action=unit.update%00'), 'invalid_input', UNSTORABLE, /action/);
    expectRefused(await admin.get('/api/audit?page=1e300'), 'validation_failed', 'Uppgifterna är inte giltiga.', /page: talet är för stort/);
    expectRefused(await admin.get('/api/audit?from=-271821-04-20'), 'validation_failed', 'Uppgifterna är inte giltiga.', /from: datumet måste ligga mellan år 1900 och 9999/);
    expectRefused(await admin.get('/api/audit?to=%2B275760-09-13'), 'validation_failed', 'Uppgifterna är inte giltiga.', /to:/);
    expectRefused(await admin.get('/api/admin/mail?page=2147483648'), 'validation_failed', 'Uppgifterna är inte giltiga.', /page/);
    // The ordinary filters still answer.
    const listed = await admin.get<{ events: unknown[] }>('/api/audit?from=2020-01-01&page=1');
    expect(listed.status).toBe(200);
  });
  it('refuses an uploaded CSV holding a NUL byte with its line, and imports nothing from it', async () => {
    const count = async () => Number((await db.query('SELECT (SELECT count(*) FROM organisation_unit) + (SELECT count(*) FROM app_user) AS n'))[0].n);
    const before = await count();
    const csv = 'Kommun;Nämnd;Enhet;Nivå;Namn;E-post;Roll\nGnesta kommun;Socialnämnden;Socialförvaltningen / Ny\u0000enhet;Enhet;;;\n';
    for (const dryRun of [true, false]) {
      const form = new FormData();
      form.append('file', new Blob([new TextEncoder().encode(csv)], { type: 'text/csv' }), 'organisation.csv');
      const result = await admin.request<{ errors: Array<{ line: number | null; message: string }> }>(
        'POST',
        `/api/organisation/import?dryRun=${dryRun}`,
        undefined,
        { form },
      );
      expect(result.status).toBeLessThan(500);
      expect(result.body.errors).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/^Rad 2 innehåller ett NUL-tecken/) })]);
    }
    expect(await count()).toBe(before);
  });
});
