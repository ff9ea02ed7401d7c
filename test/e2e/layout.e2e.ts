import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, expect, Page, test } from '@playwright/test';
import { ADMIN, apiAs, baseURL, DEMO_PASSWORD, expectNoAxeViolations, signIn, UNIT_HEAD } from './support';

// Every page of the app fits the screen: at 1366×800 (a municipal laptop) no page scrolls sideways,
// wide tables scroll inside their own region; at 390×844 (a phone) a unit head's journey works the
// same, under a header that takes little room. Screenshots of each page go to tmp/screenshots/.

const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };
const SCREENSHOTS = join(__dirname, '../../tmp/screenshots');

const SECRETARY = 'maria.holm@gnesta.example.se';
const ECONOMIST = 'johan.ek@gnesta.example.se';
const NACKA_SECRETARY = 'birgitta.sandberg@nacka.example.se';
const NACKA_ECONOMIST = 'anders.nilsson@nacka.example.se';
const NACKA_HEAD = 'camilla.oberg@nacka.example.se';
const WRITERS = [UNIT_HEAD, NACKA_HEAD, 'fredrik.akesson@nacka.example.se', 'lars.berg@gnesta.example.se', ECONOMIST, NACKA_ECONOMIST, SECRETARY, NACKA_SECRETARY];

interface TaskItem {
  id: string;
  kind: string;
  cycleId: string;
  sectionTitle: string;
  unitName: string;
  state: string;
}

interface Found {
  /** One task of each section kind, with the person who may open it. */
  byKind: Map<string, { email: string; task: TaskItem }>;
  cycles: Array<{ id: string; title: string; email: string }>;
  templateId: string;
}

let found: Found;

/** A long action plan: a dozen rows with sentences as long as a real one's, so the grid is at its widest. */
function longActionPlan(): unknown {
  return {
    type: 'action_plan',
    rows: Array.from({ length: 12 }, (_, i) => ({
      key: `layout-${i + 1}`,
      action: `Åtgärd ${i + 1}: översyn av bemanning och schemaläggning inom verksamheten för att minska kostnaderna för timanställda`,
      area: 'FL',
      years: '2026 - 2027',
      status: 'started',
      comment: 'Arbetet pågår enligt plan; uppföljning sker månadsvis i ledningsgruppen och redovisas i nästa tertialrapport.',
    })),
  };
}

test.beforeAll(async () => {
  const byKind = new Map<string, { email: string; task: TaskItem }>();
  for (const email of WRITERS) {
    const { api } = await apiAs(email);
    for (const list of ['/api/tasks/mine', '/api/tasks/review-queue']) {
      const response = await api.get(list);
      // A unit head has no review queue (403): only their own list.
      if (response.status() === 403) continue;
      expect(response.status()).toBe(200);
      for (const task of ((await response.json()) as { tasks: TaskItem[] }).tasks) {
        if (!byKind.has(task.kind)) byKind.set(task.kind, { email, task });
      }
    }
    await api.dispose();
  }
  // The action plan at its widest: its writer saves a dozen long rows (the page shows them).
  const plan = byKind.get('action_plan');
  expect(plan, 'an action plan task in the demo data').toBeDefined();
  if (plan) {
    const { api, xsrf } = await apiAs(plan.email);
    const task = (await (await api.get(`/api/tasks/${plan.task.id}`)).json()) as { version: number; permissions?: unknown };
    const saved = await api.put(`/api/tasks/${plan.task.id}/content`, { headers: await xsrf(), data: { version: task.version, content: longActionPlan() } });
    expect(saved.status(), await saved.text()).toBe(200);
    await api.dispose();
  }
  const cycles: Found['cycles'] = [];
  for (const email of [SECRETARY, NACKA_SECRETARY]) {
    const { api } = await apiAs(email);
    const list = (await (await api.get('/api/cycles')).json()) as { cycles: Array<{ id: string; title: string }> };
    for (const cycle of list.cycles) cycles.push({ ...cycle, email });
    await api.dispose();
  }
  const { api } = await apiAs(ADMIN);
  const templates = (await (await api.get('/api/templates')).json()) as { templates: Array<{ id: string }> };
  await api.dispose();
  expect(cycles.length).toBeGreaterThan(0);
  found = { byKind, cycles, templateId: templates.templates[0]?.id ?? '' };
});

