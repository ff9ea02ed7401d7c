import type { INestApplicationContext } from '@nestjs/common';
import type { CycleSummaryDto, SaveContentResponse, TaskDto } from '@rapportflode/api-contract';
import { RichTextDocument } from '@rapportflode/domain';
import { Job, Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { Clock } from '../../backend/src/common/clock';
import { ReminderScheduler } from '../../backend/src/modules/reminders/reminder-scheduler.service';
import { DEFAULT_JOB_OPTIONS, JobName, JobPayloads, QueueName } from '../../backend/src/queue/queue.constants';
import { QueueService } from '../../backend/src/queue/queue.service';
import { redisOptionsFromUrl } from '../../backend/src/queue/redis-options';
import { RunningApp, startHttpApp, startWorker } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, TestDatabase, uniqueName, waitFor } from './support/services';
import { mailText } from './support/smtp';

type ReminderJob = Job<JobPayloads[JobName.Reminder]>;

const dist = join(__dirname, '../../dist/backend');

const doc = (text: string): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text }] }],
});

interface Accepted {
  to: string;
  messageId: string;
  text: string;
}

/**
 * The nämnd's mail server, with faults on demand: addresses it refuses at RCPT (550), a number
 * of transactions it turns away with 421 (busy), and messages it receives but never answers
 * (stalls after DATA, as a server or network that hangs). Only what it answered 250 counts as
 * delivered (`accepted`).
 */
