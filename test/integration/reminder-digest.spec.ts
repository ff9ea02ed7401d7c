import type { INestApplicationContext } from '@nestjs/common';
import type {
  CycleSummaryDto,
  NotificationListResponse,
  NotificationSettingsDto,
  SaveContentResponse,
  TaskDto,
  TaskListResponse,
} from '@rapportflode/api-contract';
import { digestJobId, nextDigestAt, RichTextDocument } from '@rapportflode/domain';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../backend/src/common/clock';
import { ReminderDigests } from '../../backend/src/modules/reminders/reminder-digest.service';
import { ReminderScheduler } from '../../backend/src/modules/reminders/reminder-scheduler.service';
import { JobName, JobPayloads } from '../../backend/src/queue/queue.constants';
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
 * The daily digest on the real Redis, PostgreSQL and SMTP path (the embedded catcher is off: mail
 * lands in captured_mail), time controlled by the Clock: a person who chose the digest gets the
 * morning's reminders in one mail at 08.15 instead of one mail each, in-app notices at once,
 * nothing for a section handed in meanwhile, and the digest once only.
 */
describe('reminders: the daily digest per person', () => {
  let database: TestDatabase;
  let http: RunningApp;
  let worker: INestApplicationContext;
  let db: DataSource;
  let queue: Queue;
  let camilla: HttpClient;
  let fredrik: HttpClient;
  let cycle: CycleSummaryDto;
  const prefix = uniqueName('redis');

  function setClocks(instant: string): void {
    const offset = Date.parse(instant) - Date.now();
    for (const context of [http.app, worker]) context.get(Clock).setOffsetMs(offset);
  }

  /** A jump in time: pending jobs were delayed by the old clock, so the plan is rebuilt for the new "now". */
  async function travelTo(instant: string): Promise<void> {
    setClocks(instant);
    await queue.drain(true);
    await http.app.get(ReminderScheduler).reconcile();
  }

  async function mailsTo(email: string): Promise<Array<{ subject: string; text_body: string; html_body: string }>> {
    return db.query(`SELECT subject, text_body, html_body FROM captured_mail WHERE to_address = $1 ORDER BY created_at, id`, [email]);
  }

  async function cycleTasks(client: HttpClient): Promise<Array<{ id: string; sectionTitle: string }>> {
    return (await client.get<TaskListResponse>('/api/tasks/mine')).body.tasks.filter((t) => t.cycleId === cycle.id);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, REDIS_KEY_PREFIX: prefix, LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PUBLIC_URL: 'https://rapport.nacka.example.se' };
    http = await startHttpApp({ ...env, PROCESS_ROLE: 'http' });
    worker = await startWorker({ ...env, SEED_DEMO_DATA: 'false' });
    db = http.app.get(DataSource);
    queue = http.app.get(QueueService).queue(JobName.Reminder);
    const secretary = await signedIn(http.baseUrl, DEMO.nackaSecretary);
    [camilla, fredrik] = await Promise.all([signedIn(http.baseUrl, DEMO.unitHeadBarnOchFamilj), signedIn(http.baseUrl, DEMO.unitHeadOmsorgsenheten)]);
    setClocks('2028-03-14T12:00:00.000Z');
    cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), 2028);
  });

  afterAll(async () => {
    await worker?.close();
    await http?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('lets each person choose the digest for themselves, refusing anything else, and queues the next run', async () => {
    expect((await camilla.get<NotificationSettingsDto>('/api/notifications/settings')).body.reminderDelivery).toBe('immediate');
    const bad = await camilla.put('/api/notifications/settings', { reminderDelivery: 'weekly' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Välj hur du vill få påminnelser');
    expect((await db.query(`SELECT reminder_delivery FROM app_user WHERE email = $1`, [DEMO.unitHeadBarnOchFamilj]))[0].reminder_delivery).toBe(
      'immediate',
    );

    const saved = await camilla.put<NotificationSettingsDto>('/api/notifications/settings', { reminderDelivery: 'daily_digest' });
    expect(saved.status).toBe(200);
    // Tuesday 14 March 2028 at 13.00: the next digest is Wednesday 08.15 (winter time, UTC+1).
    expect(saved.body).toEqual({ reminderDelivery: 'daily_digest', nextDigestAt: '2028-03-15T07:15:00.000Z' });
    // Only her own: Fredrik still gets each reminder for itself.
    expect((await fredrik.get<NotificationSettingsDto>('/api/notifications/settings')).body.reminderDelivery).toBe('immediate');
    const [audit] = await db.query(`SELECT before, after FROM audit_event WHERE action = 'user.reminder_delivery' ORDER BY occurred_at DESC LIMIT 1`);
    expect(audit).toEqual({ before: { reminderDelivery: 'immediate' }, after: { reminderDelivery: 'daily_digest' } });
    const next = await queue.getJob(digestJobId('2028-03-15T07:15:00.000Z'));
    expect(next?.name).toBe(JobName.ReminderDigest);
    expect(next?.data).toEqual({ dueAt: '2028-03-15T07:15:00.000Z' });
  });

  it('gathers the morning’s reminders into one mail at 08.15, leaves out a section handed in meanwhile, and sends it once', async () => {
    const before5 = ((await queue.getJobs(['delayed'])) as Array<Job<JobPayloads[JobName.Reminder]>>).filter(
      (j) => j.name === JobName.Reminder && j.data.kind === 'before' && j.data.offset === 5,
    );
    const allCamilla = await cycleTasks(camilla);
    const dueAt = before5.find((j) => j.data.taskId === allCamilla[0].id)?.data.dueAt ?? '';
    const dueThen = new Set(before5.filter((j) => j.data.dueAt === dueAt).map((j) => j.data.taskId));
    // The tasks whose "5 working days before" reminders share that instant (the cycle's deadline).
    const camillaTasks = allCamilla.filter((t) => dueThen.has(t.id));
    const fredrikTasks = (await cycleTasks(fredrik)).filter((t) => dueThen.has(t.id));
    expect(camillaTasks.length).toBeGreaterThanOrEqual(3);
    expect(fredrikTasks.length).toBeGreaterThanOrEqual(1);
    const ours = new Set(camillaTasks.map((t) => t.id));

    await travelTo(new Date(Date.parse(dueAt) - 1_000).toISOString());
    const due = before5.filter((j) => j.data.dueAt === dueAt && (ours.has(j.data.taskId) || fredrikTasks.some((t) => t.id === j.data.taskId)));
    await waitFor(
      'the morning’s reminders',
      async () => {
        const states = await Promise.all(due.map((j) => queue.getJobState(j.id ?? '')));
        return states.every((s) => s === 'completed');
      },
      30_000,
    );

    // Fredrik: one mail per section, at once. Camilla: none yet, her notices in the app at once.
    expect((await mailsTo(DEMO.unitHeadOmsorgsenheten)).length).toBe(fredrikTasks.length);
    expect(await mailsTo(DEMO.unitHeadBarnOchFamilj)).toEqual([]);
    const notes = (await camilla.get<NotificationListResponse>('/api/notifications')).body.notifications.filter((n) => n.kind === 'reminder');
    expect(notes.filter((n) => n.taskId && ours.has(n.taskId)).length).toBe(camillaTasks.length);
    const waiting = await db.query(
      `SELECT r.status FROM sent_reminder r JOIN app_user u ON u.id = r.recipient_user_id WHERE u.email = $1 AND r.channel = 'email'`,
      [DEMO.unitHeadBarnOchFamilj],
    );
    expect(waiting.map((w: { status: string }) => w.status)).toEqual(camillaTasks.map(() => 'digest'));

    // She hands in one section before the digest: it is not in it.
    const handedIn = camillaTasks.find((t) => t.sectionTitle === 'Nulägesbeskrivning') ?? camillaTasks[0];
    const task = (await camilla.get<TaskDto>(`/api/tasks/${handedIn.id}`)).body;
    const saved = await camilla.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: doc('Barn och familj följer planen.') });
    const submitted = await camilla.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.status).toBe(201);

    // The digest of that working day at 08.15 Stockholm time.
    const digestAt = nextDigestAt(Date.parse(dueAt));
    expect(new Date(digestAt).getTime() - Date.parse(dueAt)).toBe(15 * 60_000);
    await travelTo(new Date(Date.parse(digestAt) - 1_000).toISOString());
    const digestJob = digestJobId(digestAt);
    expect(await queue.getJobState(digestJob)).toBe('delayed');
    await waitFor('the digest run', async () => (await queue.getJobState(digestJob)) === 'completed', 20_000);

    const mails = await mailsTo(DEMO.unitHeadBarnOchFamilj);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    const listed = camillaTasks.length - 1;
    expect(mail.subject).toBe(`Dagens påminnelser från Rapportflöde: ${listed} avsnitt`);
    expect(mail.text_body).toContain(`Här är dagens ${listed} påminnelser:`);
    for (const t of camillaTasks.filter((t) => t.id !== handedIn.id)) {
      expect(mail.text_body).toContain(`https://rapport.nacka.example.se/uppgifter/${t.id}`);
      expect(mail.text_body).toContain(`${t.sectionTitle} (Barn och familjeenheten) ska lämnas in om 5 arbetsdagar`);
    }
    expect(mail.text_body).not.toContain(handedIn.id);
    expect(mail.html_body).toContain('<ol>');
    expect(mail.text_body).toContain('Ändra det under Notiser: https://rapport.nacka.example.se/notiser');

    const rows = await db.query(
      `SELECT r.task_id, r.status, d.status AS digest_status FROM sent_reminder r JOIN app_user u ON u.id = r.recipient_user_id
         LEFT JOIN reminder_digest d ON d.id = r.digest_id WHERE u.email = $1 AND r.channel = 'email'`,
      [DEMO.unitHeadBarnOchFamilj],
    );
    for (const row of rows) {
      expect(row).toEqual(
        row.task_id === handedIn.id
          ? { task_id: handedIn.id, status: 'cancelled', digest_status: null }
          : { task_id: row.task_id, status: 'sent', digest_status: 'sent' },
      );
    }

    // Run again (a retry, a second worker): nothing more goes out.
    expect(await worker.get(ReminderDigests).run(digestAt)).toEqual({ people: 0, sent: 0, failed: 0, cancelled: 0 });
    expect(await mailsTo(DEMO.unitHeadBarnOchFamilj)).toHaveLength(1);
    // And the next working day's run is queued.
    expect(await queue.getJobState(digestJobId(nextDigestAt(Date.parse(digestAt))))).toBe('delayed');
  });

  it('switching back sends the next reminders one by one again', async () => {
    const saved = await camilla.put<NotificationSettingsDto>('/api/notifications/settings', { reminderDelivery: 'immediate' });
    expect(saved.body.reminderDelivery).toBe('immediate');
    const before1 = ((await queue.getJobs(['delayed'])) as Array<Job<JobPayloads[JobName.Reminder]>>).filter(
      (j) => j.name === JobName.Reminder && j.data.kind === 'before' && j.data.offset === 1,
    );
    const mine = new Set((await cycleTasks(camilla)).map((t) => t.id));
    const hers = before1.filter((j) => mine.has(j.data.taskId));
    expect(hers.length).toBeGreaterThanOrEqual(2);
    const dueAt = hers[0].data.dueAt;
    const now = hers.filter((j) => j.data.dueAt === dueAt);
    const singles = async () => (await mailsTo(DEMO.unitHeadBarnOchFamilj)).filter((m) => /^Påminnelse: .* ska lämnas in senast/.test(m.subject));
    const digests = async () => (await mailsTo(DEMO.unitHeadBarnOchFamilj)).filter((m) => m.subject.startsWith('Dagens påminnelser'));
    expect(await singles()).toEqual([]);
    await travelTo(new Date(Date.parse(dueAt) - 1_000).toISOString());
    await waitFor('the reminders one day before', async () => (await singles()).length === now.length, 20_000);
    expect(await digests()).toHaveLength(1);
  });
});
