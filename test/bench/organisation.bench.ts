// GET /api/organisation: requests/s and p50/p95 latency at 20 concurrent connections against
// the built backend (real PostgreSQL, Redis; signed in, so each request also looks up the
// session and the roles), beside a bare node:http + pg server running the same SQL and
// shaping, without sign-in, in the same run. Usage: npm run bench -- organisation [--duration 10]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, uniqueName } from '../integration/support/services';
import { LoadResult, load, printTable, startServer, warmUp } from './support/harness';

const root = join(__dirname, '../..');
const durationArg = process.argv.indexOf('--duration');
const duration = durationArg > 0 ? Number(process.argv[durationArg + 1]) : 10;
const connections = 20;

/** The application answers signed-in people only: sign in as the installation admin (sees everything). */
async function sessionCookie(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@rapportflode.example.se', password: 'Rapportflode-demo-2026' }),
  });
  if (response.status !== 200) throw new Error(`sign-in for the benchmark failed: ${response.status}`);
  return { cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ') };
}

/** Starts a server, warms it up, loads /api/organisation, stops it. */
async function measure(label: string, args: string[], env: Record<string, string>, signIn: boolean): Promise<LoadResult> {
  const server = await startServer(process.execPath, args, env);
  try {
    const headers = signIn ? await sessionCookie(server.url) : {};
    await warmUp(`${server.url}/api/organisation`, headers);
    const result = await load(label, `${server.url}/api/organisation`, connections, duration, headers);
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    return result;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/backend/main.js'))) throw new Error('build first: npx nx build backend');
  const database = await createTestDatabase('bench');
  const prefix = uniqueName('redis');
  const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'warn' };
  try {
    // The application first: it migrates and seeds the database both servers then read.
    const appResult = await measure(
      'Rapportflöde (session, roles, Nest, TypeORM)',
      [join(root, 'dist/backend/main.js')],
      { ...env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' },
      true,
    );
    const baseResult = await measure(
      'baseline (node:http + pg, same SQL)',
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'support/baseline-organisation-server.ts')],
      { ...env, TS_NODE_PROJECT: join(__dirname, 'tsconfig.json') },
      false,
    );

    printTable(`GET /api/organisation, ${connections} connections, ${duration} s each (${new Date().toISOString()})`, [
      appResult,
      baseResult,
    ]);
    console.log(
      `  the application serves ${((appResult.requestsPerSecond / baseResult.requestsPerSecond) * 100).toFixed(0)} % of the baseline's requests/s`,
    );
  } finally {
    await database.drop();
    await deleteRedisKeys(prefix);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
