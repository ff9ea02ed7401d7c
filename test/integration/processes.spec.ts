import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, deleteRedisKeys, TestDatabase, TEST_REDIS_URL, uniqueName, waitFor } from './support/services';

const dist = join(__dirname, '../../dist/backend');

interface Finished {
  code: number | null;
  /** Nest re-raises the signal after its shutdown hooks have run, so a clean stop ends by SIGTERM. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(entry: 'main.js' | 'worker.js', env: Record<string, string>): { child: ChildProcess; output: () => Finished; exited: Promise<Finished> } {
  const child = spawn(process.execPath, [join(dist, entry)], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = () => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr });
  const exited = new Promise<Finished>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, output, exited };
}

describe('the built entries as processes', () => {
  beforeAll(() => {
    if (!existsSync(join(dist, 'main.js')) || !existsSync(join(dist, 'worker.js'))) {
      throw new Error('dist/backend is missing: build it first with `npx nx build backend` (npm test does)');
    }
  });

  it('refuses to boot with a bad environment and names the variable', async () => {
    const result = await run('main.js', { PORT: 'abc', DATABASE_URL: 'mysql://localhost/rapport' }).exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Invalid environment');
    expect(result.stderr).toContain('PORT="abc"');
    expect(result.stderr).toContain('DATABASE_URL="mysql://localhost/rapport": must be a postgres:// URL');
  });

  describe('with the real PostgreSQL and Redis', () => {
    let database: TestDatabase;
    const prefix = uniqueName('redis');

    beforeAll(async () => {
      database = await createTestDatabase();
    });

    afterAll(async () => {
      await database?.drop();
      await deleteRedisKeys(prefix);
    });

    it('runs the worker entry on its own and stops it cleanly on SIGTERM', async () => {
      const worker = run('worker.js', { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix });
      await waitFor('the worker to start', async () => worker.output().stdout.includes('worker is running'), 30_000);
      worker.child.kill('SIGTERM');
      const result = await worker.exited;
      expect(result.signal).toBe('SIGTERM');
      expect(result.stderr).not.toMatch(/Error/);
    });

    it('serves HTTP from main.js and stops cleanly on SIGTERM', async () => {
      const server = run('main.js', {
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        PORT: '0',
        HOST: '127.0.0.1',
      });
      const url = await waitFor(
        'the server to listen',
        async () => /running on (http:\/\/localhost:\d+)/.exec(server.output().stdout)?.[1],
        30_000,
      );
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      server.child.kill('SIGTERM');
      const result = await server.exited;
      expect(result.signal).toBe('SIGTERM');
      expect(result.stderr).not.toMatch(/Error/);
    });
  });
});
