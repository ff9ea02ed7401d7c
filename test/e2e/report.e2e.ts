import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { apiAs, cycleDates, personPage } from './support';

// The assembled report in the browser, year 2046, on a small Nacka template: the
// secretary opens the assembly page and sees what is missing, the remaining sections are approved
// (through the API), she previews the report, freezes it (Fastställ, confirmed in a dialog), sees
// version 1, downloads its HTML, JSON and PDF, and sees the cycle list and overview say Fastställd.

const YEAR = 2046;
const ADMIN = 'admin@rapportflode.example.se';
const SECRETARY = 'birgitta.sandberg@nacka.example.se';
const ECONOMIST = 'anders.nilsson@nacka.example.se';
const CAMILLA = 'camilla.oberg@nacka.example.se';
const FREDRIK = 'fredrik.akesson@nacka.example.se';
const TEMPLATE = 'Sammanställning e2e';
const CYCLE_TITLE = `${TEMPLATE} ${YEAR}`;

type Api = { api: APIRequestContext; xsrf: () => Promise<Record<string, string>> };

const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  version: 1,
  content: texts.map((text, i) => ({ type: 'paragraph', id: `p${i + 1}`, content: [{ type: 'text', text }] })),
});
const economy = (net: number) => ({
  type: 'economy',
  rows: [{ key: 'r1', label: 'Heldygnsvård', values: { income: 100, costs: net - 100, budget_income: 90, budget_costs: net - 200, annual_budget: 2 * net, forecast: 2 * net } }],
});
const grants = { type: 'table', rows: [{ key: 'g1', cells: { beskrivning: 'Statsbidrag habiliteringsersättning', belopp: 2322 } }] };

/**
 * Axe on the page, in legacy mode: the preview is a sandboxed iframe without scripts, and axe's
 * default mode opens a page of its own to combine the frames' results, which fails there.
 */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

/** The writer saves and submits the section, the economist approves it (skipped when already done). */
async function deliver(writer: Api, economist: Api, cycleId: string, section: string, content: unknown): Promise<void> {
  const mine = await json<{ tasks: Array<{ id: string; cycleId: string; sectionTitle: string }> }>(await writer.api.get('/api/tasks/mine'));
  const item = mine.tasks.find((t) => t.cycleId === cycleId && t.sectionTitle === section);
  if (!item) return; // approved in an earlier attempt
  let task = await json<{ version: number; state: string }>(await writer.api.get(`/api/tasks/${item.id}`));
  if (task.state !== 'submitted') {
    const saved = await json<{ version: number }>(await writer.api.put(`/api/tasks/${item.id}/content`, { headers: await writer.xsrf(), data: { version: task.version, content } }));
    task = await json(await writer.api.post(`/api/tasks/${item.id}/transitions`, { headers: await writer.xsrf(), data: { transition: 'submit', version: saved.version } }));
  }
  await json(await economist.api.post(`/api/tasks/${item.id}/transitions`, { headers: await economist.xsrf(), data: { transition: 'approve', version: task.version } }));
}

