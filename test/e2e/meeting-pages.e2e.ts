import AxeBuilder from '@axe-core/playwright';
import { expect, Page, Response, test } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { apiAs, baseURL, personPage } from './support';

// The sammanträde pages in the browser: the secretary plans a Gnesta meeting from the nämnd's page,
// builds the föredragningslista (by hand, moved by keyboard and by drag and drop, a secret ärende,
// a bilaga with a personnummer in it), sends the kallelse and a rättelse (a change after the kallelse
// asks for its reason), compiles the handlingar, handles the scan's hit and publishes; anyone reads
// the public pages without signing in; a ledamot reads the package, writes a private note and
// reports förhinder; the cycle overview links to the nämnd's meetings. Meeting date 2049-03-10
// (used by no other browser test).

const SECRETARY = 'maria.holm@gnesta.example.se';
const MEMBER = 'ulla.berg@gnesta.example.se';
const DATE = '2049-03-10';
const REASON_LABEL = 'Varför ändras kallelsen? Anledningen står i rättelsen.';

test.describe.configure({ mode: 'serial' });

let committeeId = '';
let meetingId = '';

/** Axe on the page; the kallelse preview is a sandboxed frame without scripts, where axe cannot run. */
async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('iframe[title="Förhandsgranskning av kallelsen"]')
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A one-page PDF with a text layer holding Skatteverket's test personnummer. */
async function bilagaWithPersonnummer(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Underlag till budgeten', { x: 50, y: 780, size: 18, font });
  page.drawText('Kontaktperson 19121212-1212 vid frågor.', { x: 50, y: 740, size: 12, font });
  return Buffer.from(await doc.save());
}

/** A change of the meeting answered: waits for the request to the meeting's API and its success. */
function meetingWrite(page: Page, method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname) && r.status() < 500);
}

async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

function agendaTitles(page: Page, part: 'decisions' | 'information' | 'notifications') {
  return page.locator(`section[aria-labelledby="part-${part}"] li.agenda-item .item-title`);
}

test.beforeAll(async () => {
  const { api } = await apiAs(SECRETARY);
  const me = (await (await api.get('/api/auth/me')).json()) as { user: { roles: Array<{ role: string; committeeId: string | null }> } };
  committeeId = me.user.roles.find((r) => r.role === 'secretary')?.committeeId ?? '';
  expect(committeeId).not.toBe('');
  await api.dispose();
});

