import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APIRequestContext, expect, Locator, Page, test } from '@playwright/test';
import { apiAs, changedCells, expectNoAxeViolations, expectSaved, openCycle, personPage, taskState as state } from './support';

// Every structured section kind but economy (economy.e2e.ts) through the browser, in Nacka's
// Tertialbokslut 2: the person who writes it fills it in with the keyboard (figures from the
// reference reports), sees the domain's check at the field, submits; the economist reviews the
// changed cells and approves. Last year's cycle is approved through the API first, so its sick
// leave and action plan appear beside this year's without retyping.

const SECRETARY = 'birgitta.sandberg@nacka.example.se';
const UNIT_HEAD = 'camilla.oberg@nacka.example.se';
const ECONOMIST = 'anders.nilsson@nacka.example.se';
const EARLIER_YEAR = 2034;
const YEAR = 2035;
const CYCLE_TITLE = `Tertialbokslut 2 ${YEAR}`;
const UNIT = 'Barn och familjeenheten';
const COMMITTEE_LEVEL = 'Nämndnivå';

const reference = (file: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures/reference', file), 'utf8'));

/** Barn och familjeenheten's sick leave (reference 000): T2 2020 stands for last year, T2 2021 for this one. */
const SICK_LEAVE = reference('000-sick-leave-barn-och-familjeenheten.json') as { rows: Array<{ period: string; values: number[] }> };
const [LAST_TOTAL, LAST_SHORT, LAST_LONG] = SICK_LEAVE.rows.find((r) => r.period === 'T2 2020')?.values ?? [];
const [TOTAL, SHORT, LONG] = SICK_LEAVE.rows.find((r) => r.period === 'T2 2021')?.values ?? [];
const ACTIONS = (reference('004-action-plan.json') as { rows: Array<{ action: string; comment: string }> }).rows;
const CONTROL = (reference('003-internal-control.json') as {
  rows: Array<{ group: string; kontrollomrade: string; kontrollmal: string; ansvarig: string; metod: string; frekvens: string; results: Array<{ reportedTo: string; result: string }> }>;
}).rows[0];
const RISK = (reference('003-risks-omvarldsrisker.json') as { rows: Array<{ risk: string; orsak: string; paverkan: string; hantering: string }> }).rows[1];
const GOALS = (reference('000-goals.json') as { tables: Array<{ goal: string; rows: Array<{ indicator: string; values: number[]; comment: string }> }> }).tables[0];

/** A percentage the Swedish way with two decimals (Nacka's sick leave): 2.17 → `2,17`. */
const pct = (value: number) => value.toFixed(2).replace('.', ',');

interface TaskItem {
  id: string;
  cycleTitle: string;
  sectionTitle: string;
  unitName: string;
  version: number;
  state: string;
}

/** A task of a cycle as one person sees it in "Mina uppgifter" or the review queue. */
async function findTask(api: APIRequestContext, cycleTitle: string, section: string, unit: string): Promise<TaskItem | undefined> {
  const response = await api.get('/api/tasks/mine');
  expect(response.status()).toBe(200);
  const tasks = ((await response.json()) as { tasks: TaskItem[] }).tasks;
  return tasks.find((t) => t.cycleTitle === cycleTitle && t.sectionTitle === section && t.unitName === unit);
}

/** Last year's figures, written, submitted and approved through the API (as last year's people did). */
async function approveThroughApi(section: string, content: unknown): Promise<void> {
  const camilla = await apiAs(UNIT_HEAD);
  // Not among her open tasks: approved already (the hook runs again after a failed test).
  const task = await findTask(camilla.api, `Tertialbokslut 2 ${EARLIER_YEAR}`, section, UNIT);
  if (task && task.state !== 'approved') {
    const full = (await (await camilla.api.get(`/api/tasks/${task.id}`)).json()) as TaskItem;
    const saved = await camilla.api.put(`/api/tasks/${task.id}/content`, { headers: await camilla.xsrf(), data: { version: full.version, content } });
    expect(saved.status(), await saved.text()).toBe(200);
    const { version } = (await saved.json()) as { version: number };
    const submitted = await camilla.api.post(`/api/tasks/${task.id}/transitions`, { headers: await camilla.xsrf(), data: { transition: 'submit', version } });
    expect(submitted.status(), await submitted.text()).toBe(201);
    const anders = await apiAs(ECONOMIST);
    const approved = await anders.api.post(`/api/tasks/${task.id}/transitions`, {
      headers: await anders.xsrf(),
      data: { transition: 'approve', version: ((await submitted.json()) as TaskItem).version },
    });
    expect(approved.status(), await approved.text()).toBe(201);
    await anders.api.dispose();
  }
  await camilla.api.dispose();
}

async function openTask(page: Page, list: 'Mina uppgifter' | 'Att granska', section: string, unit: string): Promise<void> {
  await page.getByRole('link', { name: list }).click();
  await expect(page.getByRole('heading', { level: 1, name: list })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: CYCLE_TITLE }).filter({ hasText: unit }).filter({ hasText: section });
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: new RegExp(section) }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(section) })).toBeVisible();
}

