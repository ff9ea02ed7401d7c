// Reminders at municipal scale, in process on the application's own Nest contexts (real
// PostgreSQL, Redis and SMTP): scheduling the reminders of 10 000 open tasks, reconciling them
// against an empty Redis, each beside a raw ioredis pipeline writing as many keys in the same run;
// and the worker's send rate to the embedded SMTP catcher beside nodemailer sending as many mails
// straight to it. Targets: schedule and reconcile under 5 s, the worker at least 200 sends/s.
// Usage: npm run bench -- reminders [--tasks 10000] [--sends 2000]
import type { INestApplicationContext } from '@nestjs/common';
import { reminderJobId } from '@rapportflode/domain';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JobName, JobPayloads, DEFAULT_JOB_OPTIONS } from '../../backend/src/queue/queue.constants';
import { QueueService } from '../../backend/src/queue/queue.service';
import { MailCatcher } from '../../backend/src/modules/mail/mail-catcher';
import { pooledUrl } from '../../backend/src/modules/mail/mail.service';
import { planOf, ReminderScheduler } from '../../backend/src/modules/reminders/reminder-scheduler.service';
import { PLAN_COLUMNS, PlanRow } from '../../backend/src/modules/tasks/task-directory.repository';
import { createTestDatabase, deleteRedisKeys, TEST_REDIS_URL, uniqueName } from '../integration/support/services';
import { startAppContext } from './support/app-context';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const TASKS = arg('tasks', 10_000);
const SENDS = arg('sends', 2_000);
const SECTIONS = 10;
const UNITS = Math.ceil(TASKS / SECTIONS);
/** The processor's concurrency (@Processor in reminders.processor.ts): the baseline sends as many mails at once. */
const CONCURRENCY = 20;
const BULK = 1_000;
const YEAR = new Date().getUTCFullYear() + 1;
const DEADLINE = `${YEAR}-05-10`;
const TARGET_MS = 5_000;
const TARGET_SENDS = 200;

