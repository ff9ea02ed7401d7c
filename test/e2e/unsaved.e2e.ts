import { APIRequestContext, Dialog, expect, Page, test } from '@playwright/test';
import { ADMIN, apiAs, cycleDates, openCycle, personPage } from './support';

// Work is not lost on navigation: rows typed in a structured section and the link to
// "Mina uppgifter" clicked at once are saved (or the browser asks first), and proposals typed in
// the tjänsteskrivelse survive "Tillbaka till översikten" without Spara (autosaved).
// Cycle year 2049 (used by no other browser test).

const NACKA_SECRETARY = 'birgitta.sandberg@nacka.example.se';
const UNIT_HEAD = 'camilla.oberg@nacka.example.se';
const GNESTA_SECRETARY = 'maria.holm@gnesta.example.se';
const YEAR = 2049;
const CYCLE_TITLE = `Tertialbokslut 2 ${YEAR}`;
const UNIT = 'Barn och familjeenheten';
const MEMO_TEMPLATE = 'Tjänsteskrivelse e2e';
const QUESTION = 'Det finns ändringar som inte är sparade. Lämna sidan ändå?';

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

async function openTask(page: Page, section: string): Promise<void> {
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mina uppgifter' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: CYCLE_TITLE }).filter({ hasText: UNIT }).filter({ hasText: section });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: new RegExp(section) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(section) })).toBeVisible();
}

