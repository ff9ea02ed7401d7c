import { expect, Page, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, signIn, signOut, UNIT_HEAD } from './support';

const SECRETARY = 'maria.holm@gnesta.example.se';

/** Adds a top-level section at the end through the keyboard: the new title field has the focus. */
async function addSection(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Lägg till avsnitt' }).press('Enter');
  const titleField = page.getByRole('textbox', { name: 'Rubrik' }).last();
  await expect(titleField).toBeFocused();
  if (title) await page.keyboard.type(title);
}

/** The legends of the editor's sections: number and title, in order. */
const legends = (page: Page) => page.locator('li.section > fieldset > legend');

/** Opens a cycle from the Gnesta Delårsrapport through the form on the cycles page. */
async function fillCycleForm(page: Page, year: number, dates: string[]): Promise<void> {
  const form = page.getByRole('region', { name: 'Öppna ny rapportcykel' });
  await form.getByLabel('Mall').selectOption({ label: 'Delårsrapport – Socialnämnden, Gnesta kommun' });
  await form.getByLabel('År').fill(String(year));
  await form.getByLabel('Diarienummer').fill(`SN.${year}.73`);
  const labels = [
    'Periodens slut',
    'Sista dag för enheternas inlämning',
    'Sista dag för granskning',
    'Sista dag för sammanställning',
    'Nämndens sammanträde',
  ];
  for (const [i, label] of labels.entries()) await form.getByLabel(label).fill(dates[i]);
}

test.describe('report templates in the browser', () => {
  test('an administrator builds a template with the keyboard: live numbering, no section inside itself, nothing saved with errors', async ({
    page,
  }) => {
    // Three axe runs, and every step through the keyboard.
    test.setTimeout(60_000);
    await signIn(page, ADMIN);
    await page.getByRole('link', { name: 'Mallar' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rapportmallar' })).toBeVisible();
    await expect(page.getByRole('row', { name: /^Delårsrapport Socialnämnden, Gnesta kommun/ })).toContainText('Delårsrapport (T2)');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Ny mall' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ny rapportmall' })).toBeVisible();
    await page.getByLabel('Nämnd').selectOption({ label: 'Socialnämnden, Gnesta kommun' });
    await page.getByLabel('Mallens namn').fill('Tertialrapport med åtgärder');
    await page.getByLabel('Rapport', { exact: true }).selectOption({ label: 'Tertialrapport (T1)' });

    await addSection(page, 'Inledning');
    // The first section has nothing above it to go under: it cannot be put inside anything.
    await expect(page.getByRole('button', { name: 'Gör till underavsnitt: Inledning' })).toBeDisabled();
    await addSection(page, 'Bakgrund');
    await expect(page.getByRole('group', { name: '2 Bakgrund' })).toBeVisible();
    const indent = page.getByRole('button', { name: 'Gör till underavsnitt: Bakgrund' });
    await indent.press('Enter');
    await expect(page.getByRole('group', { name: '1.1 Bakgrund' })).toBeVisible();
    await expect(indent).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: '"Bakgrund" har nu nummer 1.1.' })).toBeVisible();
    // Now the first under Inledning: nothing at its level to go under either.
    await expect(indent).toBeDisabled();

    await addSection(page, 'Åtgärdsplan');
    const plan = page.getByRole('group', { name: '2 Åtgärdsplan' });
    await plan.getByLabel('Innehåll').selectOption({ label: 'Åtgärdsplan' });
    await plan.getByLabel('Levereras av').selectOption({ label: 'Valda enheter' });
    await plan.getByRole('checkbox', { name: 'Vuxenutbildning' }).check();
    await plan.getByLabel('Granskas av').selectOption({ label: 'Förvaltningschef' });
    await expect(legends(page)).toHaveText(['1 Inledning', '1.1 Bakgrund', '2 Åtgärdsplan']);

    // A section without a title: the Swedish error, and nothing is saved.
    await addSection(page, '');
    await page.getByRole('button', { name: 'Skapa mallen' }).click();
    const errors = page.getByRole('alert');
    await expect(errors).toContainText('Mallen kan inte sparas');
    await expect(errors).toContainText('saknar rubrik');
    await expect(page.getByText('Skriv en rubrik för avsnitt 3.')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/mallar\/ny$/);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Ta bort avsnitt 3' }).click();
    await expect(errors).toHaveCount(0);

    await page.getByRole('button', { name: 'Skapa mallen' }).click();
    await expect(page).toHaveURL(/\/admin\/mallar\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('status').filter({ hasText: 'Mallen "Tertialrapport med åtgärder" skapades.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Tertialrapport med åtgärder' })).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Tertialrapport med åtgärder' })).toBeVisible();
    await expect(legends(page)).toHaveText(['1 Inledning', '1.1 Bakgrund', '2 Åtgärdsplan']);
    const saved = page.getByRole('group', { name: '2 Åtgärdsplan' });
    await expect(saved.getByLabel('Levereras av')).toHaveValue('chosen_units');
    await expect(saved.getByRole('checkbox', { name: 'Vuxenutbildning' })).toBeChecked();
    await expect(saved.getByLabel('Granskas av')).toHaveValue('director');
    await expectNoAxeViolations(page);

    // Removing a section with a subsection keeps the subsection, one level up; nothing is saved until asked.
    await page.getByRole('button', { name: 'Ta bort Inledning' }).click();
    await expect(legends(page)).toHaveText(['1 Bakgrund', '2 Åtgärdsplan']);
    await page.reload();
    await expect(legends(page)).toHaveText(['1 Inledning', '1.1 Bakgrund', '2 Åtgärdsplan']);

    await page.getByRole('link', { name: 'Alla rapportmallar' }).click();
    await expect(page.getByRole('row', { name: /Tertialrapport med åtgärder/ })).toContainText('Socialnämnden');
  });
});

