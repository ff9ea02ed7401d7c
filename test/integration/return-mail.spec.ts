import type { INestApplicationContext } from '@nestjs/common';
import type { CycleSummaryDto, NotificationSettingsDto, SaveContentResponse, TaskDto, TaskListResponse } from '@rapportflode/api-contract';
import { RichTextDocument } from '@rapportflode/domain';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ReminderDigests } from '../../backend/src/modules/reminders/reminder-digest.service';
import { ReturnMails } from '../../backend/src/modules/reminders/return-mail.service';
import { JobName, JobPayloads, returnMailJobId } from '../../backend/src/queue/queue.constants';
import { QueueService } from '../../backend/src/queue/queue.service';
import { RunningApp, startHttpApp, startWorker } from './support/app';
import { openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName, waitFor } from './support/services';

const doc = (text: string): RichTextDocument => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text }] }],
});

/**
 * The mail of a return, on the real Redis, PostgreSQL and SMTP path (mail lands in captured_mail):
 * the writer who handed the task in gets one mail with the reviewer's comment, by their reminder
 * choice (at once, or in the daily digest), and a second run of the job sends nothing more.
 */
describe('reminders: the writer is mailed when their task is returned', () => {
  let database: TestDatabase;
  let http: RunningApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let queue: Queue;
  let camilla: HttpClient;
  let fredrik: HttpClient;
  let anders: HttpClient;
  let cycle: CycleSummaryDto;
  const prefix = uniqueName('redis');

  async function mailsTo(email: string): Promise<Array<{ subject: string; text_body: string; html_body: string }>> {
    return db.query(`SELECT subject, text_body, html_body FROM captured_mail WHERE to_address = $1 ORDER BY created_at, id`, [email]);
  }

  /** The writer's Nulägesbeskrivning of this cycle, written and handed in. */
  async function submitted(client: HttpClient, text: string): Promise<TaskDto> {
    const tasks = (await client.get<TaskListResponse>('/api/tasks/mine')).body.tasks.filter((t) => t.cycleId === cycle.id);
    const row = tasks.find((t) => t.sectionTitle === 'Nulägesbeskrivning');
    if (!row) throw new Error('no Nulägesbeskrivning');
    const task = (await client.get<TaskDto>(`/api/tasks/${row.id}`)).body;
    const saved = await client.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: doc(text) });
    const done = await client.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(done.status).toBe(201);
    return done.body;
  }

  async function returned(task: TaskDto, text: string): Promise<JobPayloads[JobName.ReturnMail]> {
    const fresh = (await anders.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    const done = await anders.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'return', version: fresh.version, text });
    expect(done.status).toBe(201);
    expect(done.body.state).toBe('returned');
    const jobId = returnMailJobId({ subject: 'task', subjectId: task.id, transition: 'return', round: 1, at: '' });
    await waitFor('the return mail job', async () => (await queue.getJobState(jobId)) === 'completed', 20_000);
    const job = await queue.getJob(jobId);
    return job?.data as JobPayloads[JobName.ReturnMail];
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: 'https://rapport.nacka.example.se' };
    http = await startHttpApp({ ...env, PROCESS_ROLE: 'http' });
    worker = await startWorker({ ...env, SEED_DEMO_DATA: 'false' });
    db = http.app.get(DataSource);
    queue = http.app.get(QueueService).queue(JobName.ReturnMail);
    const secretary = await signedIn(http.baseUrl, DEMO.nackaSecretary);
    [camilla, fredrik, anders] = await Promise.all([
      signedIn(http.baseUrl, DEMO.unitHeadBarnOchFamilj),
      signedIn(http.baseUrl, DEMO.unitHeadOmsorgsenheten),
      signedIn(http.baseUrl, DEMO.nackaEconomist),
    ]);
    // Deadlines two years ahead: no reminder falls due while this runs.
    cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), new Date().getUTCFullYear() + 2);
  });

  afterAll(async () => {
    await worker?.close();
    await http?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('mails the writer once, with the comment and the link, however often the job runs', async () => {
    const task = await submitted(camilla, 'Barn och familj följer planen.');
    expect(await mailsTo(DEMO.unitHeadBarnOchFamilj)).toEqual([]);
    const payload = await returned(task, 'Ange prognosen för helåret också.');

    const mails = await mailsTo(DEMO.unitHeadBarnOchFamilj);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Återremitterad: ${task.sectionNumber} Nulägesbeskrivning (Barn och familjeenheten)`);
    expect(mails[0].text_body).toContain('Anders Nilsson har återremitterat avsnittet');
    expect(mails[0].text_body).toContain('Kommentar: Ange prognosen för helåret också.');
    expect(mails[0].text_body).toContain(`https://rapport.nacka.example.se/uppgifter/${task.id}`);
    expect(mails[0].html_body).toContain('Ange prognosen för helåret också.');
    // Nobody else is mailed about it.
    expect(await mailsTo(DEMO.nackaEconomist)).toEqual([]);

    // The same job again (a retry, a second worker): nothing more goes out.
    expect(await worker.get(ReturnMails).send(payload)).toEqual({ skipped: 'done_before' });
    expect(await mailsTo(DEMO.unitHeadBarnOchFamilj)).toHaveLength(1);
  });

  it('puts the return into the daily digest of a writer who chose it, instead of a mail of its own', async () => {
    const saved = await fredrik.put<NotificationSettingsDto>('/api/notifications/settings', { reminderDelivery: 'daily_digest' });
    expect(saved.status).toBe(200);
    const task = await submitted(fredrik, 'Omsorgen följer planen.');
    await returned(task, 'Saknar sjukfrånvaron.');
    expect(await mailsTo(DEMO.unitHeadOmsorgsenheten)).toEqual([]);
    const rows = await db.query(
      `SELECT r.kind, r.status FROM sent_reminder r JOIN app_user u ON u.id = r.recipient_user_id WHERE u.email = $1 AND r.channel = 'email'`,
      [DEMO.unitHeadOmsorgsenheten],
    );
    expect(rows).toEqual([{ kind: 'returned', status: 'digest' }]);

    const digestAt = new Date(Date.now() + 60_000).toISOString();
    expect(await worker.get(ReminderDigests).run(digestAt)).toMatchObject({ people: 1, sent: 1, failed: 0 });
    const mails = await mailsTo(DEMO.unitHeadOmsorgsenheten);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('Dagens påminnelser från Rapportflöde: 1 avsnitt');
    expect(mails[0].text_body).toContain('Anders Nilsson har återremitterat avsnittet');
    expect(mails[0].text_body).toContain('Saknar sjukfrånvaron.');
    expect(mails[0].text_body).toContain(`https://rapport.nacka.example.se/uppgifter/${task.id}`);
    // Once only.
    expect(await worker.get(ReminderDigests).run(digestAt)).toEqual({ people: 0, sent: 0, failed: 0, cancelled: 0 });
    expect(await mailsTo(DEMO.unitHeadOmsorgsenheten)).toHaveLength(1);
  });

  it('leaves a return out of the digest once the writer has handed the task in again', async () => {
    const before = await mailsTo(DEMO.unitHeadOmsorgsenheten);
    const tasks = (await fredrik.get<TaskListResponse>('/api/tasks/mine')).body.tasks.filter((t) => t.cycleId === cycle.id);
    const row = tasks.find((t) => t.sectionTitle === 'Nulägesbeskrivning');
    const task = (await fredrik.get<TaskDto>(`/api/tasks/${row?.id}`)).body;
    // Handed in again and returned a second time (round 2), then handed in before the digest.
    const again = await fredrik.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'resume', version: task.version });
    expect(again.status).toBe(201);
    const resubmitted = await fredrik.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: again.body.version });
    expect(resubmitted.status).toBe(201);
    const fresh = (await anders.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    expect((await anders.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'return', version: fresh.version, text: 'En sak till.' })).status).toBe(201);
    const jobId = returnMailJobId({ subject: 'task', subjectId: task.id, transition: 'return', round: 2, at: '' });
    await waitFor('the second return mail job', async () => (await queue.getJobState(jobId)) === 'completed', 20_000);
    const current = (await fredrik.get<TaskDto>(`/api/tasks/${task.id}`)).body;
    const resumed = await fredrik.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'resume', version: current.version });
    expect((await fredrik.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: resumed.body.version })).status).toBe(201);

    expect(await worker.get(ReminderDigests).run(new Date(Date.now() + 120_000).toISOString())).toMatchObject({ cancelled: 1, sent: 0 });
    expect(await mailsTo(DEMO.unitHeadOmsorgsenheten)).toEqual(before);
  });
});
