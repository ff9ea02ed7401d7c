import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, Page, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, expectSaved, openCycle, personPage } from './support';

// The rich-text editor (Tiptap) in Chromium: a unit head pastes a report section from Word (the
// HTML Word puts on the clipboard, mso styles, <o:p> and conditional comments included), undoes and
// redoes it, adds a footnote, and the text comes back the same after a reload. The server's
// sanitizer decides what is stored, whatever a client sends.

const SECRETARY = 'birgitta.sandberg@nacka.example.se';
const UNIT_HEAD = 'camilla.oberg@nacka.example.se';
const YEAR = 2063;
const CYCLE_TITLE = `Tertialbokslut 2 ${YEAR}`;
const UNIT = 'Barn och familjeenheten';
const SECTION = 'Nulägesbeskrivning';
const WORD_HTML = readFileSync(join(__dirname, '../fixtures/paste/word-report.html'), 'utf8');
const NOTE = 'Enligt bokslutet per den 31 augusti.';
/** The footnote the Word document has on "öppnat". */
const WORD_NOTE = 'Boendet på Frejgatan öppnade i maj.';

function editor(page: Page) {
  return page.getByRole('textbox', { name: /^Text för/ });
}

/** What was pasted from Word, as the editor shows it. */
async function expectWordContent(page: Page): Promise<void> {
  const text = editor(page);
  await expect(text.getByRole('heading', { level: 2, name: 'Ekonomiskt resultat' })).toBeVisible();
  await expect(text.getByRole('heading', { level: 2, name: 'Tre viktigaste händelserna' })).toBeVisible();
  await expect(text.locator('strong', { hasText: '593,4 miljoner kronor' })).toBeVisible();
  const bullets = text.locator('ul').first();
  await expect(bullets.locator(':scope > li')).toHaveCount(2);
  await expect(bullets.locator(':scope > li').first()).toContainText('Fler söker stöd vid våld i nära relationer');
  await expect(bullets.locator(':scope > li').first().locator('ul > li')).toHaveText('Särskilt bland unga');
  await expect(text.locator('ol > li')).toHaveText(['Ta fram en handlingsplan', 'Följ upp varje kvartal']);
  const table = text.getByRole('table');
  await expect(table.getByRole('columnheader')).toHaveText(['Verksamhet', 'Utfall (tkr)']);
  await expect(table.getByRole('cell')).toHaveText(['Individ- och familjeomsorg', '12\u00a0345']);
  await expect(text.getByRole('link', { name: 'kommunens webbplats' })).toHaveAttribute(
    'href',
    'https://www.gnesta.se/',
  );
  await expect(text.locator('[data-footnote]').filter({ hasText: 'öppnat' })).toHaveAttribute('data-note', WORD_NOTE);
  // Word's markup is gone: no mso styles, classes, fonts, Office tags, comments or list markers.
  const html = await text.innerHTML();
  expect(html).not.toMatch(/mso-|Mso|<o:p|<!--|font-family|Calibri|Symbol|Times New Roman|·|\[1\]/);
}

