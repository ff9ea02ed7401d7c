import { expect, Locator, Page, test } from '@playwright/test';
import { ADMIN, expectNoAxeViolations, expectSaved, personPage, signIn, UNIT_HEAD } from './support';

// A section's writing instruction from the template editor to the writer, the sv-SE date field
// (typed and picked as ÅÅÅÅ-MM-DD, Swedish calendar) on the cycles page, and an economy table
// whose headings say what each column holds and whose chart draws only accepted figures.

const SECRETARY = 'maria.holm@gnesta.example.se';
const YEAR = 2035;
const SECTION = 'Ekonomisk uppföljning per verksamhetsområde';
const GUIDANCE = 'Kommentera periodens resultat och prognos per verksamhet: vad avviker från budget, varför, och vad görs åt det?';
// A row of its own: the rows carried forward from earlier approved cycles come before it.
const ROW = 'Uppdragsutbildning';

/** A Swedish figure as the page shows it (true minus, any space between thousands). */
function figure(text: string): RegExp {
  const escaped = text.replace(/-/g, '[-\u2212]').replace(/ /g, '\\s');
  return new RegExp(`^\\s*${escaped}\\s*$`);
}

/** The date field of a label: its text input, and the button that opens its calendar. */
function dateField(scope: Locator, label: string): { input: Locator; calendarButton: Locator; field: Locator } {
  const field = scope.locator('rf-date-field').filter({ has: scope.page().getByLabel(label, { exact: true }) });
  return { field, input: field.getByLabel(label, { exact: true }), calendarButton: field.getByRole('button', { name: 'Öppna kalendern' }) };
}

async function openTask(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  const row = page.getByRole('row').filter({ hasText: `Delårsrapport ${YEAR}` }).filter({ hasText: SECTION });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: new RegExp(SECTION) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(SECTION) })).toBeVisible();
}

