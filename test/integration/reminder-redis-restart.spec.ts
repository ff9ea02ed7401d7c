import type { INestApplicationContext } from '@nestjs/common';
import type { SaveContentResponse, TaskDto } from '@rapportflode/api-contract';
import { RichTextDocument } from '@rapportflode/domain';
import { Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { AddressInfo, createServer } from 'node:net';
import { ReminderReconciliation } from '../../backend/src/modules/reminders/reminder-reconciliation';
import { ReminderScheduler } from '../../backend/src/modules/reminders/reminder-scheduler.service';
import { QueueName } from '../../backend/src/queue/queue.constants';
import { redisAnswers } from '../../backend/src/queue/local-redis';
import { redisOptionsFromUrl } from '../../backend/src/queue/redis-options';
import { RunningApp, startHttpApp, startWorker } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, TestDatabase, uniqueName, waitFor } from './support/services';

const doc = (text: string): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text }] }],
});

// Every process says it is a spring day of 2027 at noon: the cycle's instants (08:00 and 08:15
// Stockholm, in September) are far from the seconds this file runs, so none falls due meanwhile.
const CLOCK_OFFSET_MS = String(Date.parse('2027-03-19T12:00:00.000Z') - Date.now());

/** Every pending job a user's reminders depend on: reminders and review nudges, and the digest runs. */
async function pendingIds(queue: Queue): Promise<string[]> {
  const ids = await queue.getRanges(['delayed', 'wait', 'prioritized'], 0, -1);
  return ids.filter((id) => id.startsWith('reminder|') || id.startsWith('digest|')).sort();
}

/** Which trigger the worker's reconciliation since `since` answered, for the printed figure. */
async function runSince(worker: INestApplicationContext, since: number): Promise<string> {
  const attempts = worker.get(ReminderReconciliation).attempts;
  const run = await waitFor('the reconciliation to finish', async () => attempts.find((a) => a.ran && a.startedAt >= since));
  return run.ran ? `${run.reason}, the run itself ${run.ms} ms` : '';
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A Redis of this test's own that keeps nothing on disk: a restart brings it back empty. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: 'ignore',
  });
  await waitFor(`redis-server on port ${port}`, async () => child.exitCode === null && (await redisAnswers('127.0.0.1', port)), 10_000);
  return child;
}

/**
 * One database with a cycle of reminders: the cycle opened (its writers' reminders), one section
 * handed in (the reviewer's nudge), a person on the daily digest (the digest run). Two workers on
 * it, each with a Redis of its own: one on the machine's Redis under this file's prefix, one on a
 * redis-server this file starts and kills.
 */
describe('reminders come back after Redis lost them, without restarting the application', () => {
  const prefix = uniqueName('redis');
  const ownPrefix = uniqueName('redis');
  let database: TestDatabase | undefined;
  let http: RunningApp | undefined;
  const workers: INestApplicationContext[] = [];
  const queues: Queue[] = [];
  let redis: ChildProcess | undefined;
  let port: number;
  let taskId: string;

  async function startWorkerOn(redisUrl: string, keyPrefix: string, minutes: string): Promise<{ worker: INestApplicationContext; queue: Queue }> {
    const worker = await startWorker({ DATABASE_URL: database?.url, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: keyPrefix, SEED_DEMO_DATA: 'false', CLOCK_OFFSET_MS, REMINDER_RECONCILE_MINUTES: minutes });
    workers.push(worker);
    const queue = new Queue(QueueName.Reminders, { connection: redisOptionsFromUrl(redisUrl), prefix: keyPrefix });
    queues.push(queue);
    return { worker, queue };
  }

  /** The plan as the queue holds it once everything scheduled has arrived (one reconciliation makes sure). */
  async function expectedPlan(scheduler: ReminderScheduler, queue: Queue): Promise<string[]> {
    await scheduler.reconcile();
    const ids = await pendingIds(queue);
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.some((id) => id.startsWith('digest|'))).toBe(true);
    expect(ids.some((id) => id.startsWith(`reminder|${taskId}|review_nudge|`))).toBe(true);
    return ids;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    http = await startHttpApp({
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      CLOCK_OFFSET_MS,
      PROCESS_ROLE: 'http',
    });
    const secretary = await signedIn(http.baseUrl, DEMO.nackaSecretary);
    const camilla = await signedIn(http.baseUrl, DEMO.unitHeadBarnOchFamilj);
    const cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), 2027);
    const task = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    taskId = task.id;
    const saved = await camilla.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: doc('Barn och familj följer budget.') });
    const submitted = await camilla.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.status).toBe(201);
    expect((await camilla.put('/api/notifications/settings', { reminderDelivery: 'daily_digest' })).status).toBe(200);
  }, 40_000);

  afterAll(async () => {
    for (const queue of queues) await queue.close();
    for (const worker of workers) await worker.close();
    await http?.close();
    if (redis && redis.exitCode === null && redis.signalCode === null) redis.kill('SIGKILL');
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('rebuilds exactly the reminders, review nudges and digest runs within REMINDER_RECONCILE_MINUTES after every key is deleted', async () => {
    if (!http) throw new Error('no application');
    // A period of 3 s instead of minutes.
    const { worker, queue } = await startWorkerOn(TEST_REDIS_URL, prefix, '0.05');
    const before = await expectedPlan(http.app.get(ReminderScheduler), queue);
    // What FLUSHALL or an empty Redis does to this installation (repeat jobs included); other test files keep their keys.
    expect(await deleteRedisKeys(prefix)).toBeGreaterThan(before.length);
    const emptiedAt = Date.now();

    const after = await waitFor('the reminder jobs to be back', async () => {
      const ids = await pendingIds(queue);
      return ids.length >= before.length ? ids : null;
    }, 20_000);
    const seconds = (Date.now() - emptiedAt) / 1000;
    console.log(
      `Reminder jobs back ${seconds.toFixed(2)} s after the installation's Redis keys were deleted (REMINDER_RECONCILE_MINUTES=0.05), by ${await runSince(worker, emptiedAt)}`,
    );
    expect(after).toEqual(before);
    expect(seconds).toBeLessThan(0.05 * 60 + 5);
  }, 30_000);

  it('rebuilds exactly the same jobs once the worker is connected again to a redis-server killed and started again empty', async () => {
    port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    redis = await startRedis(port);
    // An hour between periodic runs: what brings the jobs back here is the reconnect.
    const { worker, queue } = await startWorkerOn(url, ownPrefix, '60');
    const before = await expectedPlan(worker.get(ReminderScheduler), queue);

    const killed = redis;
    const exited = new Promise<void>((resolve) => killed.once('exit', () => resolve()));
    const killedAt = Date.now();
    killed.kill('SIGKILL');
    await exited;
    redis = await startRedis(port);
    const backAt = Date.now();

    const after = await waitFor('the reminder jobs to be back', async () => {
      const ids = await pendingIds(queue);
      return ids.length >= before.length ? ids : null;
    }, 20_000);
    const seconds = (Date.now() - backAt) / 1000;
    console.log(`Reminder jobs back ${seconds.toFixed(2)} s after redis-server answered again, empty (REMINDER_RECONCILE_MINUTES=60), by ${await runSince(worker, killedAt)}`);
    expect(after).toEqual(before);
  }, 40_000);
});