test('the secretary plans a meeting from the nämnd’s page and builds the föredragningslista', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await personPage(browser, SECRETARY);

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sammanträden' }).click();
  await page.getByRole('link', { name: 'Socialnämnden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sammanträden – Socialnämnden');
  await page.goto(`/namnder/${committeeId}/sammantraden?datum=${DATE}`);
  await expect(page.getByText(`Nämnden har inget sammanträde ${DATE} ännu.`)).toBeVisible();
  await expect(page.locator('#new-meeting-date')).toHaveValue(DATE);
  await page.getByLabel('Starttid').fill('9.30');
  await page.getByLabel('Plats', { exact: true }).fill('Sammanträdesrum Frösjön');
  await page.getByLabel('Ordförande').fill('Per Ström');
  await page.getByRole('button', { name: 'Lägg till sammanträdet' }).click();
  await expect(page).toHaveURL(/\/sammantraden\/[0-9a-f-]{36}$/);
  meetingId = page.url().split('/').pop() ?? '';
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Sammanträde ${DATE} – Socialnämnden`);
  await expect(page.getByTestId('meeting-state')).toHaveText('Planerat');

  // Uppgifter: a ledamot with an account and an ersättare.
  await page.getByRole('button', { name: 'Lägg till ledamot' }).click();
  await page.getByLabel('Namn, ledamot 1').fill('Ulla Berg');
  await page.getByLabel('E-postadress, ledamot 1').fill(MEMBER);
  await page.getByLabel('Parti, ledamot 1').fill('M');
  await page.getByRole('button', { name: 'Lägg till ersättare' }).click();
  await page.getByLabel('Namn, ersättare 1').fill('Åsa Hed');
  await page.getByLabel('E-postadress, ersättare 1').fill('asa.hed');
  await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
  await expect(page.getByRole('alert')).toContainText('Ersättare 1: e-postadressen ser inte ut som en e-postadress.');
  await page.getByLabel('E-postadress, ersättare 1').fill('asa.hed@gnesta.example.se');
  const saved = meetingWrite(page, 'PUT', /^\/api\/meetings\/[^/]+$/);
  await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole('status').filter({ hasText: 'Uppgifterna sparades.' })).toBeVisible();

  // Ärenden by hand: two decisions and an information item.
  await openTab(page, 'Ärenden');
  for (const [kind, title] of [
    ['decision', 'Ansökan om bistånd'],
    ['decision', 'Budget 2050'],
    ['information', 'Information om lokalerna'],
  ] as const) {
    await page.getByRole('button', { name: 'Nytt ärende', exact: true }).click();
    const form = page.getByRole('form', { name: 'Nytt ärende' });
    await form.getByLabel('Slag av ärende').selectOption(kind);
    await form.getByLabel('Rubrik', { exact: true }).fill(title);
    await form.getByRole('button', { name: 'Lägg till beslutspunkt' }).click();
    await form.getByRole('textbox', { name: 'Beslutspunkt 1' }).fill(`Nämnden beslutar om ${title.toLowerCase()}.`);
    await form.getByRole('button', { name: 'Lägg till ärendet' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Ärendet ${title} lades till.` })).toBeVisible();
  }
  await expect(agendaTitles(page, 'decisions')).toHaveText(['Ansökan om bistånd', 'Budget 2050']);
  await expect(agendaTitles(page, 'information')).toHaveText(['Information om lokalerna']);
  await expect(page.getByText('§ 3 (preliminärt)', { exact: false })).toBeVisible();

  // Flytta ned by keyboard: the order is sent, a screen reader hears it, the focus stays on the item.
  const moved = meetingWrite(page, 'PUT', /\/order$/);
  await page.getByRole('button', { name: 'Flytta ned ärende 1: Ansökan om bistånd' }).focus();
  await page.keyboard.press('Enter');
  expect((await moved).status()).toBe(200);
  await expect(page.getByTestId('agenda-announcement')).toHaveText('Ärende 1 flyttat till plats 2');
  await expect(agendaTitles(page, 'decisions')).toHaveText(['Budget 2050', 'Ansökan om bistånd']);
  await expect(page.getByRole('button', { name: 'Flytta upp ärende 2: Ansökan om bistånd' })).toBeFocused();

  // A secret ärende needs a valid OSL reference and a public title.
  await page.getByRole('button', { name: 'Ändra ärende 2: Ansökan om bistånd' }).click();
  const edit = page.getByRole('form', { name: 'Ändra ärende 2' });
  await edit.getByText('Ärendet omfattas av sekretess').click();
  await edit.getByLabel('Sekretess enligt').fill('26 kap');
  await edit.getByRole('button', { name: 'Spara ärendet' }).click();
  await expect(edit.getByRole('alert')).toContainText('Ange sekretessgrunden som kapitel och paragraf');
  await expect(edit.getByRole('alert')).toContainText('behöver en offentlig rubrik');
  await edit.getByLabel('Sekretess enligt').fill('26 kap. 1 § OSL');
  await edit.getByLabel('Offentlig rubrik', { exact: true }).fill('Ansökan om bistånd enligt SoL');
  await edit.getByRole('button', { name: 'Spara ärendet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ärendet Ansökan om bistånd sparades.' })).toBeVisible();
  await expect(page.getByText('Sekretess enligt 26 kap. 1 § OSL')).toBeVisible();

  // A bilaga: a file that is no PDF is refused with the server's message; the PDF goes in.
  await page.getByRole('button', { name: 'Ladda upp bilaga (PDF) till ärende 3' }).click();
  const wrong = page.getByRole('form', { name: 'Ladda upp bilaga till ärende 3' });
  await wrong.getByLabel('PDF-fil').setInputFiles({ name: 'inte-pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('ingen pdf alls') });
  await wrong.getByRole('button', { name: 'Ladda upp' }).click();
  await expect(wrong.getByRole('alert')).toContainText('är ingen PDF');
  await wrong.getByRole('button', { name: 'Avbryt' }).click();
  await page.getByRole('button', { name: 'Ladda upp bilaga (PDF) till ärende 1' }).click();
  const upload = page.getByRole('form', { name: 'Ladda upp bilaga till ärende 1' });
  await upload.getByLabel('PDF-fil').setInputFiles({ name: 'underlag.pdf', mimeType: 'application/pdf', buffer: await bilagaWithPersonnummer() });
  await upload.getByLabel('Rubrik (valfri)').fill('Underlag till budgeten');
  await upload.getByRole('button', { name: 'Ladda upp' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Underlag till budgeten laddades upp.' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Handlingar i ärende 1' })).toContainText('Underlag till budgeten');

  await expectNoAxeViolations(page);
  await context.close();
});

