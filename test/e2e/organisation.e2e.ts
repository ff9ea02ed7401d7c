import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('the organisation page', () => {
  test('shows the seeded units of both committees as a tree, opened by a deep link', async ({ page }) => {
    await page.goto('/organisation');
    await expect(page).toHaveTitle('Organisation – Rapportflöde');
    await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();

    const gnesta = page.getByRole('list', { name: 'Organisationen under Socialnämnden, Gnesta kommun' });
    await expect(gnesta).toBeVisible();
    // Vuxenutbildning is an enhet under Stöd och vägledning under Socialförvaltningen.
    const area = gnesta.getByRole('listitem').filter({ hasText: /^Stöd och vägledning/ });
    await expect(area.getByText('Vuxenutbildning', { exact: true })).toBeVisible();
    await expect(area.getByText('SoV', { exact: true })).toBeVisible();
    await expect(page.getByText('19 organisatoriska enheter')).toBeVisible();

    const nacka = page.getByRole('list', { name: 'Organisationen under Socialnämnden, Nacka kommun' });
    await expect(nacka.getByText('Barn och familjeenheten', { exact: true })).toBeVisible();
    await expect(nacka.getByText('Omsorgsenheten', { exact: true })).toBeVisible();
  });

  test('has no accessibility violations (axe-core, WCAG 2.1 AA)', async ({ page }) => {
    await page.goto('/organisation');
    await expect(page.getByText('Omsorgsenheten', { exact: true })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('is reachable by keyboard: the skip link moves focus to the content', async ({ page }) => {
    await page.goto('/organisation');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

test.describe('navigation and status', () => {
  test('the system status page reports database and Redis in operation, in Swedish', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/organisation$/);
    await page.getByRole('link', { name: 'Systemstatus' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Systemstatus' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Databas \(PostgreSQL\)\s+I drift/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Kö \(Redis\)\s+I drift/ })).toBeVisible();
    // Checked-at time in Swedish format: 2026-11-24 08:00
    await expect(page.getByText(/Kontrollerad \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('an unknown address shows a Swedish not-found page, not an empty screen', async ({ page }) => {
    await page.goto('/finns/inte');
    await expect(page.getByRole('heading', { name: 'Sidan finns inte' })).toBeVisible();
    await page.getByRole('link', { name: 'Gå till startsidan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
  });
});
