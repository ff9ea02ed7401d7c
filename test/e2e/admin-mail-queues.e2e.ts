import AxeBuilder from '@axe-core/playwright';
import { expect, request, test } from '@playwright/test';
import { Queue } from 'bullmq';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import { redisOptionsFromUrl } from '../../backend/src/queue/redis-options';
import { POSTGRES_ADMIN_URL, TEST_REDIS_URL } from '../integration/support/services';
import { ADMIN, baseURL, expectNoAxeViolations, openCycle, signIn } from './support';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (global-setup starts the server)`);
  return value;
}

/**
 * The server's database. global-setup names it like the Redis prefix it exports
 * (rf_e2e_<pid>_… and rf_redis_<pid>_…, the same process id), and starts only one.
 */
async function serverDatabase(): Promise<Client> {
  const pid = /^rf_redis_(\d+)_/.exec(env('E2E_REDIS_KEY_PREFIX'))?.[1];
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  const names = (
    await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`rf_e2e_${pid}_%`])
  ).rows.map((row) => row.datname);
  await admin.end();
  if (names.length !== 1) throw new Error(`expected one e2e database for process ${pid}, found ${names.join(', ')}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${names[0]}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

const GNESTA_SECRETARY = 'maria.holm@gnesta.example.se';
const UNIT_HEAD = 'lena.wik@gnesta.example.se';
// A year no other browser test uses.
const FAILURE_YEAR = 2043;