test.describe('section layouts in the template editor', () => {
  test('an administrator sets a table’s columns and the sick-leave day limits; the layout is saved with the template', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto('/admin/mallar/ny');
    await page.getByLabel('Nämnd').selectOption({ label: 'Socialnämnden, Gnesta kommun' });
    await page.getByLabel('Mallens namn').fill('Uppföljning med tabeller');
    await addSection(page, 'Statsbidrag');
    const grants = page.getByRole('group', { name: '1 Statsbidrag' });
    await grants.getByLabel('Innehåll').selectOption({ label: 'Tabell' });
    await grants.getByText('Upplägg för Statsbidrag').click();
    await grants.getByLabel('Rubrik för kolumn 2').fill('Sökt belopp tkr');
    await grants.getByLabel('Rubrik för kolumn 2').press('Tab');
    await grants.getByRole('button', { name: 'Lägg till kolumn' }).click();
    await grants.getByLabel('Rubrik för kolumn 3').fill('Erhållet belopp tkr');
    await grants.getByLabel('Rubrik för kolumn 3').press('Tab');
    await grants.getByLabel('Typ för Erhållet belopp tkr').selectOption({ label: 'Tal' });
    await grants.getByRole('checkbox', { name: 'Summera Erhållet belopp tkr' }).check();

    await addSection(page, 'Sjukfrånvaro');
    const sick = page.getByRole('group', { name: '2 Sjukfrånvaro' });
    await sick.getByLabel('Innehåll').selectOption({ label: 'Sjukfrånvaro' });
    await sick.getByLabel('Levereras av').selectOption({ label: 'Alla enheter' });
    await sick.getByText('Upplägg för Sjukfrånvaro').click();
    await sick.getByLabel('Gränser för kort och lång sjukfrånvaro').selectOption({ label: 'Egna gränser' });
    // Empty limits are named before anything is saved.
    await expect(sick.getByText(/Ange gränserna för kort- och långtidssjukfrånvaro/)).toBeVisible();
    await sick.getByRole('textbox', { name: 'Kort sjukfrånvaro' }).fill('1–7 dagar');
    await sick.getByRole('textbox', { name: 'Kort sjukfrånvaro' }).press('Tab');
    await sick.getByRole('textbox', { name: 'Lång sjukfrånvaro' }).fill('8 dagar eller mer');
    await sick.getByRole('textbox', { name: 'Lång sjukfrånvaro' }).press('Tab');
    await expect(sick.getByText(/Ange gränserna/)).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Skapa mallen' }).click();
    await expect(page).toHaveURL(/\/admin\/mallar\/[0-9a-f-]{36}$/);
    await page.reload();
    const saved = page.getByRole('group', { name: '1 Statsbidrag' });
    await saved.getByText('Upplägg för Statsbidrag').click();
    await expect(saved.getByLabel('Rubrik för kolumn 2')).toHaveValue('Sökt belopp tkr');
    await expect(saved.getByLabel('Rubrik för kolumn 3')).toHaveValue('Erhållet belopp tkr');
    await expect(saved.getByRole('checkbox', { name: 'Summera Erhållet belopp tkr' })).toBeChecked();
    const savedSick = page.getByRole('group', { name: '2 Sjukfrånvaro' });
    await savedSick.getByText('Upplägg för Sjukfrånvaro').click();
    await expect(savedSick.getByRole('textbox', { name: 'Kort sjukfrånvaro' })).toHaveValue('1–7 dagar');
  });
});

