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
    await expect(page.getByRole('row', { name: /Tove Ahl/ })).toContainText('Enhetschef – Familjecentralen (Socialnämnden, Gnesta kommun)');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Ändringslogg' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ändringslogg' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Import' }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
