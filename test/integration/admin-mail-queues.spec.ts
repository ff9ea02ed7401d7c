import type { CapturedMailListResponse, QueueJobListResponse, QueueListResponse } from '@rapportflode/api-contract';
import { createTransport } from 'nodemailer';
import { DataSource } from 'typeorm';
import { MailCatcher } from '../../backend/src/modules/mail/mail-catcher';
import { buildJobId, JobName, QueueName } from '../../backend/src/queue/queue.constants';
import { QueueService } from '../../backend/src/queue/queue.service';
import { useTestApp } from './support/app';
import { DEMO, HttpClient, signedIn } from './support/http';
import { waitFor } from './support/services';

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
    expect(list.mails[0].text).toContain('/aterstall-losenord');
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
    const paths = ['/api/admin/mail', '/api/admin/queues', `/api/admin/queues/${QueueName.System}/jobs?state=failed`];
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
    const me = await admin.get<{ user: { actions: string[] } }>('/api/auth/me');
    expect(me.body.user.actions).toContain('system.manage');
  });
});