test.describe('report cycles in the browser', () => {
  test('the secretary opens a cycle from the Delårsrapport template and follows it in the overview', async ({ page, context }) => {
    // Two axe runs over the whole matrix (about 15 units × 16 sections) and a second window.
    test.setTimeout(60_000);
    await signIn(page, SECRETARY);
    await page.getByRole('link', { name: 'Rapportcykler' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rapportcykler' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Öppna ny rapportcykel' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Units cannot submit before the period has ended.
    await fillCycleForm(page, 2031, ['2031-08-31', '2031-08-15', '2031-09-17', '2031-09-24', '2031-10-06']);
    await page.getByRole('button', { name: 'Öppna rapportcykeln' }).click();
    await expect(page.getByRole('alert')).toContainText(
      'Sista dag för enheternas inlämning (2031-08-15) måste infalla efter periodens slut (2031-08-31).',
    );
    await expect(page).toHaveURL(/\/cykler$/);

    const form = page.getByRole('region', { name: 'Öppna ny rapportcykel' });
    await form.getByLabel('Sista dag för enheternas inlämning').fill('2031-09-10');
    await page.getByRole('button', { name: 'Öppna rapportcykeln' }).click();
    await expect(page).toHaveURL(/\/cykler\/[0-9a-f-]{36}$/);
    const overviewUrl = page.url();
    await expect(page.getByRole('heading', { level: 1, name: 'Delårsrapport 2031' })).toBeVisible();
    await expect(page.getByText('SN.2031.73')).toBeVisible();

    const matrix = page.getByRole('table', { name: /Avsnitt per enhet/ });
    const committee = page.getByRole('table', { name: /Avsnitt på nämndnivå/ });
    // The nämnd level's sections are listed on their own; the units' matrix has only the sections units deliver.
    await expect(committee.getByRole('rowheader', { name: '1 Inledning och syfte' })).toBeVisible();
    await expect(committee.getByRole('link', { name: 'Ej påbörjad: 1 Inledning och syfte, Nämndnivå' })).toBeVisible();
    await expect(committee.getByRole('rowheader', { name: /Händelser av väsentlig betydelse/ })).toHaveCount(0);
    await expect(matrix.getByRole('columnheader', { name: '2 Händelser av väsentlig betydelse' })).toBeVisible();
    await expect(matrix.getByRole('columnheader', { name: '1 Inledning och syfte' })).toHaveCount(0);
    const rowOf = (unit: string) => matrix.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${unit}`) }) });
    await expect(rowOf('Nämndnivå')).toHaveCount(0);
    // A unit delivers only its own.
    const unitRow = rowOf('Vuxenutbildning');
    await expect(unitRow).toContainText('Stöd och vägledning');
    await expect(unitRow.getByRole('link', { name: /^Ej påbörjad: 2 Händelser av väsentlig betydelse, Vuxenutbildning/ })).toBeVisible();
    await expect(unitRow.getByRole('link', { name: /1 Inledning och syfte/ })).toHaveCount(0);
    await expect(unitRow).toContainText('2031-09-10');
    await expect(unitRow).toContainText(/0 av \d+ godkända/);
    await expectNoAxeViolations(page);

    // The filter goes to the server and into the address.
    await page.getByRole('radio', { name: 'Försenade' }).check();
    await expect(page).toHaveURL(/\?filter=late$/);
    await expect(page.getByText('Inga avsnitt är försenade just nu.')).toBeVisible();
    await expect(matrix).toHaveCount(0);
    await page.getByRole('radio', { name: 'Väntar på granskning' }).check();
    await expect(page).toHaveURL(/\?filter=waiting_for_review$/);
    await expect(page.getByText('Inga avsnitt väntar på granskning just nu.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Väntar på granskning' })).toBeChecked();
    await page.getByRole('radio', { name: 'Alla' }).check();
    await expect(page).toHaveURL(overviewUrl);
    await expect(matrix.getByRole('link', { name: /^Ej påbörjad/ }).first()).toBeVisible();

    // Changing a date; a second window that read the old version is told and reloaded.
    const other = await context.newPage();
    await other.goto(overviewUrl);
    await expect(other.getByRole('heading', { level: 1, name: 'Delårsrapport 2031' })).toBeVisible();
    const change = page.getByRole('region', { name: 'Ändra datum' });
    await change.getByLabel('Nämndens sammanträde').fill('2031-10-13');
    await change.getByRole('button', { name: 'Spara datum' }).click();
    await expect(change.getByRole('status')).toHaveText('Ändringarna sparades.');
    await expect(page.getByRole('definition').filter({ hasText: '2031-10-13' })).toBeVisible();

    const stale = other.getByRole('region', { name: 'Ändra datum' });
    await stale.getByLabel('Sista dag för sammanställning').fill('2031-09-27');
    await stale.getByRole('button', { name: 'Spara datum' }).click();
    await expect(stale.getByRole('alert')).toContainText('Uppgifterna har hämtats på nytt');
    await expect(stale.getByLabel('Nämndens sammanträde')).toHaveValue('2031-10-13');
    await expect(stale.getByLabel('Sista dag för sammanställning')).toHaveValue('2031-09-24');
    await other.close();

    await page.getByRole('link', { name: 'Alla rapportcykler' }).click();
    const listed = page.getByRole('row', { name: /Delårsrapport 2031/ });
    await expect(listed).toContainText('T2 2031');
    await expect(listed).toContainText('SN.2031.73');
    await expect(listed).toContainText(/0 av \d+ godkända \(0\s%\)/);

    // The same cycle twice is refused with the server's reason.
    await fillCycleForm(page, 2031, ['2031-08-31', '2031-09-10', '2031-09-17', '2031-09-24', '2031-10-06']);
    await page.getByRole('button', { name: 'Öppna rapportcykeln' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).toHaveURL(/\/cykler$/);
  });

  test('a unit head is offered no new cycle and gets a clear message instead of the committee overview', async ({ page }) => {
    await signIn(page, SECRETARY);
    await page.goto('/cykler');
    await fillCycleForm(page, 2032, ['2032-08-31', '2032-09-10', '2032-09-17', '2032-09-24', '2032-10-06']);
    await page.getByRole('button', { name: 'Öppna rapportcykeln' }).click();
    await expect(page).toHaveURL(/\/cykler\/[0-9a-f-]{36}$/);
    const overviewUrl = page.url();
    await signOut(page);

    await signIn(page, UNIT_HEAD);
    await page.getByRole('link', { name: 'Rapportcykler' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rapportcykler' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Öppna ny rapportcykel' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Öppna rapportcykeln' })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto(overviewUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Översikten kan inte visas' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('du inte tillgång till nämndens översikt');
    await expect(page.getByRole('main').getByRole('link', { name: 'Mina uppgifter' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});