interface Row {
  what: string;
  count: number;
  unit: string;
  ms: number;
  baseline?: { what: string; ms: number };
  target?: string;
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/**
 * One nämnd, a förvaltning with UNITS enheter right under it, one unit head per enhet (the only
 * writer of its tasks, so a `due` reminder is one mail), a secretary and an economist; one cycle
 * with SECTIONS unit sections: UNITS × SECTIONS not_started tasks, the deadline ahead.
 */
async function generate(client: Client, tag: string): Promise<{ cycleId: string; tasks: number }> {
  await client.query('BEGIN');
  const {
    rows: [committee],
  } = await client.query(`INSERT INTO committee (municipality, name, diary_prefix) VALUES ($1, 'Socialnämnden', 'SN') RETURNING id`, [`${tag} kommun`]);
  const {
    rows: [admin],
  } = await client.query(`INSERT INTO organisation_unit (committee_id, kind, name) VALUES ($1, 'administration', 'Förvaltningen') RETURNING id`, [
    committee.id,
  ]);
  const { rows: units } = await client.query(
    `INSERT INTO organisation_unit (committee_id, parent_id, kind, name, sort_order)
     SELECT $1, $2, 'unit', 'Enhet ' || u, u FROM generate_series(1, $3::int) u RETURNING id`,
    [committee.id, admin.id, UNITS],
  );
  const people: Array<[string, string, string | null]> = [
    ...units.map((u, i): [string, string, string | null] => [`head.${i}@${tag}.se`, 'unit_head', u.id]),
    [`secretary@${tag}.se`, 'secretary', null],
    [`economist@${tag}.se`, 'economist', null],
  ];
  await client.query(
    `WITH p AS (SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) AS x(email, role, unit_id)),
          created AS (INSERT INTO app_user (email, name, password_hash) SELECT email, email, 'not-a-hash' FROM p RETURNING id, email)
     INSERT INTO role_assignment (user_id, role, committee_id, unit_id)
     SELECT created.id, p.role, $4, p.unit_id FROM created JOIN p ON p.email = created.email`,
    [people.map((p) => p[0]), people.map((p) => p[1]), people.map((p) => p[2]), committee.id],
  );
  const {
    rows: [cycle],
  } = await client.query(
    `INSERT INTO report_cycle (committee_id, title, report_kind, year, period_end, diary_number, submission_deadline,
       review_deadline, assembly_deadline, meeting_date)
     VALUES ($1, $2, 'tertial_report', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [committee.id, `Tertialrapport 1 ${YEAR}`, YEAR, `${YEAR}-04-30`, `SN.${YEAR}.1`, DEADLINE, `${YEAR}-05-17`, `${YEAR}-05-24`, `${YEAR}-06-04`],
  );
  const { rows: sections } = await client.query(
    `INSERT INTO cycle_section (cycle_id, key, number, depth, sort_order, title, kind, reviewer_role)
     SELECT $1, 's' || n, n::text, 1, n, 'Avsnitt ' || n, 'narrative', 'economist' FROM generate_series(1, $2::int) n RETURNING id`,
    [cycle.id, SECTIONS],
  );
  await client.query(
    `INSERT INTO task (cycle_id, section_id, unit_id, state, content)
     SELECT $1::uuid, s, u, 'not_started', '{"type":"doc","version":1,"content":[]}'::jsonb
       FROM unnest($2::uuid[]) s CROSS JOIN unnest($3::uuid[]) u`,
    [cycle.id, sections.map((s) => s.id), units.map((u) => u.id)],
  );
  await client.query('COMMIT');
  await client.query('ANALYZE');
  const [{ count }] = (await client.query('SELECT count(*)::int FROM task WHERE cycle_id = $1', [cycle.id])).rows;
  return { cycleId: cycle.id, tasks: count };
}

async function pendingJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('delayed', 'wait', 'prioritized');
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** The queue and the per-task job sets gone, as after a flushed Redis (only this run's prefix). */
async function emptyRedis(queue: Queue, prefix: string): Promise<void> {
  await queue.obliterate({ force: true });
  await deleteRedisKeys(`${prefix}:reminder-jobs`);
  if ((await pendingJobs(queue)) !== 0) throw new Error('the reminders queue is not empty after obliterate');
}

/** The baseline: as many keys as jobs, each a hash of the same fields a delayed BullMQ job stores, in pipelines of BULK. */
async function rawPipeline(redis: Redis, prefix: string, label: string, jobs: Array<{ jobId: string; payload: JobPayloads[JobName.Reminder]; delayMs: number }>): Promise<number> {
  const opts = JSON.stringify({ ...DEFAULT_JOB_OPTIONS });
  const { ms } = await time(async () => {
    for (let start = 0; start < jobs.length; start += BULK) {
      const pipeline = redis.pipeline();
      for (const job of jobs.slice(start, start + BULK)) {
        pipeline.hset(`${prefix}:bench-${label}:${job.jobId}`, {
          name: JobName.Reminder,
          data: JSON.stringify(job.payload),
          opts: JSON.stringify({ ...JSON.parse(opts), jobId: job.jobId, delay: job.delayMs }),
          timestamp: Date.now(),
          delay: job.delayMs,
          priority: 0,
        });
      }
      const results = await pipeline.exec();
      if (results?.some(([error]) => error)) throw new Error('baseline pipeline failed');
    }
  });
  const keys = await redis.eval(`return #redis.call('keys', ARGV[1])`, 0, `${prefix}:bench-${label}:*`);
  if (keys !== jobs.length) throw new Error(`baseline wrote ${keys} keys, expected ${jobs.length}`);
  return ms;
}

async function main(): Promise<void> {
  const database = await createTestDatabase('bench');
  const prefix = uniqueName('redis');
  const env = { DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, SEED_DEMO_DATA: 'false', REMINDER_RECONCILE_MINUTES: '0' };
  const client = new Client({ connectionString: database.url });
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const contexts: INestApplicationContext[] = [];
  const rows: Row[] = [];
  try {
    // The scheduling side: an application context of the HTTP role (no worker), on real time.
    const app = await startAppContext({ ...env, PROCESS_ROLE: 'http' });
    contexts.push(app);
    await client.connect();
    const generated = await time(() => generate(client, uniqueName('b').replace(/[^a-z0-9]/g, '')));
    const { cycleId, tasks } = generated.value;
    console.log(`generated ${tasks} not_started tasks (${UNITS} enheter × ${SECTIONS} sections, deadline ${DEADLINE}) in ${(generated.ms / 1000).toFixed(1)} s`);

    const scheduler = app.get(ReminderScheduler);
    const queue = app.get(QueueService).queue(JobName.Reminder);
    const db = app.get(DataSource);
    // The expected plan, computed here from the same rows.
    const planRows: PlanRow[] = await db.query(`SELECT ${PLAN_COLUMNS} FROM task t JOIN report_cycle c ON c.id = t.cycle_id WHERE t.cycle_id = $1`, [cycleId]);
    const now = new Date();
    const plan = planRows.flatMap((row) =>
      planOf(row, now).map((p) => ({ jobId: p.jobId, delayMs: Date.parse(p.dueAt) - now.getTime(), payload: { taskId: row.id, kind: p.kind, offset: p.offset, dueAt: p.dueAt } })),
    );
    const perTask = plan.length / planRows.length;
    console.log(`plan: ${plan.length} reminder jobs (${perTask} per task)`);

    // 1. scheduleCycle over all tasks, on an empty queue; then again (idempotent: every id already there).
    await emptyRedis(queue, prefix);
    const cycleRun = await time(() => scheduler.scheduleCycle(cycleId));
    const afterCycle = await pendingJobs(queue);
    if (afterCycle !== plan.length || cycleRun.value !== plan.length) {
      throw new Error(`scheduleCycle: ${afterCycle} jobs in Redis, ${cycleRun.value} reported, ${plan.length} planned`);
    }
    const baseline1 = await rawPipeline(redis, prefix, 'schedule', plan);
    rows.push({ what: `scheduleCycle, ${tasks} tasks, empty queue`, count: afterCycle, unit: 'jobs', ms: cycleRun.ms, baseline: { what: 'ioredis pipeline HSET', ms: baseline1 }, target: `< ${TARGET_MS / 1000} s` });
    const again = await time(() => scheduler.scheduleCycle(cycleId));
    if ((await pendingJobs(queue)) !== plan.length) throw new Error('scheduling again changed the queue');
    rows.push({ what: `scheduleCycle again (all ids already there)`, count: again.value, unit: 'jobs', ms: again.ms });

    // 1b. scheduleTask one by one (the request path), for a sample of tasks on an empty queue.
    await emptyRedis(queue, prefix);
    const sample = planRows.slice(0, 1_000);
    const perTaskRun = await time(async () => {
      let added = 0;
      for (const row of sample) added += await scheduler.scheduleTask(row.id);
      return added;
    });
    const sampleJobs = await pendingJobs(queue);
    if (sampleJobs !== sample.length * perTask) throw new Error(`scheduleTask: ${sampleJobs} jobs for ${sample.length} tasks`);
    rows.push({ what: `scheduleTask × ${sample.length}, one after another`, count: sampleJobs, unit: 'jobs', ms: perTaskRun.ms });

    // 2. reconcile() against an empty Redis (queue obliterated, the per-task sets gone).
    await emptyRedis(queue, prefix);
    const reconciled = await time(() => scheduler.reconcile());
    const afterReconcile = await pendingJobs(queue);
    if (afterReconcile !== plan.length || reconciled.value.added !== plan.length || reconciled.value.tasks !== tasks) {
      throw new Error(`reconcile: ${afterReconcile} jobs in Redis, ${JSON.stringify(reconciled.value)}, ${plan.length} planned`);
    }
    const baseline2 = await rawPipeline(redis, prefix, 'reconcile', plan);
    rows.push({ what: `reconcile, ${tasks} tasks, empty Redis`, count: afterReconcile, unit: 'jobs', ms: reconciled.ms, baseline: { what: 'ioredis pipeline HSET', ms: baseline2 }, target: `< ${TARGET_MS / 1000} s` });
    const reconcileAgain = await time(() => scheduler.reconcile());
    if (reconcileAgain.value.added !== 0 || reconcileAgain.value.removed !== 0) throw new Error(`reconcile again: ${JSON.stringify(reconcileAgain.value)}`);
    rows.push({ what: `reconcile again (nothing to do)`, count: reconcileAgain.value.expected, unit: 'jobs', ms: reconcileAgain.ms });

    // Where the time of a scheduling run goes: its steps one by one, on an empty queue.
    await emptyRedis(queue, prefix);
    const steps: Array<[string, number]> = [];
    const sql = await time(() => db.query(`SELECT ${PLAN_COLUMNS} FROM task t JOIN report_cycle c ON c.id = t.cycle_id WHERE t.cycle_id = $1`, [cycleId]));
    steps.push([`SQL: the plan rows of ${tasks} tasks`, sql.ms]);
    const planned = await time(async () => (sql.value as PlanRow[]).map((row) => [planOf(row), planOf(row, new Date())]));
    steps.push([`plannedReminders (twice per task)`, planned.ms]);
    const taskKey = (id: string) => `${prefix}:reminder-jobs:${id}`;
    steps.push([`SMEMBERS pipeline, ${tasks} task sets`, (await time(async () => { const pl = redis.pipeline(); for (const row of planRows) pl.smembers(taskKey(row.id)); await pl.exec(); })).ms]);
    const queues = app.get(QueueService);
    steps.push([`BullMQ addBulk ×${BULK}, ${plan.length} delayed jobs`, (await time(async () => { for (let start = 0; start < plan.length; start += BULK) await queues.enqueueMany(JobName.Reminder, plan.slice(start, start + BULK)); })).ms]);
    steps.push([`BullMQ addBulk again (ids already there)`, (await time(async () => { for (let start = 0; start < plan.length; start += BULK) await queues.enqueueMany(JobName.Reminder, plan.slice(start, start + BULK)); })).ms]);
    const byTask = new Map<string, string[]>();
    for (const job of plan) byTask.set(job.payload.taskId, [...(byTask.get(job.payload.taskId) ?? []), job.jobId]);
    steps.push([`DEL+SADD pipelines, ${tasks} task sets`, (await time(async () => {
      const entries = [...byTask];
      for (let start = 0; start < entries.length; start += BULK) {
        const pl = redis.pipeline();
        for (const [taskId, ids] of entries.slice(start, start + BULK)) pl.del(taskKey(taskId)).sadd(taskKey(taskId), ...ids);
        await pl.exec();
      }
    })).ms]);

    // 4. The worker's send rate: SENDS `due` reminders (one writer each, so one mail each) due now.
    // The worker's clock stands just after the due instant and the cycle has no late reminders,
    // so its start-up reconciliation has nothing ahead to add.
    await emptyRedis(queue, prefix);
    await client.query(`UPDATE report_cycle SET reminder_config = '{"beforeDeadline":[5,1],"afterDeadline":[],"hour":8}' WHERE id = $1`, [cycleId]);
    const due = planRows.slice(0, SENDS).map((row) => {
      const p = planOf(row).find((r) => r.kind === 'due');
      if (!p) throw new Error('no due reminder planned');
      if (p.jobId !== reminderJobId(row.id, 'due', 0, p.dueAt)) throw new Error('unexpected job id');
      return { jobId: p.jobId, delayMs: 0, payload: { taskId: row.id, kind: p.kind, offset: p.offset, dueAt: p.dueAt } };
    });
    const dueAt = Date.parse(due[0].payload.dueAt);
    const worker = await startAppContext({ ...env, PROCESS_ROLE: 'worker', MAIL_CATCHER: 'on', CLOCK_OFFSET_MS: String(dueAt + 60_000 - Date.now()) });
    contexts.push(worker);
    const catcherUrl = worker.get(MailCatcher).url;
    if (!catcherUrl) throw new Error('the mail catcher is not listening');
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // the start-up reconciliation (nothing to add) runs out
    const mails = async () => Number((await client.query('SELECT count(*)::int AS n FROM captured_mail')).rows[0].n);
    const before = await mails();
    const sendRun = await time(async () => {
      const queues = app.get(QueueService);
      for (let start = 0; start < due.length; start += BULK) await queues.enqueueMany(JobName.Reminder, due.slice(start, start + BULK));
      const deadline = Date.now() + 300_000;
      while ((await mails()) - before < due.length) {
        if (Date.now() > deadline) throw new Error(`only ${(await mails()) - before} of ${due.length} mails after 300 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const [{ n: sentRows }] = (await client.query(`SELECT count(*)::int AS n FROM sent_reminder WHERE channel = 'email'`)).rows;
    const failed = await queue.getFailedCount();
    if (sentRows !== due.length || failed !== 0) throw new Error(`${sentRows} sent_reminder e-mail rows, ${failed} failed jobs, for ${due.length} reminders`);

    // A reference: nodemailer without a pool (a connection per mail), CONCURRENCY at a time, the same mails to the same catcher.
    const [sample0] = (await client.query('SELECT to_address, subject, text_body, html_body FROM captured_mail ORDER BY id LIMIT 1')).rows;
    const transport = createTransport(catcherUrl);
    const baselineBefore = await mails();
    const baseline4 = await time(async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < due.length) {
            next += 1;
            await transport.sendMail({ from: 'rapportflode@example.se', to: sample0.to_address, subject: sample0.subject, text: sample0.text_body, html: sample0.html_body });
          }
        }),
      );
    });
    transport.close();
    if ((await mails()) - baselineBefore !== due.length) throw new Error('the baseline mails did not all arrive');
    // The baseline: the transport MailService makes (a pool of CONCURRENCY kept-open connections), nothing else around it.
    const pooled = createTransport(pooledUrl(catcherUrl));
    const pooledBefore = await mails();
    const baseline5 = await time(async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < due.length) {
            next += 1;
            await pooled.sendMail({ from: 'rapportflode@example.se', to: sample0.to_address, subject: sample0.subject, text: sample0.text_body, html: sample0.html_body });
          }
        }),
      );
    });
    pooled.close();
    if ((await mails()) - pooledBefore !== due.length) throw new Error('the pooled baseline mails did not all arrive');
    rows.push({
      what: `worker: ${due.length} due reminders → SMTP catcher`,
      count: due.length,
      unit: 'mails',
      ms: sendRun.ms,
      baseline: { what: `nodemailer pool ×${CONCURRENCY}, same`, ms: baseline5.ms },
      target: `≥ ${TARGET_SENDS}/s`,
    });
    rows.push({ what: `  (the same mails, nodemailer without a pool ×${CONCURRENCY})`, count: due.length, unit: 'mails', ms: baseline4.ms });

    console.log(`\nreminders (${new Date().toISOString()}; ${tasks} tasks, ${perTask} reminders each; worker concurrency ${CONCURRENCY})`);
    console.log(
      '  measured'.padEnd(52) + 'count'.padStart(8) + 'ms'.padStart(9) + 'per s'.padStart(9) + '  ' + 'baseline'.padEnd(28) + 'ms'.padStart(8) + 'per s'.padStart(9) + '  ×base'.padStart(8) + '  target',
    );
    for (const r of rows) {
      const rate = (r.count / r.ms) * 1000;
      const met = r.target ? (r.unit === 'mails' ? rate >= TARGET_SENDS : r.ms < TARGET_MS) : undefined;
      console.log(
        `  ${r.what}`.padEnd(52) +
          String(r.count).padStart(8) +
          r.ms.toFixed(0).padStart(9) +
          rate.toFixed(0).padStart(9) +
          '  ' +
          (r.baseline?.what ?? '').padEnd(28) +
          (r.baseline ? r.baseline.ms.toFixed(0) : '').padStart(8) +
          (r.baseline ? ((r.count / r.baseline.ms) * 1000).toFixed(0) : '').padStart(9) +
          (r.baseline ? `×${(r.ms / r.baseline.ms).toFixed(1)}` : '').padStart(8) +
          (r.target ? `  ${r.target} ${met ? 'met' : 'MISSED'}` : ''),
      );
    }
    console.log(`\n  where a scheduling run of ${tasks} tasks spends its time (each step alone)`);
    for (const [what, ms] of steps) console.log(`  ${what}`.padEnd(52) + ms.toFixed(0).padStart(17));
  } finally {
    for (const context of contexts.reverse()) await context.close().catch((error: Error) => console.error(`closing: ${error.message}`));
    redis.disconnect();
    await client.end().catch(() => undefined);
    await database.drop();
    await deleteRedisKeys(prefix);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
