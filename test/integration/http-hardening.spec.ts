import type { ApiErrorResponse, UserDto } from '@rapportflode/api-contract';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { DEMO, DEMO_PASSWORD, HttpClient, signedIn } from './support/http';

/** One request over a given agent, so a test can see whether a connection was reused. */
function viaAgent(agent: Agent, url: string): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Served as in production: the built app at / (here a stand-in index.html), the API under /api.
const frontendDir = mkdtempSync(join(tmpdir(), 'rf-frontend-'));
writeFileSync(
  join(frontendDir, 'index.html'),
  '<!doctype html><html lang="sv"><head><title>Rapportflöde</title></head><body><rf-root></rf-root></body></html>',
);

describe('HTTP hardening', () => {
  const test = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000', LOGIN_MAX_FAILURES: '100', FRONTEND_DIR: frontendDir });
  const url = (path: string) => `${test.running.baseUrl}${path}`;

  describe('oversized JSON bodies', () => {
    it.each([
      ['1.1 MB', 1_100_000],
      ['2 MB', 2_000_000],
    ])('answers %s with 413 payload_too_large in Swedish, on anonymous and signed-in routes, storing nothing', async (_label, size) => {
      const big = 'å'.repeat(size / 2);
      const anonymous = await new HttpClient(test.running.baseUrl).post<ApiErrorResponse>('/api/auth/login', {
        email: DEMO.admin,
        password: big,
      });
      expect(anonymous.status).toBe(413);
      expect(anonymous.body).toMatchObject({ code: 'payload_too_large' });
      expect(anonymous.body.message).toContain('för stort');

      const admin = await signedIn(test.running.baseUrl, DEMO.admin);
      const before = (await admin.get<{ users: UserDto[] }>('/api/users')).body.users.length;
      const write = await admin.post<ApiErrorResponse>('/api/users', { name: big, email: 'stor@gnesta.example.se' });
      expect(write.status).toBe(413);
      expect(write.body.code).toBe('payload_too_large');
      expect((await admin.get<{ users: UserDto[] }>('/api/users')).body.users.length).toBe(before);
    });
  });

  describe('login CSRF', () => {
    it('refuses a form post to sign-in (what a cross-site page can send) with 415 and sets no session', async () => {
      const response = await fetch(url('/api/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: DEMO.admin, password: DEMO_PASSWORD }).toString(),
        redirect: 'manual',
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as ApiErrorResponse).code).toBe('unsupported_media_type');
      expect(response.headers.getSetCookie()).toEqual([]);
      const plain = await fetch(url('/api/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ email: DEMO.admin, password: DEMO_PASSWORD }),
      });
      expect(plain.status).toBe(415);
      expect(plain.headers.getSetCookie()).toEqual([]);
    });

    it('refuses sign-in from another site (Origin or Sec-Fetch-Site), and accepts it from its own pages', async () => {
      const body = JSON.stringify({ email: DEMO.admin, password: DEMO_PASSWORD });
      const post = (headers: Record<string, string>) =>
        fetch(url('/api/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const foreign: Array<Record<string, string>> = [{ origin: 'https://angripare.example' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'null' }];
      for (const headers of foreign) {
        const refused = await post(headers);
        expect(refused.status).toBe(403);
        expect(((await refused.json()) as ApiErrorResponse).code).toBe('cross_site_refused');
        expect(refused.headers.getSetCookie()).toEqual([]);
      }
      const own = await post({ origin: new URL(test.running.baseUrl).origin, 'sec-fetch-site': 'same-origin' });
      expect(own.status).toBe(200);
    });

    it('refuses multipart bodies on a JSON route, but takes them where the route declares an upload', async () => {
      const admin = await signedIn(test.running.baseUrl, DEMO.admin);
      const form = new FormData();
      form.set('name', 'Formulär');
      const onJsonRoute = await admin.request<ApiErrorResponse>('POST', '/api/users', undefined, { form });
      expect(onJsonRoute.status).toBe(415);
      const upload = new FormData();
      upload.set('file', new Blob(['Kommun;Nämnd\n'], { type: 'text/csv' }), 'org.csv');
      const onUpload = await admin.request<ApiErrorResponse>('POST', '/api/organisation/import?dryRun=true', undefined, { form: upload });
      expect(onUpload.status).not.toBe(415);
      expect(onUpload.status).toBeLessThan(500);
    });
  });

  describe('what the API tells browsers and proxies', () => {
    it('keeps the API description behind sign-in, like everything but health', async () => {
      for (const path of ['/api/docs', '/api/docs-json']) {
        const anonymous = await fetch(url(path));
        expect(anonymous.status).toBe(401);
        expect(await anonymous.text()).not.toContain('swagger');
      }
      const admin = await signedIn(test.running.baseUrl, DEMO.reader);
      const json = await admin.get<{ paths: Record<string, unknown> }>('/api/docs-json');
      expect(json.status).toBe(200);
      expect(Object.keys(json.body.paths)).toContain('/api/health');
      expect((await fetch(url('/api/health'))).status).toBe(200);
    });

    it('marks every API answer Cache-Control: no-store', async () => {
      const admin = await signedIn(test.running.baseUrl, DEMO.admin);
      for (const path of ['/api/auth/me', '/api/users', '/api/organisation', '/api/nonexistent']) {
        const response = await admin.get(path);
        expect([path, response.headers.get('cache-control')]).toEqual([path, 'no-store']);
      }
    });

    it('allows styles and fonts from this server only: no https:, inline <style> only with the page’s own nonce', async () => {
      const directive = (csp: string, name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
      const api = (await fetch(url('/api/health'))).headers.get('content-security-policy') ?? '';
      expect(directive(api, 'style-src')).toBe("style-src 'self'");
      expect(directive(api, 'font-src')).toBe("font-src 'self'");
      expect(api).not.toContain('https:');
      expect(directive(api, 'style-src-elem')).toBe("style-src-elem 'self'");

      // The app's page: a fresh nonce each time, in the page (for Angular's <style> elements) and in its policy.
      const nonces: string[] = [];
      for (const path of ['/', '/cykler/123/rapport']) {
        const page = await fetch(url(path));
        expect(page.status).toBe(200);
        const html = await page.text();
        const nonce = /<rf-root ngCspNonce="([^"]+)"/.exec(html)?.[1] ?? '';
        expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
        const csp = page.headers.get('content-security-policy') ?? '';
        expect(directive(csp, 'style-src-elem')).toBe(`style-src-elem 'self' 'nonce-${nonce}'`);
        expect(csp).not.toContain('https:');
        expect(page.headers.get('cache-control')).toBe('no-store');
        nonces.push(nonce);
      }
      expect(new Set(nonces).size).toBe(2);
      // Unknown API paths stay JSON 404s, not the app's page.
      const unknown = await fetch(url('/api/finns-inte'));
      expect(unknown.status).toBe(404);
      expect(unknown.headers.get('content-type')).toContain('application/json');
    });

    it('keeps idle connections open longer than a load balancer (65 s > 60 s), so a reused connection is never cut', async () => {
      const server = test.running.app.getHttpServer() as Server;
      expect(server.keepAliveTimeout).toBe(65_000);
      expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
      // Node's default was 5 s: a connection idle for 5.5 s would have been closed under the client.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        expect(await viaAgent(agent, url('/api/health'))).toMatchObject({ status: 200, reused: false });
        await new Promise((resolve) => setTimeout(resolve, 5_500));
        expect(await viaAgent(agent, url('/api/health'))).toEqual({ status: 200, reused: true });
      } finally {
        agent.destroy();
      }
    });
  });

  describe('a committee admin and a person without roles', () => {
    it("cannot change the e-mail, sessions or roles of someone outside the nämnd, nor see them; the installation's admin can", async () => {
      const dataSource = test.running.app.get(DataSource);
      const admin = await signedIn(test.running.baseUrl, DEMO.admin);
      const [gnesta] = await dataSource.query(`SELECT id FROM committee WHERE municipality = 'Gnesta kommun'`);
      const gunPassword = 'gun-har-ett-långt-lösenord';
      const gun = await admin.post<UserDto>('/api/users', {
        name: 'Gun Nämndadmin',
        email: 'gun.namnd@gnesta.example.se',
        password: gunPassword,
        role: { role: 'admin', committeeId: gnesta.id, unitId: null },
      });
      expect(gun.status).toBe(201);
      const loner = await admin.post<UserDto>('/api/users', { name: 'Rolf Rollös', email: 'rolf@gnesta.example.se', password: 'rolf-har-ett-långt-lösenord' });
      expect(loner.status).toBe(201);
      const committeeAdmin = await new HttpClient(test.running.baseUrl).signIn('gun.namnd@gnesta.example.se', gunPassword);
      const rolf = await new HttpClient(test.running.baseUrl).signIn('rolf@gnesta.example.se', 'rolf-har-ett-långt-lösenord');
      const stored = async () =>
        JSON.stringify(
          await dataSource.query(
            `SELECT u.email, u.updated_at, (SELECT count(*) FROM user_session s WHERE s.user_id = u.id AND s.revoked_at IS NULL) AS sessions,
                    (SELECT count(*) FROM role_assignment r WHERE r.user_id = u.id) AS roles
               FROM app_user u WHERE u.id = $1`,
            [loner.body.id],
          ),
        );
      const before = await stored();

      const takeover = await committeeAdmin.patch<ApiErrorResponse>(`/api/users/${loner.body.id}`, { email: 'angripare@example.se' });
      expect(takeover.status).toBe(404);
      expect((await committeeAdmin.delete(`/api/users/${loner.body.id}/sessions`)).status).toBe(404);
      const role = await committeeAdmin.post(`/api/users/${loner.body.id}/roles`, { role: 'reader', committeeId: gnesta.id, unitId: null });
      expect(role.status).toBe(404);
      const listed = await committeeAdmin.get<{ users: UserDto[] }>('/api/users');
      expect(listed.body.users.map((u) => u.email)).not.toContain('rolf@gnesta.example.se');
      expect(await stored()).toBe(before);
      expect((await rolf.get('/api/auth/me')).status).toBe(200);

      // The installation's administrator still manages them.
      const own = await admin.patch<UserDto>(`/api/users/${loner.body.id}`, { title: 'Konsult' });
      expect(own.status).toBe(200);
      expect((await admin.get<{ users: UserDto[] }>('/api/users')).body.users.map((u) => u.email)).toContain('rolf@gnesta.example.se');
    });
  });
});
