import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { apiAs, cycleDates, expectNoAxeViolations, personPage, taskState } from './support';

// Comments on table rows, year 2052, on a small Nacka template: Camilla hands in her action plan
// and economy table; the förvaltningsekonom comments a row of the plan and a cell (Prognos) of the
// economy table on the submitted tasks and returns the economy table; Camilla sees each comment
// beside its row and in the comment list with the row (and column) it is about.

const YEAR = 2052;
const ADMIN = 'admin@rapportflode.example.se';
const SECRETARY = 'birgitta.sandberg@nacka.example.se';
const ECONOMIST = 'anders.nilsson@nacka.example.se';
const CAMILLA = 'camilla.oberg@nacka.example.se';
const TEMPLATE = 'Radkommentarer e2e';
const PLAN = 'Åtgärder';
const ECONOMY = 'Ekonomiskt resultat';
const FRESH = 'Prognos per verksamhet';

type Api = { api: APIRequestContext; xsrf: () => Promise<Record<string, string>> };

const plan = {
  type: 'action_plan',
  rows: [
    { key: 'a1', action: 'Minska andelen timanställda', area: '', years: String(YEAR), status: 'started' },
    { key: 'a2', action: 'Ny rutin för avvikelser', area: '', years: String(YEAR), status: 'not_started' },
  ],
};
const economy = {
  type: 'economy',
  rows: [
    { key: 'r1', label: 'Heldygnsvård', values: { income: 100, costs: -900, budget_income: 90, budget_costs: -800, annual_budget: -1600, forecast: -1700 } },
    { key: 'r2', label: 'Hemtjänst', values: { income: 50, costs: -400, budget_income: 50, budget_costs: -400, annual_budget: -700, forecast: -700 } },
  ],
};

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

/** The writer saves and submits the section (left as it is when an earlier attempt handed it in); its task id. */
async function handIn(writer: Api, cycleId: string, section: string, content: unknown): Promise<string> {
  const mine = await json<{ tasks: Array<{ id: string; cycleId: string; sectionTitle: string }> }>(await writer.api.get('/api/tasks/mine'));
  const item = mine.tasks.find((t) => t.cycleId === cycleId && t.sectionTitle === section);
  expect(item, `Camilla's task ${section}`).toBeDefined();
  const id = item?.id ?? '';
  const task = await json<{ version: number; state: string }>(await writer.api.get(`/api/tasks/${id}`));
  if (task.state === 'draft' || task.state === 'not_started') {
    const saved = await json<{ version: number }>(await writer.api.put(`/api/tasks/${id}/content`, { headers: await writer.xsrf(), data: { version: task.version, content } }));
    await json(await writer.api.post(`/api/tasks/${id}/transitions`, { headers: await writer.xsrf(), data: { transition: 'submit', version: saved.version } }));
  }
  return id;
}

/** A row of the table whose first cell names it. */
const row = (page: Page, table: string, name: string) =>
  page.getByRole('table', { name: new RegExp(table) }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });

