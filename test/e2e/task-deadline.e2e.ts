import { expect, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, openCycle, signIn, UNIT_HEAD } from './support';

const SECRETARY = 'maria.holm@gnesta.example.se';
// A year no other browser test uses.
const YEAR = 2042;
const DIARY = `SN.${YEAR}.62`;

let taskId = '';

test.describe('a task’s own deadline on its page', () => {
  test.beforeAll(async () => {
    await openCycle(SECRETARY, 'Delårsrapport', YEAR, DIARY);
    const { api } = await apiAs(SECRETARY);
    const cycles = ((await (await api.get('/api/cycles')).json()) as { cycles: Array<{ id: string; year: number; diaryNumber: string }> }).cycles;
    const cycle = cycles.find((c) => c.year === YEAR && c.diaryNumber === DIARY);
    expect(cycle, `the cycle ${DIARY}`).toBeDefined();
    const overview = await api.get(`/api/cycles/${cycle?.id}`);
    expect(overview.status()).toBe(200);
    const tasks = ((await overview.json()) as { tasks: Array<{ id: string }> }).tasks;
    expect(tasks.length).toBeGreaterThan(0);
    taskId = tasks[0].id;
    await api.dispose();
  });

  test('the secretary moves the deadline, sees it on the page, and puts it back to the cycle’s', async ({ page }) => {
    await signIn(page, SECRETARY);
    await page.goto(`/uppgifter/${taskId}`);
    const form = page.getByRole('form', { name: 'Ändra sista dag' });
    await expect(form).toBeVisible();
    await expectNoAxeViolations(page);
    const cycleDeadline = await form.getByLabel('Sista dag för uppgiften (ÅÅÅÅ-MM-DD)').inputValue();

    await form.getByLabel('Sista dag för uppgiften (ÅÅÅÅ-MM-DD)').fill(`${YEAR}-08-20`);
    await form.getByRole('button', { name: 'Spara sista dag' }).click();
    await expect(form.getByRole('status')).toHaveText(`Sista dag är ändrad till ${YEAR}-08-20.`);
    await page.reload();
    await expect(page.getByRole('form', { name: 'Ändra sista dag' }).getByLabel('Sista dag för uppgiften (ÅÅÅÅ-MM-DD)')).toHaveValue(`${YEAR}-08-20`);

    await page.getByRole('form', { name: 'Ändra sista dag' }).getByRole('button', { name: 'Återställ till cykelns' }).click();
    await expect(page.getByRole('form', { name: 'Ändra sista dag' }).getByRole('status')).toHaveText(`Sista dag följer cykeln igen: ${cycleDeadline}.`);
    await expectNoAxeViolations(page);
  });

  test('a unit head sees no deadline control', async ({ page }) => {
    await signIn(page, UNIT_HEAD);
    await page.goto(`/uppgifter/${taskId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Ändra sista dag' })).toHaveCount(0);
  });
});
