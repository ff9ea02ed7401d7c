import { expect, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, signIn } from './support';

const header = 'Kommun;Nämnd;Enhet;Nivå;Kod;Namn;E-post;Titel;Roll';

function csv(lines: string[]): { name: string; mimeType: string; buffer: Buffer } {
  return { name: 'organisation.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\r\n'), 'utf8') };
}

test.describe('an administrator imports the organisation from CSV', () => {
  test('a file with a bad row shows the error and imports nothing', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Import' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Importera organisation och personer' })).toBeVisible();
    await page.getByLabel('CSV-fil').setInputFiles(
      csv([
        'Gnesta kommun;Socialnämnden;Socialförvaltningen / Stöd och vägledning / Familjecentralen;Enhet;;;;;',
        'Gnesta kommun;Socialnämnden;Socialförvaltningen / Stöd och vägledning / Fältgruppen;Avdelning;;;;;',
      ]),
    );
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Inget importeras' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /Okänd nivå "Avdelning"/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();

    await page.goto('/organisation');
    await expect(page.getByText('Vuxenutbildning', { exact: true })).toBeVisible();
    await expect(page.getByText('Familjecentralen', { exact: true })).toHaveCount(0);
  });

  test('a good file is previewed, imported, and its units and people appear', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto('/admin/import');
    await page.getByLabel('CSV-fil').setInputFiles(
      csv([
        'Gnesta kommun;Socialnämnden;Socialförvaltningen / Stöd och vägledning / Familjecentralen;Enhet;FC;Tove Ahl;tove.ahl@gnesta.example.se;Enhetschef;Enhetschef',
      ]),
    );
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await expect(page.getByRole('cell', { name: /Ny enhet/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Importen är klar' })).toBeVisible();

    await page.getByRole('link', { name: 'Organisation' }).click();
    await expect(page.getByText('Familjecentralen', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Personer' }).click();
    await page.getByLabel('Sök person').fill('Tove Ahl');
    await expect(page.getByRole('row', { name: /Tove Ahl/ })).toContainText('Enhetschef – Familjecentralen (Socialnämnden, Gnesta kommun)');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Ändringslogg' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ändringslogg' })).toBeVisible();
    await expect(page.getByRole('cell', { name: /importerade organisationen från/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('an administrator changes the tree in the browser', () => {
  test('adds a unit under Stöd och vägledning and renames it; a bad move is refused with the reason', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Organisation' }).click();
    const gnesta = page.getByRole('region', { name: 'Ändra organisationen' }).first();
    await gnesta.getByLabel('Ny enhet, namn').fill('Mottagningsenheten');
    await gnesta.getByRole('combobox', { name: 'Under' }).click();
    await page.getByRole('option', { name: '— Stöd och vägledning' }).click();
    await gnesta.getByRole('button', { name: 'Lägg till enhet' }).click();
    await expect(gnesta.getByRole('status')).toHaveText('"Mottagningsenheten" är tillagd.');
    const tree = page.getByRole('list', { name: 'Organisationen under Socialnämnden, Gnesta kommun' });
    await expect(tree.getByRole('listitem').filter({ hasText: /^Stöd och vägledning/ }).getByText('Mottagningsenheten')).toBeVisible();

    await gnesta.getByRole('combobox', { name: 'Enhet' }).click();
    await page.getByRole('option', { name: '— — Mottagningsenheten' }).click();
    await gnesta.getByLabel('Nytt namn').fill('Mottagningen');
    await gnesta.getByRole('button', { name: 'Byt namn' }).click();
    await expect(gnesta.getByRole('status')).toHaveText('"Mottagningsenheten" heter nu "Mottagningen".');
    await expect(tree.getByText('Mottagningen', { exact: true })).toBeVisible();

    await gnesta.getByRole('combobox', { name: 'Enhet' }).click();
    await page.getByRole('option', { name: '— Stöd och vägledning' }).click();
    await gnesta.getByRole('combobox', { name: 'Flytta till' }).click();
    await page.getByRole('option', { name: '— — Mottagningen' }).click();
    await gnesta.getByRole('button', { name: 'Flytta' }).click();
    await expect(gnesta.getByRole('alert')).toHaveText(
      '"Stöd och vägledning" kan inte flyttas till sig själv eller till en enhet under sig själv.',
    );
  });
});

test.describe('people and roles in the browser', () => {
  test('an administrator gives a person a role; the change is listed and logged', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Personer' }).click();
    await page.getByLabel('Sök person').fill('Per Ström');
    const row = page.getByRole('row', { name: /Per Ström/ });
    await row.getByRole('combobox', { name: /^Roll/ }).selectOption({ label: 'Granskare' });
    await row.getByRole('combobox', { name: /^Var/ }).selectOption({ label: 'Socialnämnden, Gnesta kommun (hela nämnden)' });
    await row.getByRole('button', { name: 'Ge roll till Per Ström' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Per Ström fick rollen Granskare/ })).toBeVisible();
    await expect(row).toContainText('Granskare – Socialnämnden, Gnesta kommun');
    await page.getByRole('link', { name: 'Ändringslogg' }).click();
    await expect(page.getByRole('cell', { name: /gav Per Ström rollen Granskare/ }).first()).toBeVisible();
  });

  test('a förvaltningschef may read the list of people but is offered no changes', async ({ page }) => {
    await signIn(page, 'karin.lindqvist@gnesta.example.se');
    await page.getByRole('link', { name: 'Personer' }).click();
    await page.getByLabel('Sök person').fill('Lena Wik');
    await expect(page.getByRole('row', { name: /Lena Wik/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Lägg till person' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Inaktivera / })).toHaveCount(0);
    // Nacka's people are outside her committee: the server finds none.
    await page.getByLabel('Sök person').fill('Camilla Öberg');
    await expect(page.getByRole('status').filter({ hasText: 'Inga personer matchar' })).toContainText('Inga personer matchar ”Camilla Öberg”.');
    await expect(page.getByRole('row', { name: /Camilla Öberg/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('the people list is searched and paged on the server', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Personer' }).click();
    const table = page.getByRole('region', { name: 'Alla personer' });
    const rows = table.locator('tbody tr');
    const count = page.getByRole('status').filter({ hasText: /\d+ personer/ });
    await expect(count).toBeVisible({ timeout: 20_000 });
    const total = Number(/(\d+) personer/.exec((await count.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(20);
    await expect(rows).toHaveCount(20);
    const pager = page.getByRole('navigation', { name: 'Sidor i listan över personer' });
    await expect(pager).toContainText(`Sida 1 av ${Math.ceil(total / 20)}`);
    const firstOnPageOne = await rows.first().textContent();
    const next = page.waitForResponse((r) => /\/api\/users\?.*page=2/.test(r.url()));
    await pager.getByRole('button', { name: 'Nästa' }).click();
    expect((await next).status()).toBe(200);
    await expect(pager).toContainText('Sida 2 av');
    await expect(rows).toHaveCount(Math.min(20, total - 20));
    await expect(rows.first()).not.toHaveText(firstOnPageOne ?? '');
    await expectNoAxeViolations(page);

    // By enhet: the people whose roles hold at Vuxenutbildning, and no one else.
    const searched = page.waitForResponse((r) => /\/api\/users\?.*q=vuxenutbildning/i.test(r.url()));
    await page.getByLabel('Sök person').fill('vuxenutbildning');
    expect((await searched).status()).toBe(200);
    await expect(pager).toContainText('Sida 1 av 1');
    await expect(page.getByRole('row', { name: /Lena Wik/ })).toBeVisible();
    const found = await rows.count();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(total);
    for (let i = 0; i < found; i++) await expect(rows.nth(i)).toContainText('Vuxenutbildning');
    // By role and e-mail.
    await page.getByLabel('Sök person').fill('nämndsekreterare gnesta');
    await expect(page.getByRole('row', { name: /Maria Holm/ })).toBeVisible();
    await page.getByLabel('Sök person').fill('finns.inte@example.se');
    await expect(page.getByRole('status').filter({ hasText: 'Inga personer matchar' })).toBeVisible();
    await expect(table).toContainText('Inga personer matchar sökningen.');
    await expectNoAxeViolations(page);
  });
});
