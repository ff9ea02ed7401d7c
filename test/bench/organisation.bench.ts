// GET /api/organisation: requests/s and p50/p95 latency at 20 concurrent connections against
// the built backend (real PostgreSQL, Redis), beside a bare node:http + pg server running
// the same SQL in the same run. Usage: npm run bench -- organisation [--duration 10]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, uniqueName } from '../integration/support/services';
import { LoadResult, load, printTable, startServer, warmUp } from './support/harness';

const root = join(__dirname, '../..');
const durationArg = process.argv.indexOf('--duration');
const duration = durationArg > 0 ? Number(process.argv[durationArg + 1]) : 10;
const connections = 20;

/** Starts a server, warms it up, loads /api/organisation, stops it. */
async function measure(label: string, args: string[], env: Record<string, string>): Promise<LoadResult> {
  const server = await startServer(process.execPath, args, env);
  try {
    await warmUp(`${server.url}/api/organisation`);
    return await load(label, `${server.url}/api/organisation`, connections, duration);
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
    const appResult = await measure('Rapportflöde (Nest + TypeORM + pino)', [join(root, 'dist/backend/main.js')], {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
    });
    const baseResult = await measure(
      'baseline (node:http + pg, same SQL)',
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'support/baseline-organisation-server.ts')],
      { ...env, TS_NODE_PROJECT: join(__dirname, 'tsconfig.json') },
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
