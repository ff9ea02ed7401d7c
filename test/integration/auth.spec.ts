import type { ApiErrorResponse, SessionResponse, UserDto } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { RunningApp, startHttpApp, useTestApp } from './support/app';
import { DEMO, DEMO_PASSWORD, HttpClient, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName, waitFor } from './support/services';
import { mailText, startSmtpCatcher } from './support/smtp';

describe('sign-in, sessions and CSRF', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let dataSource: DataSource;
  let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
  const prefix = uniqueName('redis');

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpCatcher();
    running = await startHttpApp({
      DATABASE_URL: database.url,
      REDIS_KEY_PREFIX: prefix,
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://rapport.gnesta.example.se',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      LOGIN_MAX_FAILURES: '3',
      SESSION_IDLE_MINUTES: '30',
      // These tests age and revoke sessions in the database behind the application's back.
      SESSION_CACHE_SECONDS: '0',
    });
    dataSource = running.app.get(DataSource);
  });

  afterAll(async () => {
    await running?.close();
    await smtp?.stop();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('signs in with the demo password, sets an httpOnly SameSite session cookie, and tells who is signed in', async () => {
    const client = new HttpClient(running.baseUrl);
    const login = await client.post<SessionResponse>('/api/auth/login', { email: ' Lena.Wik@gnesta.example.se ', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie().join('\n');
    expect(cookies).toMatch(/rf_session=[^;]+;.*HttpOnly/);
    expect(cookies).toMatch(/rf_session=[^;]+;.*SameSite=Lax/);
    expect(cookies).not.toMatch(/rf_session=[^;]+;.*Secure/); // plain HTTP here; Secure when the request is HTTPS
    expect(cookies).toMatch(/XSRF-TOKEN=/);
    const me = await client.get<SessionResponse>('/api/auth/me');
    expect(me.body.user.name).toBe('Lena Wik');
    expect(me.body.user.roles.map((r) => r.scopeName)).toEqual(['Vuxenutbildning (Socialnämnden, Gnesta kommun)']);
    expect(me.body.user.actions).toEqual(['organisation.read', 'task.read', 'task.write', 'task.submit']);
    // The browser warns before the idle expiry: it is told how long that is.
    expect(login.body.idleMinutes).toBe(30);
    expect(me.body.idleMinutes).toBe(30);
  });

  it('marks the cookies Secure when the request came over HTTPS through a trusted proxy', async () => {
    const response = await fetch(`${running.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: DEMO.reader, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith('rf_session='))).toMatch(/; Secure/);
    expect(cookies.find((c) => c.startsWith('XSRF-TOKEN='))).toMatch(/; Secure/);
  });

  it('stores passwords as argon2id', async () => {
    const rows: Array<{ password_hash: string }> = await dataSource.query('SELECT password_hash FROM app_user WHERE email = $1', [
      DEMO.admin,
    ]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('answers a wrong password and an unknown address alike, then locks the address whether it exists or not', async () => {
    const client = new HttpClient(running.baseUrl);
    const wrong = await client.post<ApiErrorResponse>('/api/auth/login', { email: DEMO.economist, password: 'fel-lösenord' });
    const unknown = await client.post<ApiErrorResponse>('/api/auth/login', { email: 'ingen@gnesta.example.se', password: 'fel-lösenord' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('Fel e-postadress eller lösenord.');

    for (let i = 0; i < 2; i++) {
      await client.post('/api/auth/login', { email: DEMO.economist, password: 'fel-lösenord' });
      await client.post('/api/auth/login', { email: 'ingen@gnesta.example.se', password: 'fel-lösenord' });
    }
    // Locked now, even with the right password; the unknown address gets the very same answer.
    const locked = await client.post<ApiErrorResponse>('/api/auth/login', { email: DEMO.economist, password: DEMO_PASSWORD });
    const lockedUnknown = await client.post<ApiErrorResponse>('/api/auth/login', { email: 'ingen@gnesta.example.se', password: 'x' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('signin_locked');
    expect(lockedUnknown.body).toEqual(locked.body);
  });

  it('ends a session after the idle time and after the absolute expiry', async () => {
    const idle = await signedIn(running.baseUrl, DEMO.reader);
    const absolute = await signedIn(running.baseUrl, DEMO.reviewer);
    expect((await idle.get('/api/auth/me')).status).toBe(200);
    await dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '31 minutes'
        WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`,
      [DEMO.reader],
    );
    expect((await idle.get('/api/auth/me')).status).toBe(401);
    await dataSource.query(
      `UPDATE user_session SET expires_at = now() - interval '1 second'
        WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`,
      [DEMO.reviewer],
    );
    const expired = await absolute.get<ApiErrorResponse>('/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.message).toContain('har sessionen gått ut');
  });

  it('signs out on the server, and an admin can end all sessions of a person', async () => {
    const secretary = await signedIn(running.baseUrl, DEMO.secretary);
    const laptop = await signedIn(running.baseUrl, DEMO.secretary);
    expect((await secretary.post('/api/auth/logout')).status).toBe(204);
    expect((await secretary.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);

    const admin = await signedIn(running.baseUrl, DEMO.admin);
    const users = (await admin.get<{ users: UserDto[] }>('/api/users')).body.users;
    const id = users.find((u) => u.email === DEMO.secretary)?.id;
    const revoked = await admin.delete<{ revoked: number }>(`/api/users/${id}/sessions`);
    expect(revoked.body.revoked).toBe(1);
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token or with a forged one, and changes nothing', async () => {
    const admin = await signedIn(running.baseUrl, DEMO.admin);
    const [unit] = await dataSource.query(`SELECT id, name FROM organisation_unit WHERE name = 'Omsorgsenheten'`);
    const missing = await admin.request<ApiErrorResponse>('PATCH', `/api/units/${unit.id}`, { name: 'Kapad' }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_invalid');
    admin.setCookie('XSRF-TOKEN', 'forged-token-value-that-does-not-match-session');
    const forged = await admin.patch<ApiErrorResponse>(`/api/units/${unit.id}`, { name: 'Kapad' });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toBe('Säkerhetskontrollen misslyckades. Ladda om sidan och försök igen.');
    const [after] = await dataSource.query('SELECT name FROM organisation_unit WHERE id = $1', [unit.id]);
    expect(after.name).toBe('Omsorgsenheten');
  });

  it('resets a password through a single-use link mailed over SMTP, and ends the old sessions', async () => {
    const before = await signedIn(running.baseUrl, DEMO.director);
    const anonymous = new HttpClient(running.baseUrl);
    const unknown = await anonymous.post<{ message: string }>('/api/auth/password-reset', { email: 'ingen@gnesta.example.se' });
    const known = await anonymous.post<{ message: string }>('/api/auth/password-reset', { email: DEMO.director });
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body); // the answer does not reveal which address has an account

    const mail = await waitFor('the reset mail', async () => smtp.mails.find((m) => m.to.includes(DEMO.director)));
    expect(smtp.mails.filter((m) => m.to.includes('ingen@gnesta.example.se'))).toHaveLength(0);
    const text = mailText(mail.raw);
    expect(text).toContain('Någon (förhoppningsvis du) har bett om att få återställa lösenordet');
    const token = /https:\/\/rapport\.gnesta\.example\.se\/aterstall-losenord\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(token).toBeDefined();

    const short = await anonymous.post<ApiErrorResponse>('/api/auth/password-reset/confirm', { token, password: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.message).toBe('Lösenordet måste ha minst 12 tecken.');
    const newPassword = 'Ett-helt-nytt-lösenord-2026';
    expect((await anonymous.post('/api/auth/password-reset/confirm', { token, password: newPassword })).status).toBe(204);
    const reused = await anonymous.post<ApiErrorResponse>('/api/auth/password-reset/confirm', { token, password: newPassword });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('reset_token_invalid');

    expect((await before.get('/api/auth/me')).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', { email: DEMO.director, password: DEMO_PASSWORD })).status).toBe(401);
    expect((await anonymous.post('/api/auth/login', { email: DEMO.director, password: newPassword })).status).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });

  it('allows LOGIN_RATE_LIMIT_PER_MINUTE attempts per address and minute, then answers 429 in Swedish', async () => {
    const client = new HttpClient(app.running.baseUrl);
    const statuses: number[] = [];
    for (const email of [DEMO.admin, 'a@b.se', 'c@d.se', DEMO.admin]) {
      statuses.push((await client.post('/api/auth/login', { email, password: DEMO_PASSWORD })).status);
    }
    expect(statuses).toEqual([200, 401, 401, 429]);
    const limited = await client.post<ApiErrorResponse>('/api/auth/login', { email: DEMO.admin, password: DEMO_PASSWORD });
    expect(limited.body.message).toBe('För många försök. Vänta en stund och försök igen.');
  });
});
