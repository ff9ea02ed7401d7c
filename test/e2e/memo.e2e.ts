import AxeBuilder from '@axe-core/playwright';
import { expect, Page, test } from '@playwright/test';
import { ADMIN, apiAs, frozenGnestaCycle, personPage } from './support';

// The tjänsteskrivelse of a Gnesta delårsrapport, through the browser: the secretary opens it
// prefilled, edits a proposal (the live preview follows), writes Sammanfattning and
// Ärendebeskrivning and hands it in; the förvaltningschef finds it under Att granska and approves
// it; a stale save is merged part by part. A small template of one section, so that the report can
// be frozen (the memo is handed in only then). Cycle year 2047 (used by no other browser test).

const SECRETARY = 'maria.holm@gnesta.example.se';
const DIRECTOR = 'karin.lindqvist@gnesta.example.se';
const ECONOMIST = 'johan.ek@gnesta.example.se';
const YEAR = 2047;
const TEMPLATE = 'Tjänsteskrivelse e2e';
const TITLE = `${TEMPLATE} ${YEAR}`;

let cycleId = '';

/**
 * The page is axe-clean. The preview iframe is left out: it is sandboxed without scripts, so axe
 * cannot run inside it (the rendered document is checked by the HTML renderer's own tests).
 */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe[title="Förhandsgranskning av tjänsteskrivelsen"]')
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}


/** A Gnesta template of one section; its cycle's Sammanfattning written and approved, the report frozen (each skipped when done already). */
test.beforeAll(async () => {
  ({ cycleId } = await frozenGnestaCycle({ template: TEMPLATE, year: YEAR, diaryNumber: `SN.${YEAR}.73`, admin: ADMIN, secretary: SECRETARY, economist: ECONOMIST }));
});