test('rows typed in the action plan and Mina uppgifter clicked at once: saved, or the browser asks first', async ({ browser }) => {
  test.setTimeout(120_000);
  await openCycle(NACKA_SECRETARY, 'Tertialbokslut 2', YEAR, `SN.${YEAR}.73`);
  const camilla = await personPage(browser, UNIT_HEAD);
  const page = camilla.page;
  await openTask(page, 'Åtgärdsplan');
  const plan = page.getByRole('table', { name: /Åtgärdsplan$/ });
  const actions = ['Införa digital tidrapportering i hela enheten.', 'Utbilda alla chefer i arbetsmiljöarbete.'];
  // Rows carried forward from an earlier year come first: the new ones follow them.
  await expect(page.getByRole('button', { name: 'Lägg till åtgärd' })).toBeVisible();
  const first = (await plan.getByRole('textbox', { name: /^Åtgärd, rad \d+$/ }).count()) + 1;
  for (const [index, text] of actions.entries()) {
    await page.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const field = plan.getByRole('textbox', { name: `Åtgärd, rad ${first + index}` });
    await expect(field).toBeFocused();
    await page.keyboard.type(text);
  }

  // Straight to Mina uppgifter, before the autosave's pause has passed.
  const asked: string[] = [];
  page.on('dialog', (dialog: Dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  const list = page.getByRole('heading', { level: 1, name: 'Mina uppgifter' });
  await expect.poll(async () => asked.length > 0 || (await list.isVisible())).toBe(true);

  if (asked.length > 0) {
    // Not saved: the person was asked in Swedish, said no, and is still on the page with the rows.
    expect(asked).toEqual([QUESTION]);
    await expect(page.getByRole('heading', { level: 1, name: /Åtgärdsplan/ })).toBeVisible();
    for (const [index, text] of actions.entries()) {
      await expect(plan.getByRole('textbox', { name: `Åtgärd, rad ${first + index}` })).toHaveValue(text);
    }
  } else {
    // Saved on the way out: the task opened again holds both rows.
    await openTask(page, 'Åtgärdsplan');
    for (const [index, text] of actions.entries()) {
      await expect(plan.getByRole('textbox', { name: `Åtgärd, rad ${first + index}` })).toHaveValue(text);
    }
  }
  await camilla.context.close();
});

test('two proposals typed in the tjänsteskrivelse are kept after Tillbaka till översikten (autosaved, no Spara)', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await apiAs(ADMIN);
  const { api, xsrf } = await apiAs(GNESTA_SECRETARY);
  const tree = await ok<{ committees: Array<{ id: string; name: string; municipality: string }> }>(await admin.api.get('/api/organisation'));
  const committeeId = tree.committees.find((c) => c.municipality.includes('Gnesta') && c.name === 'Socialnämnden')?.id;
  const created = await admin.api.post('/api/templates', {
    headers: await admin.xsrf(),
    data: {
      committeeId,
      name: MEMO_TEMPLATE,
      reportKind: 'interim_report',
      sections: [{ key: 'sammanfattning', parentKey: null, title: 'Sammanfattning', kind: 'narrative', responsibility: 'committee', reviewerRole: 'economist' }],
    },
  });
  expect([201, 409], await created.text()).toContain(created.status());
  const templates = await ok<{ templates: Array<{ id: string; name: string }> }>(await api.get('/api/templates'));
  const templateId = templates.templates.find((t) => t.name === MEMO_TEMPLATE)?.id;
  const opened = await api.post('/api/cycles', { headers: await xsrf(), data: { templateId, year: YEAR, diaryNumber: `SN.${YEAR}.74`, ...cycleDates(YEAR) } });
  expect([201, 409], await opened.text()).toContain(opened.status());
  const cycles = await ok<{ cycles: Array<{ id: string; title: string; committeeName: string }> }>(await api.get('/api/cycles'));
  const cycleId = cycles.cycles.find((c) => c.title === `${MEMO_TEMPLATE} ${YEAR}` && c.committeeName.includes('Gnesta'))?.id ?? '';
  expect(cycleId).not.toBe('');
  await Promise.all([admin.api.dispose(), api.dispose()]);

  const maria = await personPage(browser, GNESTA_SECRETARY);
  const page = maria.page;
  await page.goto(`/cykler/${cycleId}/tjansteskrivelse`);
  await expect(page.getByText('Status: Ej påbörjad')).toBeVisible();
  const proposals = ['Nämnden ger förvaltningen i uppdrag att se över bemanningen.', 'Nämnden överlämnar rapporten till kommunstyrelsen.'];
  for (const [index, text] of proposals.entries()) {
    await page.getByRole('button', { name: 'Lägg till förslag' }).click();
    const field = page.getByRole('textbox', { name: `Förslag ${index + 2}`, exact: true });
    await expect(field).toBeFocused();
    await page.keyboard.type(text);
  }
  // Not a click on Spara: straight back to the overview.
  await page.getByRole('link', { name: 'Tillbaka till översikten' }).click();
  await expect(page).toHaveTitle('Översikt – Rapportflöde');
  await page.getByRole('link', { name: 'Tjänsteskrivelse' }).click();
  await expect(page).toHaveTitle('Tjänsteskrivelse – Rapportflöde');
  for (const [index, text] of proposals.entries()) {
    await expect(page.getByRole('textbox', { name: `Förslag ${index + 2}`, exact: true })).toHaveValue(text);
  }
  await maria.context.close();
});

test('a row the check refuses cannot be saved: leaving asks in Swedish, and closing the tab asks too', async ({ browser }) => {
  test.setTimeout(120_000);
  await openCycle(NACKA_SECRETARY, 'Tertialbokslut 2', YEAR, `SN.${YEAR}.73`);
  const camilla = await personPage(browser, UNIT_HEAD);
  const page = camilla.page;
  await openTask(page, 'Åtgärdsplan');
  const plan = page.getByRole('table', { name: /Åtgärdsplan$/ });
  await expect(page.getByRole('button', { name: 'Lägg till åtgärd' })).toBeVisible();
  const row = (await plan.getByRole('textbox', { name: /^Åtgärd, rad \d+$/ }).count()) + 1;
  await page.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  await expect(plan.getByRole('textbox', { name: `Åtgärd, rad ${row}` })).toBeFocused();
  await page.keyboard.type('Minska sjukfrånvaron med riktade insatser.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('SOV');
  await page.keyboard.press('Tab');
  // Years in the wrong order: the check refuses the row, so nothing can be saved.
  await page.keyboard.type('2022 - 2021');

  const asked: Array<{ type: string; message: string }> = [];
  page.on('dialog', (dialog: Dialog) => {
    asked.push({ type: dialog.type(), message: dialog.message() });
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Mina uppgifter' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toEqual({ type: 'confirm', message: QUESTION });
  // Dismissed: still on the task page, the row as typed.
  await expect(page.getByRole('heading', { level: 1, name: /Åtgärdsplan/ })).toBeVisible();
  await expect(page).toHaveTitle('Uppgift – Rapportflöde');
  await expect(plan.getByRole('textbox', { name: `Åtgärd, rad ${row}` })).toHaveValue('Minska sjukfrånvaron med riktade insatser.');

  // Closing the tab with the row unsaved: the browser's own leave question (beforeunload).
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked.map((a) => a.type)).toEqual(['confirm', 'beforeunload']);
  await camilla.context.close();
});
