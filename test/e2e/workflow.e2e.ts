import { expect, Page, test } from '@playwright/test';
import { expectNoAxeViolations, expectSaved, openCycle, personPage, taskState as state } from './support';

// The whole cycle of one section, through the browser, as three people of Nacka's Socialnämnden:
// the secretary opens the cycle (through the API), the unit head writes and submits, the
// economist reviews, returns with a comment and finally approves.

const SECRETARY = 'birgitta.sandberg@nacka.example.se';
const UNIT_HEAD = 'camilla.oberg@nacka.example.se';
const ECONOMIST = 'anders.nilsson@nacka.example.se';
const YEAR = 2023;
const CYCLE_TITLE = `Tertialbokslut 2 ${YEAR}`;
const UNIT = 'Barn och familjeenheten';
/** The other Nacka unit: its own Nulägesbeskrivning, for the two-tab test. */
const OTHER_UNIT_HEAD = 'fredrik.akesson@nacka.example.se';
const OTHER_UNIT = 'Omsorgsenheten';




/** Opens a task of this cycle from "Mina uppgifter" or "Att granska". */
async function openTask(page: Page, sectionTitle: string, unit = UNIT): Promise<void> {
  const row = page.getByRole('row').filter({ hasText: CYCLE_TITLE }).filter({ hasText: unit }).filter({ hasText: sectionTitle });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: new RegExp(sectionTitle) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(sectionTitle) })).toBeVisible();
}

function editor(page: Page) {
  return page.getByRole('textbox', { name: /^Text för/ });
}

/** The section's text, read-only or in the editor. */
function textSection(page: Page) {
  return page.getByRole('region', { name: 'Text', exact: true });
}

/** Types at the end of the editor's text, on a new line when there is text already. */
async function typeAtEnd(page: Page, text: string, newParagraph: boolean): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+End');
  if (newParagraph) await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

