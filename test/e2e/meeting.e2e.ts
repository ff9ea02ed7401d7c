import type { CapturedMailListResponse, MeetingDto, MeetingListResponse, PublicMeetingDto } from '@rapportflode/api-contract';
import { APIRequestContext, expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { ADMIN, apiAs, baseURL, cycleDates, frozenGnestaCycle, personPage } from './support';

// The chain from the tjänsteskrivelse to the published package, in the browser: the
// förvaltningschef approves the memo of a small Gnesta cycle (its report frozen first) and its
// ärende appears by itself on the meeting of the cycle's meeting date; the secretary adds a
// ledamot and a bilaga with a planted personnummer, sends the kallelse (the mail arrives at the
// catcher), compiles the handlingar (bookmarks and page numbers read back with qpdf and
// pdftotext), is stopped from publishing until the hit is judged, and publishes; an anonymous
// browser reads the public page, and the ICS calendar and the OParl JSON parse. Cycle year 2048
// (used by no other browser test).

const SECRETARY = 'maria.holm@gnesta.example.se';
const DIRECTOR = 'karin.lindqvist@gnesta.example.se';
const ECONOMIST = 'johan.ek@gnesta.example.se';
const MEMBER = 'ulla.berg@gnesta.example.se';
const YEAR = 2048;
const TEMPLATE = 'Nämndmöte e2e';
const TITLE = `${TEMPLATE} ${YEAR}`;
const MEETING_DATE = cycleDates(YEAR).meetingDate;
const PERSONNUMMER = '19121212-1212';

test.describe.configure({ mode: 'serial' });

let cycleId = '';
let committeeId = '';
let meetingId = '';

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

const paragraph = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text }] }] });

/** A one-section Gnesta cycle with its report frozen; its memo written and handed in (skipped when done). */
test.beforeAll(async () => {
  ({ cycleId, committeeId } = await frozenGnestaCycle({ template: TEMPLATE, year: YEAR, diaryNumber: `SN ${YEAR}/73`, admin: ADMIN, secretary: SECRETARY, economist: ECONOMIST }));
  const { api, xsrf } = await apiAs(SECRETARY);
  const memo = await ok<{ state: string; version: number; content: Record<string, unknown> }>(await api.get(`/api/cycles/${cycleId}/memo`));
  if (memo.state === 'not_started' || memo.state === 'draft') {
    const saved = await ok<{ version: number }>(
      await api.put(`/api/cycles/${cycleId}/memo/content`, {
        headers: await xsrf(),
        data: {
          version: memo.version,
          content: { ...memo.content, summary: paragraph(`Socialnämndens delårsrapport per augusti ${YEAR}.`), description: paragraph('Förvaltningen har sammanställt rapporten.') },
        },
      }),
    );
    await ok(await api.post(`/api/cycles/${cycleId}/memo/transitions`, { headers: await xsrf(), data: { transition: 'submit', version: saved.version } }));
  }
  await api.dispose();
});

