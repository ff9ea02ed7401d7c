import type {
  CapturedMailListResponse,
  QueueJobListResponse,
  QueueListResponse,
  ReminderFailureListResponse,
  TaskDto,
} from '@rapportflode/api-contract';
import type { Job } from 'bullmq';
import { AddressInfo } from 'node:net';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { MailCatcher } from '../../backend/src/modules/mail/mail-catcher';
import { ReminderSender } from '../../backend/src/modules/reminders/reminder-sender.service';
import { buildJobId, JobName, JobPayloads, QueueName } from '../../backend/src/queue/queue.constants';
import { QueueService } from '../../backend/src/queue/queue.service';
import { RunningApp, startHttpApp, useTestApp } from './support/app';
import { myTask, openCycle, templateIdByName } from './support/cycles';
import { DEMO, HttpClient, signedIn } from './support/http';
import { createTestDatabase, deleteRedisKeys, TestDatabase, uniqueName, waitFor } from './support/services';

/**
 * The installation admin's pages Utskick and Köer over real HTTP, with the embedded SMTP catcher
 * (MAIL_CATCHER=on, as under npm start) on real PostgreSQL and Redis.
 */
describe('admin: outgoing mail through the embedded SMTP catcher, and the queues', () => {
  const test = useTestApp({ MAIL_CATCHER: 'on', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;

  beforeAll(async () => {
    admin = await signedIn(test.running.baseUrl, DEMO.admin);
  });

  async function mails(query = ''): Promise<CapturedMailListResponse> {
    const result = await admin.get<CapturedMailListResponse>(`/api/admin/mail${query}`);
    expect(result.status).toBe(200);
    return result.body;
  }

  it('runs an SMTP server on 127.0.0.1 that keeps what it receives, text and HTML parts', async () => {
    const url = test.running.app.get(MailCatcher).url;
    expect(url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    const transport = createTransport(url as string);
    try {
      const info = await transport.sendMail({
        from: 'Avsändare <avsandare@example.se>',
        to: ['ett@example.se', 'tva@example.se'],
        subject: 'Påminnelse: Sammanfattning ska lämnas på fredag',
        text: 'Hej!\nAvsnittet ska lämnas senast fredag.',
        html: '<p>Hej!</p><p>Avsnittet ska lämnas <strong>senast fredag</strong>.</p><script>alert(1)</script>',
      });
      expect(info.accepted).toEqual(['ett@example.se', 'tva@example.se']);
    } finally {
      transport.close();
    }
    const [newest] = (await mails()).mails;
    expect(newest).toMatchObject({
      to: 'ett@example.se, tva@example.se',
      subject: 'Påminnelse: Sammanfattning ska lämnas på fredag',
      text: 'Hej!\nAvsnittet ska lämnas senast fredag.',
    });
    expect(newest.html).toContain('<strong>senast fredag</strong>');
  });

  it("sends the app's own mail (a password reset) through SMTP to the catcher, shown newest first and paged", async () => {
    const anonymous = new HttpClient(test.running.baseUrl);
    const reset = await anonymous.post('/api/auth/password-reset', { email: DEMO.reader });
    expect(reset.status).toBeLessThan(300);
    const list = await waitFor('the reset mail', async () => {
      const body = await mails();
      return body.mails[0]?.to === DEMO.reader ? body : undefined;
    });
    expect(list.total).toBeGreaterThanOrEqual(2);
    // The reset link is a key to the account: Utskick shows that it was sent, never the link.
    expect(list.mails[0]).toMatchObject({ confidential: true, text: '', html: null });
    expect(JSON.stringify(list)).not.toContain('/aterstall-losenord');
    const [stored] = await test.running.app.get(DataSource).query(
      `SELECT text_body FROM captured_mail WHERE id = $1`,
      [list.mails[0].id],
    );
    expect(stored.text_body).toContain('/aterstall-losenord?token=');
    const times = list.mails.map((mail) => mail.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const secondPage = await mails('?page=2&pageSize=1');
    expect(secondPage).toMatchObject({ page: 2, pageSize: 1, total: list.total });
    expect(secondPage.mails.map((mail) => mail.id)).toEqual([list.mails[1].id]);
    expect((await admin.get('/api/admin/mail?pageSize=1000')).status).toBe(400);
  });

  it('lists every queue with its counts, a delayed job with when it is due', async () => {
    const queues = test.running.app.get(QueueService);
    const jobId = buildJobId('queue-check', 'admin-view-delayed');
    await queues.enqueue(JobName.QueueCheck, { requestedAt: new Date().toISOString() }, { jobId, delayMs: 3_600_000 });

    const list = await admin.get<QueueListResponse>('/api/admin/queues');
    expect(list.status).toBe(200);
    expect(list.body.queues.map((queue) => queue.name).sort()).toEqual(
      queues
        .allQueues()
        .map((queue) => queue.name)
        .sort(),
    );
    const system = list.body.queues.find((queue) => queue.name === QueueName.System);
    expect(system?.counts.delayed).toBeGreaterThanOrEqual(1);
    expect(Object.keys(system?.counts ?? {}).sort()).toEqual(['active', 'completed', 'delayed', 'failed', 'waiting']);

    const delayed = await admin.get<QueueJobListResponse>(`/api/admin/queues/${QueueName.System}/jobs?state=delayed`);
    expect(delayed.status).toBe(200);
    const job = delayed.body.jobs.find((candidate) => candidate.id === jobId);
    expect(job).toMatchObject({ name: JobName.QueueCheck, attempts: 5, attemptsMade: 0, failedReason: null });
    const dueIn = new Date(job?.delayUntil ?? 0).getTime() - Date.now();
    expect(dueIn).toBeGreaterThan(3_500_000);
    expect(dueIn).toBeLessThanOrEqual(3_600_000);
  });

  it('shows a failed job with its reason and runs it again on request, recorded in the audit log', async () => {
    // A job no processor knows: the system worker fails it (one attempt), as a broken job would.
    const queue = test.running.app.get(QueueService).queue(QueueName.System);
    const jobId = 'admin-view-unknown-job';
    await queue.add('test.no-such-job', { reason: 'test' }, { jobId, attempts: 1 });
    await waitFor('the job to fail', async () => (await queue.getJob(jobId))?.isFailed());

    const counts = (await admin.get<QueueListResponse>('/api/admin/queues')).body.queues.find(
      (q) => q.name === QueueName.System,
    );
    expect(counts?.counts.failed).toBeGreaterThanOrEqual(1);
    const failed = await admin.get<QueueJobListResponse>(`/api/admin/queues/${QueueName.System}/jobs?state=failed`);
    expect(failed.status).toBe(200);
    const job = failed.body.jobs.find((candidate) => candidate.id === jobId);
    expect(job).toMatchObject({ name: 'test.no-such-job', data: { reason: 'test' }, attemptsMade: 1, attempts: 1 });
    expect(job?.failedReason).toContain('No handler for job test.no-such-job');
    expect(job?.finishedAt).not.toBeNull();

    const firstFinished = (await queue.getJob(jobId))?.finishedOn;
    const retried = await admin.post<{ id: string; state: string }>(
      `/api/admin/queues/${QueueName.System}/jobs/${jobId}/retry`,
    );
    expect(retried.status).toBe(200);
    expect(retried.body.id).toBe(jobId);
    expect(['waiting', 'active', 'failed']).toContain(retried.body.state);
    // The worker took it again (and, still without a handler, failed it again).
    await waitFor('the job to run again', async () => {
      const again = await queue.getJob(jobId);
      return again && (await again.isFailed()) && (again.finishedOn ?? 0) > (firstFinished ?? 0);
    });
    const dataSource = test.running.app.get(DataSource);
    const [event] = await dataSource.query(
      `SELECT e.action, e.entity_type, e.entity_id, u.email FROM audit_event e JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.action = 'job.retry'`,
    );
    expect(event).toEqual({
      action: 'job.retry',
      entity_type: 'job',
      entity_id: `${QueueName.System}/${jobId}`,
      email: DEMO.admin,
    });
  });

  it('refuses what cannot be done: a job that has not failed, an unknown job, queue or state', async () => {
    const delayedId = buildJobId('queue-check', 'admin-view-delayed');
    const notFailed = await admin.post<{ code: string }>(
      `/api/admin/queues/${QueueName.System}/jobs/${delayedId}/retry`,
    );
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.code).toBe('job_not_failed');
    const unknownJob = await admin.post<{ code: string }>(
      `/api/admin/queues/${QueueName.System}/jobs/no-such-job/retry`,
    );
    expect([unknownJob.status, unknownJob.body.code]).toEqual([404, 'job_not_found']);
    const unknownQueue = await admin.get<{ code: string }>('/api/admin/queues/no-such-queue/jobs');
    expect([unknownQueue.status, unknownQueue.body.code]).toEqual([404, 'queue_not_found']);
    expect((await admin.get(`/api/admin/queues/${QueueName.System}/jobs?state=stuck`)).status).toBe(400);
  });

  it('is for installation administrators only: a unit head and an economist are refused, anonymous callers too', async () => {
    const paths = [
      '/api/admin/mail',
      '/api/admin/reminder-failures',
      '/api/admin/queues',
      `/api/admin/queues/${QueueName.System}/jobs?state=failed`,
    ];
    for (const email of [DEMO.unitHeadVuxenutbildning, DEMO.economist]) {
      const client = await signedIn(test.running.baseUrl, email);
      for (const path of paths) {
        const result = await client.get<{ code: string }>(path);
        expect([path, email, result.status]).toEqual([path, email, 403]);
      }
      const retry = await client.post(`/api/admin/queues/${QueueName.System}/jobs/admin-view-unknown-job/retry`);
      expect(retry.status).toBe(403);
      const me = await client.get<{ user: { actions: string[] } }>('/api/auth/me');
      expect(me.body.user.actions).not.toContain('system.manage');
    }
    const anonymous = new HttpClient(test.running.baseUrl);
    expect((await anonymous.get('/api/admin/mail')).status).toBe(401);
    expect((await anonymous.get('/api/admin/queues')).status).toBe(401);
    expect((await anonymous.get('/api/admin/reminder-failures')).status).toBe(401);
    const me = await admin.get<{ user: { actions: string[] } }>('/api/auth/me');
    expect(me.body.user.actions).toContain('system.manage');
  });
});

type ReminderJob = Job<JobPayloads[JobName.Reminder]>;

/**
 * The nämnd's mail server, refusing chosen recipients at RCPT: 550 (unknown mailbox, for good)
 * or 450 (mailbox busy, try later). Everything else is accepted.
 */
async function startRefusingSmtp() {
  const refuse = new Map<string, 450 | 550>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address);
      if (code === 550) {
        return callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), {
            responseCode: 550,
          }),
        );
      }
      if (code === 450) {
        return callback(
          Object.assign(new Error(`4.2.1 <${address.address}>: Mailbox busy, try again later`), { responseCode: 450 }),
        );
      }
      callback();
    },
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    refuse,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Utskick's list of reminder mails that did not go out, from real reminders sent through the
 * real ReminderSender to a real SMTP server that refuses some recipients (as in
 * reminder-faults.spec.ts). The reminder is the one the scheduler planned when the cycle opened;
 * it is sent by calling the sender as the reminders worker does, without waiting for its instant.
 */
