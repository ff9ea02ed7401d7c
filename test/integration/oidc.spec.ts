import type { ApiErrorResponse, AuthOptionsResponse, SessionResponse } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { freePort, startOidcProvider, TestOidcProvider } from '../support/oidc';
import { RunningApp, startHttpApp } from './support/app';
import { DEMO, HttpClient } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName } from './support/services';

/** Follows redirects by hand, each client keeping its own cookies (the app's and the provider's). */
async function follow(app: HttpClient, provider: HttpClient, start: string, loginAs: string): Promise<string> {
  let location = start;
  let origin = app.baseUrl; // a relative Location is relative to whoever sent it
  for (let hop = 0; hop < 12; hop++) {
    const url = new URL(location, origin);
    origin = url.origin;
    const client = url.origin === app.baseUrl ? app : provider;
    const path = url.pathname + url.search;
    if (client === provider && /^\/interaction\/[\w-]+$/.test(url.pathname)) {
      const page = await provider.get<string>(path);
      expect(page.body).toContain('name="login"');
      const submitted = await provider.request('POST', path, undefined, { form: new URLSearchParams({ login: loginAs }) });
      location = submitted.headers.get('location') ?? '';
      continue;
    }
    const response = await client.get(path);
    const next = response.headers.get('location');
    if (!next) return path;
    location = next;
  }
  throw new Error('too many redirects');
}

describe('OpenID Connect sign-in against a real local provider', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let provider: TestOidcProvider;
  const prefix = uniqueName('redis');

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${publicUrl}/api/auth/oidc/callback`);
    running = await startHttpApp({
      DATABASE_URL: database.url,
      REDIS_KEY_PREFIX: prefix,
      PORT: String(port),
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    });
  });

  afterAll(async () => {
    await running?.close();
    await provider?.stop();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('offers the identity provider on the sign-in page', async () => {
    const options = await new HttpClient(running.baseUrl).get<AuthOptionsResponse>('/api/auth/options');
    expect(options.body.oidc).toEqual({ enabled: true, label: 'Logga in med kommunens konto' });
  });

  it('signs in an existing person by the e-mail the provider vouches for, and binds the subject', async () => {
    const app = new HttpClient(running.baseUrl);
    const idp = new HttpClient(provider.issuer);
    const landed = await follow(app, idp, '/api/auth/oidc/login', DEMO.unitHeadVuxenutbildning);
    expect(landed).toBe('/');
    const me = await app.get<SessionResponse>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(DEMO.unitHeadVuxenutbildning);
    const [user] = await running.app
      .get(DataSource)
      .query('SELECT oidc_issuer, oidc_subject FROM app_user WHERE email = $1', [DEMO.unitHeadVuxenutbildning]);
    expect(user.oidc_issuer).toBe(provider.issuer);
    expect(user.oidc_subject).toBeTruthy();
    const [event] = await running.app
      .get(DataSource)
      .query(`SELECT after FROM audit_event WHERE action = 'auth.sign_in' ORDER BY id DESC LIMIT 1`);
    expect(event.after).toEqual({ method: 'oidc', issuer: provider.issuer });
  });

  it('refuses a person the provider knows but Rapportflöde has no account for, with a Swedish reason', async () => {
    const app = new HttpClient(running.baseUrl);
    const idp = new HttpClient(provider.issuer);
    const landed = await follow(app, idp, '/api/auth/oidc/login', 'okand.person@gnesta.example.se');
    expect(decodeURIComponent(landed)).toBe(
      '/logga-in?fel=Det finns inget aktivt konto för okand.person@gnesta.example.se i Rapportflöde. Kontakta din administratör.',
    );
    expect((await app.get<ApiErrorResponse>('/api/auth/me')).status).toBe(401);
  });

  it('refuses a callback that was not started here (no flow cookie, forged state)', async () => {
    const app = new HttpClient(running.baseUrl);
    const response = await app.get('/api/auth/oidc/callback?code=forged&state=forged');
    expect(response.status).toBe(302);
    expect(decodeURIComponent(response.headers.get('location') ?? '')).toContain('/logga-in?fel=Inloggningen tog för lång tid');
    expect((await app.get('/api/auth/me')).status).toBe(401);
  });
});