test.describe('writing guidance, the sv-SE date field and economy headings', () => {
  test('the administrator writes an instruction, the secretary opens a cycle with the date field, the writer sees both', async ({ browser }) => {
    test.setTimeout(180_000);

    // The administrator gives the section its instruction; one too long is named before saving.
    const admin = await personPage(browser, ADMIN);
    let page = admin.page;
    await page.getByRole('link', { name: 'Mallar' }).click();
    await page.getByRole('row', { name: /^Delårsrapport Socialnämnden, Gnesta kommun/ }).getByRole('link', { name: 'Delårsrapport' }).click();
    const section = page.getByRole('group', { name: new RegExp(`^[\\d.]+ ${SECTION}$`) });
    const guidance = section.getByRole('textbox', { name: 'Skrivinstruktion till den som skriver' });
    await guidance.fill('x'.repeat(601));
    await expect(section.getByText('Skrivinstruktionen får vara högst 600 tecken (nu 601).')).toBeVisible();
    await expect(guidance).toHaveAttribute('aria-invalid', 'true');
    await guidance.fill(GUIDANCE);
    await expect(section.getByText(`${GUIDANCE.length} av högst 600 tecken`)).toBeVisible();
    await expect(guidance).not.toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Spara mallen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Mallen "Delårsrapport" sparades.' })).toBeVisible({ timeout: 15_000 });
    await page.reload();
    await expect(page.getByRole('group', { name: new RegExp(`^[\\d.]+ ${SECTION}$`) }).getByRole('textbox', { name: 'Skrivinstruktion till den som skriver' })).toHaveValue(
      GUIDANCE,
    );
    await admin.context.close();

    // The secretary opens the cycle: dates typed and picked as ÅÅÅÅ-MM-DD, whatever the browser's locale.
    const maria = await personPage(browser, SECRETARY);
    page = maria.page;
    await page.getByRole('link', { name: 'Rapportcykler' }).click();
    const form = page.getByRole('region', { name: 'Öppna ny rapportcykel' });
    await form.getByLabel('Mall').selectOption({ label: 'Delårsrapport – Socialnämnden, Gnesta kommun' });
    await form.getByLabel('År').fill(String(YEAR));
    // The diarienummer's example is Gnesta's own format, never Nacka's.
    // (the nämnd's latest diarienummer with this year: `SN 2035/1703`, or `SN.2035.73` after a cycle numbered so).
    await expect(form.getByText(new RegExp(`^T\\.ex\\. SN[ .]${YEAR}[/.]\\d+$`))).toBeVisible();
    await expect(form).not.toContainText('SN.2021.73');
    await form.getByLabel('Diarienummer').fill(`SN ${YEAR}/1703`);

    const periodEnd = dateField(form, 'Periodens slut');
    await expect(periodEnd.input).toHaveAttribute('type', 'text');
    await expect(periodEnd.input).toHaveAttribute('placeholder', 'ÅÅÅÅ-MM-DD');
    await expect(periodEnd.field.getByText('ÅÅÅÅ-MM-DD', { exact: true })).toBeVisible();
    await periodEnd.input.fill(`${YEAR}-02-30`);
    await expect(periodEnd.field.getByText('Ange ett datum som finns, skrivet ÅÅÅÅ-MM-DD (t.ex. 2026-09-10).')).toBeVisible();
    await expect(periodEnd.input).toHaveAttribute('aria-invalid', 'true');
    await periodEnd.input.fill(`${YEAR}-08-31`);
    await expect(periodEnd.field.getByText(/Ange ett datum som finns/)).toHaveCount(0);
    await dateField(form, 'Sista dag för enheternas inlämning').input.fill(`${YEAR}-09-10`);
    await dateField(form, 'Sista dag för granskning').input.fill(`${YEAR}-09-17`);
    await dateField(form, 'Sista dag för sammanställning').input.fill(`${YEAR}-09-24`);

    // The meeting is picked in the calendar: Swedish months, weeks from Monday.
    const meeting = dateField(form, 'Nämndens sammanträde');
    await meeting.input.fill(`${YEAR}-10-01`);
    await meeting.calendarButton.click();
    const calendar = page.getByRole('dialog');
    await expect(calendar).toBeVisible();
    await expect(calendar.getByRole('button', { name: 'Välj år och månad' })).toContainText(/oktober 2035/i);
    await expect(calendar.getByRole('columnheader').first()).toHaveAccessibleName(/måndag/i);
    await expectNoAxeViolations(page);
    await calendar.getByRole('button', { name: '15 oktober 2035' }).click();
    await expect(calendar).toHaveCount(0);
    await expect(meeting.input).toHaveValue(`${YEAR}-10-15`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Öppna rapportcykeln' }).click();
    await expect(page).toHaveURL(/\/cykler\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: `Delårsrapport ${YEAR}` })).toBeVisible();
    await expect(page.getByText(`${YEAR}-10-15`).first()).toBeVisible();
    await maria.context.close();

    // The writer reads the instruction above the table; the table is described by it.
    const lena = await personPage(browser, UNIT_HEAD);
    page = lena.page;
    await openTask(page);
    const note = page.getByRole('note', { name: 'Skrivinstruktion' });
    await expect(note).toHaveText(new RegExp(GUIDANCE.replace(/[?.:]/g, '\\$&')));
    const table = page.getByRole('table', { name: new RegExp(`${SECTION} \\(tkr\\)`) });
    await expect(table).toHaveAttribute('aria-describedby', /section-guidance/);

    // Every heading says what its column holds, and for which period.
    await expect(table.getByRole('columnheader')).toHaveText([
      'Rad',
      `Helårsbudget ${YEAR}`,
      'Budgetavvikelse utfall per april',
      'Budgetavvikelse prognos per april',
      'Budgetavvikelse utfall per augusti',
      'Budgetavvikelse prognos per augusti',
      'Åtgärder',
    ]);
    // Rows carried forward from an earlier approved cycle come first; the new row follows them.
    const rows = await table.getByRole('textbox', { name: /^Namn på / }).count();
    await page.getByRole('button', { name: 'Lägg till rad' }).click();
    await table.getByRole('textbox', { name: `Namn på rad ${rows + 1}` }).fill(ROW);
    const budget = table.getByRole('textbox', { name: `Helårsbudget ${YEAR}, ${ROW}`, exact: true });
    await budget.fill('-7 015');
    await table.getByRole('textbox', { name: `Budgetavvikelse prognos per augusti, ${ROW}`, exact: true }).fill('-1 686');

    // The chart's prognos is computed (helårsbudget + the forecast deviation) and says so.
    const chartTable = page.getByRole('table', { name: 'Budget och prognos per rad (tkr)' });
    await expect(chartTable.getByRole('columnheader')).toHaveText([
      'Rad',
      `Helårsbudget ${YEAR}`,
      `Prognos helår per augusti (räknad: Helårsbudget ${YEAR} + Budgetavvikelse prognos per augusti)`,
    ]);
    const chartRow = chartTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ROW }) });
    await expect(chartRow.getByRole('cell')).toHaveText([figure('-7 015'), figure('-8 701')]);
    await expectSaved(page);
    await expectNoAxeViolations(page);

    // A figure the check refuses is not drawn, nor the prognos derived from it.
    await budget.fill('-7 015,5');
    await expect(budget).toHaveAttribute('aria-invalid', 'true');
    // Both cells empty ("–", read as "Uppgift saknas"): the refused budget is not drawn, nor a prognos from it.
    await expect(chartRow.getByRole('cell')).toHaveText([/^–\s*Uppgift saknas$/, /^–\s*Uppgift saknas$/]);
    await budget.fill('-7 100');
    await expect(chartRow.getByRole('cell')).toHaveText([figure('-7 100'), figure('-8 786')]);
    await expectSaved(page);
    await lena.context.close();
  });

  test('no date on the cycles page is left to the browser’s own date input', async ({ page }) => {
    await signIn(page, SECRETARY);
    await page.getByRole('link', { name: 'Rapportcykler' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rapportcykler' })).toBeVisible();
    const form = page.getByRole('region', { name: 'Öppna ny rapportcykel' });
    // Chromium shows its own date input as mm/dd/yyyy: every date here is the sv-SE field instead.
    await expect(form.locator('rf-date-field')).toHaveCount(5);
    await expect(page.locator('input[type="date"]')).toHaveCount(0);
  });
});
