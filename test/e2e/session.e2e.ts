import { expect, Page, Request, test } from '@playwright/test';
import { ADMIN, apiAs, baseURL, DEMO_PASSWORD, expectNoAxeViolations, expectSaved, openCycle, personPage } from './support';

// Nothing typed is lost when the session ends: the session of a unit head is ended on the
// server while she types; the sign-in dialog opens over the page, she signs in once and the
// text is saved. Text whose save never reached the server is kept in the browser and offered
// back. The return address of the sign-in page never nests. Cycle year 2058 (used by no other
// browser test).

const SECRETARY = 'birgitta.sandberg@nacka.example.se';
const UNIT_HEAD = 'camilla.oberg@nacka.example.se';
const YEAR = 2058;
const CYCLE_TITLE = `Tertialbokslut 2 ${YEAR}`;
const UNIT = 'Barn och familjeenheten';
const OTHER_UNIT_HEAD = 'fredrik.akesson@nacka.example.se';
const OTHER_UNIT = 'Omsorgsenheten';
const SECTION = 'Nulägesbeskrivning';

async function openTask(page: Page, unit: string): Promise<string> {
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  const row = page.getByRole('row').filter({ hasText: CYCLE_TITLE }).filter({ hasText: unit }).filter({ hasText: SECTION });
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await row.getByRole('link', { name: new RegExp(SECTION) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(SECTION) })).toBeVisible();
  return new URL(page.url()).pathname;
}

function editor(page: Page) {
  return page.getByRole('textbox', { name: /^Text för/ });
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** The person's id, asked with the page's own cookies. */
async function myId(page: Page): Promise<string> {
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(200);
  return ((await me.json()) as { user: { id: string } }).user.id;
}

/** Ends every session of the person on the server, as an administrator does (Personer → Avsluta sessioner). */
async function revokeSessions(userId: string): Promise<void> {
  const { api, xsrf } = await apiAs(ADMIN);
  const revoked = await api.delete(`/api/users/${userId}/sessions`, { headers: await xsrf() });
  expect(revoked.status(), await revoked.text()).toBe(200);
  expect(((await revoked.json()) as { revoked: number }).revoked).toBeGreaterThan(0);
  await api.dispose();
}

test.beforeAll(async () => {
  await openCycle(SECRETARY, 'Tertialbokslut 2', YEAR, `SN.${YEAR}.81`);
});

test('the session ends while the unit head types: a dialog over the page, one sign-in, the text is saved', async ({ browser }) => {
  test.setTimeout(150_000);
  const camilla = await personPage(browser, UNIT_HEAD);
  const page = camilla.page;
  const taskPath = await openTask(page, UNIT);
  const before = 'Verksamheten har haft ett stabilt första tertial.';
  const during = ' Efter att sessionen gick ut skrev hon vidare här.';
  await typeAtEnd(page, before);
  await expectSaved(page);

  await revokeSessions(await myId(page));
  const signIns: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/auth/login') signIns.push(request);
  });
  await typeAtEnd(page, during);

  // The save is refused: the sign-in dialog opens over the page, which stays where it was.
  const dialog = page.getByRole('dialog', { name: 'Sessionen har gått ut' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog).toContainText('Det du har skrivit finns kvar och sparas när du har loggat in.');
  expect(new URL(page.url()).pathname).toBe(taskPath);
  await expect(editor(page)).toContainText(before + during);
  await expect(dialog.getByLabel('E-postadress')).toHaveValue(UNIT_HEAD);
  await expect(dialog.getByLabel('Lösenord')).toBeFocused();
  await expectNoAxeViolations(page);

  // A wrong password is told in the dialog and changes nothing.
  await dialog.getByLabel('Lösenord').fill('fel-losenord');
  await dialog.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await expect(dialog).toBeVisible();

  await dialog.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expectSaved(page);
  expect(signIns).toHaveLength(2);
  expect(new URL(page.url()).pathname).toBe(taskPath);

  // Stored on the server: the page opened again shows all of it, and nothing is offered back.
  await page.reload();
  await expect(editor(page)).toContainText(before + during, { timeout: 15_000 });
  await expect(page.getByText(/Du har osparad text från/)).toHaveCount(0);
  await camilla.context.close();
});

test('text whose save never reached the server is kept in the browser and offered back: Återställ saves it', async ({ browser }) => {
  test.setTimeout(150_000);
  const fredrik = await personPage(browser, OTHER_UNIT_HEAD);
  const { context, page } = fredrik;
  await openTask(page, OTHER_UNIT);
  const text = 'Omsorgsenheten har anställt fyra nya undersköterskor.';

  // The connection is gone: every save fails (also the one tried as the page is left).
  await page.route('**/api/tasks/*/content', (route) => route.abort('internetdisconnected'));
  await typeAtEnd(page, text);
  await expect(page.getByRole('status').filter({ hasText: /Kunde inte spara/ })).toBeVisible({ timeout: 20_000 });

  // Reloaded (the browser's "leave the page?" answered yes): the stored text is still empty, the browser's copy is offered.
  page.on('dialog', (dialog) => void dialog.accept());
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(SECTION) })).toBeVisible({ timeout: 15_000 });
  const offer = page.getByRole('group', { name: /Du har osparad text från \d/ });
  await expect(offer).toBeVisible();
  await expect(editor(page)).not.toContainText(text);
  await expectNoAxeViolations(page);
  // The connection is back.
  await page.unroute('**/api/tasks/*/content');
  await offer.getByRole('button', { name: 'Återställ' }).click();
  await expect(editor(page)).toContainText(text);
  await expectSaved(page);
  await expect(offer).toHaveCount(0);

  await page.reload();
  await expect(editor(page)).toContainText(text, { timeout: 15_000 });
  await expect(page.getByText(/Du har osparad text från/)).toHaveCount(0);
  await context.close();
});

test('the return address never nests: signed out, a task sends to sign-in once and back to the task', async ({ browser }) => {
  test.setTimeout(120_000);
  const camilla = await personPage(browser, UNIT_HEAD);
  const taskPath = await openTask(camilla.page, UNIT);
  await camilla.context.close();

  const context = await browser.newContext({ baseURL: baseURL(), locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  await page.goto(taskPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible({ timeout: 15_000 });
  const signInUrl = new URL(page.url());
  expect(signInUrl.pathname).toBe('/logga-in');
  expect(signInUrl.searchParams.get('tillbaka')).toBe(taskPath);

  // An address that nests the sign-in page in itself (as bookmarked from the old behaviour).
  const nested = `/logga-in?tillbaka=${encodeURIComponent(`/logga-in?tillbaka=${encodeURIComponent(`/logga-in?tillbaka=${encodeURIComponent(taskPath)}&utgangen=1`)}&utgangen=1`)}&utgangen=1`;
  await page.goto(nested);
  await page.getByLabel('E-postadress').fill(UNIT_HEAD);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(SECTION) })).toBeVisible({ timeout: 15_000 });
  expect(new URL(page.url()).pathname).toBe(taskPath);
  expect(page.url()).not.toContain('logga-in');
  await context.close();
});