async function startFaultySmtp() {
  const state = {
    accepted: [] as Accepted[],
    rcptTries: [] as string[],
    refuse: new Set<string>(),
    busy: 0,
    stallNext: 0,
    stalled: [] as Array<{ messageId: string; answered: boolean }>,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (state.busy > 0) {
        state.busy -= 1;
        return callback(Object.assign(new Error('Try again later, closing connection'), { responseCode: 421 }));
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      state.rcptTries.push(address.address);
      if (state.refuse.has(address.address)) {
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '';
        // Only reminders are stalled: a worker started with its clock moved on may also send other
        // mail that falls due then (the demo meeting's kallelse reminder), which passes through.
        if (state.stallNext > 0 && messageId.startsWith('<reminder.')) {
          state.stallNext -= 1;
          // Received in full but never answered: the client waits for a 250 that does not come.
          state.stalled.push({ messageId, answered: false });
          return;
        }
        for (const r of session.envelope.rcptTo) state.accepted.push({ to: r.address, messageId, text: mailText(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    state,
    /** What was delivered about one task (its id is in every reminder's link). */
    deliveredFor: (taskId: string) => state.accepted.filter((m) => m.text.includes(taskId)),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** node dist/backend/worker.js as its own process, as in production. */
function runWorker(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<void> } {
  const child = spawn(process.execPath, [join(dist, 'worker.js')], {
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, output: () => output, exited };
}

/**
 * Faults around sending reminders, on the real Redis, PostgreSQL and a real SMTP server: a
 * bouncing address, a busy mail server, a worker killed while its mail is on the wire, and Redis
 * away while a task is submitted. Each reminder is made due now by putting it on the queue
 * without delay and letting the worker's clock stand just after its instant.
 */
describe('reminders under faults: bounces, retries, a killed worker, Redis away', () => {
  let database: TestDatabase;
  let http: RunningApp;
  let worker: INestApplicationContext | undefined;
  let smtp: Awaited<ReturnType<typeof startFaultySmtp>>;
  let db: DataSource;
  let queue: Queue;
  let queues: QueueService;
  let cycle: CycleSummaryDto;
  let taskIds: string[];
  const prefix = uniqueName('redis');
  const freshPrefix = uniqueName('redis');
  let fresh: Queue | undefined;
  const children: ChildProcess[] = [];

  async function lateJob(taskId: string): Promise<ReminderJob> {
    const jobs = (await queue.getJobs(['delayed'])) as ReminderJob[];
    const job = jobs.find((j) => j.name === JobName.Reminder && j.data.taskId === taskId && j.data.kind === 'late' && j.data.offset === 1);
    if (!job) throw new Error(`No late reminder queued for task ${taskId}`);
    return job;
  }

  /** The job again, without delay: due now for a worker whose clock stands after its instant. */
  async function runNow(job: ReminderJob): Promise<string> {
    await job.remove();
    const again = await queues.enqueue(JobName.Reminder, job.data, { jobId: job.id ?? '', delayMs: 0 });
    return again.id ?? '';
  }

  const clockAfter = (job: ReminderJob): number => Date.parse(job.data.dueAt) + 60_000 - Date.now();

  async function emailRows(taskId: string): Promise<Array<{ email: string; status: string; error: string | null; attempts: number }>> {
    return db.query(
      `SELECT u.email, r.status, r.error, r.attempts FROM sent_reminder r JOIN app_user u ON u.id = r.recipient_user_id
        WHERE r.task_id = $1 AND r.channel = 'email' ORDER BY u.email`,
      [taskId],
    );
  }

  async function completed(jobId: string, timeoutMs = 15_000): Promise<void> {
    await waitFor(`job ${jobId} to complete`, async () => (await queue.getJobState(jobId)) === 'completed', timeoutMs);
  }

  beforeAll(async () => {
    smtp = await startFaultySmtp();
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, SMTP_URL: smtp.url, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
    http = await startHttpApp({ ...env, PROCESS_ROLE: 'http' });
    db = http.app.get(DataSource);
    // This spec counts every recipient the SMTP server is offered and every busy answer, with
    // workers whose clock is moved on: the demo meetings go, so that no kallelse reminder falls due.
    await db.query('DELETE FROM meeting');
    queues = http.app.get(QueueService);
    queue = queues.queue(JobName.Reminder);
    const secretary = await signedIn(http.baseUrl, DEMO.nackaSecretary);
    cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), 2027);
    const camillas = await myTask(await signedIn(http.baseUrl, DEMO.unitHeadBarnOchFamilj), cycle.id, 'Nulägesbeskrivning');
    const fredriks = await myTask(await signedIn(http.baseUrl, DEMO.unitHeadOmsorgsenheten), cycle.id, 'Nulägesbeskrivning');
    const others: Array<{ id: string }> = await db.query(
      `SELECT t.id FROM task t WHERE t.cycle_id = $1 AND t.id NOT IN ($2, $3)
        AND EXISTS (SELECT 1 FROM role_assignment a WHERE a.unit_id = t.unit_id) ORDER BY t.id LIMIT 2`,
      [cycle.id, camillas.id, fredriks.id],
    );
    // [bounce, transient, killed worker, Redis away]
    taskIds = [camillas.id, ...others.map((t) => t.id), fredriks.id];
    worker = await startWorker({ ...env, SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await worker?.close();
    await http?.close();
    await smtp?.stop();
    await database?.drop();
    await fresh?.close();
    await deleteRedisKeys(prefix);
    await deleteRedisKeys(freshPrefix);
  });

  it('marks a reminder to an address the SMTP server refuses as failed, with the reason, once, and still mails the others', async () => {
    const taskId = taskIds[0];
    smtp.state.refuse.add(DEMO.nackaSecretary);
    const job = await lateJob(taskId);
    worker?.get(Clock).setOffsetMs(clockAfter(job));
    await completed(await runNow(job));

    const rows = await emailRows(taskId);
    expect(rows.map((r) => `${r.email} ${r.status} ${r.attempts}`)).toEqual([
      `${DEMO.nackaEconomist} sent 1`,
      `${DEMO.nackaSecretary} failed 1`,
      `${DEMO.unitHeadBarnOchFamilj} sent 1`,
    ]);
    expect(rows.find((r) => r.status === 'failed')?.error).toMatch(/^550 .*Recipient address rejected: User unknown/);
    expect(rows.filter((r) => r.status === 'sent').every((r) => r.error === null)).toBe(true);
    // Delivered to the two others, once each; the refused address was tried once, not retried.
    expect(smtp.deliveredFor(taskId).map((m) => m.to).sort()).toEqual([DEMO.nackaEconomist, DEMO.unitHeadBarnOchFamilj]);
    expect(smtp.state.rcptTries.filter((a) => a === DEMO.nackaSecretary)).toHaveLength(1);
    expect((await queue.getJob(job.id ?? ''))?.attemptsMade).toBeLessThanOrEqual(1);
    // The secretary still has the in-app notice.
    const [{ count }] = await db.query(
      `SELECT count(*)::int FROM sent_reminder r JOIN app_user u ON u.id = r.recipient_user_id
        WHERE r.task_id = $1 AND r.channel = 'in_app' AND u.email = $2 AND r.status = 'sent'`,
      [taskId, DEMO.nackaSecretary],
    );
    expect(count).toBe(1);
    smtp.state.refuse.clear();
  });

  it('retries after a busy mail server (421) and delivers each mail exactly once', async () => {
    const taskId = taskIds[1];
    smtp.state.busy = 1;
    const job = await lateJob(taskId);
    worker?.get(Clock).setOffsetMs(clockAfter(job));
    const jobId = await runNow(job);
    // The first attempt fails on the first mail and is retried by BullMQ after its backoff (2 s).
    await waitFor('the busy answer', async () => smtp.state.busy === 0);
    await completed(jobId);

    const rows = await emailRows(taskId);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'sent' && r.error === null)).toBe(true);
    expect(rows.map((r) => r.attempts).sort()).toEqual([...rows.map(() => 1).slice(1), 2].sort());
    const delivered = smtp.deliveredFor(taskId);
    expect(delivered.map((m) => m.to).sort()).toEqual(rows.map((r) => r.email).sort());
    // One failed attempt and the one that completed.
    expect((await queue.getJob(jobId))?.attemptsMade).toBe(2);
  });

  it('delivers the mail of a worker killed mid-send exactly once, through a second worker', async () => {
    if (!existsSync(join(dist, 'worker.js'))) throw new Error('dist/backend is missing: build it first with `npx nx build backend`');
    // The worker processes on a Redis prefix of their own: no in-process worker (with BullMQ's
    // 30 s stalled-check interval) shares their queue.
    const freshQueue = new Queue(QueueName.Reminders, { connection: redisOptionsFromUrl(TEST_REDIS_URL), prefix: freshPrefix });
    fresh = freshQueue;
    const taskId = taskIds[2];
    const job = await lateJob(taskId);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: freshPrefix,
      SMTP_URL: smtp.url,
      SEED_DEMO_DATA: 'false',
      // Crash detection in seconds rather than BullMQ's 30 s.
      REMINDER_LOCK_MS: '2000',
      REMINDER_STALLED_INTERVAL_MS: '500',
    };
    const start = async () => {
      const process = runWorker({ ...env, CLOCK_OFFSET_MS: String(clockAfter(job)) });
      children.push(process.child);
      await waitFor('a worker process to start', async () => process.output().includes('worker is running'), 20_000);
      return process;
    };

    const first = await start();
    smtp.state.stallNext = 1;
    const jobId = job.id ?? '';
    await freshQueue.add(JobName.Reminder, job.data, { ...DEFAULT_JOB_OPTIONS, jobId });
    await waitFor('the first mail to be on the wire', async () => smtp.state.stalled.length === 1);
    first.child.kill('SIGKILL');
    await first.exited;
    const [interrupted] = smtp.state.stalled;
    expect(interrupted.messageId).toMatch(/^<reminder\.[0-9a-f-]{36}@/);
    expect(await freshQueue.getJobState(jobId)).toBe('active');
    expect((await emailRows(taskId)).some((r) => r.status === 'pending')).toBe(true);

    const second = await start();
    await waitFor(`job ${jobId} to complete`, async () => (await freshQueue.getJobState(jobId)) === 'completed', 25_000);
    const rows = await emailRows(taskId);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const delivered = smtp.deliveredFor(taskId);
    expect(delivered.map((m) => m.to).sort()).toEqual(rows.map((r) => r.email).sort());
    // The interrupted mail was never answered 250, and arrived once, under the same Message-ID.
    expect(interrupted.answered).toBe(false);
    expect(delivered.filter((m) => m.messageId === interrupted.messageId)).toHaveLength(1);
    second.child.kill('SIGTERM');
    await second.exited;
  }, 40_000);

  it('accepts a submit while Redis is away, and reconciliation then plans the nudge and drops the writer reminders', async () => {
    const taskId = taskIds[3];
    const writerJobs = async () =>
      ((await queue.getJobs(['delayed', 'wait'])) as ReminderJob[]).filter((j) => j.name === JobName.Reminder && j.data.taskId === taskId);
    expect((await writerJobs()).map((j) => j.data.kind).sort()).toEqual(['before', 'before', 'due', 'late', 'late']);

    // Another API process, the same database, but nothing listens where it looks for Redis.
    const away = await startHttpApp({ DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, REDIS_URL: 'redis://127.0.0.1:1', PROCESS_ROLE: 'http' });
    try {
      const fredrik: HttpClient = await signedIn(away.baseUrl, DEMO.unitHeadOmsorgsenheten);
      const task = await myTask(fredrik, cycle.id, 'Nulägesbeskrivning');
      expect(task.id).toBe(taskId);
      const saved = await fredrik.put<SaveContentResponse>(`/api/tasks/${taskId}/content`, { version: task.version, content: doc('Omsorgsenheten följer budget.') });
      expect(saved.status).toBe(200);
      const submitted = await fredrik.post<TaskDto>(`/api/tasks/${taskId}/transitions`, { transition: 'submit', version: saved.body.version });
      expect(submitted.status).toBe(201);
      expect(submitted.body.state).toBe('submitted');
    } finally {
      await away.close();
    }
    // Redis never heard of it: the writer's reminders are still queued.
    expect(await writerJobs()).toHaveLength(5);

    const result = await http.app.get(ReminderScheduler).reconcile();
    expect(result.removed).toBe(5);
    expect((await writerJobs()).map((j) => j.data.kind)).toEqual(['review_nudge']);
    expect(await http.app.get(ReminderScheduler).reconcile()).toMatchObject({ removed: 0 });
    expect((await writerJobs()).map((j) => j.data.kind)).toEqual(['review_nudge']);
  });
});
