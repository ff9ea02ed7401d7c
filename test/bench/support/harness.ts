import { CSRF_COOKIE, CSRF_HEADER } from '@rapportflode/api-contract';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, uniqueName } from '../../integration/support/services';

export interface LoadResult {
  label: string;
  requests: number;
  errors: number;
  non2xx: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** autocannon against a URL; latencies are recorded per response, so p95 is exact. */
export async function load(
  label: string,
  url: string,
  connections: number,
  durationSeconds: number,
  headers: Record<string, string> = {},
  extra: Partial<autocannon.Options> = {},
): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: durationSeconds, pipelining: 1, headers, ...extra }, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    label,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    requestsPerSecond: result.requests.total / durationSeconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}

/** Runs a short warm-up so neither side is measured cold. */
export async function warmUp(url: string, headers: Record<string, string> = {}): Promise<void> {
  await autocannon({ url, connections: 4, duration: 2, headers });
}

export function printTable(title: string, rows: LoadResult[]): void {
  console.log(`\n${title}`);
  console.log('  server'.padEnd(44) + 'req/s'.padStart(10) + 'p50 ms'.padStart(10) + 'p95 ms'.padStart(10) + 'p99 ms'.padStart(10) + 'errors'.padStart(9));
  for (const r of rows) {
    console.log(
      `  ${r.label}`.padEnd(44) +
        r.requestsPerSecond.toFixed(0).padStart(10) +
        r.p50Ms.toFixed(1).padStart(10) +
        r.p95Ms.toFixed(1).padStart(10) +
        r.p99Ms.toFixed(1).padStart(10) +
        String(r.errors + r.non2xx).padStart(9),
    );
  }
}

/** Starts a server process and resolves with the URL it prints (`... running on http://host:port`). */
export function startServer(
  command: string,
  args: string[],
  env: Record<string, string>,
  pattern = /running on (http:\/\/[^\s)]+)/,
): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(command, args, { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s:\n${output}`)), 30_000);
    const poll = setInterval(() => {
      const match = pattern.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ url: match[1].replace('localhost', '127.0.0.1'), process: child, stop });
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/**
 * The baseline side: `concurrency` loops running `run` back to back for `durationSeconds`,
 * every call's latency recorded.
 */
export async function loadInProcess(
  label: string,
  concurrency: number,
  durationSeconds: number,
  run: (worker: number) => Promise<void>,
  /** With a pace, each worker starts one call per `paceMs` (a person clicking now and then) instead of back to back. */
  paceMs = 0,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + durationSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      // paced workers start spread over the first interval
      if (paceMs) await new Promise((resolve) => setTimeout(resolve, (worker * paceMs) / concurrency));
      while (Date.now() < end) {
        const start = performance.now();
        try {
          await run(worker);
          latencies.push(performance.now() - start);
        } catch {
          errors += 1;
        }
        const wait = paceMs - (performance.now() - start);
        if (paceMs && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    label,
    requests: latencies.length,
    errors,
    non2xx: 0,
    requestsPerSecond: latencies.length / durationSeconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
  };
}

const BACKEND_MAIN = join(__dirname, '../../../dist/backend/main.js');

export interface Backend {
  url: string;
  /** The backend's own test database. */
  databaseUrl: string;
  /** Stops the server, drops its database and deletes its Redis keys. */
  stop(): Promise<void>;
}

/**
 * The built backend (dist/backend/main.js) in production mode on a database and Redis key prefix
 * of its own (sign-in rate limit raised); `env` adds to or overrides its environment.
 */
export async function startBackend(env: Record<string, string> = {}): Promise<Backend> {
  if (!existsSync(BACKEND_MAIN)) throw new Error('build first: npx nx build backend');
  const database = await createTestDatabase('bench');
  const prefix = uniqueName('redis');
  const server = await startServer(process.execPath, [BACKEND_MAIN], {
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  return {
    url: server.url,
    databaseUrl: database.url,
    stop: async () => {
      await server.stop();
      await database.drop();
      await deleteRedisKeys(prefix);
    },
  };
}

export interface Session {
  /** The session cookie and the CSRF header, for every request. */
  headers: Record<string, string>;
}

/**
 * Signs in with the demo password. `attempts` > 1 tries again every 200 ms while the answer is
 * not 200 (until the demo seed is there).
 */
export async function signIn(url: string, email: string, attempts = 1): Promise<Session> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'Rapportflode-demo-2026' }),
    });
    if (response.status === 200) {
      const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
      const csrf = cookies.find((c) => c.startsWith(`${CSRF_COOKIE}=`))?.split('=')[1] ?? '';
      return { headers: { cookie: cookies.join('; '), [CSRF_HEADER]: csrf } };
    }
    if (attempt >= attempts) throw new Error(`sign-in as ${email} failed: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