/** A field's message (what aria-describedby points at). */
async function expectFieldMessage(page: Page, field: Locator, text: string | RegExp): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await field.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText(text);
}

/** Replaces a field's text by typing, as a person does (select all, type). */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function submit(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lämna in' }).click();
  await expect(state(page)).toHaveText('Inlämnad');
}

/** The economist opens the submitted section, sees its changed cells and approves it. */
async function approveInBrowser(page: Page, section: string, unit: string, expectCells: (cells: string[][]) => void): Promise<void> {
  await openTask(page, 'Att granska', section, unit);
  expectCells(await changedCells(page));
  await expect(page.getByRole('region', { name: 'Tabell' }).getByRole('textbox')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Godkänn' }).click();
  await expect(state(page)).toHaveText('Godkänd');
}

test.describe('structured sections through write, review and approval', () => {
  test.beforeAll(async () => {
    test.setTimeout(60_000);
    await openCycle(SECRETARY, 'Tertialbokslut 2', EARLIER_YEAR, `SN.${EARLIER_YEAR}.73`);
    await approveThroughApi('Sjukfrånvaro', { type: 'sick_leave', values: { total: LAST_TOTAL, shortTerm: LAST_SHORT, longTerm: LAST_LONG } });
    await approveThroughApi('Åtgärdsplan', {
      type: 'action_plan',
      rows: [
        { key: 'placeringar', action: ACTIONS[0].action.trim(), area: '', years: '2020 - 2021', status: 'started' },
        { key: 'stodboende', action: ACTIONS[1].action.trim(), area: '', years: '2020', status: 'done' },
      ],
    });
    // This year's cycle opens after last year's is approved: the unfinished action comes along.
    await openCycle(SECRETARY, 'Tertialbokslut 2', YEAR, `SN.${YEAR}.73`);
  });

  test('sick leave: figures typed with the keyboard, checked live, beside last year; returned, changed, approved', async ({ browser }) => {
    test.setTimeout(150_000);
    const camilla = await personPage(browser, UNIT_HEAD);
    const anders = await personPage(browser, ECONOMIST);
    let page = camilla.page;
    await openTask(page, 'Mina uppgifter', 'Sjukfrånvaro', UNIT);

    // Last year's approved figures are in the trend, not retyped.
    const trend = page.getByRole('table', { name: 'Sjukfrånvaro i procent av arbetad tid' });
    const periods = trend.getByRole('columnheader');
    await expect(periods.first()).toHaveText('Mått');
    await expect(periods.nth(-2)).toHaveText(`T2 ${EARLIER_YEAR}`);
    await expect(periods.last()).toHaveText(`T2 ${YEAR}`);
    await expect(trend.getByRole('row').filter({ hasText: 'Total sjukfrånvaro' })).toContainText(`${pct(LAST_TOTAL)} %`);
    await expect(page.getByRole('img', { name: /Linjediagram över sjukfrånvaron/ })).toBeVisible();

    const total = page.getByRole('textbox', { name: 'Total sjukfrånvaro (%)' });
    const short = page.getByRole('textbox', { name: 'Kort sjukfrånvaro (≤59 dagar) (%)' });
    const long = page.getByRole('textbox', { name: 'Lång sjukfrånvaro (≥60 dagar) (%)' });

    // 104 % is impossible: the message is at the field at once.
    await typeInto(page, total, '104');
    await expectFieldMessage(page, total, 'kan inte vara över 100 %');
    // Short + long above the total is flagged too (Enter moves down the measures).
    await typeInto(page, total, pct(TOTAL));
    await page.keyboard.press('Enter');
    await expect(short).toBeFocused();
    await page.keyboard.type('3,50');
    await page.keyboard.press('Enter');
    await expect(long).toBeFocused();
    await page.keyboard.type(pct(LONG));
    await expectFieldMessage(page, total, 'mer än total sjukfrånvaro');
    await expect(page.getByRole('alert').filter({ hasText: 'mer än total sjukfrånvaro' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /Inte sparat/ })).toBeVisible({ timeout: 10_000 });
    await expectNoAxeViolations(page);

    await typeInto(page, short, pct(SHORT));
    await page.keyboard.press('Tab');
    await expect(total).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('textbox', { name: 'Kommentar till sjukfrånvaron', exact: true }).fill('Sjukfrånvaron har minskat jämfört med samma period förra året.');
    await expectSaved(page);
    await expect(trend.getByRole('row').filter({ hasText: 'Total sjukfrånvaro' })).toContainText(`${pct(TOTAL)} %`);
    await expectNoAxeViolations(page);
    await submit(page);
    await expect(page.getByRole('textbox', { name: 'Total sjukfrånvaro (%)' })).toHaveCount(0);

    // Anders sees every figure of the first round and returns it.
    page = anders.page;
    await openTask(page, 'Att granska', 'Sjukfrånvaro', UNIT);
    await expect(page.getByRole('heading', { name: 'Första inlämningen' })).toBeVisible();
    expect(await changedCells(page)).toContainEqual(['Total sjukfrånvaro', 'Andel (%)', '–', pct(TOTAL)]);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Återremittera' }).click();
    await page.getByLabel('Kommentar till enheten').fill('Långtidssjukfrånvaron ska vara 0,61 enligt personalsystemet.');
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await expect(state(page)).toHaveText('Återremitterad');

    // Camilla changes that one figure and submits again.
    page = camilla.page;
    await page.reload();
    await page.getByRole('button', { name: 'Fortsätt skriva' }).click();
    await expect(state(page)).toHaveText('Utkast');
    await typeInto(page, page.getByRole('textbox', { name: 'Lång sjukfrånvaro (≥60 dagar) (%)' }), '0,61');
    await page.keyboard.press('Tab');
    await expectSaved(page);
    await submit(page);

    // Anders sees exactly that cell, old and new, and approves.
    await approveInBrowser(anders.page, 'Sjukfrånvaro', UNIT, (cells) =>
      expect(cells).toEqual([['Lång sjukfrånvaro (≥60 dagar)', 'Andel (%)', pct(LONG), '0,61']]),
    );
    await expect(anders.page.getByRole('heading', { name: 'Ändringar sedan inlämning 1' })).toBeVisible();

    await camilla.context.close();
    await anders.context.close();
  });

  test('action plan: last year’s open action carried forward, statuses updated, a row added; approved', async ({ browser }) => {
    test.setTimeout(120_000);
    const camilla = await personPage(browser, UNIT_HEAD);
    const anders = await personPage(browser, ECONOMIST);
    const page = camilla.page;
    await openTask(page, 'Mina uppgifter', 'Åtgärdsplan', UNIT);

    // The action not done last year is here for a status update; the done one is not.
    const plan = page.getByRole('table', { name: /Åtgärdsplan$/ });
    await expect(plan.getByRole('textbox', { name: 'Åtgärd, rad 1' })).toHaveValue(ACTIONS[0].action.trim());
    await expect(plan.getByRole('textbox', { name: 'Åtgärd, rad 2' })).toHaveCount(0);
    await plan.getByRole('combobox', { name: 'Status, rad 1' }).selectOption({ label: 'Genomfört' });
    await plan.getByRole('textbox', { name: 'Kommentar, rad 1' }).fill(ACTIONS[0].comment.slice(0, 180).trim());

    // The åtgärd is long-form text: a textarea that grows with its lines (Enter is a new line there).
    const first = plan.getByRole('textbox', { name: 'Åtgärd, rad 1' });
    await expect(first).toHaveJSProperty('tagName', 'TEXTAREA');
    await first.fill('Första raden');
    const shortHeight = (await first.boundingBox())?.height ?? 0;
    await first.press('End');
    for (const line of ['Andra raden', 'Tredje raden', 'Fjärde raden']) {
      await first.press('Enter');
      await first.pressSequentially(line);
    }
    await expect(first).toHaveValue('Första raden\nAndra raden\nTredje raden\nFjärde raden');
    await expect.poll(async () => (await first.boundingBox())?.height ?? 0).toBeGreaterThan(shortHeight + 30);
    await first.fill(ACTIONS[0].action.trim());

    // A new row by the keyboard; years in the wrong order are refused at the field.
    await page.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const action = plan.getByRole('textbox', { name: 'Åtgärd, rad 2' });
    await expect(action).toBeFocused();
    await page.keyboard.type(ACTIONS[2].action.trim().slice(0, 150));
    await page.keyboard.press('Tab');
    await page.keyboard.type('SOV');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2022 - 2021');
    const years = plan.getByRole('textbox', { name: 'År, rad 2' });
    await expectFieldMessage(page, years, 'startåret kan inte vara efter slutåret');
    await typeInto(page, years, '2021 - 2022');
    await expect(years).not.toHaveAttribute('aria-invalid', 'true');
    await plan.getByRole('combobox', { name: 'Status, rad 2' }).selectOption({ label: 'Påbörjat' });
    await expectSaved(page);

    // Each action's status over the cycles.
    const history = page.getByRole('table', { name: 'Status över tid' });
    await expect(history.getByRole('columnheader').nth(-2)).toHaveText(`T2 ${EARLIER_YEAR}`);
    await expect(history.getByRole('columnheader').last()).toHaveText(`T2 ${YEAR}`);
    const carried = history.getByRole('row').filter({ hasText: ACTIONS[0].action.trim().slice(0, 40) });
    await expect(carried.getByRole('cell').nth(-2)).toHaveText('Påbörjat');
    await expect(carried.getByRole('cell').last()).toHaveText('Genomfört');
    await expectNoAxeViolations(page);
    await submit(page);

    await approveInBrowser(anders.page, 'Åtgärdsplan', UNIT, (cells) => {
      expect(cells).toContainEqual([expect.stringContaining('Ökat fokus'), 'Status', '–', 'Genomfört']);
      expect(cells).toContainEqual([expect.stringContaining('Genomgång av barn'), 'År', '–', '2021 - 2022']);
    });
    await camilla.context.close();
    await anders.context.close();
  });

  test('internal control: plan row with result and comment, a risk table; the check asks for the comment', async ({ browser }) => {
    test.setTimeout(120_000);
    const birgitta = await personPage(browser, SECRETARY);
    const anders = await personPage(browser, ECONOMIST);
    const page = birgitta.page;
    await openTask(page, 'Mina uppgifter', 'Intern kontrollplan', COMMITTEE_LEVEL);

    // The plan starts from the nämnd's last approved one (carried forward): the new control follows its rows.
    const plan = page.getByRole('table', { name: /kontrollplan$/ });
    await expect(page.getByRole('button', { name: 'Lägg till kontroll' })).toBeVisible();
    const carried = await page.getByRole('textbox', { name: /^Rubrik, kontroll \d+$/ }).count();
    expect(carried, 'controls carried forward from the demo history').toBeGreaterThan(0);
    const n = carried + 1;
    // A carried control's result is cleared: this period's result is given before submitting.
    for (let i = 1; i <= carried; i++) {
      await plan.getByRole('combobox', { name: `Resultat, kontroll ${i}` }).selectOption({ label: 'Genomfört enligt plan' });
    }
    await page.getByRole('button', { name: 'Lägg till kontroll' }).click();
    await expect(plan.getByRole('textbox', { name: `Rubrik, kontroll ${n}` })).toBeFocused();
    // Across the row with Tab, as in a spreadsheet.
    for (const text of [CONTROL.group, CONTROL.kontrollomrade, CONTROL.kontrollmal, CONTROL.ansvarig, CONTROL.metod, CONTROL.frekvens, CONTROL.results[0].reportedTo]) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    await expect(plan.getByRole('combobox', { name: `Resultat, kontroll ${n}` })).toBeFocused();
    await plan.getByRole('combobox', { name: `Resultat, kontroll ${n}` }).selectOption({ label: 'Avvikelse' });
    const comment = plan.getByRole('textbox', { name: `Kommentar, kontroll ${n}` });
    await expectFieldMessage(page, comment, 'vid Avvikelse ska kommentaren beskriva avvikelsen');
    await comment.fill(CONTROL.results[0].result);
    await expect(comment).not.toHaveAttribute('aria-invalid', 'true');

    await page.getByRole('button', { name: 'Lägg till risktabell' }).click();
    await expect(page.getByRole('textbox', { name: 'Rubrik för risktabell 1' })).toBeFocused();
    await page.keyboard.type('Omvärldsrisker');
    await page.getByRole('button', { name: 'Lägg till risk i risktabell 1' }).click();
    const risks = page.getByRole('table', { name: 'Omvärldsrisker' });
    await expect(risks.getByRole('textbox', { name: 'Rubrik, risk 1' })).toBeFocused();
    await page.keyboard.press('Tab');
    for (const text of [RISK.risk, RISK.orsak, RISK.paverkan, RISK.hantering]) {
      await page.keyboard.type(text);
      await page.keyboard.press('Tab');
    }
    await risks.getByRole('combobox', { name: 'Status, risk 1' }).selectOption({ label: 'Ej aktuell risk' });
    await expectSaved(page);
    await expectNoAxeViolations(page);
    await submit(page);

    await approveInBrowser(anders.page, 'Intern kontrollplan', COMMITTEE_LEVEL, (cells) => {
      expect(cells).toContainEqual(['Ekonomistyrning', 'Resultat', '–', 'Avvikelse']);
      expect(cells).toContainEqual([expect.stringContaining('Omvärldsrisker › Medborgare'), 'Status', '–', 'Ej aktuell risk']);
    });
    await birgitta.context.close();
    await anders.context.close();
  });

  test('goals: a nämnd goal with an indicator, måluppfyllelse computed, assessment as text; approved', async ({ browser }) => {
    test.setTimeout(120_000);
    const birgitta = await personPage(browser, SECRETARY);
    const anders = await personPage(browser, ECONOMIST);
    const page = birgitta.page;
    const indicator = GOALS.rows[0];
    const [previous, value, target] = indicator.values;
    await openTask(page, 'Mina uppgifter', 'Maximalt värde för skattepengarna', COMMITTEE_LEVEL);

    await page.getByRole('button', { name: 'Lägg till kommunfullmäktiges mål' }).click();
    await expect(page.getByRole('textbox', { name: 'Kommunfullmäktiges mål 1', exact: true })).toBeFocused();
    await page.keyboard.type('Bästa utveckling för alla');
    await page.getByRole('button', { name: 'Lägg till nämndmål under mål 1' }).click();
    await expect(page.getByRole('textbox', { name: 'Nämndmål 1.1', exact: true })).toBeFocused();
    await page.keyboard.type(GOALS.goal);
    await page.getByRole('button', { name: 'Lägg till indikator under nämndmål 1.1' }).click();
    const indicators = page.getByRole('table', { name: 'Indikatorer för nämndmål 1.1' });
    await expect(indicators.getByRole('textbox', { name: 'Indikator, indikator 1' })).toBeFocused();
    await page.keyboard.type(indicator.indicator);
    await page.keyboard.press('Tab'); // Enhet: %
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(previous));
    await page.keyboard.press('Tab');
    await page.keyboard.type('104');
    const current = indicators.getByRole('textbox', { name: /^Utfall \d{4}, indikator 1$|^Utfall, indikator 1$/ });
    await expectFieldMessage(page, current, 'ingen andel');
    await typeInto(page, current, String(value));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(target));
    await page.keyboard.press('Tab');
    // Måluppfyllelse is computed: 90 / 85 → 106 %, as printed in the reference.
    await expect(indicators.getByRole('row').nth(1).getByRole('cell').filter({ hasText: /^\s*\d+\s%\s*$/ })).toHaveText(/106\s%/);
    await indicators.getByRole('combobox', { name: 'Bedömning, indikator 1' }).selectOption({ label: 'Uppnås' });
    await indicators.getByRole('textbox', { name: 'Källa, indikator 1' }).fill('Egen mätning');
    await page.getByLabel('Bedömning av nämndmål 1.1').selectOption({ label: 'Delvis' });
    await expectSaved(page);
    await expectNoAxeViolations(page);
    await submit(page);

    // Read-only, the assessment is text (the colour only adds to it).
    await expect(page.getByRole('table', { name: 'Indikatorer för nämndmål 1.1' }).getByRole('row').nth(1)).toContainText('Uppnås');
    await approveInBrowser(anders.page, 'Maximalt värde för skattepengarna', COMMITTEE_LEVEL, (cells) => {
      expect(cells).toContainEqual([expect.stringContaining('Andel kvinnor och män'), expect.stringMatching(/^Måluppfyllelse/), '–', '105,9']);
      expect(cells).toContainEqual([expect.stringContaining('Barn och vuxna'), 'Bedömning', '–', 'Delvis']);
    });
    await birgitta.context.close();
    await anders.context.close();
  });

  test('table: investments typed and summed live, text in a number column refused; approved', async ({ browser }) => {
    test.setTimeout(120_000);
    const birgitta = await personPage(browser, SECRETARY);
    const anders = await personPage(browser, ECONOMIST);
    const page = birgitta.page;
    await openTask(page, 'Mina uppgifter', 'Investeringar', COMMITTEE_LEVEL);
    const table = page.getByRole('table', { name: /Investeringar$/ });
    await expect(table.getByRole('columnheader')).toHaveText(['Rad', 'Projekt', 'Budget tkr', 'Utfall tkr', 'Prognos tkr', 'Kommentar', 'Åtgärder']);

    await page.getByRole('button', { name: 'Lägg till rad' }).click();
    await expect(table.getByRole('textbox', { name: 'Projekt, rad 1' })).toBeFocused();
    await page.keyboard.type('Verksamhetssystem');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2500');
    await page.keyboard.press('Tab');
    await page.keyboard.type('tusen');
    const outcome = table.getByRole('textbox', { name: 'Utfall tkr, rad 1' });
    await expectFieldMessage(page, outcome, 'kolumnen tar bara tal');
    await typeInto(page, outcome, '1 200');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2500');
    await page.getByRole('button', { name: 'Lägg till rad' }).click();
    await page.keyboard.type('Inventarier');
    await page.keyboard.press('Tab');
    await page.keyboard.type('800');
    await page.keyboard.press('Tab');
    await page.keyboard.type('350');
    await page.keyboard.press('Tab');
    await page.keyboard.type('700');
    await page.keyboard.press('Tab');
    const total = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Summa investeringar' }) });
    await expect(total.getByRole('cell').nth(1)).toHaveText(/3\s300/);
    await expect(total.getByRole('cell').nth(2)).toHaveText(/1\s550/);
    await expect(total.getByRole('cell').nth(3)).toHaveText(/3\s200/);
    await expectSaved(page);
    await expectNoAxeViolations(page);
    await submit(page);

    await approveInBrowser(anders.page, 'Investeringar', COMMITTEE_LEVEL, (cells) => {
      expect(cells).toContainEqual(['Verksamhetssystem', 'Budget tkr', '–', '2 500']);
      expect(cells).toContainEqual(['Summa investeringar', 'Utfall tkr', '–', '1 550']);
    });
    // Approved: the person who wrote it sees the table without inputs.
    await page.reload();
    await expect(state(page)).toHaveText('Godkänd');
    await expect(page.getByRole('table', { name: /Investeringar$/ }).getByRole('textbox')).toHaveCount(0);
    await birgitta.context.close();
    await anders.context.close();
  });
});
