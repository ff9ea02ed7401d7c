import { APIRequestContext, expect, Page, Request, test } from '@playwright/test';
import { ADMIN, apiAs, baseURL, cycleDates, DEMO_PASSWORD, expectNoAxeViolations, expectSaved, openCycle, personPage } from './support';

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
const GNESTA_SECRETARY = 'maria.holm@gnesta.example.se';
const MEMO_TEMPLATE = 'Tjänsteskrivelse sessions-e2e';
/** The memo's cycle: a year of its own (Gnesta's Socialnämnden has its Delårsrapport in YEAR). */
const MEMO_YEAR = YEAR + 1;
/** Signs in at the test identity provider with this address (no password there). */
const OIDC_PERSON = 'lena.wik@gnesta.example.se';
const OIDC_UNIT = 'Vuxenutbildning';
const OIDC_CYCLE_TITLE = `Delårsrapport ${YEAR}`;
const OIDC_SECTION = 'Händelser av väsentlig betydelse';

async function openTask(page: Page, unit: string, cycleTitle = CYCLE_TITLE, section = SECTION): Promise<string> {
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  const row = page.getByRole('row').filter({ hasText: cycleTitle }).filter({ hasText: unit }).filter({ hasText: section });
  await expect(row).toHaveCount(1, { timeout: 15_000 });
  await row.getByRole('link', { name: new RegExp(section) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(section) })).toBeVisible();
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

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
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
  await openCycle(GNESTA_SECRETARY, 'Delårsrapport', YEAR, `SN.${YEAR}.82`);
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