test.describe('the rich-text editor', () => {
  test.beforeAll(async () => {
    await openCycle(SECRETARY, 'Tertialbokslut 2', YEAR, `SN.${YEAR}.12`);
  });

  test('pasting from Word keeps headings, lists, bold and the table; undo, redo, a footnote, save and reload', async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const { context, page } = await personPage(browser, UNIT_HEAD);
    await page.getByRole('link', { name: 'Mina uppgifter' }).click();
    const row = page
      .getByRole('row')
      .filter({ hasText: CYCLE_TITLE })
      .filter({ hasText: UNIT })
      .filter({ hasText: SECTION });
    await expect(row).toHaveCount(1);
    await row.getByRole('link', { name: new RegExp(SECTION) }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(SECTION) })).toBeVisible();

    const toolbar = page.getByRole('toolbar', { name: /^Formatering av/ });
    for (const name of [
      'Rubrik',
      'Fetstil',
      'Kursiv',
      'Punktlista',
      'Numrerad lista',
      'Länk',
      'Tabell',
      'Fotnot',
      'Ångra',
      'Gör om',
    ]) {
      await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
    }

    // The paste, as Chromium delivers one from Word: a ClipboardEvent with text/html.
    await editor(page).click();
    await editor(page).evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Ekonomiskt resultat');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_HTML);
    await expectWordContent(page);

    // Ctrl+Z takes the paste back, Ctrl+Shift+Z brings it again.
    await page.keyboard.press('Control+z');
    await expect(editor(page).getByRole('heading')).toHaveCount(0);
    await expect(editor(page)).not.toContainText('Ekonomiskt resultat');
    await page.keyboard.press('Control+Shift+z');
    await expectWordContent(page);

    // Not in a heading: the editor says where footnotes can stand.
    await editor(page).getByRole('heading', { name: 'Ekonomiskt resultat' }).click();
    await page.keyboard.press('End');
    await toolbar.getByRole('button', { name: 'Fotnot' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'fotnoter kan stå i stycken och listor' })).toBeVisible();

    // A footnote on the word before the caret (Ctrl+Alt+F), its text asked for.
    await editor(page)
      .getByText(/vilket är bättre än budget/)
      .click();
    await page.keyboard.press('End');
    page.once('dialog', (dialog) => void dialog.accept(NOTE));
    await page.keyboard.press('Control+Alt+f');
    await expect(page.getByRole('list', { name: 'Fotnoter' }).getByRole('listitem')).toHaveText([NOTE, WORD_NOTE]);
    await expect(editor(page).locator('[data-footnote]')).toHaveText(['budget.', 'öppnat']);
    // Typing on after it does not grow the footnote; inside it, the button shows it pressed.
    await expect(toolbar.getByRole('button', { name: 'Fotnot' })).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('ArrowLeft');
    await expect(toolbar.getByRole('button', { name: 'Fotnot' })).toHaveAttribute('aria-pressed', 'true');
    await expectSaved(page);
    await expectNoAxeViolations(page);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(SECTION) })).toBeVisible();
    await expectWordContent(page);
    await expect(page.getByRole('list', { name: 'Fotnoter' }).getByRole('listitem')).toHaveText([NOTE, WORD_NOTE]);
    await expect(editor(page).locator('[data-footnote]')).toHaveText(['budget.', 'öppnat']);
    await context.close();
  });

  test('the server decides what is stored: it strips unsafe links and unknown parts, refuses a too long footnote', async () => {
    const { api, xsrf } = await apiAs(UNIT_HEAD);
    const tasks = (
      (await (await api.get('/api/tasks/mine')).json()) as {
        tasks: Array<{ id: string; cycleTitle: string; sectionTitle: string; unitName: string }>;
      }
    ).tasks;
    const task = tasks.find((t) => t.cycleTitle === CYCLE_TITLE && t.sectionTitle === SECTION && t.unitName === UNIT);
    expect(task).toBeDefined();
    const url = `/api/tasks/${task?.id}`;
    const current = (await (await api.get(url)).json()) as { version: number; content: unknown };

    const tooLong = await api.put(`${url}/content`, {
      headers: await xsrf(),
      data: {
        version: current.version,
        content: {
          type: 'doc',
          version: 1,
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'x', marks: [{ type: 'footnote', note: 'n'.repeat(2001) }] }],
            },
          ],
        },
      },
    });
    expect(tooLong.status()).toBe(400);
    expect(await tooLong.text()).toContain('En fotnot är för lång');
    expect(((await (await api.get(url)).json()) as { content: unknown }).content).toEqual(current.content);

    const unsafe = await api.put(`${url}/content`, {
      headers: await xsrf(),
      data: {
        version: current.version,
        content: {
          type: 'doc',
          version: 1,
          content: [
            {
              type: 'paragraph',
              style: 'color:red',
              content: [
                {
                  type: 'text',
                  text: '<b>klicka</b>',
                  marks: [
                    { type: 'link', href: 'javascript:alert(1)' },
                    { type: 'font', family: 'Calibri' },
                  ],
                },
              ],
            },
            { type: 'html', html: '<script>alert(1)</script>' },
          ],
        },
      },
    });
    expect(unsafe.status(), await unsafe.text()).toBe(200);
    const removed = ((await unsafe.json()) as { removed: string[] }).removed;
    expect(removed).toEqual(
      expect.arrayContaining([
        'Okänd blocktyp "html" togs bort.',
        'Okänd formatering "font" togs bort.',
        'Okänd egenskap "style" i ett stycke togs bort.',
      ]),
    );
    const stored = ((await (await api.get(url)).json()) as { content: { content: unknown[] } }).content;
    expect(stored.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: '<b>klicka</b>' }] }]);
    await api.dispose();
  });
});