test('the approved tjänsteskrivelse becomes an ärende on its meeting; the kallelse is sent and arrives', async ({ browser }) => {
  test.setTimeout(120_000);
  // The förvaltningschef approves the memo in the browser.
  const director = await personPage(browser, DIRECTOR);
  await director.page.goto(`/cykler/${cycleId}/tjansteskrivelse`);
  await expect(director.page.getByText('Status: Inlämnad')).toBeVisible();
  await director.page.getByRole('button', { name: 'Godkänn' }).click();
  await expect(director.page.getByText('Status: Godkänd')).toBeVisible();
  await director.context.close();

  // The secretary follows Till nämnden from the cycle overview: the meeting of the cycle's date holds the ärende.
  const { context, page } = await personPage(browser, SECRETARY);
  await page.goto(`/cykler/${cycleId}`);
  await page.getByRole('link', { name: 'Till nämnden' }).click();
  await expect(page).toHaveURL(new RegExp(`/namnder/${committeeId}/sammantraden\\?datum=${MEETING_DATE}$`));
  await page.getByRole('link', { name: new RegExp(`^Öppna sammanträdet ${MEETING_DATE}`) }).click();
  await expect(page).toHaveURL(/\/sammantraden\/[0-9a-f-]{36}/);
  meetingId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.getByRole('tab', { name: 'Ärenden', exact: true }).click();
  const item = page.locator('li.agenda-item').filter({ hasText: TITLE });
  await expect(item).toContainText('Från tjänsteskrivelsen');
  await expect(item).toContainText(`SN ${YEAR}/73`);

  // A ledamot to call (through the API: the Uppgifter form has its own browser test), and a bilaga with a planted personnummer.
  const { api, xsrf } = await apiAs(SECRETARY);
  const current = await ok<MeetingDto>(await api.get(`/api/meetings/${meetingId}`));
  if (current.participants.length === 0) {
    await ok(
      await api.put(`/api/meetings/${meetingId}`, {
        headers: await xsrf(),
        data: {
          version: current.version,
          date: current.date,
          startTime: current.startTime,
          place: 'Kommunhuset, sal Frösjön',
          chairName: 'Per Ström',
          secretaryName: 'Maria Holm',
          participants: [{ name: 'Ulla Berg', email: MEMBER, role: 'member', party: 'M' }],
        },
      }),
    );
  }
  await api.dispose();
  await page.reload();
  await page.getByRole('tab', { name: 'Ärenden', exact: true }).click();
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595, 842]).drawText(`Utredningen gäller ${PERSONNUMMER}.`, { x: 50, y: 780, size: 12, font });
  await page.getByRole('button', { name: 'Ladda upp bilaga (PDF) till ärende 1' }).click();
  const upload = page.getByRole('form', { name: 'Ladda upp bilaga till ärende 1' });
  await upload.getByLabel('PDF-fil').setInputFiles({ name: 'utredning.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) });
  await upload.getByLabel('Rubrik (valfri)').fill('Bilaga 1 Utredning');
  await upload.getByRole('button', { name: 'Ladda upp' }).click();
  await expect(page.getByRole('list', { name: 'Handlingar i ärende 1' })).toContainText('Bilaga 1 Utredning');

  // The kallelse: previewed, then sent; the mail reaches the catcher once.
  await page.getByRole('tab', { name: 'Kallelse', exact: true }).click();
  await expect(page.frameLocator('iframe[title="Förhandsgranskning av kallelsen"]').getByText(TITLE).first()).toBeVisible();
  const sent = page.waitForResponse((r) => r.request().method() === 'POST' && /\/kallelse$/.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'Skicka kallelsen' }).click();
  expect((await sent).status()).toBe(200);
  await expect(page.getByTestId('meeting-state')).toHaveText('Kallelse utskickad');
  await context.close();

  const admin = await apiAs(ADMIN);
  const kallelseMails = async () => {
    const { mails } = await ok<CapturedMailListResponse>(await admin.api.get('/api/admin/mail?pageSize=100'));
    return mails.filter((m) => m.to.includes(MEMBER) && m.text.includes(`/sammantraden/${meetingId}`));
  };
  await expect.poll(async () => (await kallelseMails()).length, { timeout: 30_000 }).toBe(1);
  const [mail] = await kallelseMails();
  expect(mail.subject).toMatch(/^Kallelse till Socialnämnden /);
  expect(mail.text).toContain(TITLE);
  await admin.api.dispose();
});

