import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join, resolve } from 'node:path';

/** Sends PING over a raw socket; true when Redis answers +PONG within the time limit. */
export function redisAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolvePromise(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

function findOnPath(binary: string, searchPath: string): string | null {
  for (const dir of searchPath.split(delimiter)) {
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export class RedisUnavailableError extends Error {}

/**
 * The developer default when REDIS_URL is unset: use the Redis on 127.0.0.1:6379, or start
 * `redis-server` from PATH with its data under DATA_DIR. The child stops with this process.
 */
export async function ensureLocalRedis(
  dataDir: string,
  log: (line: string) => void,
  options: { port?: number; searchPath?: string } = {},
): Promise<ChildProcess | null> {
  const host = '127.0.0.1';
  const port = options.port ?? 6379;
  if (await redisAnswers(host, port)) return null;
  const binary = findOnPath('redis-server', options.searchPath ?? process.env['PATH'] ?? '');
  if (!binary) {
    throw new RedisUnavailableError(
      `No Redis answers on ${host}:${port} and redis-server is not on PATH: install Redis (apt-get install redis-server) or set REDIS_URL.`,
    );
  }
  const dir = resolve(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    binary,
    ['--bind', host, '--port', String(port), '--dir', dir, '--appendonly', 'yes', '--save', '60 1', '--protected-mode', 'yes'],
    { stdio: 'ignore' },
  );
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  for (let waited = 0; waited < 5_000; waited += 100) {
    if (await redisAnswers(host, port)) {
      log(`REDIS_URL is unset: started ${binary} on ${host}:${port} with its data in ${dir}`);
      return child;
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new RedisUnavailableError(`redis-server was started from ${binary} but did not answer on ${host}:${port}.`);
}
