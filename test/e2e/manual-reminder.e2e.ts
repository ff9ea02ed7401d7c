import { expect, test } from '@playwright/test';
import type { CapturedMailListResponse } from '@rapportflode/api-contract';
import { ADMIN, apiAs, expectNoAxeViolations, openCycle, signIn, UNIT_HEAD } from './support';

const SECRETARY = 'maria.holm@gnesta.example.se';
// A year no other browser test uses.
const YEAR = 2055;
const DIARY = `SN.${YEAR}.55`;

let cycleId = '';
let unitHeadTaskId = '';
let lateTaskId = '';
let unitHeadSection = '';

/** The caught mails to `to` about a task (its link is in the text), as the installation administrator sees them under Utskick. */
async function mailsAbout(taskId: string, to: string): Promise<Array<{ subject: string; text: string }>> {
  const { api } = await apiAs(ADMIN);
  try {
    const response = await api.get('/api/admin/mail?pageSize=100');
    expect(response.status()).toBe(200);
    const { mails } = (await response.json()) as CapturedMailListResponse;
    return mails.filter((m) => m.to.includes(to) && m.text.includes(taskId)).map((m) => ({ subject: m.subject, text: m.text }));
  } finally {
    await api.dispose();
  }
}

test.describe('Skicka påminnelse nu', () => {
  test.beforeAll(async () => {
    await openCycle(SECRETARY, 'Delårsrapport', YEAR, DIARY);
    const { api, xsrf } = await apiAs(SECRETARY);
    const cycles = ((await (await api.get('/api/cycles')).json()) as { cycles: Array<{ id: string; year: number; diaryNumber: string }> }).cycles;
    cycleId = cycles.find((c) => c.year === YEAR && c.diaryNumber === DIARY)?.id ?? '';
    expect(cycleId, `the cycle ${DIARY}`).not.toBe('');
    const unitHead = await apiAs(UNIT_HEAD);
    const mine = (
      (await (await unitHead.api.get('/api/tasks/mine')).json()) as {
        tasks: Array<{ id: string; cycleId: string; sectionNumber: string; sectionTitle: string }>;
      }
    ).tasks.filter((t) => t.cycleId === cycleId);
    expect(mine.length, 'two tasks of the unit head in the cycle').toBeGreaterThan(1);
    unitHeadTaskId = mine[0].id;
    unitHeadSection = `${mine[0].sectionNumber} ${mine[0].sectionTitle}`;
    await unitHead.api.dispose();
    // Another of the unit head's tasks, its own deadline long past: late in the overview.
    lateTaskId = mine[1].id;
    const moved = await api.patch(`/api/tasks/${lateTaskId}`, { headers: await xsrf(), data: { deadline: '2025-01-15' } });
    expect(moved.status()).toBe(200);
    await api.dispose();
  });

  test('the secretary sends a reminder from the task page; the unit head gets the mail, a second click says it is already sent', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, SECRETARY);
    await page.goto(`/uppgifter/${unitHeadTaskId}`);
    const button = page.getByRole('button', { name: 'Skicka påminnelse nu' });
    await expect(button).toBeVisible({ timeout: 20_000 });
    await expectNoAxeViolations(page);

    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${unitHeadTaskId}/remind`) && r.request().method() === 'POST');
    await button.click();
    expect((await answered).status()).toBe(202);
    await expect(page.getByRole('status').filter({ hasText: 'Påminnelse köad till' })).toContainText(/Påminnelse köad till .*Lena Wik/);
    await expectNoAxeViolations(page);

    // The worker sends it: the mail to the unit head arrives in the catcher, once.
    await expect
      .poll(async () => (await mailsAbout(unitHeadTaskId, UNIT_HEAD)).filter((m) => m.text.includes('påminner om att avsnittet')).length, {
        timeout: 45_000,
        message: 'the manual reminder to the unit head in the catcher',
      })
      .toBe(1);
    const [mail] = (await mailsAbout(unitHeadTaskId, UNIT_HEAD)).filter((m) => m.text.includes('påminner om att avsnittet'));
    expect(mail.subject).toMatch(/^Påminnelse: /);
    expect(mail.text).toContain('Maria Holm påminner om att avsnittet');

    // A second click the same day: already sent, and no second mail.
    const again = page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${unitHeadTaskId}/remind`) && r.request().method() === 'POST');
    await button.click();
    expect((await again).status()).toBe(409);
    await expect(page.getByRole('status').filter({ hasText: 'redan skickad i dag' })).toContainText(
      'En påminnelse om avsnittet är redan skickad i dag',
    );
    expect((await mailsAbout(unitHeadTaskId, UNIT_HEAD)).filter((m) => m.text.includes('påminner om att avsnittet'))).toHaveLength(1);
    await expectNoAxeViolations(page);
  });

  test('the cycle overview offers it beside a late task', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, SECRETARY);
    await page.goto(`/cykler/${cycleId}`);
    const late = page.locator('td.is-late, tr.is-late').filter({ has: page.locator(`a[href$="/uppgifter/${lateTaskId}"]`) });
    await expect(late).toHaveCount(1, { timeout: 20_000 });
    const button = late.getByRole('button', { name: /^Skicka påminnelse nu: / });
    await expect(button).toBeVisible();
    await expectNoAxeViolations(page);
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${lateTaskId}/remind`) && r.request().method() === 'POST');
    await button.click();
    expect((await answered).status()).toBe(202);
    await expect(late.getByRole('status')).toContainText('Påminnelse köad till');
    await expectNoAxeViolations(page);
  });

  test('a unit head sees no reminder button', async ({ page }) => {
    await signIn(page, UNIT_HEAD);
    await page.goto(`/uppgifter/${unitHeadTaskId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Skicka påminnelse nu' })).toHaveCount(0);
  });
});

test.describe('the audit log in Swedish', () => {
  test('the reminder is a sentence in Ändringslogg whose link opens the task', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, ADMIN);
    await page.goto('/admin/logg');
    await page.getByLabel('Typ').selectOption({ label: 'Avsnitt' });
    await page.getByRole('button', { name: 'Filtrera' }).click();
    // The reminder of the task page's task (the overview's was about another section).
    const row = page
      .getByRole('row')
      .filter({ hasText: `Maria Holm skickade en påminnelse om ${unitHeadSection} för ` })
      .filter({ hasText: new RegExp(`\\(.*${YEAR}\\) till .*Lena Wik`) });
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await expect(row).not.toContainText('task.remind');
    await expectNoAxeViolations(page);
    const link = row.getByRole('link');
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/uppgifter/${unitHeadTaskId}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});