test('the kallelse goes out; a later change asks for its reason, and a rättelse follows', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await personPage(browser, SECRETARY);
  await page.goto(`/sammantraden/${meetingId}?flik=kallelse`);
  await expect(page.getByRole('heading', { name: 'Skicka kallelsen', level: 3 })).toBeVisible();
  const sent = meetingWrite(page, 'POST', /\/kallelse$/);
  await page.getByRole('button', { name: 'Skicka kallelsen' }).click();
  expect((await sent).status()).toBe(200);
  await expect(page.getByTestId('meeting-state')).toHaveText('Kallelse utskickad');
  await expect(page.getByRole('table', { name: /Skickade versioner/ }).getByRole('row')).toHaveCount(2);

  // Drag and drop after the kallelse: the reason dialog first; Avbryt puts the order back.
  await openTab(page, 'Ärenden');
  // Both ärenden in view, the tab's slide-in animation over (hover waits until the handle stands still).
  await page.setViewportSize({ width: 1280, height: 1400 });
  const dragFrom = async () => {
    const from = page.locator('section[aria-labelledby="part-decisions"] li.agenda-item').nth(1).locator('.handle');
    const to = page.locator('section[aria-labelledby="part-decisions"] li.agenda-item').nth(0).locator('.handle');
    await to.scrollIntoViewIfNeeded();
    await from.hover();
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('the drag handles are not on the page');
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2, a.y - 10, { steps: 5 });
    await page.mouse.move(b.x + b.width / 2, b.y - 20, { steps: 10 });
    await page.mouse.up();
  };
  await dragFrom();
  const dialog = page.getByRole('dialog', { name: 'Ändring efter utskickad kallelse' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(dialog).toBeHidden();
  await expect(agendaTitles(page, 'decisions')).toHaveText(['Budget 2050', 'Ansökan om bistånd']);
  await expect(page.getByRole('status').filter({ hasText: 'Ingenting ändrades.' })).toBeVisible();

  await dragFrom();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Spara ändringen' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Skriv varför kallelsen ändras.');
  await dialog.getByLabel(REASON_LABEL).fill('Ansökan behandlas först');
  const ordered = meetingWrite(page, 'PUT', /\/order$/);
  await dialog.getByRole('button', { name: 'Spara ändringen' }).click();
  const orderRequest = await ordered;
  expect(orderRequest.status()).toBe(200);
  expect(orderRequest.request().postDataJSON()).toMatchObject({ reason: 'Ansökan behandlas först' });
  await expect(agendaTitles(page, 'decisions')).toHaveText(['Ansökan om bistånd', 'Budget 2050']);

  // The rättelse needs its own reason.
  await openTab(page, 'Kallelse');
  await expect(page.getByRole('heading', { name: 'Skicka en rättelse' })).toBeVisible();
  await page.getByRole('button', { name: 'Skicka kallelsen' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv varför kallelsen rättas');
  await page.getByLabel('Anledning till rättelsen').fill('Ny ordning på ärendena');
  const corrected = meetingWrite(page, 'POST', /\/kallelse$/);
  await page.getByRole('button', { name: 'Skicka kallelsen' }).click();
  expect((await corrected).status()).toBe(200);
  const versions = page.getByRole('table', { name: /Skickade versioner/ });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions).toContainText('Rättelse 1 (version 2)');
  await expect(versions).toContainText('Ny ordning på ärendena');

  await expectNoAxeViolations(page);
  await context.close();
});

