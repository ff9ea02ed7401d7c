import AxeBuilder from '@axe-core/playwright';
import { expect, request, test } from '@playwright/test';
import { Queue } from 'bullmq';
import { createTransport } from 'nodemailer';
import { redisOptionsFromUrl } from '../../backend/src/queue/redis-options';
import { TEST_REDIS_URL } from '../integration/support/services';
import { ADMIN, baseURL, expectNoAxeViolations, signIn } from './support';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (global-setup starts the server)`);
  return value;
}

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

  test('Köer shows the queues, a failed job with its reason, and runs it again', async ({ page }) => {
    await signIn(page, ADMIN);
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
