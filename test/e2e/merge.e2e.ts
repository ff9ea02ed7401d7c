import { expect, Locator, Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectSaved, openCycle, personPage } from './support';

// One person in two browser windows edits the same section: the stale window's save is told it
// was the same person ("Du har sparat en nyare version i en annan flik …") and "Slå ihop" merges
// three-way from what that window started from: the text keeps both windows' paragraphs, each
// once; the sick-leave table takes each window's own figure, and the figure both changed is
// marked for a choice (Min / Sparad).

const SECRETARY = 'birgitta.sandberg@nacka.example.se';
const UNIT_HEAD = 'camilla.oberg@nacka.example.se';
const YEAR = 2051;
const CYCLE_TITLE = `Tertialbokslut 2 ${YEAR}`;
const UNIT = 'Barn och familjeenheten';
const SAME_PERSON = 'Du har sparat en nyare version i en annan flik eller ett annat fönster';

async function openTask(page: Page, section: string): Promise<void> {
  await page.goto('/uppgifter');
  const row = page.getByRole('row').filter({ hasText: CYCLE_TITLE }).filter({ hasText: UNIT }).filter({ hasText: section });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: new RegExp(section) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(section) })).toBeVisible();
}

function editor(page: Page): Locator {
  return page.getByRole('textbox', { name: /^Text för/ });
}

