import { expect, Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { ADMIN, apiAs, cycleDates, signIn } from './support';

// A report of a municipality unlike the references, built by an administrator in the template
// editor: costs printed positive, two-level column headings, mnkr with two decimals, unnumbered
// headings, one chapter of text, table, text and chart, a footnote, and two bilagor (a table
// section placed as an appendix and an uploaded PDF). Filled and approved through the API,
// frozen, and read back as PDF text and as Word XML.

const SECRETARY = 'maria.holm@gnesta.example.se';
const ECONOMIST = 'johan.ek@gnesta.example.se';
const TEMPLATE = 'Delårsrapport Exempelstad';
const YEAR = 2061;
const FOOTNOTE = 'Enligt beslut i kommunfullmäktige den 12 juni.';

/** Adds a top-level section at the end and gives it a title; returns its group (legend "N Title"). */
async function addSection(page: Page, title: string, number: number) {
  await page.getByRole('button', { name: 'Lägg till avsnitt' }).press('Enter');
  // The new section's title field has the focus.
  await expect(page.locator('input[id^="title-"]:focus')).toHaveCount(1);
  await page.keyboard.type(title);
  const group = page.getByRole('group', { name: `${number} ${title}` });
  await expect(group).toBeVisible();
  return group;
}

const doc = (...paragraphs: Array<{ text: string; footnote?: string }>) => ({
  type: 'doc',
  version: 1,
  content: paragraphs.map((p, i) => ({
    type: 'paragraph',
    id: `p${i + 1}`,
    content: [{ type: 'text', text: p.text, ...(p.footnote ? { marks: [{ type: 'footnote', note: p.footnote }] } : {}) }],
  })),
});

/** A one-page PDF the browser prints, as a municipality's own bilaga would be. */
async function bilagaPdf(page: Page): Promise<Buffer> {
  const other = await page.context().newPage();
  await other.setContent('<html lang="sv"><body><h1>Revisionsrapport om hemtjänsten</h1><p>Granskningen omfattar 2061.</p></body></html>');
  const pdf = await other.pdf({ format: 'A4' });
  await other.close();
  return pdf;
}

function pdfPages(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rf-pdf-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' })
      .split('\f')
      .map((page) => page.replace(/[\u00a0\u202f]/g, ' '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a template built in the editor with positive costs, grouped columns, blocks, a footnote and two bilagor prints as PDF and Word', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await page.goto('/admin/mallar/ny');
  await page.getByLabel('Nämnd').selectOption({ label: 'Socialnämnden, Gnesta kommun' });
  await page.getByLabel('Mallens namn').fill(TEMPLATE);
  await page.getByLabel('Rapport', { exact: true }).selectOption({ label: 'Delårsrapport (T2)' });

  const intro = await addSection(page, 'Inledning', 1);
  await intro.getByLabel('Granskas av').selectOption({ label: 'Förvaltningsekonom' });

  // Economy: costs positive, mnkr with two decimals, Perioden and Helår over three columns each.
  const economy = await addSection(page, 'Ekonomiskt utfall', 2);
  await economy.getByLabel('Innehåll').selectOption({ label: 'Ekonomi' });
  await economy.getByLabel('Granskas av').selectOption({ label: 'Förvaltningsekonom' });
  await economy.getByText('Upplägg för Ekonomiskt utfall').click();
  await economy.getByRole('radio', { name: 'mnkr' }).check();
  await economy.getByLabel('Decimaler i mnkr').selectOption({ label: 'Två decimaler (3,85)' });
  await economy.getByLabel('Tecken på beloppen').selectOption({ label: 'Kostnader och nettokostnader positiva (avvikelse = budget − utfall)' });
  for (const column of ['Utfall intäkter', 'Utfall kostnader', 'Budget intäkter', 'Budget kostnader']) {
    await economy.getByRole('checkbox', { name: `${column} ingår`, exact: true }).uncheck();
  }
  // Budget before Utfall, as this municipality prints it.
  await economy.getByRole('button', { name: 'Upp med Budget netto' }).click();
  await economy.getByRole('button', { name: 'Lägg till kolumngrupp' }).click();
  await economy.getByLabel('Grupp 1', { exact: true }).fill('Perioden');
  await economy.getByLabel('Grupp 1', { exact: true }).press('Tab');
  await economy.getByRole('button', { name: 'Lägg till kolumngrupp' }).click();
  await economy.getByLabel('Grupp 2', { exact: true }).fill('Helår');
  await economy.getByLabel('Grupp 2', { exact: true }).press('Tab');
  for (const column of ['Budget netto', 'Utfall netto', 'Budgetavvikelse']) {
    await economy.getByLabel(`Grupp för ${column}`, { exact: true }).selectOption({ label: 'Perioden' });
  }
  for (const column of ['Helårsbudget', 'Prognos', 'Prognosavvikelse']) {
    await economy.getByLabel(`Grupp för ${column}`, { exact: true }).selectOption({ label: 'Helår' });
  }
  // The live example shows the grouped heading row and the note of the sign convention.
  const preview = economy.locator('figure.economy-preview');
  await expect(preview.locator('tr.group th[colspan="3"]')).toHaveText(['Perioden', 'Helår']);
  await expect(preview).toContainText('positiva belopp');

  // One chapter of text, a table, more text and a line chart of the table.
  const activity = await addSection(page, 'Verksamhetens utveckling', 3);
  await activity.getByLabel('Innehåll').selectOption({ label: 'Sammansatt (block)' });
  await activity.getByLabel('Granskas av').selectOption({ label: 'Förvaltningsekonom' });
  await activity.getByText('Upplägg för Verksamhetens utveckling').first().click();
  for (const kind of ['Text', 'Tabell', 'Text', 'Diagram']) {
    await activity.getByLabel('Nytt block').selectOption({ label: kind });
    await activity.getByRole('button', { name: 'Lägg till block' }).click();
  }
  await activity.getByLabel('Diagrammets rubrik').fill('Insatser per område');
  await activity.getByLabel('Diagrammets rubrik').press('Tab');
  await activity.locator('select[id$="-block-diagram-4-type"]').selectOption({ label: 'Linjediagram' });

  // A table section printed as Bilaga 1.
  const grants = await addSection(page, 'Statsbidrag', 4);
  await grants.getByLabel('Innehåll').selectOption({ label: 'Tabell' });
  await grants.getByLabel('Granskas av').selectOption({ label: 'Förvaltningsekonom' });
  await grants.getByLabel('Placering').selectOption({ label: 'Som bilaga' });
  // An appendix is numbered on its own: B1, and the main text keeps 1–3.
  const appendix = page.getByRole('group', { name: 'B1 Statsbidrag' });
  await expect(appendix).toBeVisible();
  await appendix.getByText('Upplägg för Statsbidrag').click();
  await appendix.getByLabel('Radernas grupper skrivs ut').selectOption({ label: 'Som rubrikrad i tabellen' });

  // Unnumbered headings: the editor's example follows at once.
  const numbered = page.locator('#layout-numbered-headings input');
  await numbered.uncheck();
  await expect(page.locator('#layout-preview .preview-toc li').first()).toHaveText('Inledning');

  await page.getByRole('button', { name: 'Skapa mallen' }).click();
  await expect(page).toHaveURL(/\/admin\/mallar\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('status').filter({ hasText: `Mallen "${TEMPLATE}" skapades.` })).toBeVisible();
  const templateId = page.url().split('/').pop() as string;

  // Saved as built: read back over the API.
  const admin = await apiAs(ADMIN);
  const saved = (await (await admin.api.get(`/api/templates/${templateId}`)).json()) as {
    layout?: { numberedHeadings: boolean };
    sections: Array<{ key: string; title: string; kind: string; placement?: string; config: Record<string, unknown> | null }>;
  };
  await admin.api.dispose();
  expect(saved.layout?.numberedHeadings).toBe(false);
  const byTitle = new Map(saved.sections.map((s) => [s.title, s]));
  expect(byTitle.get('Ekonomiskt utfall')?.config?.['economy']).toMatchObject({
    unit: 'mnkr',
    decimals: 2,
    signs: 'costs_positive',
    columns: ['budget_net', 'net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
    groups: [
      { label: 'Perioden', columns: ['budget_net', 'net', 'budget_deviation'] },
      { label: 'Helår', columns: ['annual_budget', 'forecast', 'forecast_deviation'] },
    ],
  });
  expect(byTitle.get('Statsbidrag')?.placement).toBe('appendix');
  expect(byTitle.get('Statsbidrag')?.config?.['table']).toMatchObject({ groups: 'rows' });
  const blocks = (byTitle.get('Verksamhetens utveckling')?.config?.['blocks'] as { blocks: Array<{ key: string; kind: string }> }).blocks;
  expect(blocks.map((b) => b.kind)).toEqual(['narrative', 'table', 'narrative', 'chart']);

  // The cycle, every section written by the secretary and approved by the economist.
  const { api, xsrf } = await apiAs(SECRETARY);
  const economist = await apiAs(ECONOMIST);
  const opened = await api.post('/api/cycles', { headers: await xsrf(), data: { templateId, year: YEAR, diaryNumber: `SN.${YEAR}.12`, ...cycleDates(YEAR) } });
  expect(opened.status(), await opened.text()).toBe(201);
  const cycleId = ((await opened.json()) as { id: string }).id;
  const mine = (await (await api.get('/api/tasks/mine')).json()) as { tasks: Array<{ id: string; cycleId: string; sectionTitle: string }> };
  const tasks = new Map(mine.tasks.filter((t) => t.cycleId === cycleId).map((t) => [t.sectionTitle, t.id]));
  const [text1, table2, text3] = blocks.map((b) => b.key);
  const contents: Record<string, unknown> = {
    Inledning: doc({ text: 'Nämnden redovisar ett överskott mot budget.', footnote: FOOTNOTE }),
    'Ekonomiskt utfall': {
      type: 'economy',
      rows: [
        { key: 'aldre', label: 'Äldreomsorg', values: { budget_net: 45.2, net: 43.85, annual_budget: 68, forecast: 66.5 } },
        { key: 'ifo', label: 'Individ- och familjeomsorg', values: { budget_net: 20.1, net: 21.35, annual_budget: 30.15, forecast: 31 } },
      ],
    },
    'Verksamhetens utveckling': {
      type: 'blocks',
      blocks: {
        [text1]: doc({ text: 'Insatserna ökade under perioden.' }),
        [table2]: {
          type: 'table',
          rows: [
            { key: 'r1', cells: { beskrivning: 'Hemtjänst', belopp: 120 } },
            { key: 'r2', cells: { beskrivning: 'Särskilt boende', belopp: 80 } },
          ],
        },
        [text3]: doc({ text: 'Efterfrågan väntas fortsätta öka.' }),
      },
    },
    Statsbidrag: {
      type: 'table',
      rows: [
        { key: 'g1', group: 'Från Socialstyrelsen', cells: { beskrivning: 'Äldreomsorgslyftet', belopp: 350 } },
        { key: 'g2', group: 'Från Socialstyrelsen', cells: { beskrivning: 'Habiliteringsersättning', belopp: 90 } },
      ],
    },
  };
  expect([...tasks.keys()].sort()).toEqual(Object.keys(contents).sort());
  for (const [title, content] of Object.entries(contents)) {
    const id = tasks.get(title) as string;
    const task = (await (await api.get(`/api/tasks/${id}`)).json()) as { version: number };
    const put = await api.put(`/api/tasks/${id}/content`, { headers: await xsrf(), data: { version: task.version, content } });
    expect(put.ok(), `${title}: ${await put.text()}`).toBe(true);
    const submitted = await api.post(`/api/tasks/${id}/transitions`, { headers: await xsrf(), data: { transition: 'submit', version: ((await put.json()) as { version: number }).version } });
    expect(submitted.ok(), `${title}: ${await submitted.text()}`).toBe(true);
    const approved = await economist.api.post(`/api/tasks/${id}/transitions`, {
      headers: await economist.xsrf(),
      data: { transition: 'approve', version: ((await submitted.json()) as { version: number }).version },
    });
    expect(approved.ok(), `${title}: ${await approved.text()}`).toBe(true);
  }

  // The secretary uploads the second bilaga on the report page.
  await page.context().clearCookies();
  await signIn(page, SECRETARY);
  await page.goto(`/cykler/${cycleId}/rapport`);
  await expect(page.getByRole('heading', { name: 'Bilagor' })).toBeVisible();
  await page.locator('#appendix-file').setInputFiles({ name: 'revisionsrapport.pdf', mimeType: 'application/pdf', buffer: await bilagaPdf(page) });
  await page.locator('#appendix-title').fill('Revisionsrapport om hemtjänsten');
  await page.locator('#appendix-upload').click();
  await expect(page.locator('#appendix-list')).toContainText('Revisionsrapport om hemtjänsten');

  const frozen = await api.post(`/api/cycles/${cycleId}/report/versions`, { headers: await xsrf(), data: {} });
  expect(frozen.status(), await frozen.text()).toBe(201);

  // PDF: read as text, page by page.
  const pdf = await api.get(`/api/cycles/${cycleId}/report/document?format=pdf&version=1`);
  expect(pdf.status()).toBe(200);
  const pages = pdfPages(await pdf.body());
  const all = pages.join('\n');
  // Unnumbered headings, in the TOC too.
  expect(all).toMatch(/^\s*Inledning\b/m);
  expect(all).not.toMatch(/^\s*1\s+Inledning\b/m);
  // The footnote at the foot of the page where its mark stands.
  const notePage = pages.find((p) => p.includes('överskott mot budget'));
  expect(notePage).toContain(FOOTNOTE);
  // Positive costs and two decimals: deviation = budget − utfall (45,20 − 43,85 = 1,35; 20,10 − 21,35 = −1,25).
  expect(all).toContain('Perioden');
  expect(all).toContain('Helår');
  expect(all).toMatch(/Äldreomsorg\s+45,20\s+43,85\s+1,35\s+68,00\s+66,50\s+1,50/);
  expect(all).toMatch(/Individ- och familjeomsorg\s+20,10\s+21,35\s+[−-]1,25\s+30,15\s+31,00\s+[−-]0,85/);
  expect(all).toContain('positiva belopp');
  // The chapter of blocks in the template's order, under one heading.
  const order = ['Insatserna ökade under perioden.', 'Hemtjänst', 'Efterfrågan väntas fortsätta öka.', 'Insatser per område'].map((t) => all.indexOf(t));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  // Both bilagor after the main text, the uploaded one's own page included.
  const b1 = all.lastIndexOf('Bilaga 1');
    expect(b1).toBeGreaterThan(all.lastIndexOf('Insatser per område'));
  // The rows' group as a heading row above them, no Grupp column.
  expect(all.slice(b1)).toMatch(/Från Socialstyrelsen\s*\n\s*Äldreomsorgslyftet\s+350/);
  expect(all.slice(b1)).not.toMatch(/Grupp\s+Beskrivning/);
  // The uploaded PDF is Bilaga 2 in the TOC, and its own page follows Bilaga 1.
  expect(all.slice(0, all.indexOf('Inledning', all.indexOf('Inledning') + 1))).toMatch(/Bilaga 2\s+Revisionsrapport om hemtjänsten/);
  expect(all.lastIndexOf('Granskningen omfattar 2061.')).toBeGreaterThan(b1);

  // Word: the grouped header cells, the real footnote, both bilagor named.
  const docx = await api.get(`/api/cycles/${cycleId}/report/document?format=docx&version=1`);
  expect(docx.status()).toBe(200);
  const files = unzipSync(new Uint8Array(await docx.body()));
  const body = strFromU8(files['word/document.xml']);
  const plain = body.replace(/<[^>]+>/g, '');
  expect(body).toMatch(/<w:gridSpan w:val="3"\/>(?:(?!<\/w:tc>).)*Perioden/s);
  expect(strFromU8(files['word/footnotes.xml'])).toContain(FOOTNOTE);
  expect(plain).toContain('Bilaga 1');
  expect(plain).toContain('Revisionsrapport om hemtjänsten');
  expect(plain).not.toMatch(/\b1 Inledning/);
  await Promise.all([api.dispose(), economist.api.dispose()]);
});
