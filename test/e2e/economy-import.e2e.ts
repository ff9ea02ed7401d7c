import { expect, test } from '@playwright/test';
import { ADMIN, apiAs, cycleDates, expectNoAxeViolations, personPage } from './support';

// The Nacka förvaltningsekonom imports a month's figures from the finance system through the
// browser: from the cycle overview to the import page, a file with a decimal point where Swedish
// Excel writes a comma (the error is shown at its row and column, nothing imported), then the
// corrected file: the preview, the file's own totals checked, "Importera", and the record.

const NACKA_SECRETARY = 'birgitta.sandberg@nacka.example.se';
const NACKA_ECONOMIST = 'anders.nilsson@nacka.example.se';
const YEAR = 2034;
const SECTION = 'Ekonomiskt resultat (import)';
const HEADER = 'Enhet;Rad;Utfall intäkter;Utfall kostnader;Budget intäkter;Budget kostnader;Helårsbudget;Prognos';

/** Windows-1252 bytes of the Latin-1 text, as Swedish Excel saves a semicolon CSV. */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((ch) => ch.charCodeAt(0)));
}

test('the economist imports figures from the finance system, sees a bad cell at its row and column, then imports the corrected file', async ({ browser }) => {
  const { api: admin, xsrf: adminXsrf } = await apiAs(ADMIN);
  const organisation = await (await admin.get('/api/organisation')).json();
  const nacka = (organisation.committees as Array<{ id: string; municipality: string }>).find((c) => c.municipality === 'Nacka kommun');
  expect(nacka).toBeTruthy();
  const template = await admin.post('/api/templates', {
    headers: await adminXsrf(),
    data: {
      committeeId: nacka?.id,
      name: `Månadsrapport ekonomi ${YEAR}`,
      reportKind: 'monthly_report',
      sections: [
        {
          key: 'ekonomi',
          parentKey: null,
          title: SECTION,
          kind: 'economy',
          responsibility: 'all_units',
          reviewerRole: 'economist',
          config: {
            economy: {
              unit: 'tkr',
              columns: ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
            },
          },
        },
      ],
    },
  });
  expect(template.status(), await template.text()).toBe(201);
  const { api: secretary, xsrf } = await apiAs(NACKA_SECRETARY);
  const cycle = await secretary.post('/api/cycles', {
    headers: await xsrf(),
    data: { templateId: (await template.json()).id, year: YEAR, diaryNumber: `SN.${YEAR}.12`, ...cycleDates(YEAR) },
  });
  expect(cycle.status(), await cycle.text()).toBe(201);
  const cycleId = (await cycle.json()).id as string;

  const { context, page } = await personPage(browser, NACKA_ECONOMIST);
  await page.goto(`/cykler/${cycleId}`);
  await page.getByRole('link', { name: `Importera från ekonomisystemet: 1 ${SECTION}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importera från ekonomisystemet' })).toBeVisible();

  const bad = [
    HEADER,
    'Barn och familjeenheten;Heldygnsvård;1 200;-53 240;1 000;-61 749;-91 123;-80 344',
    'Omsorgsenheten;Hemtjänst;5 000;-45000.5;4 800;-44 000;-60 000;-61 000',
  ].join('\r\n');
  await page.getByLabel('Fil från ekonomisystemet').setInputFiles({ name: 'huvudbok-augusti.csv', mimeType: 'text/csv', buffer: windows1252(bad) });
  await expect(page.getByRole('status')).toHaveText('Filen har ett fel. Inget importeras förrän det är rättat.');
  const errors = page.getByRole('table', { name: 'Fel i filen' });
  const errorRow = errors.getByRole('row').nth(1);
  await expect(errorRow.getByRole('cell')).toHaveText(['3', 'Utfall kostnader', '"-45000.5" har decimalpunkt; skriv decimalkomma (-45000,5).']);
  await expect(page.getByRole('button', { name: 'Importera', exact: true })).toBeDisabled();
  // Both units have rows in the file, so none is named as without rows.
  await expect(page.getByText(/Utan rader i filen/)).toHaveCount(0);
  // The mapping step shows what the file's headers were matched to.
  await expect(page.getByLabel('Prognos', { exact: true })).toHaveValue('Prognos');
  await expectNoAxeViolations(page);

  const good = [
    HEADER,
    'Barn och familjeenheten;Heldygnsvård;1 200;-53 240;1 000;-61 749;-91 123;-80 344',
    'Omsorgsenheten;Hemtjänst;5 000;-45 000;4 800;-44 000;-60 000;-61 000',
    'Omsorgsenheten;Summa Omsorgsenheten;5 000;-45 000;4 800;-44 001;-60 000;-61 000',
  ].join('\r\n');
  await page.getByLabel('Fil från ekonomisystemet').setInputFiles({ name: 'huvudbok-augusti.csv', mimeType: 'text/csv', buffer: windows1252(good) });
  await expect(page.getByRole('status')).toHaveText(
    'Filen kan importeras: 2 rader till 2 enheter. En summa i filen stämmer inte med raderna; se kontrollen nedan.',
  );
  const totals = page.getByRole('table', { name: 'Filens egna summor som inte stämmer med raderna' });
  await expect(totals.getByRole('row').nth(1).getByRole('cell')).toHaveText(['4', 'Omsorgsenheten', 'Summa Omsorgsenheten', 'Budget kostnader', /^[-\u2212]44\s001$/, /^[-\u2212]44\s000$/]);
  const units = page.getByRole('table', { name: 'Per enhet (tkr)' });
  await expect(units.getByRole('row', { name: /Barn och familjeenheten/ })).toContainText('Ej påbörjad');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Importen är klar: 2 rader från huvudbok-augusti.csv till 2 enheter.');
  const history = page.getByRole('table', { name: 'Tidigare importer till avsnittet' });
  await expect(history.getByRole('row', { name: /huvudbok-augusti\.csv/ })).toContainText('Anders Nilsson');

  // The unit head finds the imported figures as a draft in her task.
  const tasks = await (await secretary.get(`/api/cycles/${cycleId}`)).json();
  expect((tasks.tasks as Array<{ state: string }>).map((t) => t.state)).toEqual(['draft', 'draft']);
  await context.close();
  await admin.dispose();
  await secretary.dispose();
});