/** Types a paragraph of its own at the end of the text. */
async function addParagraph(page: Page, text: string): Promise<void> {
  const box = editor(page);
  const empty = (await box.innerText()).trim() === '';
  await box.click();
  await page.keyboard.press('Control+End');
  if (!empty) await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** How many times a text stands in the editor. */
async function occurrences(page: Page, text: string): Promise<number> {
  const all = await editor(page).innerText();
  return all.split(text).length - 1;
}

function panel(page: Page): Locator {
  return page.getByRole('region', { name: SAME_PERSON });
}

test.describe('two windows of one person: a stale save is merged three-way', () => {
  test.beforeAll(async () => {
    await openCycle(SECRETARY, 'Tertialbokslut 2', YEAR, `SN.${YEAR}.73`);
  });

  test('text: both windows’ new paragraphs are kept, each exactly once, the shared one once; a paragraph both changed is chosen', async ({ browser }) => {
    test.setTimeout(90_000);
    const shared = 'Gemensamt stycke som båda fönstren har.';
    const fromA = 'Stycke skrivet i fönster A.';
    const fromB = 'Stycke skrivet i fönster B.';
    const a = await personPage(browser, UNIT_HEAD);
    await openTask(a.page, 'Nulägesbeskrivning');
    await addParagraph(a.page, shared);
    await expectSaved(a.page);

    // B opens the text as saved; then A adds a paragraph and saves, B (stale) adds its own.
    const b = await personPage(browser, UNIT_HEAD);
    await openTask(b.page, 'Nulägesbeskrivning');
    await expect(editor(b.page)).toContainText(shared);
    await addParagraph(a.page, fromA);
    await expectSaved(a.page);
    await addParagraph(b.page, fromB);

    const conflict = panel(b.page);
    await expect(conflict).toBeVisible({ timeout: 10_000 });
    await expect(conflict.getByRole('heading', { level: 3 })).toHaveText(SAME_PERSON);
    await expect(conflict.getByRole('alert')).toContainText(SAME_PERSON);
    await expect(conflict).not.toContainText('Någon annan');
    await expectNoAxeViolations(b.page);

    await conflict.getByRole('button', { name: 'Slå ihop' }).click();
    await expect(conflict).toHaveCount(0);
    await expectSaved(b.page);
    for (const text of [shared, fromA, fromB]) expect(await occurrences(b.page, text), text).toBe(1);

    // As stored: what either window shows after a reload.
    for (const page of [b.page, a.page]) {
      await page.reload();
      await expect(editor(page)).toContainText(fromB);
      for (const text of [shared, fromA, fromB]) expect(await occurrences(page, text), text).toBe(1);
    }

    // Both windows change the shared paragraph differently: marked, with a choice; B keeps its own.
    const append = async (page: Page, words: string) => {
      await editor(page).getByText(shared).click();
      await page.keyboard.press('End');
      await page.keyboard.type(words);
    };
    await append(a.page, ' Ändrat i A.');
    await expectSaved(a.page);
    await append(b.page, ' Ändrat i B.');
    await expect(conflict).toBeVisible({ timeout: 10_000 });
    await conflict.getByRole('button', { name: 'Slå ihop' }).click();
    await expect(conflict.getByRole('heading', { name: 'Sammanslagning: 1 stycke ändrat i båda versionerna' })).toBeVisible();
    const part = conflict.getByRole('group', { name: 'Stycke 1 som ändrats i båda versionerna' });
    await expect(part).toHaveAccessibleDescription(`Ändrad i båda versionerna: din «${shared} Ändrat i B.», sparad «${shared} Ändrat i A.»`);
    await expect(part.getByRole('radio', { name: 'Båda, den sparade först' })).toBeChecked();
    await expectNoAxeViolations(b.page);
    await part.getByRole('radio', { name: 'Min' }).check();
    await conflict.getByRole('button', { name: 'Använd sammanslagningen' }).click();
    await expect(conflict).toHaveCount(0);
    await expectSaved(b.page);
    await b.page.reload();
    await expect(editor(b.page)).toContainText(fromB);
    for (const text of [`${shared} Ändrat i B.`, fromA, fromB]) expect(await occurrences(b.page, text), text).toBe(1);
    expect(await occurrences(b.page, 'Ändrat i A.')).toBe(0);
    await a.context.close();
    await b.context.close();
  });

  test('sick leave: each window’s own figure is kept; the figure both changed is marked and chosen', async ({ browser }) => {
    test.setTimeout(120_000);
    const fields = (page: Page) => ({
      total: page.getByRole('textbox', { name: 'Total sjukfrånvaro (%)' }),
      short: page.getByRole('textbox', { name: 'Kort sjukfrånvaro (≤59 dagar) (%)' }),
      long: page.getByRole('textbox', { name: 'Lång sjukfrånvaro (≥60 dagar) (%)' }),
    });
    const type = async (page: Page, field: Locator, text: string) => {
      await field.focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    };

    const a = await personPage(browser, UNIT_HEAD);
    await openTask(a.page, 'Sjukfrånvaro');
    await type(a.page, fields(a.page).total, '8,00');
    await expectSaved(a.page);

    const b = await personPage(browser, UNIT_HEAD);
    await openTask(b.page, 'Sjukfrånvaro');
    await expect(fields(b.page).total).toHaveValue(/^8(,00?)?$/);

    // B saves the long-term figure; A, stale now, the short-term one: different cells, both kept.
    await type(b.page, fields(b.page).long, '3,20');
    await expectSaved(b.page);
    await type(a.page, fields(a.page).short, '2,50');
    await expect(panel(a.page)).toBeVisible({ timeout: 10_000 });
    await panel(a.page).getByRole('button', { name: 'Slå ihop' }).click();
    await expect(panel(a.page)).toHaveCount(0);
    await expectSaved(a.page);
    await expect(fields(a.page).short).toHaveValue(/^2,50?$/);
    await expect(fields(a.page).long).toHaveValue(/^3,20?$/);
    await expect(fields(a.page).total).toHaveValue(/^8(,00?)?$/);

    // Now both change the total: A saves 7, B (stale) 6,5.
    await type(a.page, fields(a.page).total, '7,00');
    await expectSaved(a.page);
    await type(b.page, fields(b.page).total, '6,50');
    const conflict = panel(b.page);
    await expect(conflict).toBeVisible({ timeout: 10_000 });
    await expect(conflict.getByRole('button', { name: 'Slå ihop' })).toBeVisible();
    await conflict.getByRole('button', { name: 'Slå ihop' }).click();

    // One cell changed in both, marked with both values, for a choice; the short-term figure A saved is in the merge.
    await expect(conflict.getByRole('heading', { name: 'Sammanslagning: 1 cell ändrad i båda versionerna' })).toBeVisible();
    const cell = conflict.getByRole('group', { name: 'Total sjukfrånvaro, Andel (%)' });
    await expect(cell).toHaveAccessibleDescription('Ändrad i båda versionerna: din 6,5, sparad 7');
    await expect(cell.getByRole('radio', { name: 'Min (6,5)' })).toBeChecked();
    await expectNoAxeViolations(b.page);
    await cell.getByRole('radio', { name: 'Sparad (7)' }).check();
    await conflict.getByRole('button', { name: 'Använd sammanslagningen' }).click();
    await expect(conflict).toHaveCount(0);
    await expectSaved(b.page);
    await expect(fields(b.page).total).toHaveValue(/^7(,00?)?$/);
    await expect(fields(b.page).short).toHaveValue(/^2,50?$/);
    await expect(fields(b.page).long).toHaveValue(/^3,20?$/);

    await a.page.reload();
    await expect(fields(a.page).total).toHaveValue(/^7(,00?)?$/);
    await expect(fields(a.page).short).toHaveValue(/^2,50?$/);
    await expect(fields(a.page).long).toHaveValue(/^3,20?$/);
    await a.context.close();
    await b.context.close();
  });
});
