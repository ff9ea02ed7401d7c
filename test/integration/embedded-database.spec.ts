import type { OrganisationResponse } from '@rapportflode/api-contract';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { EmbeddedPostgres } from '../../backend/src/database/embedded-postgres';
import { startHttpApp } from './support/app';
import { DEMO, signedIn } from './support/http';
import { deleteRedisKeys, uniqueName } from './support/services';

const EMBEDDED = resolve(__dirname, '../../backend/src/database/embedded-postgres.ts');

/**
 * Starts the embedded server in a separate Node process, as the application would, and kills
 * that process with SIGKILL once the server answers: no shutdown code of ours runs.
 */
async function startAndKillHard(dataDir: string): Promise<void> {
  const script =
    `require(${JSON.stringify(EMBEDDED)}).EmbeddedPostgres.start(${JSON.stringify(dataDir)}, 10, () => undefined)` +
    `.then((pg) => console.log('READY ' + pg.port), (e) => { console.error(e); process.exit(1); })`;
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    env: { ...process.env, NODE_OPTIONS: '', TS_NODE_PROJECT: resolve(__dirname, '../../backend/tsconfig.app.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolveReady, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) resolveReady();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`the server process ended (${code}) before it was ready: ${output}`)),
    );
  });
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

describe('the embedded default: DATABASE_URL unset', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-embedded-'));
  // Started as root, the server runs as the user postgres, which must be able to enter DATA_DIR.
  chmodSync(dataDir, 0o755);
  const prefix = uniqueName('redis');

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(prefix);
  });

  it('starts PostgreSQL under DATA_DIR, applies the migrations, serves the seed, and keeps it across a restart and a hard kill', async () => {
    const first = await startHttpApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, REDIS_KEY_PREFIX: prefix });
    let unitNames: string[];
    try {
      const dataSource = first.app.get(DataSource);
      // The ordinary postgres driver talks to a real server on loopback.
      expect(dataSource.options.type).toBe('postgres');
      const [{ server_version: version }] = await dataSource.query('SHOW server_version');
      expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(15);
      const applied: Array<{ name: string }> = await dataSource.query(
        'SELECT name FROM typeorm_migrations ORDER BY id',
      );
      expect(applied.map((m) => m.name)).toEqual(dataSource.migrations.map((m) => m.name ?? m.constructor.name));

      const body = (await (await signedIn(first.baseUrl, DEMO.admin)).get<OrganisationResponse>('/api/organisation'))
        .body;
      unitNames = body.committees.flatMap((c) => c.units.map((u) => u.name));
      expect(unitNames).toEqual(['Socialförvaltningen', 'Barn och familjeenheten', 'Omsorgsenheten']);
    } finally {
      await first.close();
    }
    // A clean stop leaves no running server behind.
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    // A process that dies by SIGKILL with its server running: the next start must come up anyway.
    await startAndKillHard(dataDir);

    // Same data directory: the committed data is there, migrations are not re-run, the seed is not repeated.
    const second = await startHttpApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, REDIS_KEY_PREFIX: prefix });
    try {
      const body = (await (await signedIn(second.baseUrl, DEMO.admin)).get<OrganisationResponse>('/api/organisation'))
        .body;
      expect(body.committees.flatMap((c) => c.units.map((u) => u.name))).toEqual(unitNames);
      const [{ count }] = await second.app.get(DataSource).query('SELECT count(*)::int AS count FROM committee');
      expect(count).toBe(2);
    } finally {
      await second.close();
    }
  });

  it('refuses a data directory that another running process serves, naming it', async () => {
    const first = await startHttpApp({ DATABASE_URL: undefined, DATA_DIR: dataDir, REDIS_KEY_PREFIX: prefix });
    try {
      // Two servers on one data directory would corrupt it: a second start is refused and names why.
      await expect(EmbeddedPostgres.start(dataDir, 10, () => undefined)).rejects.toThrow(
        /belongs to another running process/,
      );
      expect((await (await signedIn(first.baseUrl, DEMO.admin)).get('/api/organisation')).status).toBe(200);
    } finally {
      await first.close();
    }
  });
});