test('the handlingar are compiled with bookmarks and page numbers; a personnummer stops publishing until judged; anyone reads the result', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await personPage(browser, SECRETARY);
  await page.goto(`/sammantraden/${meetingId}?flik=handlingar`);
  const compiled = page.waitForResponse((r) => r.request().method() === 'POST' && /\/package$/.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'Sammanställ handlingar' }).click();
  expect((await compiled).status()).toBe(200);

  // The merged PDF as a member would download it, read back with qpdf and pdftotext.
  const merged = await page.request.get(`/api/meetings/${meetingId}/package?format=pdf`);
  expect(merged.status()).toBe(200);
  const dir = mkdtempSync(join(tmpdir(), 'rf-e2e-package-'));
  try {
    const file = join(dir, 'handlingar.pdf');
    writeFileSync(file, await merged.body());
    execFileSync('qpdf', ['--check', file]);
    const pages = Number(execFileSync('qpdf', ['--show-npages', file]).toString().trim());
    const outlines = JSON.stringify(JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file]).toString()));
    expect(outlines).toContain('Kallelse och föredragningslista');
    expect(outlines).toContain(`Tjänsteskrivelse ${TITLE}`);
    expect(outlines).toContain('Bilaga 1 Utredning');
    const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), file, '-']).toString();
    expect(last).toContain(`Sida ${pages} av ${pages}`);
    expect(last).toContain('Ärende 1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The planted personnummer blocks publishing until it is judged with a reason.
  await page.getByRole('tab', { name: 'Publicering', exact: true }).click();
  const row = page.getByRole('table', { name: /Träffar i granskningen/ }).getByRole('row').filter({ hasText: 'Bilaga 1 Utredning' });
  await expect(row.locator('mark')).toHaveText(PERSONNUMMER);
  await expect(page.getByRole('button', { name: 'Publicera', exact: true })).toBeDisabled();
  const refused = await page.request.post(`/api/meetings/${meetingId}/publication`, {
    headers: { 'X-XSRF-TOKEN': (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value ?? '' },
    data: {},
  });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { code: string }).code).toBe('publication_blocked');
  await row.getByRole('button', { name: `Inte en personuppgift: ${PERSONNUMMER}` }).click();
  await row.getByLabel('Varför är det inte en personuppgift?').fill('Skatteverkets testnummer, ingen verklig person');
  await row.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Publicera', exact: true })).toBeEnabled();
  const published = page.waitForResponse((r) => r.request().method() === 'POST' && /\/publication$/.test(new URL(r.url()).pathname));
  await page.getByRole('button', { name: 'Publicera', exact: true }).click();
  expect((await published).status()).toBe(200);
  await expect(page.getByTestId('publication')).toContainText('av Maria Holm');
  await context.close();

  // Anyone, without signing in.
  const anonymous = await browser.newContext({ baseURL: baseURL(), locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  const open = await anonymous.newPage();
  await open.goto(`/offentligt/sammantraden/${meetingId}`);
  await expect(open.getByRole('heading', { level: 1 })).toHaveText(`Socialnämnden: sammanträde ${MEETING_DATE}`);
  await expect(open.getByRole('list', { name: 'Handlingar i ärende 1' })).toContainText('Bilaga 1 Utredning');

  // The calendar parses: unfolded lines, one VEVENT for this meeting at its Stockholm time.
  const ics = await (await open.request.get(`/api/public/committees/${committeeId}/calendar.ics`)).text();
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const events: Array<Record<string, string>> = [];
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') events.push({});
    else if (events.length && !line.startsWith('END:')) {
      const at = line.indexOf(':');
      events[events.length - 1][line.slice(0, at)] = line.slice(at + 1);
    }
  }
  const event = events.find((e) => e['UID'] === `${meetingId}@rapportflode`);
  expect(event?.['DTSTART;TZID=Europe/Stockholm']).toMatch(new RegExp(`^${MEETING_DATE.replace(/-/g, '')}T\\d{6}$`));
  expect(event?.['SUMMARY']).toContain('Socialnämnden');

  // The JSON: the public meeting and OParl.
  const json = (await (await open.request.get(`/api/public/meetings/${meetingId}`)).json()) as PublicMeetingDto;
  expect(json.items.map((i) => i.title)).toContain(TITLE);
  const oparl = (await (await open.request.get(`/api/public/oparl/meetings/${meetingId}`)).json()) as { type: string; start: string; agendaItem: Array<{ name: string }> };
  expect(oparl.type).toBe('https://schema.oparl.org/1.1/Meeting');
  expect(new Date(oparl.start).toString()).not.toBe('Invalid Date');
  expect(oparl.agendaItem.map((i) => i.name)).toContain(TITLE);
  await anonymous.close();

  // Nothing else of the nämnd is public: the demo meeting is not published.
  const { api } = await apiAs(SECRETARY);
  const list = await ok<MeetingListResponse>(await api.get(`/api/committees/${committeeId}/meetings`));
  const unpublished = list.meetings.find((m) => !m.publishedAt);
  if (unpublished) expect((await api.get(`/api/public/meetings/${unpublished.id}`)).status()).toBe(404);
  await api.dispose();
});
