import { expect, test } from '@playwright/test';
import { ADMIN, signIn, signOut, UNIT_HEAD } from './support';

/**
 * The app under its real Content-Security-Policy (styles and fonts from this server only, inline
 * <style> only with the page's nonce): nothing the browser refuses, and the styles really apply.
 */
test('the app runs under its Content-Security-Policy without a single violation', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });

  const visit = async (path: string, heading: RegExp) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  };
  await signIn(page, ADMIN);
  await visit('/admin/personer', /Personer och roller/);
  await visit('/admin/mallar', /Rapportmallar/);
  await visit('/organisation', /Organisation/);
  await visit('/admin/utskick', /Utskick/);
  await signOut(page);
  await signIn(page, UNIT_HEAD);
  await visit('/uppgifter', /Mina uppgifter/);

  // Angular's component styles are <style> elements carrying the nonce: applied, not refused.
  const styled = await page.evaluate(() => {
    const styles = Array.from(document.querySelectorAll('style'));
    return { count: styles.length, withNonce: styles.filter((s) => s.nonce).length };
  });
  expect(styled.count).toBeGreaterThan(0);
  expect(styled.withNonce).toBe(styled.count);
  const font = await page.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).fontFamily);
  expect(font).toContain('system-ui');

  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(refused).toEqual([]);
});
