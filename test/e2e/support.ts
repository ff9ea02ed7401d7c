import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Browser, BrowserContext, expect, Page, request } from '@playwright/test';

export const DEMO_PASSWORD = 'Rapportflode-demo-2026';
export const ADMIN = 'admin@rapportflode.example.se';
export const UNIT_HEAD = 'lena.wik@gnesta.example.se';

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
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
