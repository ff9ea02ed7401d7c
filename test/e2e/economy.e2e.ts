import { expect, Locator, Page, test } from '@playwright/test';
import { changedCells, expectNoAxeViolations, expectSaved, openCycle, personPage, taskState as state } from './support';

// An economy table through the browser, in Gnesta's Delårsrapport: the unit head fills in her
// unit's "Ekonomisk uppföljning per verksamhetsområde" (typing, a wrong decimal point, a paste
// from Excel), the economist reviews it cell by cell, returns it, and approves the new round.

const SECRETARY = 'maria.holm@gnesta.example.se';
const UNIT_HEAD = 'lena.wik@gnesta.example.se';
const ECONOMIST = 'johan.ek@gnesta.example.se';
const YEAR = 2033;
const CYCLE_TITLE = `Delårsrapport ${YEAR}`;
const UNIT = 'Vuxenutbildning';
const SECTION = 'Ekonomisk uppföljning per verksamhetsområde';
const ROW_ONE = 'Grundläggande vuxenutbildning';
const ROW_TWO = 'Svenska för invandrare';
// Each heading says what its column holds and for which period (Gnesta prints the deviations as "Resultat"/"Prognos").
const BUDGET = `Helårsbudget ${YEAR}`;
const RESULT_APRIL = 'Budgetavvikelse utfall per april';
const FORECAST_APRIL = 'Budgetavvikelse prognos per april';
const RESULT_AUGUST = 'Budgetavvikelse utfall per augusti';
const FORECAST_AUGUST = 'Budgetavvikelse prognos per augusti';


/** A Swedish figure as the page shows it (true minus, any space between thousands). */
function figure(text: string): RegExp {
  const escaped = text.replace(/-/g, '[-\u2212]').replace(/ /g, '\\s');
  return new RegExp(`^\\s*${escaped}\\s*$`);
}



async function openTask(page: Page, unit = UNIT): Promise<void> {
  const row = page.getByRole('row').filter({ hasText: CYCLE_TITLE }).filter({ hasText: unit }).filter({ hasText: SECTION });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: new RegExp(SECTION) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(SECTION) })).toBeVisible();
}

function table(page: Page): Locator {
  return page.getByRole('table', { name: new RegExp(`${SECTION} \\(tkr\\)`) });
}

function cell(page: Page, column: string, row: string): Locator {
  return table(page).getByRole('textbox', { name: `${column}, ${row}`, exact: true });
}