describe('admin: reminder mails that did not go out', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let smtp: Awaited<ReturnType<typeof startRefusingSmtp>>;
  let admin: HttpClient;
  let task: TaskDto;
  const prefix = uniqueName('redis');

  beforeAll(async () => {
    smtp = await startRefusingSmtp();
    database = await createTestDatabase();
    running = await startHttpApp({
      DATABASE_URL: database.url,
      REDIS_KEY_PREFIX: prefix,
      SMTP_URL: smtp.url,
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    });
    admin = await signedIn(running.baseUrl, DEMO.admin);
    const secretary = await signedIn(running.baseUrl, DEMO.nackaSecretary);
    const cycle = await openCycle(secretary, await templateIdByName(secretary, 'Tertialbokslut 2'), 2027);
    task = await myTask(await signedIn(running.baseUrl, DEMO.unitHeadBarnOchFamilj), cycle.id, 'Nulägesbeskrivning');
  });

  afterAll(async () => {
    await running?.close();
    await smtp?.stop();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  async function failures(query = ''): Promise<ReminderFailureListResponse> {
    const result = await admin.get<ReminderFailureListResponse>(`/api/admin/reminder-failures${query}`);
    expect(result.status).toBe(200);
    return result.body;
  }

  /** The planned reminder of the task, as the scheduler queued it. */
  async function plannedJob(kind: string, offset: number): Promise<ReminderJob> {
    const queue = running.app.get(QueueService).queue(JobName.Reminder);
    return waitFor(`the ${kind} ${offset} reminder to be planned`, async () => {
      const jobs = (await queue.getJobs(['delayed'])) as ReminderJob[];
      return jobs.find(
        (j) =>
          j.name === JobName.Reminder && j.data.taskId === task.id && j.data.kind === kind && j.data.offset === offset,
      );
    });
  }

  async function nameOf(email: string): Promise<string> {
    const [{ name }] = await running.app.get(DataSource).query('SELECT name FROM app_user WHERE email = $1', [email]);
    return name as string;
  }

  it('says nothing went wrong before anything did', async () => {
    expect(await failures()).toEqual({ total: 0, page: 1, pageSize: 20, failures: [] });
  });

  it('lists the refused reminder mails and those waiting for a retry, newest first, with what the server said', async () => {
    const sender = running.app.get(ReminderSender);
    // The late reminder goes to the unit head (writer), the economist (reviewer) and the
    // secretary: the server refuses the first two for good and takes the secretary's.
    smtp.refuse.set(DEMO.unitHeadBarnOchFamilj, 550);
    smtp.refuse.set(DEMO.nackaEconomist, 550);
    const late = await plannedJob('late', 1);
    expect(await sender.send(late.id ?? '', late.data)).toMatchObject({ sent: 1, failed: 2, recipients: 3 });
    // The deadline-day reminder goes to the unit head only; the server is busy for her now (450):
    // the row stays pending with the error, and the job fails to be retried. Tried twice.
    smtp.refuse.set(DEMO.unitHeadBarnOchFamilj, 450);
    const due = await plannedJob('due', 0);
    await expect(sender.send(due.id ?? '', due.data)).rejects.toMatchObject({ responseCode: 450 });
    await expect(sender.send(due.id ?? '', due.data)).rejects.toMatchObject({ responseCode: 450 });

    const list = await failures();
    expect(list.total).toBe(3);
    const camilla = await nameOf(DEMO.unitHeadBarnOchFamilj);
    const where = {
      taskId: task.id,
      cycleTitle: task.cycleTitle,
      sectionNumber: task.sectionNumber,
      sectionTitle: 'Nulägesbeskrivning',
      unitName: task.unitName,
    };
    expect(list.failures).toEqual([
      {
        ...where,
        id: expect.any(String),
        recipientName: camilla,
        recipientEmail: DEMO.unitHeadBarnOchFamilj,
        kind: 'due',
        offset: 0,
        dueAt: due.data.dueAt,
        triedAt: expect.any(String),
        attempts: 2,
        status: 'retrying',
        error: expect.stringMatching(/^450 .*Mailbox busy, try again later/),
      },
      {
        ...where,
        id: expect.any(String),
        recipientName: await nameOf(DEMO.nackaEconomist),
        recipientEmail: DEMO.nackaEconomist,
        kind: 'late',
        offset: 1,
        dueAt: late.data.dueAt,
        triedAt: expect.any(String),
        attempts: 1,
        status: 'failed',
        error: expect.stringMatching(/^550 .*Recipient address rejected: User unknown/),
      },
      {
        ...where,
        id: expect.any(String),
        recipientName: camilla,
        recipientEmail: DEMO.unitHeadBarnOchFamilj,
        kind: 'late',
        offset: 1,
        dueAt: late.data.dueAt,
        triedAt: expect.any(String),
        attempts: 1,
        status: 'failed',
        error: expect.stringMatching(/^550 .*Recipient address rejected: User unknown/),
      },
    ]);
    const tried = list.failures.map((failure) => failure.triedAt);
    expect([...tried].sort().reverse()).toEqual(tried);
    // Neither the secretary's delivered mail nor anyone's in-app notice is listed.
    const [{ count }] = await running.app
      .get(DataSource)
      .query(`SELECT count(*)::int FROM sent_reminder WHERE task_id = $1 AND status = 'sent'`, [task.id]);
    expect(count).toBe(5);

    const second = await failures('?page=2&pageSize=1');
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(second.failures.map((failure) => failure.id)).toEqual([list.failures[1].id]);
    expect((await failures('?page=4&pageSize=1')).failures).toEqual([]);
    smtp.refuse.clear();
  });

  it('answers 400 with a clear message to nonsense paging', async () => {
    const cases: Array<[string, string]> = [
      ['?pageSize=1000', 'pageSize måste vara ett heltal från 1 till 100.'],
      ['?pageSize=0', 'pageSize måste vara ett heltal från 1 till 100.'],
      ['?page=0', 'page måste vara ett heltal från 1.'],
      ['?page=zwei', 'page måste vara ett heltal från 1.'],
      ['?page=1.5', 'page måste vara ett heltal från 1.'],
    ];
    for (const [query, message] of cases) {
      const result = await admin.get<{ code: string; details: string[] }>(`/api/admin/reminder-failures${query}`);
      expect([query, result.status, result.body.code]).toEqual([query, 400, 'validation_failed']);
      expect(result.body.details).toContain(message);
    }
  });

  it('is for installation administrators only', async () => {
    for (const email of [DEMO.nackaSecretary, DEMO.unitHeadBarnOchFamilj, DEMO.nackaEconomist]) {
      const client = await signedIn(running.baseUrl, email);
      const result = await client.get('/api/admin/reminder-failures');
      expect([email, result.status]).toEqual([email, 403]);
    }
    expect((await new HttpClient(running.baseUrl).get('/api/admin/reminder-failures')).status).toBe(401);
  });
});
