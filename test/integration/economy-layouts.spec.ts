import type { ApiErrorResponse, EconomyImportPreviewDto, OrganisationResponse, ReportTemplateDto, SaveContentResponse, TaskDto, TemplateListResponse } from '@rapportflode/api-contract';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { myTask, openCycle } from './support/cycles';
import { economyImportCycle, postEconomyImport } from './support/economy-import';
import { DEMO, HttpClient, signedInAll } from './support/http';

const MINUS = '\u2212';

/**
 * An economy layout beyond today's default, end to end: costs and net costs positive, "Perioden"
 * and "Helår" over their columns, rows by kostnadsslag, mnkr with two decimals. Created over the
 * API, a task filled and approved, and the assembled report's HTML read back.
 */
const LAYOUT = {
  unit: 'mnkr',
  decimals: 2,
  signs: 'costs_positive',
  columns: ['budget_net', 'net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
  labels: { budget_net: 'Budget', net: 'Utfall', budget_deviation: 'Avvikelse', annual_budget: 'Budget', forecast: 'Prognos', forecast_deviation: 'Prognosavvikelse' },
  groups: [
    { label: 'Perioden', columns: ['budget_net', 'net', 'budget_deviation'] },
    { label: 'Helår', columns: ['annual_budget', 'forecast', 'forecast_deviation'] },
  ],
  rowHeading: 'Kostnadsslag',
  totalLabel: 'Summa nettokostnad',
};

const section = (config: unknown) => ({
  key: 'ekonomi',
  parentKey: null,
  title: 'Ekonomi per kostnadsslag',
  kind: 'economy',
  responsibility: 'committee',
  reviewerRole: 'economist',
  config: { economy: config },
});

const content = (personalCosts: number) => ({
  type: 'economy',
  rows: [
    { key: 'intakter', label: 'Verksamhetens intäkter', values: { budget_net: -1.2, net: -1.35, annual_budget: -1.8, forecast: -1.9 } },
    { key: 'personal', label: 'Personal', values: { budget_net: 12.4, net: personalCosts, annual_budget: 18.6, forecast: 19.25 } },
    { key: 'lokaler', label: 'Lokaler', values: { budget_net: 3.1, net: 2.85, annual_budget: 4.65, forecast: 4.3 } },
  ],
});

describe('economy layouts from the template, through the API to the report', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let admin: HttpClient;
  let secretary: HttpClient;
  let economist: HttpClient;
  let committeeId: string;
  const templateCount = async () => (await admin.get<TemplateListResponse>('/api/templates')).body.templates.length;

  beforeAll(async () => {
    [admin, secretary, economist] = await signedInAll(app.running.baseUrl, [DEMO.admin, DEMO.nackaSecretary, DEMO.nackaEconomist]);
    committeeId = (await admin.get<OrganisationResponse>('/api/organisation')).body.committees.find((c) => c.municipality === 'Nacka kommun')?.id as string;
  });

  it('refuses a layout with a gap in a group or a column in two groups, in Swedish, and stores nothing', async () => {
    const before = await templateCount();
    const gap = await admin.post<ApiErrorResponse>('/api/templates', {
      committeeId,
      name: 'Ekonomi med lucka',
      reportKind: 'interim_report',
      sections: [section({ ...LAYOUT, groups: [{ label: 'Helår', columns: ['budget_deviation', 'forecast'] }] })],
    });
    expect(gap.status).toBe(400);
    expect(JSON.stringify(gap.body)).toContain('Kolumngruppen \\"Helår\\" ska omfatta kolumner som står bredvid varandra; Helårsbudget står emellan.');
    const twice = await admin.post<ApiErrorResponse>('/api/templates', {
      committeeId,
      name: 'Ekonomi med dubbel grupp',
      reportKind: 'interim_report',
      sections: [section({ ...LAYOUT, decimals: 3, groups: [{ label: 'A', columns: ['net'] }, { label: 'B', columns: ['net', 'budget_deviation'] }] })],
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('Kolumnen Utfall netto ligger i två kolumngrupper (\\"A\\" och \\"B\\").');
    expect(JSON.stringify(twice.body)).toContain('Mnkr anges med en eller två decimaler.');
    expect(await templateCount()).toBe(before);
  });

  it('prints costs positive, two heading rows and two decimals in mnkr; refuses a figure with three decimals and stores nothing', async () => {
    const created = await admin.post<ReportTemplateDto>('/api/templates', {
      committeeId,
      name: 'Ekonomi per kostnadsslag',
      reportKind: 'interim_report',
      sections: [section({ ...LAYOUT, subtotalPosition: 'above', signs: 'costs_positive' })],
    });
    expect(created.status).toBe(201);
    // Stored as sent, the default sub-total position left out.
    expect(created.body.sections[0].config).toEqual({ economy: LAYOUT });

    const cycle = await openCycle(secretary, created.body.id, 2011);
    const task = await myTask(secretary, cycle.id, 'Ekonomi per kostnadsslag');
    const stored = async () => (await app.running.app.get(DataSource).query('SELECT content, version FROM task WHERE id = $1', [task.id])) as Array<{ content: unknown; version: number }>;
    const before = await stored();
    const bad = await secretary.put<ApiErrorResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: content(12.955) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('Utfall: anges i mnkr med 2 decimaler.');
    expect(await stored()).toEqual(before);

    const saved = await secretary.put<SaveContentResponse>(`/api/tasks/${task.id}/content`, { version: task.version, content: content(12.95) });
    expect(saved.status).toBe(200);
    const submitted = await secretary.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'submit', version: saved.body.version });
    expect(submitted.status).toBe(201);
    const approved = await economist.post<TaskDto>(`/api/tasks/${task.id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');

    const html = String((await secretary.get<unknown>(`/api/cycles/${cycle.id}/report/document?format=html`)).body);
    expect(html).toContain('<tr class="group"><td></td><th scope="colgroup" colspan="3">Perioden</th><th scope="colgroup" colspan="3">Helår</th></tr>');
    expect(html).toContain('<th scope="col">Kostnadsslag</th>');
    // Personal: nettokostnad 12,95 against budget 12,40 is 0,55 worse than budget.
    expect(html).toMatch(new RegExp(`<th scope="row">Personal</th><td class="num">12,40</td><td class="num">12,95</td><td class="num">${MINUS}0,55</td>`));
    // The total: 15,45 net cost against 14,30; the year's prognos 21,65 against 21,45.
    expect(html).toMatch(
      new RegExp(`<th scope="row">Summa nettokostnad</th><td class="num">14,30</td><td class="num">14,45</td><td class="num">${MINUS}0,15</td><td class="num">21,45</td><td class="num">21,65</td><td class="num">${MINUS}0,20</td>`),
    );
    expect(html).toContain('Kostnader och nettokostnader anges med positiva belopp; en positiv avvikelse är bättre än budget.');
    expect(html).not.toContain('Negativa belopp är nettokostnader.');
  });

  it('warns before an import is confirmed when the file’s costs are negative in a layout with costs positive, and stores nothing', async () => {
    const db = app.running.app.get(DataSource);
    const ids = await economyImportCycle(app.running.baseUrl, db, 'Ekonomi med positiva kostnader', { unit: 'tkr', columns: ['income', 'costs', 'net'], signs: 'costs_positive' }, 'SN.2024.97');
    const [{ imports: before }] = await db.query('SELECT count(*)::int AS imports FROM economy_import');
    const csv = (costs: string[]) => Buffer.from(['Enhet;Rad;Intäkter;Kostnader', ...costs.map((c, i) => `Omsorgsenheten;Rad ${i + 1};100;${c}`)].join('\r\n'), 'utf8');
    const reversed = await postEconomyImport<EconomyImportPreviewDto>(ids.economist, 'preview', ids, csv(['-1 200', '-3 400', '-560']), 'omvanda.csv');
    expect(reversed.status).toBe(200);
    expect(reversed.body.signWarning).toBe(
      'Tecknen i filen ser omvända ut: 3 av 3 kostnadsbelopp i filen är negativa, men avsnittets upplägg anger kostnader och nettokostnader med positiva belopp. ' +
        'Kontrollera filen innan du bekräftar importen – beloppen vänds inte automatiskt.',
    );
    expect(reversed.body.canImport).toBe(false);
    expect(reversed.body.issues.map((i) => i.message)).toContain('Omsorgsenheten, Rad 1: Utfall kostnader: kostnader anges som positiva tal (1\u00a0200).');
    const fits = await postEconomyImport<EconomyImportPreviewDto>(ids.economist, 'preview', ids, csv(['1 200', '3 400']), 'ratt.csv');
    expect(fits.body).toMatchObject({ signWarning: null, canImport: true, issues: [] });
    expect(fits.body.units[0].total).toMatchObject({ costs: 4600, net: 4400 });
    const [{ imports: after }] = await db.query('SELECT count(*)::int AS imports FROM economy_import');
    expect(after).toBe(before);
  });
});