test('signed in with the identity provider: the dialog opens it in a new tab and the page goes on once the session is back', async ({ browser }) => {
  test.setTimeout(150_000);
  const context = await browser.newContext({ baseURL: baseURL(), locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  // Nothing leaves the machine: only loopback is reachable.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const page = await context.newPage();
  const interaction = new RegExp(`^${process.env['E2E_OIDC_ISSUER']}/interaction/`);
  const signInAtProvider = async (at: Page) => {
    await expect(at).toHaveURL(interaction, { timeout: 15_000 });
    await at.locator('input[name="login"]').fill(OIDC_PERSON);
    await at.getByRole('button', { name: 'Sign in' }).click();
  };
  await page.goto('/logga-in');
  await page.getByRole('link', { name: 'Logga in med kommunens konto' }).click();
  await signInAtProvider(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible({ timeout: 15_000 });
  await openTask(page, OIDC_UNIT, OIDC_CYCLE_TITLE, OIDC_SECTION);
  const before = 'Vuxenutbildningen har fler elever än förra året.';
  const during = ' Skrivet medan sessionen var slut.';
  await typeAtEnd(page, before);
  await expectSaved(page);

  await revokeSessions(await myId(page));
  await typeAtEnd(page, during);
  const dialog = page.getByRole('dialog', { name: 'Sessionen har gått ut' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page);
  const [tab] = await Promise.all([context.waitForEvent('page'), dialog.getByRole('button', { name: /Logga in med kommunens konto/ }).click()]);
  // The provider asks again, or (its own session still alive) sends the tab straight back signed in.
  await expect
    .poll(() => interaction.test(tab.url()) || tab.url().startsWith(`${baseURL()}/uppgifter`), { timeout: 15_000 })
    .toBe(true);
  if (interaction.test(tab.url())) await signInAtProvider(tab);
  await expect(tab.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible({ timeout: 15_000 });
  await tab.close();

  // Back in the first tab: the dialog closes by itself and the held save goes through.
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expectSaved(page);
  await page.reload();
  await expect(editor(page)).toContainText(before + during, { timeout: 15_000 });
  await context.close();
});

test('the tjänsteskrivelse: typed while the session ends, saved after signing in once in the dialog', async ({ browser }) => {
  test.setTimeout(150_000);
  const admin = await apiAs(ADMIN);
  const { api, xsrf } = await apiAs(GNESTA_SECRETARY);
  const tree = await ok<{ committees: Array<{ id: string; name: string; municipality: string }> }>(await admin.api.get('/api/organisation'));
  const committeeId = tree.committees.find((c) => c.municipality.includes('Gnesta') && c.name === 'Socialnämnden')?.id;
  const created = await admin.api.post('/api/templates', {
    headers: await admin.xsrf(),
    data: {
      committeeId,
      name: MEMO_TEMPLATE,
      reportKind: 'interim_report',
      sections: [{ key: 'sammanfattning', parentKey: null, title: 'Sammanfattning', kind: 'narrative', responsibility: 'committee', reviewerRole: 'economist' }],
    },
  });
  expect([201, 409], await created.text()).toContain(created.status());
  const templates = await ok<{ templates: Array<{ id: string; name: string }> }>(await api.get('/api/templates'));
  const templateId = templates.templates.find((t) => t.name === MEMO_TEMPLATE)?.id;
  const opened = await api.post('/api/cycles', { headers: await xsrf(), data: { templateId, year: MEMO_YEAR, diaryNumber: `SN.${MEMO_YEAR}.83`, ...cycleDates(MEMO_YEAR) } });
  expect([201, 409], await opened.text()).toContain(opened.status());
  const cycles = await ok<{ cycles: Array<{ id: string; title: string; committeeName: string }> }>(await api.get('/api/cycles'));
  const cycleId = cycles.cycles.find((c) => c.title === `${MEMO_TEMPLATE} ${MEMO_YEAR}` && c.committeeName.includes('Gnesta'))?.id ?? '';
  expect(cycleId).not.toBe('');
  await Promise.all([admin.api.dispose(), api.dispose()]);

  const maria = await personPage(browser, GNESTA_SECRETARY);
  const page = maria.page;
  await page.goto(`/cykler/${cycleId}/tjansteskrivelse`);
  await expect(page.getByText('Status: Ej påbörjad')).toBeVisible({ timeout: 15_000 });
  const first = 'Nämnden ger förvaltningen i uppdrag att se över bemanningen.';
  const second = 'Nämnden överlämnar rapporten till kommunstyrelsen.';
  await page.getByRole('button', { name: 'Lägg till förslag' }).click();
  await expect(page.getByRole('textbox', { name: 'Förslag 2', exact: true })).toBeFocused();
  await page.keyboard.type(first);
  await expectSaved(page);

  await revokeSessions(await myId(page));
  await page.getByRole('button', { name: 'Lägg till förslag' }).click();
  await expect(page.getByRole('textbox', { name: 'Förslag 3', exact: true })).toBeFocused();
  await page.keyboard.type(second);
  const dialog = page.getByRole('dialog', { name: 'Sessionen har gått ut' });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByLabel('E-postadress')).toHaveValue(GNESTA_SECRETARY);
  await dialog.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expectSaved(page);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Förslag 2', exact: true })).toHaveValue(first, { timeout: 15_000 });
  await expect(page.getByRole('textbox', { name: 'Förslag 3', exact: true })).toHaveValue(second);
  await expect(page.getByText(/Du har osparad text från/)).toHaveCount(0);
  await maria.context.close();
});

test('a few minutes before an idle session ends a warning says when, and "Fortsätt vara inloggad" keeps it', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: baseURL(), locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  // The browser's clock only: the server's idle time (30 minutes) is not waited for.
  await page.clock.install();
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(UNIT_HEAD);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible({ timeout: 15_000 });
  const warning = page.getByRole('alert').filter({ hasText: 'Du har inte gjort något på en stund.' });
  await expect(warning).toHaveCount(0);
  // Every answer restarts the idle time: the page's own requests must be answered before the clock moves on.
  await page.waitForLoadState('networkidle');

  await page.clock.fastForward('20:00');
  await expect(warning).toHaveCount(0);
  await page.clock.fastForward('07:00');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/Du loggas ut kl\. \d\d:\d\d om du inte fortsätter\./);
  await expectNoAxeViolations(page);

  const asked = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/me' && response.status() === 200);
  await warning.getByRole('button', { name: 'Fortsätt vara inloggad' }).click();
  await asked;
  await expect(warning).toHaveCount(0);
  // The idle time starts again from that request.
  await page.clock.fastForward('20:00');
  await expect(warning).toHaveCount(0);
  await context.close();
});