test.describe('the installation administrator watches outgoing mail and the queues', () => {
  const subject = `Påminnelse: Sammanfattning ${Date.now()}`;
  const jobId = `e2e-unknown-job-${Date.now()}`;
  let queue: Queue;

  test.beforeAll(async () => {
    // A password reset: the app's own mail, through SMTP to the embedded catcher.
    const anonymous = await request.newContext({ baseURL: baseURL() });
    expect(
      (await anonymous.post('/api/auth/password-reset', { data: { email: 'per.strom@gnesta.example.se' } })).ok(),
    ).toBe(true);
    await anonymous.dispose();
    // A queued job mails the reset link: wait for it, so the mail below is the newest.
    const mailDb = await serverDatabase();
    try {
      await expect
        .poll(async () => (await mailDb.query(`SELECT 1 FROM captured_mail WHERE to_address = 'per.strom@gnesta.example.se'`)).rowCount, {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
    } finally {
      await mailDb.end();
    }
    // A mail with an HTML part, sent to the catcher as any SMTP client would.
    const transport = createTransport(env('E2E_SMTP_URL'));
    await transport.sendMail({
      from: 'Rapportflöde <rapportflode@localhost>',
      to: 'lena.wik@gnesta.example.se',
      subject,
      text: 'Hej Lena!\nSammanfattningen ska lämnas senast fredag.',
      html: '<h1>Hej Lena!</h1><p>Sammanfattningen ska lämnas <strong>senast fredag</strong>.</p>',
    });
    transport.close();
    // A job no processor knows: the worker fails it, as a broken job would.
    queue = new Queue('system', {
      connection: redisOptionsFromUrl(TEST_REDIS_URL),
      prefix: env('E2E_REDIS_KEY_PREFIX'),
    });
    await queue.add('e2e.no-such-job', { reason: 'e2e' }, { jobId, attempts: 1 });
    await expect.poll(async () => (await queue.getJob(jobId))?.isFailed(), { timeout: 15_000 }).toBe(true);

    // Two reminder mails that did not go out, for the unit head's task of a cycle of its own:
    // one the mail server refused for good, one waiting for a retry. The browser cannot make
    // this server's mail catcher refuse anything (the integration test sends real reminders to a
    // refusing SMTP server), so the outbox rows are written here as ReminderSender writes them.
    await openCycle(GNESTA_SECRETARY, 'Delårsrapport', FAILURE_YEAR, `SN.${FAILURE_YEAR}.62`);
    const db = await serverDatabase();
    try {
      await db.query('DELETE FROM sent_reminder');
      const due = `(t.deadline + time '08:00') AT TIME ZONE 'Europe/Stockholm'`;
      const dayBefore = `((t.deadline - CASE extract(isodow FROM t.deadline) WHEN 1 THEN 3 WHEN 7 THEN 2 ELSE 1 END) + time '08:00') AT TIME ZONE 'Europe/Stockholm'`;
      const inserted = await db.query(
        `WITH target AS (
           SELECT t.id, COALESCE(t.deadline, c.submission_deadline) AS deadline FROM task t JOIN report_cycle c ON c.id = t.cycle_id
             JOIN cycle_section s ON s.id = t.section_id JOIN organisation_unit o ON o.id = t.unit_id
            WHERE c.year = $1 AND o.name = 'Vuxenutbildning' AND s.title = 'Händelser av väsentlig betydelse'),
         who AS (SELECT id FROM app_user WHERE email = $2)
         INSERT INTO sent_reminder (task_id, kind, "offset", due_at, recipient_user_id, channel, status, error, attempts, sent_at)
         SELECT t.id, 'before', 1, ${dayBefore}, who.id, 'email', 'failed',
                '550 5.1.1 <${UNIT_HEAD}>: Recipient address rejected: User unknown', 1, now() - interval '1 hour'
           FROM target t, who
         UNION ALL
         SELECT t.id, 'due', 0, ${due}, who.id, 'email', 'pending',
                '421 4.7.0 Try again later, closing connection', 2, now()
           FROM target t, who
         RETURNING id`,
        [FAILURE_YEAR, UNIT_HEAD],
      );
      expect(inserted.rowCount).toBe(2);
    } finally {
      await db.end();
    }
  });

  test.afterAll(async () => {
    await queue?.close();
  });

  test('Utskick lists the mail newest first and shows a mail, its HTML sandboxed', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Utskick' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Utskick' })).toBeVisible();
    const rows = page.getByRole('region', { name: 'Utskick' }).getByRole('row');
    await expect(rows.nth(1)).toContainText(subject);
    await expect(page.getByRole('row').filter({ hasText: 'per.strom@gnesta.example.se' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: subject }).click();
    const mail = page.getByRole('region', { name: subject });
    await expect(mail.getByRole('heading', { level: 2, name: subject })).toBeFocused();
    await expect(mail).toContainText('Sammanfattningen ska lämnas senast fredag.');
    await mail.getByText('Visa HTML-versionen').click();
    const frame = mail.locator('iframe');
    await expect(frame).toHaveAttribute('sandbox', '');
    await expect(
      page.frameLocator(`iframe[title="HTML-versionen av ${subject}"]`).getByRole('heading', { name: 'Hej Lena!' }),
    ).toBeVisible();
    // With a frame on the page, axe's default mode opens a helper page, which this Chromium refuses: run it in one pass.
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .setLegacyMode(true)
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    ).toEqual([]);
  });

  test('Utskick lists the reminder mails that did not go out, in Swedish', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Utskick' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Påminnelser som inte gått fram' })).toBeVisible();
    const table = page.getByRole('region', { name: 'Påminnelser som inte gått fram' });
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('Mottagare');
    // Newest first: the one waiting for a retry, then the refused one.
    const retrying = rows.nth(1);
    await expect(retrying).toContainText('Lena Wik');
    await expect(retrying).toContainText(UNIT_HEAD);
    await expect(retrying).toContainText(/Delårsrapport.*Händelser av väsentlig betydelse, Vuxenutbildning/);
    await expect(retrying).toContainText('På sista dagen');
    await expect(retrying).toContainText(/\d{4}-\d{2}-\d{2} 08:00/);
    await expect(retrying.getByRole('cell').nth(4)).toHaveText('2');
    await expect(retrying).toContainText('Försöker igen');
    await expect(retrying).toContainText('421 4.7.0 Try again later, closing connection');
    const refused = rows.nth(2);
    await expect(refused).toContainText('Före sista dag');
    await expect(refused).toContainText('Misslyckad');
    await expect(refused).toContainText('Recipient address rejected: User unknown');
    await expect(page.getByRole('navigation', { name: 'Sidor av påminnelser som inte gått fram' })).toContainText(
      'Sida 1 av 1',
    );
    await expectNoAxeViolations(page);
  });

  test('Köer shows the queues, a failed job with its reason, and runs it again', async ({ page }) => {
    await signIn(page, ADMIN);
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Systemstatus' })).toBeVisible();
    await page.getByRole('link', { name: 'Köer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Köer' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: 'System' })).toBeVisible();
    const failedRow = page.getByRole('row').filter({ hasText: jobId });
    await expect(failedRow).toContainText('No handler for job e2e.no-such-job');
    await expect(failedRow).toContainText('1 av 1');
    await expectNoAxeViolations(page);

    await failedRow.getByRole('button', { name: `Försök igen med jobbet ${jobId}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `Jobbet ${jobId}` })).toBeVisible();
    await expect.poll(async () => (await queue.getJob(jobId))?.attemptsMade, { timeout: 15_000 }).toBe(1);

    await page.getByLabel('Läge').selectOption({ label: 'Klara' });
    await expect(page.getByRole('table').last()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
