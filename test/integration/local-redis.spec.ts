import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalRedis, redisAnswers, RedisUnavailableError } from '../../backend/src/queue/local-redis';
import { freePort } from '../support/oidc';

// The developer default when REDIS_URL is unset (tested on a free port, since this machine's
// own Redis answers on 6379).
describe('the local Redis default', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rf-redis-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says in one line how to get Redis when none answers and redis-server is not on PATH', async () => {
    const port = await freePort();
    const attempt = ensureLocalRedis(dataDir, () => undefined, { port, searchPath: '/nonexistent' });
    await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(ensureLocalRedis(dataDir, () => undefined, { port, searchPath: '/nonexistent' })).rejects.toThrow(
      `No Redis answers on 127.0.0.1:${port} and redis-server is not on PATH: install Redis (apt-get install redis-server) or set REDIS_URL.`,
    );
  });

  it('starts redis-server from PATH with its data under DATA_DIR, and uses an answering Redis as it is', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const child = await ensureLocalRedis(dataDir, (line) => lines.push(line), { port });
    try {
      expect(child).not.toBeNull();
      expect(await redisAnswers('127.0.0.1', port)).toBe(true);
      expect(lines[0]).toMatch(new RegExp(`started .*redis-server on 127\\.0\\.0\\.1:${port} with its data in .*redis`));
      expect(readdirSync(join(dataDir, 'redis')).length).toBeGreaterThan(0);
      // A second start finds it answering and starts nothing.
      expect(await ensureLocalRedis(dataDir, () => undefined, { port })).toBeNull();
    } finally {
      child?.kill('SIGTERM');
      await new Promise((resolve) => child?.once('exit', resolve));
    }
    expect(await redisAnswers('127.0.0.1', port)).toBe(false);
  });
});