function totalRow(page: Page): Locator {
  return table(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Totalt' }) });
}

/** Pastes text into the focused element as Excel puts it on the clipboard. */
async function paste(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

test.describe('an economy table through write, review, return and approval', () => {
  test.beforeAll(async () => {
    await openCycle(SECRETARY, 'Delårsrapport', YEAR, `SN ${YEAR}/1703`);
  });

  test('the unit head fills in the table, the economist returns it and approves the changed figure', async ({ browser }) => {
    test.setTimeout(150_000);
    const lena = await personPage(browser, UNIT_HEAD);
    const johan = await personPage(browser, ECONOMIST);

    // Lena opens her unit's table and adds a row by hand.
    let page = lena.page;
    await page.getByRole('link', { name: 'Mina uppgifter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible();
    await openTask(page);
    await expect(table(page)).toBeVisible();
    await expect(table(page).getByRole('columnheader')).toHaveText([
      'Rad',
      BUDGET,
      RESULT_APRIL,
      FORECAST_APRIL,
      RESULT_AUGUST,
      FORECAST_AUGUST,
      'Åtgärder',
    ]);
    await page.getByRole('button', { name: 'Lägg till rad' }).click();
    const name = table(page).getByRole('textbox', { name: 'Namn på rad 1' });
    await expect(name).toBeFocused();
    await name.fill(ROW_ONE);
    await cell(page, BUDGET, ROW_ONE).fill('-7 015');
    await cell(page, FORECAST_AUGUST, ROW_ONE).fill('-1 686');
    await expect(totalRow(page).getByRole('cell').nth(0)).toHaveText(figure('-7 015'));

    // A decimal point is refused at its cell, in Swedish, until it is fixed.
    const april = cell(page, RESULT_APRIL, ROW_ONE);
    await april.fill('3.8');
    await expect(april).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await april.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    await expect(page.locator(`[id="${describedBy}"]`)).toContainText('decimalkomma');
    await expect(page.getByRole('alert').filter({ hasText: 'decimalkomma' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Inte sparat/ })).toBeVisible({ timeout: 10_000 });
    await expectNoAxeViolations(page);
    await april.fill('-3 800');
    await expect(april).not.toHaveAttribute('aria-invalid', 'true');

    // A second row pasted from Excel (the line of the first row comes along, as copied).
    await paste(cell(page, BUDGET, ROW_ONE), `${ROW_ONE}\t-7 015\t-3 800\t\t\t-1 686\r\n${ROW_TWO}\t-2 500\t-900\t-2 400\t\t-120\r\n`);
    await expect(table(page).getByRole('textbox', { name: `Namn på ${ROW_TWO}` })).toHaveValue(ROW_TWO);
    await expect(cell(page, BUDGET, ROW_TWO)).toHaveValue(figure('-2 500'));
    await expect(cell(page, FORECAST_APRIL, ROW_TWO)).toHaveValue(figure('-2 400'));
    await expect(totalRow(page).getByRole('cell').nth(0)).toHaveText(figure('-9 515'));
    await expect(totalRow(page).getByRole('cell').nth(4)).toHaveText(figure('-1 806'));
    await expectSaved(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Lämna in' }).click();
    await expect(state(page)).toHaveText('Inlämnad');
    await expect(table(page).getByRole('textbox')).toHaveCount(0);
    await expect(table(page)).toContainText(ROW_TWO);

    // Johan finds it in his queue, sees every cell of the first round, and returns it.
    page = johan.page;
    await page.getByRole('link', { name: 'Att granska' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Att granska' })).toBeVisible();
    await openTask(page);
    await expect(page.getByRole('heading', { name: 'Första inlämningen' })).toBeVisible();
    expect((await changedCells(page)).length).toBeGreaterThan(2);
    await expect(table(page).getByRole('textbox')).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Återremittera' }).click();
    await page.getByLabel('Kommentar till enheten').fill('Budgeten för grundläggande vuxenutbildning är −7 100.');
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await expect(state(page)).toHaveText('Återremitterad');

    // Lena changes that one figure and submits again.
    page = lena.page;
    await page.reload();
    await expect(state(page)).toHaveText('Återremitterad');
    await page.getByRole('button', { name: 'Fortsätt skriva' }).click();
    await expect(state(page)).toHaveText('Utkast');
    await cell(page, BUDGET, ROW_ONE).fill('-7 100');
    await expect(totalRow(page).getByRole('cell').nth(0)).toHaveText(figure('-9 600'));
    await expectSaved(page);
    await page.getByRole('button', { name: 'Lämna in' }).click();
    await expect(state(page)).toHaveText('Inlämnad');

    // Johan sees exactly that cell and the total change, and approves.
    page = johan.page;
    await page.getByRole('link', { name: 'Att granska' }).click();
    await openTask(page);
    await expect(page.getByRole('heading', { name: 'Ändringar sedan inlämning 1' })).toBeVisible();
    expect(await changedCells(page)).toEqual([
      [ROW_ONE, 'Helårsbudget', '-7 015', '-7 100'],
      ['Totalt', 'Helårsbudget', '-9 515', '-9 600'],
    ]);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Godkänn' }).click();
    await expect(state(page)).toHaveText('Godkänd');

    // Approved: Lena sees the table without inputs.
    page = lena.page;
    await page.reload();
    await expect(state(page)).toHaveText('Godkänd');
    await expect(table(page).getByRole('textbox')).toHaveCount(0);
    await expect(table(page)).toContainText(ROW_ONE);

    await lena.context.close();
    await johan.context.close();
  });

  // Runs after the walk above: Vuxenutbildning's table is approved by then.
  test('the secretary fills the nämnd table from the approved unit tables; the nämnd total is computed from them', async ({ browser }) => {
    const maria = await personPage(browser, SECRETARY);
    const page = maria.page;
    await page.getByRole('link', { name: 'Mina uppgifter' }).click();
    const nämnd = 'Nämndens resultat per augusti';
    const row = page.getByRole('row').filter({ hasText: CYCLE_TITLE }).filter({ hasText: nämnd });
    await row.getByRole('link', { name: new RegExp(nämnd) }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(nämnd) })).toBeVisible();
    const units = page.getByRole('region', { name: 'Enheternas tabeller' });
    await expect(units).toContainText(/\(1 av \d+ godkända\)/);
    await expect(units.getByRole('listitem').filter({ hasText: `${UNIT}: Godkänd` })).toHaveCount(1);
    await expectNoAxeViolations(page);
    await units.getByRole('button', { name: 'Hämta enheternas godkända tabeller' }).click();
    const nämndTable = page.getByRole('table', { name: new RegExp(`${nämnd} \\(tkr\\)`) });
    await expect(nämndTable).toContainText(UNIT);
    await expect(nämndTable).toContainText(ROW_TWO);
    // Budget −7 100 and −2 500 as approved: the nämnd total is their sum, never typed.
    const total = nämndTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Totalt' }) });
    await expect(total.getByRole('cell').nth(0)).toHaveText(figure('-9 600'));
    await expectSaved(page);
    await page.reload();
    await expect(nämndTable).toContainText(ROW_TWO);
    await maria.context.close();
  });
});
