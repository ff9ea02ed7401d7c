import type { ApiErrorResponse, ImportResponse, UnitDto, UserDto } from '@rapportflode/api-contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RunningApp, startHttpApp } from './support/app';
import { DEMO, HttpClient, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName } from './support/services';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name));

/** Windows-1252 bytes of a string, as Swedish Excel saves "CSV (semikolonavgränsad)". */
function cp1252(text: string): Buffer {
  const map: Record<string, number> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9 };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

function csvForm(bytes: Buffer, name = 'organisation.csv'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), name);
  return form;
}

describe('organisation and people administration', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let dataSource: DataSource;
  let admin: HttpClient;
  const prefix = uniqueName('redis');

  const unitId = async (name: string) => (await dataSource.query('SELECT id FROM organisation_unit WHERE name = $1', [name]))[0].id as string;
  const snapshot = async () =>
    JSON.stringify(
      await dataSource.query(
        `SELECT (SELECT count(*) FROM organisation_unit) AS units, (SELECT count(*) FROM app_user) AS users,
                (SELECT count(*) FROM role_assignment) AS roles, (SELECT string_agg(name || parent_id, ',' ORDER BY id) FROM organisation_unit) AS tree`,
      ),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    running = await startHttpApp({ DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    dataSource = running.app.get(DataSource);
    admin = await signedIn(running.baseUrl, DEMO.admin);
  });

  afterAll(async () => {
    await running?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('creates, renames, moves, deactivates and reactivates a unit, auditing before and after', async () => {
    const [gnesta] = await dataSource.query(`SELECT id FROM committee WHERE municipality = 'Gnesta kommun'`);
    const sov = await unitId('Stöd och vägledning');
    const created = await admin.post<UnitDto>('/api/units', { committeeId: gnesta.id, parentId: sov, kind: 'unit', name: 'Familjeteamet' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await admin.patch<UnitDto>(`/api/units/${id}`, { name: 'Familjestödet' })).body.name).toBe('Familjestödet');
    const afh = await unitId('Äldre, funktionsstöd, hälso- och sjukvård');
    expect((await admin.patch<UnitDto>(`/api/units/${id}`, { parentId: afh })).body.parentId).toBe(afh);
    expect((await admin.patch<UnitDto>(`/api/units/${id}`, { active: false })).body.active).toBe(false);
    expect((await admin.patch<UnitDto>(`/api/units/${id}`, { active: true })).body.active).toBe(true);

    const events: Array<{ action: string; before: { name: string } | null; after: { name: string } }> = await dataSource.query(
      `SELECT action, before, after FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(events.map((e) => e.action)).toEqual(['unit.create', 'unit.update', 'unit.move', 'unit.deactivate', 'unit.reactivate']);
    expect(events[1].before?.name).toBe('Familjeteamet');
    expect(events[1].after.name).toBe('Familjestödet');
  });

  it('refuses to move a unit under its own descendant, a duplicate name, and deactivating a unit with active children; nothing changes', async () => {
    const before = await snapshot();
    const sov = await unitId('Stöd och vägledning');
    const vux = await unitId('Vuxenutbildning');
    const cycle = await admin.patch<ApiErrorResponse>(`/api/units/${sov}`, { parentId: vux });
    expect(cycle.status).toBe(409);
    expect(cycle.body.message).toBe('"Stöd och vägledning" kan inte flyttas till sig själv eller till en enhet under sig själv.');
    const duplicate = await admin.patch<ApiErrorResponse>(`/api/units/${vux}`, { name: 'utredning OCH stöd' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('duplicate_unit_name');
    const withChildren = await admin.patch<ApiErrorResponse>(`/api/units/${sov}`, { active: false });
    expect(withChildren.status).toBe(409);
    expect(withChildren.body.message).toContain('har aktiva enheter under sig');
    const invalid = await admin.post<ApiErrorResponse>('/api/units', { committeeId: 'nej', kind: 'avdelning', name: '' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual(
      expect.arrayContaining(['Ange vilken nämnd enheten hör till.', 'Nivån måste vara förvaltning, verksamhetsområde eller enhet.']),
    );
    expect(await snapshot()).toBe(before);
  });

  it('refuses a duplicate e-mail and an unknown person with precise messages', async () => {
    const duplicate = await admin.post<ApiErrorResponse>('/api/users', { name: 'Lena W', email: 'LENA.WIK@gnesta.example.se' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message).toBe('E-postadressen lena.wik@gnesta.example.se används redan av ett annat konto.');
    const unknown = await admin.patch<ApiErrorResponse>('/api/users/00000000-0000-4000-8000-000000000000', { name: 'X' });
    expect(unknown.status).toBe(404);
    const badEmail = await admin.post<ApiErrorResponse>('/api/users', { name: 'Ny', email: 'inte-en-adress' });
    expect(badEmail.body.details).toEqual(['Ange en giltig e-postadress.']);
  });

  it('lets a committee admin give roles only where they administer, and records the change', async () => {
    const [nacka] = await dataSource.query(`SELECT id FROM committee WHERE municipality = 'Nacka kommun'`);
    const [gnesta] = await dataSource.query(`SELECT id FROM committee WHERE municipality = 'Gnesta kommun'`);
    const created = await admin.post<UserDto>('/api/users', {
      name: 'Gun Gnesta',
      email: 'gun.admin@gnesta.example.se',
      title: 'Administratör',
      password: 'gun-har-ett-långt-lösenord',
    });
    await admin.post(`/api/users/${created.body.id}/roles`, { role: 'admin', committeeId: gnesta.id, unitId: null });
    const gun = await new HttpClient(running.baseUrl).signIn('gun.admin@gnesta.example.se', 'gun-har-ett-långt-lösenord');
    const before = await snapshot();
    // A nämnd's administrator creates a person together with a role where they administer roles.
    const roleless = await gun.post<ApiErrorResponse>('/api/users', { name: 'Ny Enhetschef', email: 'ny.chef@gnesta.example.se' });
    expect(roleless.status).toBe(400);
    expect(roleless.body.code).toBe('role_required');
    const omsorg = await unitId('Omsorgsenheten');
    const refused = await gun.post<ApiErrorResponse>('/api/users', {
      name: 'Ny Enhetschef',
      email: 'ny.chef@gnesta.example.se',
      role: { role: 'unit_head', committeeId: nacka.id, unitId: omsorg },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Du administrerar inte Omsorgsenheten (Socialnämnden, Nacka kommun) och kan inte dela ut roller där.');
    expect(await snapshot()).toBe(before);

    const vux = await unitId('Vuxenutbildning');
    const person = await gun.post<UserDto>('/api/users', {
      name: 'Ny Enhetschef',
      email: 'ny.chef@gnesta.example.se',
      role: { role: 'unit_head', committeeId: gnesta.id, unitId: vux },
    });
    expect(person.status).toBe(201);
    expect(person.body.roles.map((r) => r.scopeName)).toEqual(['Vuxenutbildning (Socialnämnden, Gnesta kommun)']);
    const refusedRole = await gun.post<ApiErrorResponse>(`/api/users/${person.body.id}/roles`, {
      role: 'unit_head',
      committeeId: nacka.id,
      unitId: omsorg,
    });
    expect(refusedRole.status).toBe(403);
    const again = await gun.post<ApiErrorResponse>(`/api/users/${person.body.id}/roles`, { role: 'unit_head', committeeId: gnesta.id, unitId: vux });
    expect(again.status).toBe(409);
    const stod = await unitId('Stöd och vägledning');
    const granted = await gun.post<UserDto>(`/api/users/${person.body.id}/roles`, { role: 'reader', committeeId: gnesta.id, unitId: stod });
    expect(granted.status).toBe(201);
    expect(granted.body.roles).toHaveLength(2);
    const audit = await gun.get<{ events: Array<{ action: string; actor: { name: string } }> }>('/api/audit?entityType=role_assignment');
    expect(audit.body.events[0]).toMatchObject({ action: 'role.assign', actor: { name: 'Gun Gnesta' } });
  });

  it('applies a removed role and a deactivation to the person’s very next request, although sessions and roles are cached', async () => {
    const created = await admin.post<UserDto>('/api/users', {
      name: 'Tove Tillfällig',
      email: 'tove@gnesta.example.se',
      title: 'Förvaltningsekonom',
      password: 'tove-har-ett-långt-lösenord',
    });
    const [gnesta] = await dataSource.query(`SELECT id FROM committee WHERE municipality = 'Gnesta kommun'`);
    const role = await admin.post<UserDto>(`/api/users/${created.body.id}/roles`, { role: 'economist', committeeId: gnesta.id, unitId: null });
    const tove = await new HttpClient(running.baseUrl).signIn('tove@gnesta.example.se', 'tove-har-ett-långt-lösenord');
    expect((await tove.get('/api/tasks/review-queue')).status).toBe(200);
    expect((await tove.get('/api/tasks/review-queue')).status).toBe(200); // now answered from the cache
    await admin.delete(`/api/users/${created.body.id}/roles/${role.body.roles[0].id}`);
    expect((await tove.get('/api/tasks/review-queue')).status).toBe(403);
    await admin.patch(`/api/users/${created.body.id}`, { active: false });
    expect((await tove.get('/api/auth/me')).status).toBe(401);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    await expect(dataSource.query('UPDATE audit_event SET action = $1', ['forged'])).rejects.toThrow('append-only');
    await expect(dataSource.query('DELETE FROM audit_event')).rejects.toThrow('append-only');
  });

  describe('CSV import', () => {
    it('previews a UTF-8 file without changing anything, then imports it all', async () => {
      const before = await snapshot();
      const preview = await admin.request<ImportResponse>('POST', '/api/organisation/import?dryRun=true', undefined, {
        form: csvForm(fixture('organisation-import-gnesta.csv')),
      });
      expect(preview.status).toBe(201);
      expect(preview.body.errors).toEqual([]);
      expect(preview.body.committed).toBe(false);
      expect(preview.body.summary).toEqual({ committees: 0, units: 2, users: 3, roles: 3 });
      expect(preview.body.rows[0].effect).toBe('Ny enhet, Ny person, Får rollen Enhetschef');
      expect(await snapshot()).toBe(before);

      const commit = await admin.request<ImportResponse>('POST', '/api/organisation/import?dryRun=false', undefined, {
        form: csvForm(fixture('organisation-import-gnesta.csv')),
      });
      expect(commit.body.committed).toBe(true);
      const roles = await dataSource.query(
        `SELECT u.name, r.role, o.name AS unit FROM role_assignment r JOIN app_user u ON u.id = r.user_id
           LEFT JOIN organisation_unit o ON o.id = r.unit_id WHERE u.email LIKE '%ar%lig%' OR u.email LIKE 'asa.%' ORDER BY u.name`,
      );
      expect(roles).toEqual([
        { name: 'Björn Ärlig', role: 'reviewer', unit: null },
        { name: 'Åsa Lindqvist', role: 'unit_head', unit: 'Boendestöd' },
      ]);
      const [event] = await dataSource.query(`SELECT after FROM audit_event WHERE action = 'organisation.import'`);
      expect(event.after).toMatchObject({ fileName: 'organisation.csv', units: 2, users: 3, roles: 3 });
      expect(event.after.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reads a Windows-1252 file with semicolons as Swedish Excel writes it', async () => {
      const text = 'Kommun;Nämnd;Enhet;Nivå\r\nGnesta kommun;Socialnämnden;Socialförvaltningen / Äldre, funktionsstöd, hälso- och sjukvård / Hemtjänst Öst;Enhet\r\n';
      const result = await admin.request<ImportResponse>('POST', '/api/organisation/import?dryRun=false', undefined, {
        form: csvForm(cp1252(text), 'från excel.csv'),
      });
      expect(result.body.encoding).toBe('windows-1252');
      expect(result.body.committed).toBe(true);
      expect(await unitId('Hemtjänst Öst')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('imports nothing when one row is bad, and reports each error with its line', async () => {
      const before = await snapshot();
      const text = [
        'Kommun;Nämnd;Enhet;Nivå;Namn;E-post;Roll',
        'Gnesta kommun;Socialnämnden;Socialförvaltningen / Stöd och vägledning / Ny enhet A;Enhet;;;',
        'Gnesta kommun;Socialnämnden;Socialförvaltningen / Stöd och vägledning / Ny enhet B;Avdelning;Kim;kim@gnesta.example.se;Chef',
        'Gnesta kommun;Socialnämnden;Socialförvaltningen / Stöd och vägledning;Enhet;;;',
      ].join('\n');
      const result = await admin.request<ImportResponse>('POST', '/api/organisation/import?dryRun=false', undefined, {
        form: csvForm(Buffer.from(text, 'utf8')),
      });
      expect(result.body.committed).toBe(false);
      const messages = result.body.errors.map((e) => `${e.line}: ${e.message}`);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^3: Okänd nivå "Avdelning"/),
          expect.stringMatching(/^3: Okänd roll "Chef"/),
          '4: Enheten "Socialförvaltningen / Stöd och vägledning" finns redan med nivån Verksamhetsområde, inte Enhet.',
        ]),
      );
      expect(await snapshot()).toBe(before);
    });

    it('refuses a file without a required column before looking at any row', async () => {
      const result = await admin.request<ImportResponse>('POST', '/api/organisation/import?dryRun=true', undefined, {
        form: csvForm(Buffer.from('Kommun;Enhet;Nivå\nGnesta kommun;X;Enhet\n')),
      });
      expect(result.body.errors).toEqual([{ line: 1, column: null, message: 'Kolumnen "Nämnd" saknas.' }]);
      const missing = await admin.request<ApiErrorResponse>('POST', '/api/organisation/import', undefined, { form: new FormData() });
      expect(missing.status).toBe(400);
      expect(missing.body.message).toBe('Välj en CSV-fil att importera.');
    });
  });
});
