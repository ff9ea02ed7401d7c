import { expect, Page, test } from '@playwright/test';
import { ADMIN, apiAs, cycleDates, expectSaved, personPage, signIn } from './support';

// The template editor's other options in a real browser: a heading-only chapter, a goals layout
// (målområden, indicators not assessed, chosen columns) with its example, an internal-control
// section laid out as the revision's recommendations with its example, and a section the
// förvaltningsekonom writes. The cycle opened from it gives the heading no task, the ekonom the
// pen, and the secretary none.

const SECRETARY = 'maria.holm@gnesta.example.se';
const ECONOMIST = 'johan.ek@gnesta.example.se';
const TEMPLATE = 'Delårsrapport med revisionen';
const YEAR = 2062;

async function addSection(page: Page, title: string, number: string) {
  await page.getByRole('button', { name: 'Lägg till avsnitt' }).press('Enter');
  await expect(page.locator('input[id^="title-"]:focus')).toHaveCount(1);
  await page.keyboard.type(title);
  const group = page.getByRole('group', { name: `${number} ${title}` });
  await expect(group).toBeVisible();
  return group;
}

test('goals and revision layouts, a heading-only chapter and a section the ekonom writes, from the editor to the tasks', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await page.goto('/admin/mallar/ny');
  await page.getByLabel('Nämnd').selectOption({ label: 'Socialnämnden, Gnesta kommun' });
  await page.getByLabel('Mallens namn').fill(TEMPLATE);

  const chapter = await addSection(page, 'Verksamhet', '1');
  await chapter.getByRole('checkbox', { name: 'Endast rubrik' }).check();

  const goals = await addSection(page, 'Mål och indikatorer', '2');
  await goals.getByRole('button', { name: 'Gör till underavsnitt: Mål och indikatorer' }).click();
  const goalsGroup = page.getByRole('group', { name: '1.1 Mål och indikatorer' });
  await goalsGroup.getByLabel('Innehåll').selectOption({ label: 'Mål och indikatorer' });
  await goalsGroup.getByLabel('Granskas av').selectOption({ label: 'Förvaltningsekonom' });
  await goalsGroup.getByText('Upplägg för Mål och indikatorer').click();
  await goalsGroup.getByRole('checkbox', { name: 'Målområden ovanför kommunfullmäktiges mål' }).check();
  await goalsGroup.getByRole('checkbox', { name: 'Indikatorerna bedöms' }).uncheck();
  await expect(goalsGroup.getByText('Bedömning skrivs inte ut när indikatorerna inte bedöms.')).toBeVisible();
  await goalsGroup.getByRole('checkbox', { name: 'Enhet', exact: true }).uncheck();
  await goalsGroup.getByRole('checkbox', { name: 'Källa', exact: true }).uncheck();
  // The example follows: no Enhet, Källa or Bedömning column.
  const goalsExample = goalsGroup.locator('figure.goals-preview');
  await expect(goalsExample.locator('thead th')).toHaveText(['Indikator', 'Utfall 2019', 'Utfall 2020', 'Utfall föregående år', 'Utfall', 'Mål', 'Måluppfyllelse']);
  await expect(goalsExample).toContainText('Målområde: ');

  const audit = await addSection(page, 'Revisionens granskningar', '2');
  await audit.getByLabel('Innehåll').selectOption({ label: 'Intern kontroll' });
  await audit.getByLabel('Granskas av').selectOption({ label: 'Förvaltningsekonom' });
  await audit.getByText('Upplägg för Revisionens granskningar').click();
  await audit.getByLabel('Tabellens upplägg').selectOption({ label: 'Revisionens rekommendationer' });
  // The section's printed example shows the revision's own columns.
  const auditExample = audit.locator('figure[id$="-print-preview"]');
  await expect(auditExample.locator('th').filter({ hasText: 'Åtgärd' }).first()).toBeVisible();
  await expect(auditExample).toContainText('Revisionens rekommendationer');

  const analysis = await addSection(page, 'Ekonomisk analys', '3');
  await analysis.getByRole('button', { name: 'Ändra vem som skriver' }).click();
  await analysis.getByLabel('Skrivs av').selectOption({ label: 'Förvaltningsekonom' });
  await analysis.getByLabel('Granskas av').selectOption({ label: 'Förvaltningschef' });

  await page.getByRole('button', { name: 'Skapa mallen' }).click();
  await expect(page).toHaveURL(/\/admin\/mallar\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('status').filter({ hasText: `Mallen "${TEMPLATE}" skapades.` })).toBeVisible();
  const templateId = page.url().split('/').pop() as string;

  // Saved as chosen, and shown so after a reload.
  await page.reload();
  await expect(page.getByRole('group', { name: '1 Verksamhet' }).getByRole('checkbox', { name: 'Endast rubrik' })).toBeChecked();
  await expect(page.getByRole('group', { name: '3 Ekonomisk analys' }).getByLabel('Skrivs av')).toHaveValue('economist');
  const admin = await apiAs(ADMIN);
  const saved = (await (await admin.api.get(`/api/templates/${templateId}`)).json()) as {
    sections: Array<{ title: string; headingOnly?: boolean; writerRole?: string | null; config: Record<string, Record<string, unknown>> | null }>;
  };
  await admin.api.dispose();
  const byTitle = new Map(saved.sections.map((s) => [s.title, s]));
  expect(byTitle.get('Verksamhet')?.headingOnly).toBe(true);
  expect(byTitle.get('Mål och indikatorer')?.config?.['goals']).toMatchObject({ areas: true, assessIndicators: false });
  expect(byTitle.get('Mål och indikatorer')?.config?.['goals']?.['printColumns']).not.toContain('source');
  expect(byTitle.get('Revisionens granskningar')?.config?.['internalControl']).toMatchObject({ layout: 'audit_recommendations' });
  expect(byTitle.get('Ekonomisk analys')?.writerRole).toBe('economist');

  // The cycle: no task for the heading; the ekonom writes the analysis, the secretary may not.
  const secretary = await apiAs(SECRETARY);
  const opened = await secretary.api.post('/api/cycles', { headers: await secretary.xsrf(), data: { templateId, year: YEAR, diaryNumber: `SN.${YEAR}.4`, ...cycleDates(YEAR) } });
  expect(opened.status(), await opened.text()).toBe(201);
  const cycleId = ((await opened.json()) as { id: string }).id;
  type Mine = { tasks: Array<{ id: string; cycleId: string; sectionTitle: string }> };
  const secretaryTasks = ((await (await secretary.api.get('/api/tasks/mine')).json()) as Mine).tasks.filter((t) => t.cycleId === cycleId);
  expect(secretaryTasks.map((t) => t.sectionTitle).sort()).toEqual(['Mål och indikatorer', 'Revisionens granskningar']);
  const economist = await personPage(browser, ECONOMIST);
  const economistApi = await apiAs(ECONOMIST);
  const economistTasks = ((await (await economistApi.api.get('/api/tasks/mine')).json()) as Mine).tasks.filter((t) => t.cycleId === cycleId);
  expect(economistTasks.map((t) => t.sectionTitle)).toEqual(['Ekonomisk analys']);
  const analysisTask = economistTasks[0].id;
  const refused = await secretary.api.put(`/api/tasks/${analysisTask}/content`, {
    headers: await secretary.xsrf(),
    data: { version: 0, content: { type: 'doc', version: 1, content: [] } },
  });
  expect(refused.status()).toBe(403);

  // The ekonom writes it in the browser; the text is saved.
  await economist.page.goto(`/uppgifter/${analysisTask}`);
  const editor = economist.page.getByRole('textbox', { name: /^Text för/ });
  await editor.click();
  await economist.page.keyboard.type('Nämnden prognostiserar ett överskott.');
  await expectSaved(economist.page);
  const task = (await (await economistApi.api.get(`/api/tasks/${analysisTask}`)).json()) as { state: string; content: unknown };
  expect(task.state).toBe('draft');
  expect(JSON.stringify(task.content)).toContain('Nämnden prognostiserar ett överskott.');

  // The secretary's revision table has the revision's columns on the task page.
  const revision = secretaryTasks.find((t) => t.sectionTitle === 'Revisionens granskningar')?.id;
  await page.context().clearCookies();
  await signIn(page, SECRETARY);
  await page.goto(`/uppgifter/${revision}`);
  const table = page.locator('table[data-layout="audit_recommendations"]');
  await expect(table).toBeVisible();
  for (const heading of ['Revision/Granskning', 'Bakgrund', 'Åtgärd', 'Status']) await expect(table.locator('th').filter({ hasText: heading }).first()).toBeVisible();
  await Promise.all([secretary.api.dispose(), economistApi.api.dispose(), economist.context.close()]);
});
