import type { CycleSummaryDto, RemindTaskResponse } from '@rapportflode/api-contract';
import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../backend/src/common/clock';
import { ReminderScheduler } from '../../backend/src/modules/reminders/reminder-scheduler.service';
import { JobName, JobPayloads, manualReminderJobId } from '../../backend/src/queue/queue.constants';
import { QueueService } from '../../backend/src/queue/queue.service';
import { RunningApp, startHttpApp, startWorker } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName, waitFor } from './support/services';

type ReminderJob = Job<JobPayloads[JobName.Reminder]>;

/**
 * Chasing late units: the cycle's deadline moved into the past gives every unfinished task its
 * late reminders from the next working day, and "Skicka påminnelse nu" reminds a task's writers
 * once a day (queued as one job, logged in sent_reminder and the audit log). Time is moved with
 * the Clock service as in reminders.spec.ts.
 */
describe('chasing late units', () => {
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

  const mailsAbout = async (taskId: string, subjectStart: string) =>
    (await db.query(
      `SELECT to_address, subject, text_body FROM captured_mail WHERE text_body LIKE '%' || $1 || '%' AND subject LIKE $2 || '%' ORDER BY id`,
      [taskId, subjectStart],
    )) as Array<{ to_address: string; subject: string; text_body: string }>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
    http = await startHttpApp({ ...env, PROCESS_ROLE: 'http' });
    workers = [await startWorker({ ...env, SEED_DEMO_DATA: 'false' })];
    db = http.app.get(DataSource);
    queue = http.app.get(QueueService).queue(JobName.Reminder);
    scheduler = http.app.get(ReminderScheduler);
    [secretary, camilla] = await Promise.all([signedIn(http.baseUrl, DEMO.nackaSecretary), signedIn(http.baseUrl, DEMO.unitHeadBarnOchFamilj)]);
    // Wednesday 8 September 2027, 13.00 in Stockholm; the cycle's deadline is Friday 10 September.
    setClocks('2027-09-08T11:00:00.000Z');
    cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), 2027);
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await http?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('a cycle deadline moved into the past plans every unfinished task’s late reminders from the next working day', async () => {
    const task = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    const others: Array<{ id: string }> = await db.query(`SELECT id FROM task WHERE cycle_id = $1 AND state <> 'approved' AND deadline IS NULL`, [
      cycle.id,
    ]);
    expect(others.length).toBeGreaterThan(1);

    // Monday 6 September, two days ago. Counted from it, the first late reminder (7 September) is gone
    // and the third would come tomorrow; counted from the move, the first comes tomorrow and the
    // third on Monday 13 September.
    const moved = await secretary.patch<CycleSummaryDto>(`/api/cycles/${cycle.id}`, { version: cycle.version, submissionDeadline: '2027-09-06' });
    expect([moved.status, moved.body]).toMatchObject([200, {}]);
    expect(moved.body.submissionDeadline).toBe('2027-09-06');
    for (const { id } of others) {
      expect((await jobsOf(id)).map((j) => [j.data.kind, j.data.offset, j.data.dueAt])).toEqual([
        ['late', 1, '2027-09-09T06:00:00.000Z'],
        ['late', 3, '2027-09-13T06:00:00.000Z'],
      ]);
    }

    // Thursday 08.00: the first late reminder goes out once to the unit head, and says how late it is.
    setClocks('2027-09-09T05:59:59.000Z');
    await queue.drain(true);
    await scheduler.reconcile();
    await waitFor(
      'the late reminder in the catcher',
      async () => (await mailsAbout(task.id, 'Försenad:')).some((m) => m.to_address === DEMO.unitHeadBarnOchFamilj),
      30_000,
    );
    const mine = (await mailsAbout(task.id, 'Försenad:')).filter((m) => m.to_address === DEMO.unitHeadBarnOchFamilj);
    expect(mine).toHaveLength(1);
    expect(mine[0].text_body).toContain('3 arbetsdagar försenat');
    expect((await jobsOf(task.id)).map((j) => j.data.dueAt)).toEqual(['2027-09-13T06:00:00.000Z']);
  }, 120_000);

  it('"Skicka påminnelse nu" queues one reminder a day to the writers, refuses a unit head and says the second time that it is sent', async () => {
    setClocks('2027-09-09T09:00:00.000Z');
    const task = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    const auditCount = async () =>
      ((await db.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'task.remind' AND entity_id = $1`, [task.id])) as Array<{ n: number }>)[0].n;

    // A unit head may not send it; nothing is queued or logged.
    const refused = await camilla.post(`/api/tasks/${task.id}/remind`);
    expect(refused.status).toBe(403);
    expect(await auditCount()).toBe(0);

    // A double click: one is queued, the other is told it is already sent today.
    const [a, b] = await Promise.all([
      secretary.post<RemindTaskResponse>(`/api/tasks/${task.id}/remind`),
      secretary.post<RemindTaskResponse>(`/api/tasks/${task.id}/remind`),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([202, 409]);
    const queued = a.status === 202 ? a : b;
    const second = a.status === 202 ? b : a;
    expect(queued.body.recipients).toContain('Camilla Öberg');
    expect(queued.body.message).toMatch(/^Påminnelse köad till .*Camilla Öberg/);
    expect(second.body).toMatchObject({ code: 'reminder_already_sent' });
    expect((second.body as unknown as { message: string }).message).toContain('redan skickad i dag');
    const job = await queue.getJob(manualReminderJobId(task.id, '2027-09-09'));
    expect(job?.name).toBe(JobName.ManualReminder);

    await waitFor(
      'the manual reminder in the catcher',
      async () => (await mailsAbout(task.id, 'Påminnelse:')).some((m) => m.to_address === DEMO.unitHeadBarnOchFamilj),
      30_000,
    );
    const mails = (await mailsAbout(task.id, 'Påminnelse:')).filter((m) => m.to_address === DEMO.unitHeadBarnOchFamilj);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('skulle ha lämnats in senast');
    expect(mails[0].text_body).toContain('Birgitta Sandberg påminner om att avsnittet');
    await waitFor('the sent_reminder row marked sent', async () => {
      const [row] = await db.query(
        `SELECT status FROM sent_reminder sr JOIN app_user u ON u.id = sr.recipient_user_id
          WHERE sr.task_id = $1 AND sr.kind = 'manual' AND sr.channel = 'email' AND u.email = $2`,
        [task.id, DEMO.unitHeadBarnOchFamilj],
      );
      return row?.status === 'sent';
    });
    const rows: Array<{ kind: string; channel: string; offset: number; due_at: Date }> = await db.query(
      `SELECT kind, channel, "offset", due_at FROM sent_reminder WHERE task_id = $1 AND kind = 'manual'`,
      [task.id],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // The Stockholm day it was asked for: midnight of 9 September in summer time.
    expect(rows.every((r) => r.offset === 0 && r.due_at.toISOString() === '2027-09-08T22:00:00.000Z')).toBe(true);
    const [audit] = await db.query(
      `SELECT e.after, u.email FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id WHERE e.action = 'task.remind' AND e.entity_id = $1`,
      [task.id],
    );
    expect(await auditCount()).toBe(1);
    expect(audit.email).toBe(DEMO.nackaSecretary);
    expect(audit.after).toMatchObject({ day: '2027-09-09' });

    // Later the same day: still sent; the next working day a new one may go.
    setClocks('2027-09-09T20:00:00.000Z');
    expect((await secretary.post(`/api/tasks/${task.id}/remind`)).status).toBe(409);
    setClocks('2027-09-10T06:30:00.000Z');
    expect((await secretary.post(`/api/tasks/${task.id}/remind`)).status).toBe(202);
    expect(await auditCount()).toBe(2);
  }, 120_000);
});