/** Waits until the page shows its content: its heading, no progress bar left. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('mat-progress-bar')).toHaveCount(0, { timeout: 20_000 });
  await page.waitForLoadState('networkidle');
}

/** The page does not scroll sideways; if it does, the message names what sticks out. */
async function expectFits(page: Page, label: string): Promise<void> {
  const result = await page.evaluate(() => {
    const width = window.innerWidth;
    const offenders: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        const box = element.getBoundingClientRect();
        if (box.right <= width + 1 || box.width === 0) continue;
        // Inside a region that scrolls by itself: contained.
        let scroller: HTMLElement | null = element.parentElement;
        let contained = false;
        while (scroller && scroller !== document.body) {
          const style = getComputedStyle(scroller);
          if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && scroller.getBoundingClientRect().right <= width + 1) {
            contained = true;
            break;
          }
          scroller = scroller.parentElement;
        }
        if (!contained) offenders.push(`${element.tagName.toLowerCase()}.${element.className} → ${Math.round(box.right)}`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, offenders: offenders.slice(0, 8) };
  });
  expect(result.scrollWidth, `${label}: the page is ${result.scrollWidth} px wide at ${result.width} px; sticking out: ${result.offenders.join(' | ')}`).toBeLessThanOrEqual(result.width);
}