test.describe('comments on table rows and cells', () => {
  let planId: string;
  let economyId: string;
  let freshId: string;

  test.beforeAll(async () => {
    const admin = await apiAs(ADMIN);
    const secretary = await apiAs(SECRETARY);
    const camilla = await apiAs(CAMILLA);
    const tree = await json<{ committees: Array<{ id: string; municipality: string }> }>(await admin.api.get('/api/organisation'));
    const committeeId = tree.committees.find((c) => c.municipality === 'Nacka kommun')?.id;
    const section = (key: string, title: string, kind: string) => ({ key, parentKey: null, title, kind, responsibility: 'all_units', reviewerRole: 'economist' });
    const created = await admin.api.post('/api/templates', {
      headers: await admin.xsrf(),
      data: { committeeId, name: TEMPLATE, reportKind: 'interim_report', sections: [section('plan', PLAN, 'action_plan'), section('ekonomi', ECONOMY, 'economy'), section('prognos', FRESH, 'economy')] },
    });
    expect([201, 409], await created.text()).toContain(created.status());
    const templates = await json<{ templates: Array<{ id: string; name: string }> }>(await secretary.api.get('/api/templates'));
    const templateId = templates.templates.find((t) => t.name === TEMPLATE)?.id;
    const opened = await secretary.api.post('/api/cycles', { headers: await secretary.xsrf(), data: { templateId, year: YEAR, diaryNumber: `SN.${YEAR}.73`, ...cycleDates(YEAR) } });
    expect([201, 409], await opened.text()).toContain(opened.status());
    const cycles = await json<{ cycles: Array<{ id: string; title: string }> }>(await secretary.api.get('/api/cycles'));
    const cycleId = cycles.cycles.find((c) => c.title === `${TEMPLATE} ${YEAR}`)?.id ?? '';
    expect(cycleId).not.toBe('');
    planId = await handIn(camilla, cycleId, PLAN, plan);
    economyId = await handIn(camilla, cycleId, ECONOMY, economy);
    const mine = await json<{ tasks: Array<{ id: string; cycleId: string; sectionTitle: string }> }>(await camilla.api.get('/api/tasks/mine'));
    freshId = mine.tasks.find((t) => t.cycleId === cycleId && t.sectionTitle === FRESH)?.id ?? '';
    expect(freshId).not.toBe('');
  });

  test('a new row is not marked until its field is left', async ({ browser }) => {
    test.setTimeout(120_000);
    const { page, context } = await personPage(browser, CAMILLA);
    await page.goto(`/uppgifter/${freshId}`);
    await page.getByRole('button', { name: 'Lägg till rad' }).click();
    const name = page.getByRole('textbox', { name: 'Namn på rad 1' });
    await expect(name).toBeFocused();
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Raden saknar namn.')).toHaveCount(0);
    await expect(page.getByText('Rätta det här innan tabellen kan sparas:')).toHaveCount(0);
    await expectNoAxeViolations(page);
    // Leaving the field: now the row's problem shows, at the field and in the list.
    await page.keyboard.press('Tab');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Raden saknar namn.').first()).toBeVisible();
    await expect(page.getByText('Rätta det här innan tabellen kan sparas:')).toBeVisible();
    // Named, the problem is gone.
    await name.fill('Hemtjänst');
    await expect(page.getByText('Raden saknar namn.')).toHaveCount(0);
    await context.close();
  });

  test('the economist comments a row and a cell of submitted tables; the unit head sees them beside the rows', async ({ browser }) => {
    test.setTimeout(180_000);
    const anders = await personPage(browser, ECONOMIST);
    let page = anders.page;

    // A row of the action plan.
    await page.goto(`/uppgifter/${planId}`);
    await expect(taskState(page)).toHaveText('Inlämnad', { timeout: 20_000 });
    const second = row(page, PLAN, '^2');
    await second.getByRole('button', { name: 'Kommentera raden Ny rutin för avvikelser' }).click();
    const planRegion = page.getByRole('group', { name: 'Kommentarer på raden Ny rutin för avvikelser' });
    await expect(page.getByLabel('Kommentar till raden Ny rutin för avvikelser')).toBeFocused();
    await page.getByLabel('Kommentar till raden Ny rutin för avvikelser').fill('Vem ansvarar för rutinen?');
    await expectNoAxeViolations(page);
    const posted = page.waitForResponse((r) => r.url().includes(`/api/tasks/${planId}/comments`) && r.request().method() === 'POST');
    await planRegion.getByRole('button', { name: 'Lägg till kommentar' }).click();
    expect((await posted).status()).toBe(201);
    await expect(planRegion.getByText('Vem ansvarar för rutinen?')).toBeVisible();
    await expect(second.getByRole('link', { name: /1 kommentar på raden Ny rutin för avvikelser/ })).toBeVisible();
    // Nothing beside the row that has no comment.
    await expect(page.getByRole('group', { name: 'Kommentarer på raden Minska andelen timanställda' })).toHaveCount(0);
    const list = page.getByRole('region', { name: 'Kommentarer', exact: true });
    await expect(list.getByRole('article').filter({ hasText: 'Vem ansvarar för rutinen?' })).toContainText('Gäller rad: Ny rutin för avvikelser');

    // A cell of the economy table (Prognos of Heldygnsvård), then the table goes back to the unit.
    await page.goto(`/uppgifter/${economyId}`);
    await expect(taskState(page)).toHaveText('Inlämnad', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Kommentera raden Heldygnsvård' }).click();
    const cellRegion = page.getByRole('group', { name: 'Kommentarer på raden Heldygnsvård' });
    await cellRegion.getByLabel('Kommentar till raden Heldygnsvård').fill('Prognosen avviker från budgeten, förklara varför.');
    await cellRegion.getByLabel('Gäller kolumn (valfritt)').selectOption({ label: 'Prognos' });
    await cellRegion.getByRole('button', { name: 'Lägg till kommentar' }).click();
    await expect(cellRegion.getByText('Prognosen avviker från budgeten, förklara varför.')).toBeVisible();
    await expect(cellRegion).toContainText('Kolumn: Prognos');
    await expect(page.getByRole('status').filter({ hasText: 'Kommentaren är tillagd.' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Återremittera' }).click();
    await page.getByLabel('Kommentar till enheten').fill('Se kommentaren på raden Heldygnsvård.');
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await expect(taskState(page)).toHaveText('Återremitterad');
    await anders.context.close();

    // Camilla sees the comment beside the row it is about, with its column, and in the list.
    const camilla = await personPage(browser, CAMILLA);
    page = camilla.page;
    await page.goto(`/uppgifter/${economyId}`);
    await expect(taskState(page)).toHaveText('Återremitterad', { timeout: 20_000 });
    const beside = page.getByRole('group', { name: 'Kommentarer på raden Heldygnsvård' });
    await expect(beside).toContainText('Prognosen avviker från budgeten, förklara varför.');
    await expect(beside).toContainText('Kolumn: Prognos');
    await expect(beside).toContainText('Anders Nilsson');
    // The region follows its row directly.
    await expect(row(page, `${ECONOMY} \\(tkr\\)`, 'Heldygnsvård').locator('xpath=following-sibling::tr[1]')).toContainText('Prognosen avviker');
    await expect(page.getByRole('group', { name: 'Kommentarer på raden Hemtjänst' })).toHaveCount(0);
    await expect(
      page.getByRole('region', { name: 'Kommentarer', exact: true }).getByRole('article').filter({ hasText: 'Prognosen avviker' }),
    ).toContainText('Gäller rad: Heldygnsvård, kolumn Prognos');
    await expectNoAxeViolations(page);

    await page.goto(`/uppgifter/${planId}`);
    await expect(taskState(page)).toHaveText('Inlämnad', { timeout: 20_000 });
    await expect(page.getByRole('group', { name: 'Kommentarer på raden Ny rutin för avvikelser' })).toContainText('Vem ansvarar för rutinen?');
    await camilla.context.close();
  });
});
