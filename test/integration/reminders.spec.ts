import type { INestApplicationContext } from '@nestjs/common';
import type { CycleSummaryDto, NotificationListResponse, SaveContentResponse, TaskDto } from '@rapportflode/api-contract';
import { plannedReminders, reminderJobId, RichTextDocument } from '@rapportflode/domain';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../backend/src/common/clock';
import { ReminderScheduler } from '../../backend/src/modules/reminders/reminder-scheduler.service';
import { ReminderSender } from '../../backend/src/modules/reminders/reminder-sender.service';
import { JobName, JobPayloads } from '../../backend/src/queue/queue.constants';
import { QueueService } from '../../backend/src/queue/queue.service';
import { RunningApp, startHttpApp, startWorker } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName, waitFor } from './support/services';

type ReminderJob = Job<JobPayloads[JobName.Reminder]>;

const doc = (text: string): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text }] }],
});

/**
 * Reminders on the real Redis and PostgreSQL, with time controlled by the Clock service: the
 * processes are told it is a moment just before a reminder's instant, so BullMQ's own delay
 * (dueAt − clock.now()) is a second or two. Nothing in BullMQ is mocked. Without SMTP_URL every
 * mail lands in captured_mail, which is what is counted.
 */
describe('reminders: scheduled on working days, sent once, rebuilt from the database', () => {
  let database: TestDatabase;
  let http: RunningApp;
  let workers: INestApplicationContext[] = [];
  let db: DataSource;
  let queue: Queue;
  let scheduler: ReminderScheduler;
  let secretary: HttpClient;
  let camilla: HttpClient;
  let fredrik: HttpClient;
  let economist: HttpClient;
  let cycle: CycleSummaryDto;
  const prefix = uniqueName('redis');

  /** Every process's clock says `instant` (the same offset everywhere, so they agree). */
  function setClocks(instant: string): void {
    const offset = Date.parse(instant) - Date.now();
    for (const context of [http.app, ...workers]) context.get(Clock).setOffsetMs(offset);
  }

  /**
   * A jump in time: the pending jobs were delayed by the old clock, so they are dropped and the
   * plan is rebuilt for the new "now" (as if the time had passed while they waited).
   */
  async function travelTo(instant: string): Promise<void> {
    setClocks(instant);
    await queue.drain(true);
    await scheduler.reconcile();
  }

  async function pendingIds(): Promise<string[]> {
    return (await queue.getRanges(['delayed', 'wait', 'prioritized'], 0, -1)).filter((id) => id.startsWith('reminder|')).sort();
  }

  async function jobsOf(taskId: string): Promise<ReminderJob[]> {
    const jobs = (await queue.getJobs(['delayed', 'wait', 'prioritized'])) as ReminderJob[];
    return jobs.filter((job) => job.name === JobName.Reminder && job.data.taskId === taskId).sort((a, b) => (a.data.dueAt < b.data.dueAt ? -1 : 1));
  }

  async function mails(taskId: string): Promise<Array<{ to_address: string; subject: string; text_body: string; html_body: string }>> {
    return db.query(`SELECT to_address, subject, text_body, html_body FROM captured_mail WHERE text_body LIKE '%' || $1 || '%' ORDER BY id`, [taskId]);
  }

  async function sent(taskId: string): Promise<Array<{ kind: string; offset: number; due_at: Date; sent_at: Date; channel: string; email: string }>> {
    return db.query(
      `SELECT r.kind, r."offset", r.due_at, r.sent_at, r.channel, u.email FROM sent_reminder r JOIN app_user u ON u.id = r.recipient_user_id
        WHERE r.task_id = $1 ORDER BY r.due_at, u.email, r.channel`,
      [taskId],
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: 'https://rapport.nacka.example.se' };
    http = await startHttpApp({ ...env, PROCESS_ROLE: 'http' });
    workers = [await startWorker({ ...env, SEED_DEMO_DATA: 'false' })];
    db = http.app.get(DataSource);
    queue = http.app.get(QueueService).queue(JobName.Reminder);
    scheduler = http.app.get(ReminderScheduler);
    [secretary, camilla, fredrik, economist] = await Promise.all([
      signedIn(http.baseUrl, DEMO.nackaSecretary),
      signedIn(http.baseUrl, DEMO.unitHeadBarnOchFamilj),
      signedIn(http.baseUrl, DEMO.unitHeadOmsorgsenheten),
      signedIn(http.baseUrl, DEMO.nackaEconomist),
    ]);
    // Spring 2027 (the demo data has this year's cycle): the cycle's deadlines (September) are all ahead.
    setClocks('2027-03-19T12:00:00.000Z');
    cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), 2027);
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await http?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('plans every task of a new cycle at 08:00 Stockholm on working days, with ids built from the data', async () => {
    const task = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    const jobs = await jobsOf(task.id);
    // 10 September 2027 is a Friday; the first working day after it is Monday 13 September.
    expect(jobs.map((j) => [j.data.kind, j.data.offset, j.data.dueAt])).toEqual([
      ['before', 5, '2027-09-03T06:00:00.000Z'],
      ['before', 1, '2027-09-09T06:00:00.000Z'],
      ['due', 0, '2027-09-10T06:00:00.000Z'],
      ['late', 1, '2027-09-13T06:00:00.000Z'],
      ['late', 3, '2027-09-15T06:00:00.000Z'],
    ]);
    const first = jobs[0];
    expect(first.id).toBe(reminderJobId(task.id, 'before', 5, '2027-09-03T06:00:00.000Z'));
    expect(Object.keys(first.data).sort()).toEqual(['dueAt', 'kind', 'offset', 'taskId']);
    // The delay is dueAt − clock.now(): months here, although the real time is later.
    const clockNow = http.app.get(Clock).now().getTime();
    expect(Math.abs(first.delay - (Date.parse('2027-09-03T06:00:00.000Z') - clockNow))).toBeLessThan(5_000);
    expect(first.opts.attempts).toBe(5);
    // Scheduling again is a no-op.
    const before = await pendingIds();
    await scheduler.scheduleCycle(cycle.id);
    expect(await pendingIds()).toEqual(before);
  });

  it('lets the secretary change the cycle’s reminder settings, refusing nonsense with Swedish messages', async () => {
    const bad = await secretary.patch(`/api/cycles/${cycle.id}`, {
      version: cycle.version,
      reminderConfig: { beforeDeadline: [5, -1, 5], hour: 23, sometimes: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'cycle_invalid' });
    const details = JSON.stringify(bad.body);
    expect(details).toContain('Okänd inställning för påminnelser: \\"sometimes\\"');
    expect(details).toContain('-1 är negativt');
    expect(details).toContain('Klockslag för påminnelser måste vara en hel timme från 6 till 18');
    expect((await secretary.patch(`/api/cycles/${cycle.id}`, { version: cycle.version, reminderConfig: 'ofta' })).status).toBe(400);
    // A unit head may not.
    expect((await camilla.patch(`/api/cycles/${cycle.id}`, { version: cycle.version, reminderConfig: null })).status).toBe(403);

    const changed = await secretary.patch<CycleSummaryDto>(`/api/cycles/${cycle.id}`, {
      version: cycle.version,
      reminderConfig: { beforeDeadline: [2], afterDeadline: [], hour: 7 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.reminderConfig).toEqual({ beforeDeadline: [2], onDeadline: true, afterDeadline: [], reviewNudgeAfter: 3, hour: 7 });
    const task = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    expect((await jobsOf(task.id)).map((j) => [j.data.kind, j.data.dueAt])).toEqual([
      ['before', '2027-09-08T05:00:00.000Z'],
      ['due', '2027-09-10T05:00:00.000Z'],
    ]);

    const reset = await secretary.patch<CycleSummaryDto>(`/api/cycles/${cycle.id}`, { version: changed.body.version, reminderConfig: null });
    expect(reset.body.reminderConfig).toEqual({ beforeDeadline: [5, 1], onDeadline: true, afterDeadline: [1, 3], reviewNudgeAfter: 3, hour: 8 });
    expect(await jobsOf(task.id)).toHaveLength(5);
    cycle = reset.body;
  });

  it('moves the reminders with the cycle’s deadline', async () => {
    const task = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    const moved = await secretary.patch<CycleSummaryDto>(`/api/cycles/${cycle.id}`, { version: cycle.version, submissionDeadline: '2027-09-08' });
    expect(moved.status).toBe(200);
    cycle = moved.body;
    const expected = plannedReminders({ id: task.id, deadline: '2027-09-08', state: task.state }).map((p) => p.jobId);
    expect((await jobsOf(task.id)).map((j) => j.id)).toEqual(expected);
    expect((await jobsOf(task.id)).map((j) => j.data.dueAt)).toContain('2027-09-01T06:00:00.000Z');
  });

  it('cancels the writer’s reminders on submit, nudges the reviewer instead, and brings them back on return', async () => {
    // The real time from here (still before the 2027 deadlines): the nudge counts from the recorded submission.
    setClocks(new Date().toISOString());
    let task = await myTask(fredrik, cycle.id, 'Nulägesbeskrivning');
    const saved = await fredrik.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: doc('Omsorgsenheten följer budget.') });
    expect(saved.status).toBe(200);
    const submitted = await fredrik.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.status).toBe(201);
    // The nudge: 3 working days after the (recorded) submission.
    const [{ submitted_at }] = await db.query('SELECT submitted_at FROM task_snapshot WHERE task_id = $1', [task.id]);
    const nudge = plannedReminders({ id: task.id, deadline: '2027-09-08', state: 'submitted', submittedAt: submitted_at.toISOString() });
    expect(nudge.map((p) => p.kind)).toEqual(['review_nudge']);
    expect((await jobsOf(task.id)).map((j) => j.id)).toEqual(nudge.map((p) => p.jobId));
    // The reviewer is told in-app that it was handed in.
    const notes = (await economist.get<NotificationListResponse>('/api/notifications')).body.notifications;
    expect(notes.find((n) => n.taskId === task.id)).toMatchObject({ kind: 'submitted', text: expect.stringContaining('har lämnats in') });

    const returned = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, {
      transition: 'return',
      version: submitted.body.version,
      text: 'Komplettera med personalläget.',
    });
    expect(returned.body.state).toBe('returned');
    task = returned.body;
    expect((await jobsOf(task.id)).map((j) => j.data.kind)).toEqual(['before', 'before', 'due', 'late', 'late']);
    // Submitted again: stays submitted for the rest of this file.
    const resaved = await fredrik.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, {
      version: task.version,
      content: doc('Omsorgsenheten följer budget. Personalläget är stabilt.'),
    });
    expect(resaved.status).toBe(200);
    const again = await fredrik.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: resaved.body.version });
    expect(again.body.state).toBe('submitted');
    expect((await jobsOf(task.id)).map((j) => j.data.kind)).toEqual(['review_nudge']);
  });

  it('restores exactly the pending jobs from the database after Redis lost them', async () => {
    const before = await pendingIds();
    expect(before.length).toBeGreaterThan(50);
    // What FLUSHALL does to this installation: every key of it gone (the queue, its job data and
    // the per-task sets). Only this test's own prefix is wiped, so tests running beside it keep theirs.
    expect(await deleteRedisKeys(prefix)).toBeGreaterThan(before.length);
    expect(await pendingIds()).toEqual([]);
    const result = await scheduler.reconcile();
    expect(result).toMatchObject({ added: before.length, removed: 0, expected: before.length });
    expect(await pendingIds()).toEqual(before);
    // And again: nothing to do.
    expect(await scheduler.reconcile()).toMatchObject({ added: 0, removed: 0 });
    // A stale job (a deadline that no longer holds) is removed.
    const task = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    const staleId = reminderJobId(task.id, 'before', 5, '2027-09-03T06:00:00.000Z');
    await http.app.get(QueueService).enqueue(
      JobName.Reminder,
      { taskId: task.id, kind: 'before', offset: 5, dueAt: '2027-09-03T06:00:00.000Z' },
      { jobId: staleId, delayMs: 3_600_000 },
    );
    expect(await scheduler.reconcile()).toMatchObject({ added: 0, removed: 1 });
    expect(await queue.getJob(staleId)).toBeUndefined();
  });

  it('sends at the right instants across a weekend and Easter, and only once the clock has passed them', async () => {
    const task = await myTask(camilla, cycle.id, 'Nulägesbeskrivning');
    setClocks('2026-03-20T12:00:00.000Z');
    const deadline = await secretary.patch<TaskDto>(`/api/tasks/${task.id}`, { deadline: '2026-04-06' });
    expect(deadline.status).toBe(200);
    // Easter Monday 6 April is a holiday and Good Friday 3 April too: the last day is Thursday 2 April;
    // five working days before it skip the weekend of 28–29 March; the first late day is Tuesday 7 April.
    expect((await jobsOf(task.id)).map((j) => [j.data.kind, j.data.offset, j.data.dueAt])).toEqual([
      ['before', 5, '2026-03-26T07:00:00.000Z'],
      ['before', 1, '2026-04-01T06:00:00.000Z'],
      ['due', 0, '2026-04-02T06:00:00.000Z'],
      ['late', 1, '2026-04-07T06:00:00.000Z'],
      ['late', 3, '2026-04-09T06:00:00.000Z'],
    ]);

    for (const dueAt of ['2026-04-02T06:00:00.000Z', '2026-04-07T06:00:00.000Z']) {
      await travelTo(new Date(Date.parse(dueAt) - 1_500).toISOString());
      const [job] = await jobsOf(task.id);
      expect(job.data.dueAt).toBe(dueAt);
      expect(job.delay).toBeLessThanOrEqual(1_500);
      expect((await sent(task.id)).filter((s) => s.due_at.toISOString() === dueAt)).toEqual([]);
      await waitFor(`the reminder due ${dueAt}`, async () => (await queue.getJobState(job.id ?? '')) === 'completed');
      const rows = (await sent(task.id)).filter((s) => s.due_at.toISOString() === dueAt);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.sent_at.getTime()).toBeGreaterThanOrEqual(Date.parse(dueAt));
    }
    const rows = await sent(task.id);
    // The due reminder to the writer; the late one to the writer, the reviewer and the secretary; each by mail and in-app.
    expect(rows.map((r) => `${r.kind} ${r.channel} ${r.email}`)).toEqual([
      `due email ${DEMO.unitHeadBarnOchFamilj}`,
      `due in_app ${DEMO.unitHeadBarnOchFamilj}`,
      `late email ${DEMO.nackaEconomist}`,
      `late in_app ${DEMO.nackaEconomist}`,
      `late email ${DEMO.nackaSecretary}`,
      `late in_app ${DEMO.nackaSecretary}`,
      `late email ${DEMO.unitHeadBarnOchFamilj}`,
      `late in_app ${DEMO.unitHeadBarnOchFamilj}`,
    ]);
    const mail = await mails(task.id);
    expect(mail).toHaveLength(4);
    const due = mail.find((m) => m.to_address === DEMO.unitHeadBarnOchFamilj && m.subject.startsWith('Påminnelse'));
    expect(due?.subject).toMatch(/^Påminnelse: [\d.]+ Nulägesbeskrivning \(Barn och familjeenheten\) ska lämnas in senast 6 april$/);
    expect(due?.text_body).toContain('ska lämnas in senast måndag 6 april 2026, och i dag är sista arbetsdagen före den dagen.');
    expect(due?.text_body).toContain(`https://rapport.nacka.example.se/uppgifter/${task.id}`);
    expect(due?.text_body).toContain('Birgitta Sandberg (birgitta.sandberg@nacka.example.se)');
    expect(due?.html_body).toContain(`<a href="https://rapport.nacka.example.se/uppgifter/${task.id}">`);
    expect(mail.find((m) => m.to_address === DEMO.nackaSecretary)?.subject).toMatch(/^Försenad: .* skulle ha lämnats in senast 6 april$/);
    const notes = (await camilla.get<NotificationListResponse>('/api/notifications')).body.notifications;
    expect(notes.filter((n) => n.kind === 'reminder' && n.taskId === task.id)).toHaveLength(2);
  });

  it('sends each reminder once with two workers at once, even when the same reminder is delivered twice', async () => {
    workers.push(await startWorker({ DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, SEED_DEMO_DATA: 'false', PUBLIC_URL: 'https://rapport.nacka.example.se' }));
    // The cycle's "5 working days before" of 8 September: Wednesday 1 September, for every open task without its own deadline.
    const dueAt = '2027-09-01T06:00:00.000Z';
    await travelTo(new Date(Date.parse(dueAt) - 1_500).toISOString());
    const due = (await queue.getJobs(['delayed'])).filter((j) => (j as ReminderJob).data.dueAt === dueAt) as ReminderJob[];
    expect(due.length).toBeGreaterThan(10);
    // Besides BullMQ's one delivery, each worker process also runs every one of them itself (as after a stalled job).
    await new Promise((r) => setTimeout(r, 1_500));
    const extra = workers.flatMap((worker) => due.map((job) => worker.get(ReminderSender).send(job.id ?? '', job.data)));
    await Promise.all(extra);
    await waitFor('every job to complete', async () => {
      const states = await Promise.all(due.map((job) => queue.getJobState(job.id ?? '')));
      return states.every((s) => s === 'completed');
    });
    const [{ rows, people }] = await db.query(
      `SELECT count(*)::int AS rows, count(DISTINCT (task_id, recipient_user_id))::int AS people FROM sent_reminder WHERE due_at = $1 AND channel = 'email'`,
      [dueAt],
    );
    expect(rows).toBe(people);
    expect(rows).toBeGreaterThan(0);
    const [{ count }] = await db.query(`SELECT count(*)::int FROM captured_mail WHERE subject LIKE 'Påminnelse: % ska lämnas in senast 8 september'`);
    expect(count).toBe(rows);
    const [{ notes }] = await db.query(
      `SELECT count(*)::int AS notes FROM notification n WHERE n.kind = 'reminder' AND n.text LIKE '% ska lämnas in senast 8 september'`,
    );
    expect(notes).toBe(rows);
  });
});
