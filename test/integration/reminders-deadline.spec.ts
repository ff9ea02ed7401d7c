import type { CycleSummaryDto, TaskDto } from '@rapportflode/api-contract';
import { reminderJobId } from '@rapportflode/domain';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../backend/src/common/clock';
import { ReminderScheduler } from '../../backend/src/modules/reminders/reminder-scheduler.service';
import { JobName, JobPayloads } from '../../backend/src/queue/queue.constants';
import { QueueService } from '../../backend/src/queue/queue.service';
import type { INestApplicationContext } from '@nestjs/common';
import { RunningApp, startHttpApp, startWorker } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName, waitFor } from './support/services';

type ReminderJob = Job<JobPayloads[JobName.Reminder]>;

/**
 * A task's own deadline moved into the past: its late reminders are planned from the day of the
 * move (the first at the reminder hour of the next working day), never a burst of the passed ones,
 * and each goes out once. Time is moved with the Clock service as in reminders.spec.ts.
 */
describe('reminders of a deadline moved into the past', () => {
  let database: TestDatabase;
  let http: RunningApp;
  let workers: INestApplicationContext[] = [];
  let db: DataSource;
  let queue: Queue;
  let scheduler: ReminderScheduler;
  let secretary: HttpClient;
  let camilla: HttpClient;
  let cycle: CycleSummaryDto;
  const prefix = uniqueName('redis');

  function setClocks(instant: string): void {
    const offset = Date.parse(instant) - Date.now();
    for (const context of [http.app, ...workers]) context.get(Clock).setOffsetMs(offset);
  }

  async function jobsOf(taskId: string): Promise<ReminderJob[]> {
    const jobs = (await queue.getJobs(['delayed', 'wait', 'prioritized'])) as ReminderJob[];
    return jobs
      .filter((job) => job.name === JobName.Reminder && job.data.taskId === taskId)
      .sort((a, b) => (a.data.dueAt < b.data.dueAt ? -1 : 1));
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
    http = await startHttpApp({ ...env, PROCESS_ROLE: 'http' });
    workers = [await startWorker({ ...env, SEED_DEMO_DATA: 'false' })];
    db = http.app.get(DataSource);
    queue = http.app.get(QueueService).queue(JobName.Reminder);
    scheduler = http.app.get(ReminderScheduler);
    [secretary, camilla] = await Promise.all([
      signedIn(http.baseUrl, DEMO.nackaSecretary),
      signedIn(http.baseUrl, DEMO.unitHeadBarnOchFamilj),
    ]);
    // Wednesday 17 March 2027, 13.00 in Stockholm.
    setClocks('2027-03-17T12:00:00.000Z');
    cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), 2027);
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await http?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('plans the late reminders from the day of the move and sends the first once, on the next working day', async () => {
    const task = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    // A unit head may not move a deadline.
    expect((await camilla.patch(`/api/tasks/${task.id}`, { deadline: '2027-03-01' })).status).toBe(403);

    const moved = await secretary.patch<TaskDto>(`/api/tasks/${task.id}`, { deadline: '2027-03-01' });
    expect(moved.status).toBe(200);
    expect(moved.body.deadline).toBe('2027-03-01');
    // Before: the late reminders counted from 1 March (2 and 4 March) were long gone, so nothing was planned.
    const jobs = await jobsOf(task.id);
    expect(jobs.map((j) => [j.data.kind, j.data.offset, j.data.dueAt])).toEqual([
      ['late', 1, '2027-03-18T07:00:00.000Z'],
      ['late', 3, '2027-03-22T07:00:00.000Z'],
    ]);
    expect(jobs[0].id).toBe(reminderJobId(task.id, 'late', 1, '2027-03-18T07:00:00.000Z'));

    // Thursday 08.00 comes: the first late reminder goes out, once, to the writer (and reviewer, secretary).
    setClocks('2027-03-18T06:59:59.000Z');
    await queue.drain(true);
    await scheduler.reconcile();
    await scheduler.reconcile();
    const lateMails = async () =>
      (await db.query(
        `SELECT to_address, subject FROM captured_mail WHERE text_body LIKE '%' || $1 || '%' AND subject LIKE 'Försenad:%'`,
        [task.id],
      )) as Array<{ to_address: string; subject: string }>;
    await waitFor(
      'the first late reminder in the catcher',
      async () => (await lateMails()).some((m) => m.to_address === DEMO.unitHeadBarnOchFamilj),
      30_000,
    );
    const mails = await lateMails();
    const writerMails = mails.filter((m) => m.to_address === DEMO.unitHeadBarnOchFamilj);
    expect(writerMails).toHaveLength(1);
    expect(writerMails[0].subject).toContain('skulle ha lämnats in senast');
    // Every recipient once; the second late reminder still waits for Monday.
    expect(new Set(mails.map((m) => m.to_address)).size).toBe(mails.length);
    expect((await jobsOf(task.id)).map((j) => j.data.dueAt)).toEqual(['2027-03-22T07:00:00.000Z']);
    const rows = await db.query(`SELECT kind, "offset" FROM sent_reminder WHERE task_id = $1 AND channel = 'email'`, [
      task.id,
    ]);
    expect(rows.every((r: { kind: string; offset: number }) => r.kind === 'late' && r.offset === 1)).toBe(true);

    // Back to the cycle's deadline (September): the late reminders are counted from it again.
    const reset = await secretary.patch<TaskDto>(`/api/tasks/${task.id}`, { deadline: null });
    expect(reset.status).toBe(200);
    expect((await jobsOf(task.id)).map((j) => j.data.kind)).toEqual(['before', 'before', 'due', 'late', 'late']);
  });
});
