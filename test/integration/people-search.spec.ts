import type { ApiErrorResponse, AuditListResponse, UserListResponse } from '@rapportflode/api-contract';
import { RunningApp, startHttpApp } from './support/app';
import { DEMO, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName } from './support/services';

/** GET /api/users searches and pages on the server, within what the caller may read; GET /api/audit names what each event is about. */
describe('people search and paging', () => {
  let database: TestDatabase;
  let http: RunningApp;
  const prefix = uniqueName('redis');

  beforeAll(async () => {
    database = await createTestDatabase();
    http = await startHttpApp({ DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PROCESS_ROLE: 'http' });
  }, 120_000);

  afterAll(async () => {
    await http?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('finds by name (accents ignored), e-mail, role and enhet, pages the rest, and refuses a bad page size in Swedish', async () => {
    const admin = await signedIn(http.baseUrl, DEMO.admin);
    const all = (await admin.get<UserListResponse>('/api/users')).body;
    expect(all.total).toBe(all.users.length);
    expect(all.total).toBeGreaterThan(10);

    const oberg = (await admin.get<UserListResponse>('/api/users?q=oberg')).body;
    expect(oberg.users.map((u) => u.email)).toEqual([DEMO.unitHeadBarnOchFamilj]);
    expect((await admin.get<UserListResponse>('/api/users?q=LENA.WIK%40gnesta')).body.users.map((u) => u.email)).toEqual([DEMO.unitHeadVuxenutbildning]);
    const heads = (await admin.get<UserListResponse>(`/api/users?q=${encodeURIComponent('enhetschef vuxenutbildning')}`)).body;
    expect(heads.users.map((u) => u.email)).toContain(DEMO.unitHeadVuxenutbildning);
    expect(heads.users.every((u) => u.roles.some((r) => r.role === 'unit_head') && u.roles.some((r) => r.scopeName.includes('Vuxenutbildning')))).toBe(true);

    const first = (await admin.get<UserListResponse>('/api/users?page=1&pageSize=5')).body;
    const second = (await admin.get<UserListResponse>('/api/users?page=2&pageSize=5')).body;
    expect([first.total, first.users.length, second.users.length]).toEqual([all.total, 5, 5]);
    expect(second.users.map((u) => u.id)).toEqual(all.users.slice(5, 10).map((u) => u.id));

    const bad = await admin.get<ApiErrorResponse>('/api/users?pageSize=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('pageSize måste vara ett heltal från 1 till 200.');

    // A förvaltningschef in Gnesta finds no one in Nacka.
    const director = await signedIn(http.baseUrl, DEMO.director);
    expect((await director.get<UserListResponse>('/api/users?q=camilla')).body).toMatchObject({ total: 0, users: [] });
  });

  it('names the person a role change is about in the audit log', async () => {
    const admin = await signedIn(http.baseUrl, DEMO.admin);
    const per = (await admin.get<UserListResponse>('/api/users?q=per.strom')).body.users[0];
    const given = await admin.post(`/api/users/${per.id}/roles`, { role: 'reviewer', committeeId: per.roles[0].committeeId, unitId: null });
    expect(given.status).toBe(201);
    const log = (await admin.get<AuditListResponse>('/api/audit?entityType=role_assignment&pageSize=5')).body;
    expect(log.events[0]).toMatchObject({ action: 'role.assign', context: { personName: 'Per Ström' } });
  });
});