test('the secretary drafts and hands in the tjänsteskrivelse, the director finds it under Att granska and approves it', async ({ browser }) => {
  test.setTimeout(120_000);
  const secretary = await personPage(browser, SECRETARY);
  const page = secretary.page;
  await page.goto(`/cykler/${cycleId}`);
  await page.getByRole('link', { name: 'Tjänsteskrivelse' }).click();
  await expect(page).toHaveTitle('Tjänsteskrivelse – Rapportflöde');
  await expect(page.getByRole('heading', { level: 1, name: `Tjänsteskrivelse: ${TITLE}` })).toBeVisible();
  await expect(page.getByText('Status: Ej påbörjad')).toBeVisible();
  await expect(page.getByText('Rapporten är fastställd (version 1).')).toBeVisible();

  // Prefilled: the proposal, the report first in the beslutsunderlag, the signatures.
  const proposal = page.getByRole('textbox', { name: 'Förslag 1', exact: true });
  await expect(proposal).toHaveValue(`Socialnämnden godkänner delårsrapporten för ${YEAR}.`);
  await expect(page.getByText(`${TITLE} Socialnämnden (läggs alltid först)`)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Namn, underskrift 1' })).toHaveValue('Karin Lindqvist');
  await expect(page.getByRole('textbox', { name: 'Titel, underskrift 1' })).toHaveValue('Förvaltningschef');
  await expect(page.getByRole('textbox', { name: 'Namn, underskrift 2' })).toHaveValue('Johan Ek');

  // Edit the proposal, add a second one and move it first with the keyboard.
  await proposal.fill(`Socialnämnden godkänner delårsrapporten per den 31 augusti ${YEAR}.`);
  await page.getByRole('button', { name: 'Lägg till förslag' }).click();
  const second = page.getByRole('textbox', { name: 'Förslag 2', exact: true });
  await expect(second).toBeFocused();
  await second.fill('Nämnden ger förvaltningen i uppdrag att revidera åtgärdsplanen.');
  await second.press('Alt+ArrowUp');
  await expect(page.getByRole('textbox', { name: 'Förslag 1', exact: true })).toHaveValue('Nämnden ger förvaltningen i uppdrag att revidera åtgärdsplanen.');

  // The live preview follows the form (or says why it cannot be shown).
  const preview = page.frameLocator('iframe[title="Förhandsgranskning av tjänsteskrivelsen"]');
  const fallback = page.getByRole('note').filter({ hasText: 'Förhandsgranskningen kan inte visas' });
  await expect(preview.getByText('Nämnden ger förvaltningen i uppdrag att revidera åtgärdsplanen.').or(fallback)).toBeVisible();

  // Sammanfattning and Ärendebeskrivning must hold text before it is handed in.
  for (const [part, text] of [
    ['Sammanfattning', `Socialnämndens delårsrapport per augusti ${YEAR}.`],
    ['Ärendebeskrivning', 'Förvaltningen har sammanställt delårsrapporten.'],
  ]) {
    await page.getByRole('textbox', { name: part, exact: true }).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(text);
  }

  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Alla ändringar sparade kl\. \d\d:\d\d/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Lämna in' }).click();
  await expect(page.getByText('Status: Inlämnad')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara' })).toHaveCount(0);
  await secretary.context.close();

  // The förvaltningschef finds it under Att granska and opens it from there.
  const director = await personPage(browser, DIRECTOR);
  await director.page.goto('/granskning');
  const queue = director.page.getByRole('table', { name: /Inlämnade tjänsteskrivelser som väntar på din granskning/ });
  await expect(queue.getByRole('row').filter({ hasText: TITLE })).toContainText(`SN.${YEAR}.73`);
  await expectNoAxeViolations(director.page);
  await queue.getByRole('link', { name: `Tjänsteskrivelse: ${TITLE}` }).click();
  await expect(director.page.getByRole('heading', { level: 1, name: `Tjänsteskrivelse: ${TITLE}` })).toBeVisible();
  await expect(director.page.getByText('Status: Inlämnad')).toBeVisible();
  await expect(director.page.getByRole('textbox', { name: 'Förslag 2', exact: true })).toHaveValue(
    `Socialnämnden godkänner delårsrapporten per den 31 augusti ${YEAR}.`,
  );
  await director.page.getByRole('button', { name: 'Godkänn' }).click();
  await expect(director.page.getByText('Status: Godkänd')).toBeVisible();
  await expect(director.page.getByRole('link', { name: 'PDF' })).toHaveAttribute('href', `/api/cycles/${cycleId}/memo/document?format=pdf`);
  await director.context.close();
});

test('a stale save shows the conflict panel; the secretary keeps her proposal and takes the economist’s Sammanfattning', async ({ browser }) => {
  test.setTimeout(120_000);
  // Editable again if the test above has approved it: the förvaltningschef reopens it.
  {
    const { api, xsrf } = await apiAs(DIRECTOR);
    const memo = (await (await api.get(`/api/cycles/${cycleId}/memo`)).json()) as { version: number; permissions: { edit: boolean; transitions: string[] } };
    if (!memo.permissions.edit && memo.permissions.transitions.includes('reopen')) {
      const reopened = await api.post(`/api/cycles/${cycleId}/memo/transitions`, {
        headers: await xsrf(),
        data: { transition: 'reopen', version: memo.version, text: 'Siffrorna ska ses över.' },
      });
      expect(reopened.status(), await reopened.text()).toBeLessThan(300);
    }
    await api.dispose();
  }

  const secretary = await personPage(browser, SECRETARY);
  const economist = await personPage(browser, ECONOMIST);
  for (const { page } of [secretary, economist]) {
    await page.goto(`/cykler/${cycleId}/tjansteskrivelse`);
    await expect(page.getByRole('textbox', { name: 'Förslag 1', exact: true })).not.toHaveValue('');
    await expect(page.getByRole('button', { name: 'Spara', exact: true })).toBeEnabled();
  }

  // The economist rewrites Sammanfattning and saves.
  const summaryText = `Förvaltningens resultat per augusti ${YEAR} har granskats av ekonomen.`;
  const summary = economist.page.getByRole('textbox', { name: 'Sammanfattning', exact: true });
  await summary.click();
  await economist.page.keyboard.press('ControlOrMeta+A');
  await economist.page.keyboard.type(summaryText);
  await economist.page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(economist.page.getByRole('status').filter({ hasText: /Alla ändringar sparade kl\. \d\d:\d\d/ })).toBeVisible();
  await economist.context.close();

  // The secretary, on her stale page, edits a proposal and saves: the conflict panel.
  const page = secretary.page;
  const proposalText = `Socialnämnden godkänner delårsrapporten för januari–augusti ${YEAR}.`;
  await page.getByRole('textbox', { name: 'Förslag 1', exact: true }).fill(proposalText);
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  const panel = page.getByRole('region', { name: /^Johan Ek har sparat en nyare version kl\. \d\d:\d\d$/ });
  await expect(panel).toBeVisible();
  await expect(panel).toBeFocused();
  await expect(panel.getByRole('alert')).toContainText(/Johan Ek har sparat en nyare version kl\. \d\d:\d\d\./);
  await expect(page.getByRole('textbox', { name: 'Förslag 1', exact: true })).toHaveValue(proposalText);

  // Only the two changed parts differ; each defaults to the side that changed it.
  await expect(panel.getByRole('group')).toHaveText([/^Förslag till beslut/, /^Sammanfattning/]);
  const proposals = panel.getByRole('group', { name: 'Förslag till beslut' });
  await expect(proposals.getByRole('radio', { name: 'Behåll min' })).toBeChecked();
  await expect(proposals).toContainText(proposalText);
  const summaries = panel.getByRole('group', { name: 'Sammanfattning' });
  await expect(summaries.getByRole('radio', { name: 'Använd den sparade' })).toBeChecked();
  await expect(summaries.getByRole('heading', { name: /^Den sparade versionen \(\d+, sparad av Johan Ek\)$/ })).toBeVisible();
  await expect(summaries).toContainText(summaryText);
  await expectNoAxeViolations(page);

  await panel.getByRole('button', { name: 'Spara sammanslagen version' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Alla ändringar sparade kl\. \d\d:\d\d/ })).toBeVisible();
  await expect(panel).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Förslag 1', exact: true })).toHaveValue(proposalText);
  await expect(page.getByRole('textbox', { name: 'Sammanfattning', exact: true })).toHaveText(summaryText);
  await secretary.context.close();
});