test('the handlingar are compiled, the hit is handled, the meeting is published and anyone reads it', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await personPage(browser, SECRETARY);
  await page.goto(`/sammantraden/${meetingId}?flik=handlingar`);
  const compiled = meetingWrite(page, 'POST', /\/package$/);
  await page.getByRole('button', { name: 'Sammanställ handlingar' }).click();
  expect((await compiled).status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Offentliga handlingar' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Filerna i offentliga handlingar/ })).toContainText('Underlag till budgeten');
  await expectNoAxeViolations(page);

  await openTab(page, 'Publicering');
  const hits = page.getByRole('table', { name: /Träffar i granskningen/ });
  const row = hits.getByRole('row').filter({ hasText: 'Underlag till budgeten' });
  await expect(row).toContainText('Personnummer');
  await expect(row.locator('mark')).toHaveText('19121212-1212');
  await expect(page.getByRole('button', { name: 'Publicera', exact: true })).toBeDisabled();
  await expect(row.getByRole('button', { name: 'Sekretessbelägg Underlag till budgeten' })).toBeVisible();
  await row.getByRole('button', { name: 'Inte en personuppgift: 19121212-1212' }).click();
  await row.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(row.getByRole('alert')).toContainText('Skriv varför träffen inte är en personuppgift');
  await row.getByLabel('Varför är det inte en personuppgift?').fill('Skatteverkets testnummer, ingen verklig person');
  const resolved = meetingWrite(page, 'POST', /\/resolve$/);
  await row.getByRole('button', { name: 'Spara', exact: true }).click();
  expect((await resolved).status()).toBe(200);
  await expect(row).toContainText('Inte en personuppgift: Skatteverkets testnummer, ingen verklig person');
  await expectNoAxeViolations(page);
  const published = meetingWrite(page, 'POST', /\/publication$/);
  await page.getByRole('button', { name: 'Publicera', exact: true }).click();
  expect((await published).status()).toBe(200);
  await expect(page.getByTestId('publication')).toContainText('av Maria Holm');
  await context.close();

  // Anyone, without signing in: the nämnder, the nämnd's meetings with its feeds, the meeting.
  const anonymous = await browser.newContext({ baseURL: baseURL(), locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const open = await anonymous.newPage();
  await open.goto('/offentligt');
  await expect(open.getByRole('heading', { level: 1 })).toHaveText('Nämndernas sammanträden');
  await expect(open.locator('header')).not.toContainText('Mina uppgifter');
  await expectNoAxeViolations(open);
  await open.getByRole('link', { name: /^Socialnämnden, Gnesta kommun/ }).click();
  await expect(open.getByRole('link', { name: 'Sammanträdena i din kalender (ICS)' })).toHaveAttribute('href', `/api/public/committees/${committeeId}/calendar.ics`);
  await expect(open.getByRole('link', { name: 'Nyhetsflöde (Atom)' })).toHaveAttribute('href', `/api/public/committees/${committeeId}/feed.atom`);
  await expectNoAxeViolations(open);
  await open.getByRole('link', { name: DATE }).click();
  await expect(open).toHaveURL(new RegExp(`/offentligt/sammantraden/${meetingId}$`));
  await expect(open.getByRole('heading', { level: 1 })).toHaveText(`Socialnämnden: sammanträde ${DATE}`);
  const secret = open.getByRole('listitem').filter({ has: open.getByRole('heading', { name: '1. Ansökan om bistånd enligt SoL' }) });
  await expect(secret).toContainText('Sekretess enligt 26 kap. 1 § OSL');
  await expect(secret).not.toContainText('Förslag till beslut');
  await expect(open.getByText('Ansökan om bistånd', { exact: true })).toHaveCount(0);
  const files = open.getByRole('list', { name: 'Handlingar i ärende 2' });
  await expect(files).toContainText('Underlag till budgeten');
  const pdf = await open.request.get(await files.getByRole('link', { name: /^PDF/ }).getAttribute('href') ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await expectNoAxeViolations(open);
  await anonymous.close();
});

test('a ledamot reads the package, keeps a private note and reports förhinder', async ({ browser }) => {
  test.setTimeout(60_000);
  const { context, page } = await personPage(browser, MEMBER);
  await page.getByRole('link', { name: 'Sammanträden' }).first().click();
  await page.getByRole('link', { name: 'Mina sammanträden' }).click();
  await page.getByRole('link', { name: DATE }).click();
  await expect(page.getByRole('heading', { name: 'Kallelse och handlingar' })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '1. Ansökan om bistånd', exact: true })).toBeVisible();
  await expect(page.getByText('Bara du ser dina anteckningar').first()).toBeVisible();

  const note = page.getByRole('textbox', { name: 'Min anteckning om Underlag till budgeten' });
  await note.fill('Fråga om kostnaden för lokalerna.');
  const noted = meetingWrite(page, 'PUT', /\/notes\//);
  await page.getByRole('button', { name: 'Spara anteckningen om Underlag till budgeten' }).click();
  expect((await noted).status()).toBe(200);
  await page.getByLabel('Meddelande till sekreteraren (valfritt)').fill('Jag är på tjänsteresa.');
  const absent = meetingWrite(page, 'POST', /\/absence$/);
  await page.getByRole('button', { name: 'Anmäl förhinder' }).click();
  expect((await absent).status()).toBe(200);
  await expect(page.getByTestId('absence-reported')).toHaveText('Du har anmält förhinder.');
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Min anteckning om Underlag till budgeten' })).toHaveValue('Fråga om kostnaden för lokalerna.');
  await expect(page.getByTestId('absence-reported')).toBeVisible();
  await context.close();

  // The secretary sees the förhinder, never the note.
  const { api } = await apiAs(SECRETARY);
  const meeting = (await (await api.get(`/api/meetings/${meetingId}`)).json()) as { participants: Array<{ name: string; absent: boolean }>; mine: unknown };
  expect(meeting.participants.find((p) => p.name === 'Ulla Berg')?.absent).toBe(true);
  expect(JSON.stringify(meeting)).not.toContain('Fråga om kostnaden');
  await api.dispose();
});

test('the cycle overview links to the nämnd’s meetings on its meeting date', async ({ browser }) => {
  const { api } = await apiAs(SECRETARY);
  const cycles = (await (await api.get('/api/cycles')).json()) as { cycles: Array<{ id: string; committeeId: string; meetingDate: string }> };
  const cycle = cycles.cycles.find((c) => c.committeeId === committeeId);
  expect(cycle).toBeDefined();
  const list = (await (await api.get(`/api/committees/${committeeId}/meetings`)).json()) as { meetings: Array<{ date: string }> };
  await api.dispose();
  const { context, page } = await personPage(browser, SECRETARY);
  await page.goto(`/cykler/${cycle?.id}`);
  await page.getByRole('link', { name: 'Till nämnden' }).click();
  await expect(page).toHaveURL(new RegExp(`/namnder/${committeeId}/sammantraden\\?datum=${cycle?.meetingDate}$`));
  if (list.meetings.some((m) => m.date === cycle?.meetingDate)) {
    await expect(page.getByRole('link', { name: new RegExp(`^Öppna sammanträdet ${cycle?.meetingDate}`) })).toBeVisible();
    await expect(page.locator('tr[aria-current="date"]')).toHaveCount(1);
  } else {
    await expect(page.getByText(`Nämnden har inget sammanträde ${cycle?.meetingDate} ännu.`)).toBeVisible();
  }
  await context.close();
});
