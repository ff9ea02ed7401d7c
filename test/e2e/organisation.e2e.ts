import { expect, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, signIn, signOut, UNIT_HEAD } from './support';

test.describe('the organisation page', () => {
  test('shows an installation admin both committees as trees, opened by a deep link after sign-in', async ({ page }) => {
    await page.goto('/organisation');
    await expect(page).toHaveURL(/\/logga-in\?tillbaka=%2Forganisation$/);
    await page.getByLabel('E-postadress').fill(ADMIN);
    await page.getByLabel('Lösenord').fill('Rapportflode-demo-2026');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expect(page).toHaveURL(/\/organisation$/);
    await expect(page).toHaveTitle('Organisation – Rapportflöde');

    const gnesta = page.getByRole('list', { name: 'Organisationen under Socialnämnden, Gnesta kommun' });
    const area = gnesta.getByRole('listitem').filter({ hasText: /^Stöd och vägledning/ });
    await expect(area.getByText('Vuxenutbildning', { exact: true })).toBeVisible();
    await expect(area.getByText('SoV', { exact: true })).toBeVisible();
    // Nacka's count is stable; Gnesta's grows when the import test has run first.
    await expect(page.getByText('2 organisatoriska enheter · diarienummer SN')).toBeVisible();
    const nacka = page.getByRole('list', { name: 'Organisationen under Socialnämnden, Nacka kommun' });
    await expect(nacka.getByText('Omsorgsenheten', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('shows a unit head only their own unit and its ancestors, and no administration', async ({ page }) => {
    await signIn(page, UNIT_HEAD);
    await page.goto('/organisation');
    await expect(page.getByLabel('Inloggad som')).toContainText('Lena Wik');
    await expect(page.getByLabel('Inloggad som')).toContainText('Enhetschef – Vuxenutbildning (Socialnämnden, Gnesta kommun)');
    const tree = page.getByRole('list', { name: 'Organisationen under Socialnämnden, Gnesta kommun' });
    await expect(tree.getByText('Vuxenutbildning', { exact: true })).toBeVisible();
    await expect(tree.getByText('Stöd och vägledning', { exact: true })).toBeVisible();
    await expect(page.getByText('Utredning och stöd', { exact: true })).toHaveCount(0);
    await expect(page.getByText('Omsorgsenheten', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Nacka/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Personer' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Ändra organisationen' })).toHaveCount(0);
    // The server refuses what the UI hides: the admin page redirects away, to the person's tasks.
    await page.goto('/admin/import');
    await expect(page).toHaveURL(/\/uppgifter$/);
  });

  test('is reachable by keyboard: the skip link moves focus to the content', async ({ page }) => {
    await page.goto('/logga-in');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

test.describe('sign-in', () => {
  test('rejects a wrong password with a Swedish message and signs out on request', async ({ page }) => {
    await page.goto('/logga-in');
    await expectNoAxeViolations(page);
    await page.getByLabel('E-postadress').fill(UNIT_HEAD);
    await page.getByLabel('Lösenord').fill('fel lösenord');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Fel e-postadress eller lösenord.');
    await signIn(page, UNIT_HEAD);
    // Systemstatus is in the administrators' menu only.
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(menu.getByRole('link', { name: 'Mina uppgifter' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Systemstatus' })).toHaveCount(0);
    await signOut(page);
    await expect(page).toHaveURL(/\/logga-in$/);
    await page.goto('/organisation');
    await expect(page).toHaveURL(/\/logga-in/);
  });
});

test.describe('navigation and status', () => {
  test('the system status page reports database and Redis in operation, in Swedish (administrators only)', async ({ page }) => {
    await page.goto('/status');
    await expect(page).toHaveURL(/\/logga-in/);
    await signIn(page, ADMIN);
    await page.goto('/status');
    await expect(page.getByRole('heading', { level: 1, name: 'Systemstatus' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Databas \(PostgreSQL\)\s+I drift/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Kö \(Redis\)\s+I drift/ })).toBeVisible();
    await expect(page.getByText(/Kontrollerad \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an unknown address shows a Swedish not-found page, not an empty screen', async ({ page }) => {
    await page.goto('/finns/inte');
    await expect(page.getByRole('heading', { name: 'Sidan finns inte' })).toBeVisible();
  });
});
