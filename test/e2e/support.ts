import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Browser, BrowserContext, expect, Locator, Page, request } from '@playwright/test';
import { cycleDates } from '../support/cycle-dates';

export { cycleDates };

export const DEMO_PASSWORD = 'Rapportflode-demo-2026';
export const ADMIN = 'admin@rapportflode.example.se';
export const UNIT_HEAD = 'lena.wik@gnesta.example.se';

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(personMenuButton(page)).toBeVisible();
}

/** The header's button with the person's name, opening their roles and "Logga ut". */
export function personMenuButton(page: Page): Locator {
  return page.locator('header button[aria-controls="person-menu"]');
}

/** Signs out through the person menu, as a person would. */
export async function signOut(page: Page): Promise<void> {
  await personMenuButton(page).click();
  await page.getByRole('group', { name: 'Inloggad som' }).getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in/);
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export const baseURL = (): string => {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is not set (global-setup starts the server)');
  return url;
};

/** A signed-in API client, sending the CSRF cookie back as X-XSRF-TOKEN on writes (as Angular does). */
export async function apiAs(email: string): Promise<{ api: APIRequestContext; xsrf: () => Promise<Record<string, string>> }> {
  const api = await request.newContext({ baseURL: baseURL() });
  const login = await api.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const xsrf = async () => {
    const token = (await api.storageState()).cookies.find((cookie) => cookie.name === 'XSRF-TOKEN')?.value;
    if (!token) throw new Error('no XSRF-TOKEN cookie after sign-in');
    return { 'X-XSRF-TOKEN': token };
  };
  return { api, xsrf };
}

/** A browser of its own for one person, signed in. */
export async function personPage(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseURL(), locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}


/**
 * Opens a cycle of a demo template through the API, as the secretary (the cycles page is tested
 * on its own). A 409 cycle_exists is fine: opened already by an earlier attempt in this run (a
 * retried worker runs beforeAll again).
 */
export async function openCycle(secretary: string, templateName: string, year: number, diaryNumber: string): Promise<void> {
  const { api, xsrf } = await apiAs(secretary);
  const templates = await api.get('/api/templates');
  expect(templates.status()).toBe(200);
  const template = ((await templates.json()) as { templates: Array<{ id: string; name: string }> }).templates.find((t) => t.name === templateName);
  expect(template, `the template "${templateName}"`).toBeDefined();
  const created = await api.post('/api/cycles', { headers: await xsrf(), data: { templateId: template?.id, year, diaryNumber, ...cycleDates(year) } });
  const body = await created.text();
  expect(created.status() === 201 || (created.status() === 409 && body.includes('cycle_exists')), body).toBe(true);
  await api.dispose();
}

/** The task page's state badge. */
export function taskState(page: Page): Locator {
  return page.getByTestId('task-state');
}

/** Waits for the task page's autosave to report every change saved. */
export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /Alla ändringar sparade kl\. \d\d:\d\d/ })).toBeVisible({ timeout: 10_000 });
}

/** The rows of "Ändrade celler" as [Rad, Kolumn, Före, Efter], spaces normalised. */
export async function changedCells(page: Page): Promise<string[][]> {
  const diff = page.getByRole('table', { name: 'Ändrade celler' });
  await expect(diff).toBeVisible();
  const rows = diff.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const texts = await rows.nth(i).locator('th, td').allInnerTexts();
    out.push(texts.map((t) => t.replace(/[\s\u00a0]+/g, ' ').replace(/\u2212/g, '-').trim()));
  }
  return out;
}

async function okJson<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

/**
 * A Gnesta cycle whose report is frozen, from a one-section template of its own: the template made
 * (by the admin), the cycle opened, its Sammanfattning written by the secretary and approved by
 * the economist, the report frozen. Each step is skipped when an earlier attempt did it already.
 * Returns the cycle's and the nämnd's ids.
 */
export async function frozenGnestaCycle(options: {
  template: string;
  year: number;
  diaryNumber: string;
  admin: string;
  secretary: string;
  economist: string;
}): Promise<{ cycleId: string; committeeId: string }> {
  const admin = await apiAs(options.admin);
  const { api, xsrf } = await apiAs(options.secretary);
  const economist = await apiAs(options.economist);
  const tree = await okJson<{ committees: Array<{ id: string; name: string; municipality: string }> }>(await admin.api.get('/api/organisation'));
  const committeeId = tree.committees.find((c) => c.municipality.includes('Gnesta') && c.name === 'Socialnämnden')?.id ?? '';
  const created = await admin.api.post('/api/templates', {
    headers: await admin.xsrf(),
    data: {
      committeeId,
      name: options.template,
      reportKind: 'interim_report',
      sections: [{ key: 'sammanfattning', parentKey: null, title: 'Sammanfattning', kind: 'narrative', responsibility: 'committee', reviewerRole: 'economist' }],
    },
  });
  expect([201, 409], await created.text()).toContain(created.status());
  const templates = await okJson<{ templates: Array<{ id: string; name: string }> }>(await api.get('/api/templates'));
  const templateId = templates.templates.find((t) => t.name === options.template)?.id;
  const opened = await api.post('/api/cycles', {
    headers: await xsrf(),
    data: { templateId, year: options.year, diaryNumber: options.diaryNumber, ...cycleDates(options.year) },
  });
  expect([201, 409], await opened.text()).toContain(opened.status());
  const cycles = await okJson<{ cycles: Array<{ id: string; title: string; committeeName: string }> }>(await api.get('/api/cycles'));
  const cycleId = cycles.cycles.find((c) => c.title === `${options.template} ${options.year}` && c.committeeName.includes('Gnesta'))?.id ?? '';
  expect(cycleId).not.toBe('');
  const mine = await okJson<{ tasks: Array<{ id: string; cycleId: string }> }>(await api.get('/api/tasks/mine'));
  const item = mine.tasks.find((t) => t.cycleId === cycleId);
  if (item) {
    const task = await okJson<{ version: number }>(await api.get(`/api/tasks/${item.id}`));
    const content = { type: 'doc', version: 1, content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text: 'Prognosen för helåret är i balans.' }] }] };
    const saved = await okJson<{ version: number }>(await api.put(`/api/tasks/${item.id}/content`, { headers: await xsrf(), data: { version: task.version, content } }));
    const submitted = await okJson<{ version: number }>(
      await api.post(`/api/tasks/${item.id}/transitions`, { headers: await xsrf(), data: { transition: 'submit', version: saved.version } }),
    );
    await okJson(await economist.api.post(`/api/tasks/${item.id}/transitions`, { headers: await economist.xsrf(), data: { transition: 'approve', version: submitted.version } }));
  }
  const frozen = await api.post(`/api/cycles/${cycleId}/report/versions`, { headers: await xsrf(), data: {} });
  expect([201, 409], await frozen.text()).toContain(frozen.status());
  await Promise.all([admin.api.dispose(), api.dispose(), economist.api.dispose()]);
  return { cycleId, committeeId };
}
