import type { ApiErrorResponse, HealthResponse, OrganisationResponse, TaskListResponse } from '@rapportflode/api-contract';
import { countOrganisationUnits, swedishToday } from '@rapportflode/domain';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../backend/src/database/migrations';
import { RunningApp, startHttpApp, useTestApp } from './support/app';
import { DEMO, HttpClient, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName } from './support/services';

describe('the API on the real PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let frontendDir: string;
  const prefix = uniqueName('redis');

  beforeAll(async () => {
    database = await createTestDatabase();
    // A stand-in for the Angular build, so this test does not depend on it.
    frontendDir = mkdtempSync(join(tmpdir(), 'rf-frontend-'));
    writeFileSync(join(frontendDir, 'index.html'), '<!doctype html><title>Rapportflöde</title><rf-root></rf-root>');
    running = await startHttpApp({ DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, FRONTEND_DIR: frontendDir });
  });

  afterAll(async () => {
    await running?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
    rmSync(frontendDir, { recursive: true, force: true });
  });

  it('serves the seeded organisation of both reference municipalities as trees to an installation admin', async () => {
    const admin = await signedIn(running.baseUrl, DEMO.admin);
    const response = await admin.get<OrganisationResponse>('/api/organisation');
    expect(response.status).toBe(200);
    const body = response.body;

    expect(body.committees.map((c) => `${c.name}, ${c.municipality}`)).toEqual([
      'Socialnämnden, Gnesta kommun',
      'Socialnämnden, Nacka kommun',
    ]);
    const [gnesta, nacka] = body.committees;
    expect(gnesta.diaryPrefix).toBe('SN');
    expect(countOrganisationUnits(gnesta.units)).toBe(19);
    const administration = gnesta.units[0];
    expect(administration.name).toBe('Socialförvaltningen');
    expect(administration.children.map((area) => area.name)).toEqual([
      'Förvaltningsledning',
      'Stöd och vägledning',
      'Äldre, funktionsstöd, hälso- och sjukvård',
      'Administration och bistånd',
    ]);
    const supportAndGuidance = administration.children[1];
    expect(supportAndGuidance).toMatchObject({ kind: 'operating_area', code: 'SoV' });
    expect(supportAndGuidance.children.map((unit) => unit.name)).toEqual([
      'Verksamhetschef',
      'Utredning och stöd',
      'Stöd till arbete',
      'Vuxenutbildning',
    ]);
    expect(nacka.units.map((unit) => unit.name)).toEqual(['Barn och familjeenheten', 'Omsorgsenheten']);
  });

  it('applied the migrations at start-up and seeded the demo data exactly once across restarts', async () => {
    const dataSource = running.app.get(DataSource);
    const migrations: Array<{ name: string }> = await dataSource.query(
      'SELECT name FROM typeorm_migrations ORDER BY id',
    );
    // Every migration the backend knows, each once, in the order of their timestamps.
    const known = MIGRATIONS.map((migration) => migration.name);
    expect(migrations.map((m) => m.name)).toEqual(known);
    expect(known[0]).toBe('CreateOrganisation1764000000000');
    const stamps = known.map((name) => Number(/\d{13}$/.exec(name)?.[0]));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));

    // A second instance against the same database (as several HTTP instances would start).
    const second = await startHttpApp({ DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix });
    try {
      const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM committee');
      expect(count).toBe(2);
      const units = await dataSource.query('SELECT count(*)::int AS count FROM organisation_unit');
      expect(units[0].count).toBe(21);
      const cycles = await dataSource.query('SELECT title FROM report_cycle ORDER BY title');
      expect(cycles.map((c: { title: string }) => c.title)).toEqual([
        `Delårsrapport ${swedishToday().slice(0, 4)}`,
        // Nacka's two earlier years, approved, so that this year's cycle has history to show.
        `Tertialbokslut 2 ${Number(swedishToday().slice(0, 4)) - 2}`,
        `Tertialbokslut 2 ${Number(swedishToday().slice(0, 4)) - 1}`,
        `Tertialbokslut 2 ${swedishToday().slice(0, 4)}`,
      ]);
    } finally {
      await second.close();
    }
  });

  it('starts the demo with a running delårsrapport: a submitted section waits for the economist, a draft for its unit head', async () => {
    const economist = await signedIn(running.baseUrl, DEMO.economist);
    const queue = (await economist.get<TaskListResponse>('/api/tasks/review-queue')).body.tasks;
    expect(queue.map((t) => `${t.sectionTitle} (${t.unitName})`)).toEqual(['Händelser av väsentlig betydelse (Vuxenutbildning)']);
    const mikael = await signedIn(running.baseUrl, 'mikael.sund@gnesta.example.se');
    const mine = (await mikael.get<TaskListResponse>('/api/tasks/mine')).body.tasks;
    expect(mine.find((t) => t.sectionTitle === 'Händelser av väsentlig betydelse')?.state).toBe('draft');
    expect(mine.every((t) => t.unitName === 'Stöd till arbete' && t.daysLate === 0)).toBe(true);
  });

  it('reports database and Redis as up on /api/health', async () => {
    const response = await fetch(`${running.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthResponse;
    expect(body.status).toBe('ok');
    expect(body.details['database']?.status).toBe('up');
    expect(body.details['redis']?.status).toBe('up');
  });

  it('answers an unknown API path with a JSON 404 in Swedish, not the frontend', async () => {
    const response = await fetch(`${running.baseUrl}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as ApiErrorResponse;
    expect(body).toEqual({ statusCode: 404, code: 'not_found', message: 'Det som efterfrågades finns inte.' });
  });

  it('serves the frontend for deep links so a bookmarked page opens', async () => {
    for (const path of ['/', '/organisation', '/status/anything']) {
      const response = await fetch(`${running.baseUrl}${path}`);
      expect(response.status).toBe(200);
      // The root element carries this page's CSP nonce (Angular puts it on its <style> elements).
      expect(await response.text()).toMatch(/<rf-root ngCspNonce="[A-Za-z0-9+/=]+"><\/rf-root>/);
    }
  });

  it('refuses the organisation to an anonymous request, with a Swedish message', async () => {
    const response = await new HttpClient(running.baseUrl).get<{ code: string; message: string }>('/api/organisation');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('unauthenticated');
    expect(response.body.message).toContain('inte inloggad');
  });

  it('sends security headers (helmet) and no framework banner', async () => {
    const response = await fetch(`${running.baseUrl}/api/health`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('publishes OpenAPI built from the controllers, with the contract shapes, to signed-in people', async () => {
    const reader = await signedIn(running.baseUrl, DEMO.reader);
    const response = await reader.get<{
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>('/api/docs-json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/organisation', '/api/health']));
    expect(Object.keys(document.components.schemas.Committee.properties).sort()).toEqual(
      ['diaryPrefix', 'id', 'municipality', 'name', 'units'].sort(),
    );
    const ui = await reader.get<string>('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger-ui');
  });
});

describe('health when Redis does not answer', () => {
  // Nothing listens on port 1: the API must still serve, and health must say what is wrong.
  const app = useTestApp({ REDIS_URL: 'redis://127.0.0.1:1', PROCESS_ROLE: 'http' });

  it('returns 503 naming Redis as down while the database is up, and still answers the API', async () => {
    const response = await fetch(`${app.running.baseUrl}/api/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as HealthResponse;
    expect(body.status).toBe('error');
    expect(body.details['redis']?.status).toBe('down');
    expect(body.details['database']?.status).toBe('up');

    const organisation = await fetch(`${app.running.baseUrl}/api/organisation`);
    expect(organisation.status).toBe(401);
  });
});