test.describe('a section through write, review, return and approval in the browser', () => {
  test.beforeAll(async () => {
    await openCycle(SECRETARY, 'Tertialbokslut 2', YEAR, `SN.${YEAR}.73`);
  });

  test('the unit head writes and submits, the economist returns it, it comes back and is approved', async ({ browser }) => {
    test.setTimeout(120_000);
    const camilla = await personPage(browser, UNIT_HEAD);
    const anders = await personPage(browser, ECONOMIST);
    const first = 'Periodens resultat är +5,6 miljoner kronor jämfört med budget.';
    const second = 'Prognosen för helåret är ett överskott på 4 miljoner kronor.';

    // Camilla writes her unit's "Nulägesbeskrivning" and submits it.
    let page = camilla.page;
    await page.getByRole('link', { name: 'Mina uppgifter' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: CYCLE_TITLE }).filter({ hasText: 'Nulägesbeskrivning' });
    await expect(row).toContainText('Ej påbörjad');
    await expect(row).toContainText(/\d+ dagar försenad/); // the 2023 deadline has passed
    await expectNoAxeViolations(page);
    await openTask(page, 'Nulägesbeskrivning');
    await expect(page.getByText(`SN.${YEAR}.73`)).toBeVisible();
    await expect(state(page)).toHaveText('Ej påbörjad');
    await typeAtEnd(page, first, false);
    await expectSaved(page);
    await expect(state(page)).toHaveText('Utkast'); // the first save starts the draft
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Lämna in' }).click();
    await expect(state(page)).toHaveText('Inlämnad');
    await expect(editor(page)).toHaveCount(0);
    await expect(textSection(page)).toContainText(first);

    // Anders finds it in his queue, sees what was submitted, comments and returns it.
    page = anders.page;
    await page.getByRole('link', { name: 'Att granska' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Att granska' })).toBeVisible();
    await openTask(page, 'Nulägesbeskrivning');
    await expect(page.getByRole('heading', { name: 'Första inlämningen' })).toBeVisible();
    await expect(page.locator('ins').filter({ hasText: first })).toBeVisible();
    await expect(editor(page)).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByLabel('Kommentar', { exact: true }).fill('Stämmer siffran mot bokslutet?');
    await page.getByRole('button', { name: 'Lägg till kommentar' }).click();
    await expect(page.getByRole('article').filter({ hasText: 'Stämmer siffran mot bokslutet?' })).toContainText('Anders Nilsson');
    await page.getByRole('button', { name: 'Återremittera' }).click();
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Skriv en kommentar' })).toBeVisible();
    await page.getByLabel('Kommentar till enheten').fill('Ange prognosen för helåret också.');
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await expect(state(page)).toHaveText('Återremitterad');
    // The refusal of the empty comment does not stand beside the success message.
    await expect(page.getByRole('status').filter({ hasText: 'Uppgiften är nu återremitterad.' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    // Camilla is told, continues writing and submits again.
    page = camilla.page;
    await page.getByRole('link', { name: 'Notiser' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notiser' })).toBeVisible();
    const note = page.getByRole('link', { name: /Ange prognosen för helåret också/ });
    await expect(note).toBeVisible();
    await expectNoAxeViolations(page);
    await note.click();
    await expect(state(page)).toHaveText('Återremitterad');
    // The reason stands at the top of the task, above the facts, not only under Historik.
    const returned = page.getByTestId('returned-notice');
    await expect(returned).toHaveRole('status');
    await expect(returned).toContainText('Återremitterad av Anders Nilsson');
    await expect(returned).toContainText('Ange prognosen för helåret också.');
    await expectNoAxeViolations(page);
    const thread = page.getByRole('article').filter({ hasText: 'Stämmer siffran mot bokslutet?' });
    await thread.getByRole('button', { name: /^Svara/ }).click();
    await page.getByLabel('Svar till Anders Nilsson').fill('Ja, enligt bokslutet.');
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await expect(thread).toContainText('Ja, enligt bokslutet.');
    await thread.getByRole('button', { name: /^Markera som löst/ }).click();
    await expect(thread).toContainText('Löst av Camilla Öberg');
    await expect(page.getByRole('listitem').filter({ hasText: 'Ange prognosen för helåret också.' })).toBeVisible();
    await page.getByRole('button', { name: 'Fortsätt skriva' }).click();
    await expect(state(page)).toHaveText('Utkast');
    await expect(returned).toContainText('Ange prognosen för helåret också.'); // still there while she reworks it
    await typeAtEnd(page, second, true);
    await expectSaved(page);
    await page.getByRole('button', { name: 'Lämna in' }).click();
    await expect(state(page)).toHaveText('Inlämnad');
    await expect(returned).toHaveCount(0); // handed in again: answered

    // Anders sees exactly what changed since the first submission, and approves.
    page = anders.page;
    await page.getByRole('link', { name: 'Att granska' }).click();
    await openTask(page, 'Nulägesbeskrivning');
    await expect(page.getByRole('heading', { name: 'Ändringar sedan inlämning 1' })).toBeVisible();
    await expect(page.locator('ins').filter({ hasText: second })).toBeVisible();
    await expect(page.locator('ins').filter({ hasText: first })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Godkänn' }).click();
    await expect(state(page)).toHaveText('Godkänd');

    // Approved content is locked: Camilla sees it read-only.
    page = camilla.page;
    await page.reload();
    await expect(state(page)).toHaveText('Godkänd');
    await expect(editor(page)).toHaveCount(0);
    await expect(textSection(page)).toContainText(second);
    await expect(page.getByRole('button', { name: 'Lämna in' })).toHaveCount(0);

    await camilla.context.close();
    await anders.context.close();
  });

  test('two tabs edit the same section: the stale save gets both versions, and a merge keeps both', async ({ browser }) => {
    test.setTimeout(90_000);
    // A narrative section of its own (the other unit's Nulägesbeskrivning), untouched by the test above.
    const one = await personPage(browser, OTHER_UNIT_HEAD);
    const two = await personPage(browser, OTHER_UNIT_HEAD);
    for (const { page } of [one, two]) {
      await page.goto('/uppgifter');
      await openTask(page, 'Nulägesbeskrivning', OTHER_UNIT);
    }
    await typeAtEnd(one.page, 'Text från flik ett.', false);
    await expectSaved(one.page);

    await typeAtEnd(two.page, 'Text från flik två.', false);
    // The same person in two tabs: told so, not "someone else".
    const panel = two.page.getByRole('region', { name: 'Du har sparat en nyare version i en annan flik eller ett annat fönster' });
    await expect(panel).toBeVisible({ timeout: 10_000 });
    await expect(panel.getByRole('heading', { name: 'Sparad version (av Fredrik Åkesson)' })).toBeVisible();
    await expect(panel.getByRole('heading', { name: 'Din version' })).toBeVisible();
    await expect(panel).toContainText('Text från flik ett.');
    await expect(panel).toContainText('Text från flik två.');
    await expectNoAxeViolations(two.page);
    await panel.getByRole('button', { name: 'Slå ihop' }).click();
    await expect(panel).toHaveCount(0);
    await expect(editor(two.page)).toContainText('Text från flik ett.');
    await expect(editor(two.page)).toContainText('Text från flik två.');
    await expectSaved(two.page);

    await two.page.reload();
    await expect(editor(two.page)).toContainText('Text från flik ett.');
    await expect(editor(two.page)).toContainText('Text från flik två.');
    await one.page.reload();
    await expect(editor(one.page)).toContainText('Text från flik två.');

    await one.context.close();
    await two.context.close();
  });
});