test.describe('the assembly page', () => {
  let cycleId: string;
  let secretaryApi: Api;
  let economistApi: Api;

  test.beforeAll(async () => {
    const admin = await apiAs(ADMIN);
    secretaryApi = await apiAs(SECRETARY);
    economistApi = await apiAs(ECONOMIST);
    const tree = await json<{ committees: Array<{ id: string; municipality: string }> }>(await admin.api.get('/api/organisation'));
    const committeeId = tree.committees.find((c) => c.municipality === 'Nacka kommun')?.id;
    const section = (key: string, title: string, kind: string, responsibility: string) => ({ key, parentKey: null, title, kind, responsibility, reviewerRole: 'economist' });
    const created = await admin.api.post('/api/templates', {
      headers: await admin.xsrf(),
      data: {
        committeeId,
        name: TEMPLATE,
        reportKind: 'interim_report',
        sections: [
          section('sammanfattning', 'Sammanfattning', 'narrative', 'committee'),
          section('ekonomi', 'Ekonomiskt resultat', 'economy', 'all_units'),
          section('statsbidrag', 'Redovisning riktade statsbidrag', 'table', 'committee'),
        ],
      },
    });
    expect([201, 409], await created.text()).toContain(created.status());
    const templates = await json<{ templates: Array<{ id: string; name: string }> }>(await secretaryApi.api.get('/api/templates'));
    const templateId = templates.templates.find((t) => t.name === TEMPLATE)?.id;
    const opened = await secretaryApi.api.post('/api/cycles', { headers: await secretaryApi.xsrf(), data: { templateId, year: YEAR, diaryNumber: `SN.${YEAR}.73`, ...cycleDates(YEAR) } });
    expect([201, 409]).toContain(opened.status());
    const cycles = await json<{ cycles: Array<{ id: string; title: string }> }>(await secretaryApi.api.get('/api/cycles'));
    cycleId = cycles.cycles.find((c) => c.title === CYCLE_TITLE)?.id ?? '';
    expect(cycleId).not.toBe('');
    await deliver(secretaryApi, economistApi, cycleId, 'Sammanfattning', paragraphs('Prognosen för helåret är i balans.', 'Texten <b>är</b> inte markup.'));
    await deliver(await apiAs(CAMILLA), economistApi, cycleId, 'Ekonomiskt resultat', economy(-1000));
  });

  test('the secretary sees what is missing, previews, freezes and downloads version 1', async ({ browser }) => {
    test.setTimeout(120_000);
    const { page } = await personPage(browser, SECRETARY);
    await page.goto(`/cykler/${cycleId}`);
    await page.getByRole('link', { name: 'Sammanställ rapport' }).click();
    await expect(page).toHaveTitle('Sammanställning – Rapportflöde');
    await expect(page.getByRole('heading', { level: 1, name: `Sammanställning: ${CYCLE_TITLE}` })).toBeVisible();

    // A draft: the missing parts are listed, Fastställ is disabled with the reason.
    const missing = page.getByRole('list', { name: 'Saknas eller är inte godkänt' });
    await expect(missing.getByRole('listitem')).toHaveText(['2 Ekonomiskt resultat (Omsorgsenheten): Ej påbörjad', '3 Redovisning riktade statsbidrag: Ej påbörjad']);
    await expect(page.getByRole('button', { name: 'Fastställ' })).toBeDisabled();
    await expect(page.getByText('Rapporten kan fastställas först när alla avsnitt är godkända.')).toBeVisible();
    const statusTable = page.getByRole('table', { name: 'Avsnitt och enheter' });
    await expect(statusTable.getByRole('row').filter({ hasText: 'Barn och familjeenheten' })).toContainText('Godkänd');
    await expect(statusTable.getByRole('row').filter({ hasText: 'Omsorgsenheten' })).toContainText('Ej påbörjad');
    const preview = page.frameLocator('iframe[title="Förhandsgranskning av rapporten"]');
    await expect(preview.getByText('UTKAST').first()).toBeVisible();
    await expectNoAxeViolations(page);

    // The rest is approved; the page shows the report ready, the preview without UTKAST notices in place of content.
    await deliver(await apiAs(FREDRIK), economistApi, cycleId, 'Ekonomiskt resultat', economy(-2000));
    await deliver(secretaryApi, economistApi, cycleId, 'Redovisning riktade statsbidrag', grants);
    await page.reload();
    await expect(page.getByText('Alla avsnitt är godkända. Rapporten kan fastställas.')).toBeVisible();
    await expect(preview.getByText('Prognosen för helåret är i balans.')).toBeVisible();
    await expect(preview.getByText('Texten <b>är</b> inte markup.')).toBeVisible();

    // Fastställ asks first, in a dialog naming the report, the nämnd, the period and version 1; Avbryt freezes nothing.
    await page.getByRole('button', { name: 'Fastställ', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Fastställa version 1?' });
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText(`Du fastställer ${CYCLE_TITLE} för Socialnämnden`);
    await expect(confirm).toContainText(`T2 ${YEAR}, som version 1.`);
    await expect(confirm).toContainText('kan inte ändras efteråt; en ny version kräver en anledning');
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    await expect(confirm).toBeHidden();
    await page.reload();
    await expect(page.getByText('Alla avsnitt är godkända. Rapporten kan fastställas.')).toBeVisible();
    await expect(page.getByText('Ingen version är fastställd än.')).toBeVisible();

    await page.getByRole('button', { name: 'Fastställ', exact: true }).click();
    await confirm.getByRole('button', { name: 'Fastställ version 1' }).click();
    await expect(page.getByText('Rapporten är fastställd som version 1.')).toBeVisible();
    // The page says so where it said "kan fastställas".
    await expect(page.getByText(/Fastställd som version 1 \d{4}-\d{2}-\d{2} \d{2}:\d{2} av Birgitta Sandberg\./)).toBeVisible();
    await expect(page.getByText('Alla avsnitt är godkända. Rapporten kan fastställas.')).toBeHidden();
    const versions = page.locator('ul.versions > li');
    await expect(versions).toHaveCount(1);
    await expect(versions.first()).toContainText('Version 1');
    await expect(versions.first()).toContainText('Birgitta Sandberg');
    // A second version needs a reason: the field is there now.
    await expect(page.getByLabel('Varför en ny version?')).toBeVisible();
    await expectNoAxeViolations(page);

    const v1 = page.getByRole('list', { name: 'Hämta version 1' });
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), v1.getByRole('link', { name: 'HTML', exact: true }).click()]);
    expect(htmlDownload.suggestedFilename()).toBe(`Sammanställning-e2e-${YEAR}-Socialnämnden-version-1.html`);
    const html = readFileSync(await htmlDownload.path(), 'utf8');
    expect(html).toContain('Prognosen för helåret är i balans.');
    expect(html).toContain('Texten &lt;b&gt;är&lt;/b&gt; inte markup.');
    expect(html).not.toContain('UTKAST');

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), v1.getByRole('link', { name: 'JSON (alla tabeller)' }).click()]);
    const tables = JSON.stringify(JSON.parse(readFileSync(await jsonDownload.path(), 'utf8')));
    expect(tables).toContain('Statsbidrag habiliteringsersättning');
    expect(tables).toContain('Omsorgsenheten');

    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), v1.getByRole('link', { name: 'PDF', exact: true }).click()]);
    expect(pdfDownload.suggestedFilename()).toBe(`Sammanställning-e2e-${YEAR}-Socialnämnden-version-1.pdf`);
    expect(readFileSync(await pdfDownload.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const [docxDownload] = await Promise.all([page.waitForEvent('download'), v1.getByRole('link', { name: 'Word', exact: true }).click()]);
    expect(docxDownload.suggestedFilename()).toBe(`Sammanställning-e2e-${YEAR}-Socialnämnden-version-1.docx`);
    expect(readFileSync(await docxDownload.path()).subarray(0, 2).toString('latin1')).toBe('PK');

    // Each table as CSV for Swedish Excel: UTF-8 with BOM, semicolons.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      v1.getByRole('link', { name: /^CSV: Tabell \d+\. Redovisning riktade statsbidrag/ }).first().click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(';');
    expect(csv).toContain('Statsbidrag habiliteringsersättning');

    // The draft's own downloads are there too.
    await expect(page.getByRole('link', { name: /^CSV: Tabell \d+\. Redovisning riktade statsbidrag/ }).first()).toBeVisible();

    // The cycle list and the cycle overview show the report as fastställd, version 1.
    await page.goto('/cykler');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: CYCLE_TITLE, exact: true }) });
    await expect(row.getByRole('cell', { name: 'Fastställd (version 1)' })).toBeVisible();
    await row.getByRole('link', { name: CYCLE_TITLE, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: CYCLE_TITLE })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Fastställd (version 1)' })).toBeVisible();
  });
});
