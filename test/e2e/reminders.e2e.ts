import { expect, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, openCycle, signIn } from './support';

const SECRETARY = 'maria.holm@gnesta.example.se';
// A year no other browser test uses: the cycle's deadline is Tuesday 10 September 2041.
const YEAR = 2041;
const DIARY = `SN.${YEAR}.61`;

let cycleId = '';

test.describe('reminder settings on the cycle overview', () => {
  test.beforeAll(async () => {
    await openCycle(SECRETARY, 'Delårsrapport', YEAR, DIARY);
    const { api, xsrf } = await apiAs(SECRETARY);
    const list = await api.get('/api/cycles');
    expect(list.status()).toBe(200);
    const cycles = ((await list.json()) as { cycles: Array<{ id: string; year: number; diaryNumber: string; version: number }> }).cycles;
    const cycle = cycles.find((c) => c.year === YEAR && c.diaryNumber === DIARY);
    expect(cycle, `the cycle ${DIARY}`).toBeDefined();
    cycleId = cycle?.id ?? '';
    // Start from the defaults, also when an earlier attempt in this run saved something.
    const reset = await api.patch(`/api/cycles/${cycleId}`, { headers: await xsrf(), data: { version: cycle?.version, reminderConfig: null } });
    const body = await reset.text();
    // 400 nothing_to_change: the defaults are in force already.
    expect(reset.status() === 200 || (reset.status() === 400 && body.includes('nothing_to_change')), body).toBe(true);
    await api.dispose();
  });

  test('the secretary sees the defaults, gets the Swedish message for nonsense, saves new offsets and sees the dates move', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await signIn(page, SECRETARY);
    await page.goto(`/cykler/${cycleId}`);
    const section = page.getByRole('region', { name: 'Påminnelser' });
    await expect(section).toBeVisible();
    const summary = section.getByTestId('reminder-summary');
    await expect(summary).toContainText(
      '5 och 1 arbetsdagar före sista dag, på sista dagen kl. 08.00, 1 och 3 arbetsdagar efter (till granskare och nämndsekreterare), granskare påminns efter 3 arbetsdagar.',
    );
    await expect(summary).toContainText('(standardinställningarna)');

    const preview = section.getByTestId('reminder-preview');
    await expect(preview.getByRole('row', { name: /tisdag 3 september 2041 kl\. 08\.00 5 arbetsdagar före sista dag Enheten/ })).toBeVisible();
    await expect(preview.getByRole('row', { name: /måndag 9 september 2041 kl\. 08\.00 1 arbetsdag före sista dag/ })).toBeVisible();
    await expect(preview.getByRole('row', { name: /tisdag 10 september 2041 kl\. 08\.00 På sista dagen/ })).toBeVisible();
    await expect(preview.getByRole('row', { name: /fredag 13 september 2041 .*3 arbetsdagar efter sista dag Enheten, granskare och nämndsekreterare/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // Nonsense: the same Swedish message as the server's, at once.
    const before = section.getByLabel('Arbetsdagar före sista dagen');
    await before.fill('-2');
    await expect(section.getByTestId('reminder-errors')).toContainText(
      'Påminnelser före sista dagen: -2 är negativt; ange antal arbetsdagar före sista dagen som ett positivt tal.',
    );
    await section.getByRole('button', { name: 'Spara påminnelser' }).click();
    await expect(summary).toContainText('5 och 1 arbetsdagar före sista dag');
    await expectNoAxeViolations(page);

    await before.fill('3, 1');
    await expect(section.getByTestId('reminder-errors')).toHaveCount(0);
    await section.getByLabel('Klockslag').selectOption({ label: 'kl. 07.00' });
    await section.getByRole('button', { name: 'Spara påminnelser' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Påminnelserna sparades.' })).toBeVisible();
    await expect(summary).toContainText('3 och 1 arbetsdagar före sista dag, på sista dagen kl. 07.00');
    await expect(summary).not.toContainText('standardinställningarna');
    await expect(preview.getByRole('row', { name: /torsdag 5 september 2041 kl\. 07\.00 3 arbetsdagar före sista dag/ })).toBeVisible();
    await expect(preview.getByRole('row', { name: /tisdag 3 september 2041/ })).toHaveCount(0);

    await page.reload();
    await expect(summary).toContainText('3 och 1 arbetsdagar före sista dag, på sista dagen kl. 07.00');
    await expect(before).toHaveValue('3, 1');
    await expect(section.getByLabel('Klockslag')).toHaveValue(/.+/);
    await expect(preview.getByRole('row', { name: /torsdag 5 september 2041 kl\. 07\.00/ })).toBeVisible();
    await expectNoAxeViolations(page);

    // Back to the defaults.
    await section.getByRole('button', { name: 'Återställ standard' }).click();
    await expect(summary).toContainText('(standardinställningarna)');
    await expect(before).toHaveValue('5, 1');
  });

  test('a save from a stale page gets a clear Swedish message and the page reloads', async ({ page }) => {
    await signIn(page, SECRETARY);
    await page.goto(`/cykler/${cycleId}`);
    const section = page.getByRole('region', { name: 'Påminnelser' });
    await expect(section.getByLabel('Arbetsdagar efter sista dagen')).toHaveValue('1, 3');

    // Someone else changes the cycle meanwhile.
    const { api, xsrf } = await apiAs(SECRETARY);
    const current = (await (await api.get('/api/cycles')).json()) as { cycles: Array<{ id: string; version: number }> };
    const version = current.cycles.find((c) => c.id === cycleId)?.version;
    const other = await api.patch(`/api/cycles/${cycleId}`, {
      headers: await xsrf(),
      data: { version, reminderConfig: { afterDeadline: [2] } },
    });
    expect(other.status(), await other.text()).toBe(200);
    await api.dispose();

    await section.getByLabel('Arbetsdagar efter sista dagen').fill('1, 5');
    await section.getByRole('button', { name: 'Spara påminnelser' }).click();
    await expect(section.getByRole('alert')).toContainText('Någon annan har ändrat rapportcykeln');
    await expect(section.getByTestId('reminder-summary')).toContainText('2 arbetsdagar efter');
    await expect(section.getByLabel('Arbetsdagar efter sista dagen')).toHaveValue('2');
  });
});

test.describe('each person’s choice of reminder e-mail', () => {
  // A unit head no other browser test signs in as.
  const UNIT_HEAD = 'anna.berg@gnesta.example.se';

  test('a unit head chooses the daily digest on the Notiser page, sees it kept after a reload, and goes back', async ({ page }) => {
    await signIn(page, UNIT_HEAD);
    await page.goto('/notiser');
    const choice = page.getByRole('radiogroup', { name: 'Påminnelser via e-post' });
    const single = choice.getByRole('radio', { name: 'Varje påminnelse för sig, när den går ut' });
    const digest = choice.getByRole('radio', { name: 'En sammanfattning per arbetsdag kl. 08.15 med det som gått ut sedan förra' });
    await expect(single).toBeChecked();
    await expectNoAxeViolations(page);

    await digest.check();
    await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toHaveText('Sparat: du får en sammanfattning per arbetsdag kl. 08.15.');
    // The next digest's day and time, in Swedish format.
    await expect(page.locator('#delivery-help')).toContainText(/Nästa sammanfattning skickas \d{4}-\d{2}-\d{2} 08:15/);
    await page.reload();
    await expect(digest).toBeChecked();

    // The server keeps it per person: back to single mails, and that is kept too.
    await single.check();
    await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toHaveText('Sparat: du får varje påminnelse för sig.');
    await page.reload();
    await expect(single).toBeChecked();
  });
});