async function visit(page: Page, path: string, name: string, size: string): Promise<void> {
  await page.goto(path);
  await settled(page);
  await expectFits(page, `${name} (${path})`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${size}-${name}.png`), fullPage: true });
}

async function personAt(browser: Browser, email: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test.describe('at 1366×800 no page scrolls sideways', () => {
  test.setTimeout(240_000);

  test('the administrator’s pages', async ({ browser }) => {
    const page = await personAt(browser, ADMIN, DESKTOP);
    await visit(page, '/', 'admin-start', 'desktop');
    await visit(page, '/cykler', 'admin-cykler', 'desktop');
    await visit(page, '/admin/mallar', 'admin-mallar', 'desktop');
    await visit(page, `/admin/mallar/${found.templateId}`, 'admin-mall', 'desktop');
    await visit(page, '/organisation', 'admin-organisation', 'desktop');
    await visit(page, '/admin/personer', 'admin-personer', 'desktop');
    await visit(page, '/admin/import', 'admin-import', 'desktop');
    await visit(page, '/admin/logg', 'admin-logg', 'desktop');
    await visit(page, '/admin/utskick', 'admin-utskick', 'desktop');
    await visit(page, '/admin/koer', 'admin-koer', 'desktop');
    await visit(page, '/status', 'admin-status', 'desktop');
    await visit(page, '/notiser', 'admin-notiser', 'desktop');
    // The administrator's many menu items stay on one row beside the person menu.
    const header = await page.locator('header').boundingBox();
    expect(header?.height ?? 999).toBeLessThanOrEqual(80);
    await page.context().close();
  });

  test('the secretary’s and the economist’s pages: overview, assembly, memo, review, import', async ({ browser }) => {
    for (const email of [SECRETARY, NACKA_SECRETARY]) {
      const page = await personAt(browser, email, DESKTOP);
      const who = email === SECRETARY ? 'sekreterare' : 'sekreterare-nacka';
      await visit(page, '/uppgifter', `${who}-uppgifter`, 'desktop');
      for (const [i, cycle] of found.cycles.filter((c) => c.email === email).entries()) {
        await visit(page, `/cykler/${cycle.id}`, `${who}-oversikt-${i}`, 'desktop');
        await visit(page, `/cykler/${cycle.id}/rapport`, `${who}-rapport-${i}`, 'desktop');
        await visit(page, `/cykler/${cycle.id}/tjansteskrivelse`, `${who}-tjansteskrivelse-${i}`, 'desktop');
      }
      await page.context().close();
    }
    const economist = await personAt(browser, NACKA_ECONOMIST, DESKTOP);
    await visit(economist, '/granskning', 'ekonom-granska', 'desktop');
    await economist.context().close();
  });

  test('a task of every section kind, the action plan with a dozen rows', async ({ browser }) => {
    for (const kind of ['narrative', 'economy', 'sick_leave', 'action_plan', 'internal_control', 'goals', 'table']) {
      const entry = found.byKind.get(kind);
      if (!entry) continue;
      const page = await personAt(browser, entry.email, DESKTOP);
      await visit(page, `/uppgifter/${entry.task.id}`, `uppgift-${kind}`, 'desktop');
      if (kind === 'action_plan') {
        // A row's buttons are on the screen without scrolling the table sideways.
        const remove = await page.getByRole('button', { name: 'Ta bort rad 1', exact: true }).boundingBox();
        expect((remove?.x ?? 9999) + (remove?.width ?? 0)).toBeLessThanOrEqual(DESKTOP.width);
      }
      if (kind === 'economy') {
        await visit(page, `/cykler/${entry.task.cycleId}/import/${await sectionOf(entry.email, entry.task)}`, 'ekonomi-import', 'desktop');
      }
      await page.context().close();
    }
    expect(found.byKind.has('economy')).toBe(true);
    expect(found.byKind.has('action_plan')).toBe(true);
  });
});

/** The section id of a task (for the economy import page). */
async function sectionOf(email: string, item: TaskItem): Promise<string> {
  const { api } = await apiAs(email);
  const full = (await (await api.get(`/api/tasks/${item.id}`)).json()) as { sectionId: string };
  await api.dispose();
  return full.sectionId;
}

test.describe('at 390×844 a unit head’s journey works on a phone', () => {
  test.setTimeout(180_000);

  test('Mina uppgifter, a task of each kind, Notiser, Organisation: no sideways scrolling, a small header', async ({ browser }) => {
    const page = await personAt(browser, UNIT_HEAD, PHONE);
    await visit(page, '/uppgifter', 'enhetschef-uppgifter', 'phone');
    const header = await page.locator('header').boundingBox();
    expect(header?.height ?? 999).toBeLessThanOrEqual(PHONE.height * 0.2);
    // The status and deadline of a task are on the screen, not clipped.
    await expect(page.getByRole('cell', { name: /Utkast|Inlämnad|Återsänd|Godkänd|Öppnad igen/ }).first()).toBeInViewport();
    await visit(page, '/notiser', 'enhetschef-notiser', 'phone');
    await visit(page, '/organisation', 'enhetschef-organisation', 'phone');
    const mine = found.byKind.get('narrative');
    if (mine?.email === UNIT_HEAD) await visit(page, `/uppgifter/${mine.task.id}`, 'enhetschef-uppgift-text', 'phone');
    await expectNoAxeViolations(page);
    await page.context().close();

    for (const kind of ['narrative', 'sick_leave', 'action_plan', 'internal_control', 'goals', 'table', 'economy']) {
      const entry = found.byKind.get(kind);
      if (!entry) continue;
      const other = await personAt(browser, entry.email, PHONE);
      await visit(other, `/uppgifter/${entry.task.id}`, `uppgift-${kind}`, 'phone');
      await other.context().close();
    }
  });

  test('the menu opens from “Meny”, the person menu holds the roles and Logga ut; Escape closes and gives focus back', async ({ browser }) => {
    const page = await personAt(browser, UNIT_HEAD, PHONE);
    await settled(page);
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(menu).toBeHidden();
    const toggle = page.getByRole('button', { name: 'Meny' });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getByRole('link', { name: 'Organisation' })).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Systemstatus' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-meny-oppen.png') });
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(toggle).toBeFocused();
    await toggle.click();
    await menu.getByRole('link', { name: 'Organisation' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
    await expect(menu).toBeHidden();

    const person = page.getByRole('button', { name: 'Lena Wik' });
    await person.click();
    const panel = page.getByRole('group', { name: 'Inloggad som' });
    await expect(panel).toContainText('Enhetschef – Vuxenutbildning');
    await expect(panel.getByRole('button', { name: 'Logga ut' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-personmeny-oppen.png') });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(person).toBeFocused();
    await page.context().close();
  });
});

test.describe('the shell', () => {
  test('at 1366 the menu and the person menu share one row; Systemstatus only for administrators', async ({ browser }) => {
    const page = await personAt(browser, UNIT_HEAD, DESKTOP);
    await settled(page);
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(menu.getByRole('link', { name: 'Mina uppgifter' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Systemstatus' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Meny' })).toBeHidden();
    // The page itself is the administrators' only, and so are the operations pages' endpoints.
    await page.goto('/status');
    await expect(page).toHaveURL(/\/uppgifter$/);
    for (const path of ['/api/admin/queues', '/api/admin/mail', '/api/admin/settings']) {
      expect((await page.request.get(path)).status(), path).toBe(403);
    }
    await page.getByRole('button', { name: 'Lena Wik' }).click();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page).toHaveURL(/\/logga-in$/);
    await page.context().close();
  });

  test('a person with many roles gets “Meny” where the items do not fit one row, and the header stays one row', async ({ browser }) => {
    const email = 'kim.allroller@gnesta.example.se';
    const { api, xsrf } = await apiAs(ADMIN);
    const organisation = (await (await api.get('/api/organisation')).json()) as { committees: Array<{ id: string; municipality: string }> };
    const gnesta = organisation.committees.find((c) => c.municipality === 'Gnesta kommun');
    expect(gnesta).toBeDefined();
    const created = await api.post('/api/users', {
      headers: await xsrf(),
      data: { name: 'Kim Allroller', email, password: DEMO_PASSWORD, role: { role: 'secretary', committeeId: gnesta?.id, unitId: null } },
    });
    const body = await created.text();
    // 409: made by an earlier attempt in this run.
    expect([201, 409], body).toContain(created.status());
    if (created.status() === 201) {
      const { id } = JSON.parse(body) as { id: string };
      for (const role of [{ role: 'economist', committeeId: gnesta?.id }, { role: 'admin', committeeId: null }]) {
        const granted = await api.post(`/api/users/${id}/roles`, { headers: await xsrf(), data: { ...role, unitId: null } });
        expect(granted.status(), await granted.text()).toBe(201);
      }
    }
    await api.dispose();

    const page = await personAt(browser, email, { width: 1200, height: 800 });
    await settled(page);
    const toggle = page.getByRole('button', { name: 'Meny' });
    await expect(toggle).toBeVisible();
    const header = await page.locator('header').boundingBox();
    expect(header?.height ?? 999).toBeLessThanOrEqual(80);
    await expectFits(page, 'many roles at 1200');
    await toggle.click();
    await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Systemstatus' })).toBeVisible();
    await page.screenshot({ path: join(SCREENSHOTS, 'desktop-1200-manga-roller-meny.png') });
    await page.context().close();
  });

  test('the skip link moves focus to the content; the next Tab reaches the first control in it', async ({ browser }) => {
    const page = await personAt(browser, UNIT_HEAD, DESKTOP);
    await page.goto('/notiser');
    await settled(page);
    const url = page.url();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    expect(page.url()).toBe(url);
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => {
      const active = document.activeElement;
      return Boolean(active && active !== document.querySelector('main') && document.querySelector('main')?.contains(active));
    });
    expect(inMain).toBe(true);
    await page.context().close();
  });

  test('the page says “Laddar Rapportflöde…” until Angular has started', async ({ page }) => {
    // The application's script is held back, as on a slow connection.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/main-[A-Z0-9]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/logga-in', { waitUntil: 'commit' });
    await expect(page.getByRole('status')).toHaveText('Laddar Rapportflöde…');
    await expectNoAxeViolations(page);
    release();
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
    await expect(page.getByText('Laddar Rapportflöde…')).toHaveCount(0);
  });
});
