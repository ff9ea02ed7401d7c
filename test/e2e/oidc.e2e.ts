import { expect, test } from '@playwright/test';

test.describe("sign-in through the municipality's identity provider (OpenID Connect)", () => {
  test.beforeEach(async ({ context }) => {
    // Nothing leaves the machine: only loopback is reachable.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  });

  test('a unit head signs in at the provider and lands signed in on their tasks', async ({ page }) => {
    await page.goto('/logga-in');
    await page.getByRole('link', { name: 'Logga in med kommunens konto' }).click();
    await expect(page).toHaveURL(new RegExp(`^${process.env['E2E_OIDC_ISSUER']}/interaction/`));
    await page.locator('input[name="login"]').fill('lena.wik@gnesta.example.se');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByLabel('Inloggad som')).toContainText('Lena Wik');
    await expect(page.getByLabel('Inloggad som')).toContainText('Vuxenutbildning');
    await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible();
  });

  test('a person without an account in Rapportflöde is told why, in Swedish', async ({ page }) => {
    await page.goto('/logga-in');
    await page.getByRole('link', { name: 'Logga in med kommunens konto' }).click();
    await page.locator('input[name="login"]').fill('okand.person@gnesta.example.se');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      'Det finns inget aktivt konto för okand.person@gnesta.example.se i Rapportflöde. Kontakta din administratör.',
    );
    await expect(page.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
  });
});
