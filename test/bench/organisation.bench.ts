// GET /api/organisation: requests/s and p50/p95 latency at 20 concurrent connections against
// the built backend (real PostgreSQL, Redis), beside a bare node:http + pg server running
// the same SQL in the same run. Usage: npm run bench -- organisation [--duration 10]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, uniqueName } from '../integration/support/services';
import { load, printTable, startServer, warmUp } from './support/harness';

const root = join(__dirname, '../..');
const durationArg = process.argv.indexOf('--duration');
const duration = durationArg > 0 ? Number(process.argv[durationArg + 1]) : 10;
const connections = 20;

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist/backend/main.js'))) throw new Error('build first: npx nx build backend');
  const database = await createTestDatabase('bench');
  const prefix = uniqueName('redis');
  const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'warn' };
  try {
    // The application first: it migrates and seeds the database both servers then read.
    const app = await startServer(process.execPath, [join(root, 'dist/backend/main.js')], {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
    });
    let appResult;
    try {
      await warmUp(`${app.url}/api/organisation`);
      appResult = await load('Rapportflöde (Nest + TypeORM + pino)', `${app.url}/api/organisation`, connections, duration);
    } finally {
      await app.stop();
    }

    const baseline = await startServer(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'support/baseline-organisation-server.ts')],
      { ...env, TS_NODE_PROJECT: join(__dirname, 'tsconfig.json') },
    );
    let baseResult;
    try {
      await warmUp(`${baseline.url}/api/organisation`);
      baseResult = await load('baseline (node:http + pg, same SQL)', `${baseline.url}/api/organisation`, connections, duration);
    } finally {
      await baseline.stop();
    }

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
