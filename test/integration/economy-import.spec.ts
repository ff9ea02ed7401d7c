import type {
  EconomyImportListResponse,
  EconomyImportPreviewDto,
  EconomyImportResultDto,
  TaskDto,
} from '@rapportflode/api-contract';
import {
  computeEconomy,
  economyGridFromCsv,
  EconomyColumn,
  ECONOMY_COLUMNS,
  EconomyContent,
  EconomyTableConfig,
  importEconomy,
  inputColumns,
  suggestEconomyMapping,
} from '@rapportflode/domain';
import { Workbook } from 'exceljs';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { useTestApp } from './support/app';
import { economyImportCycle, postEconomyImport } from './support/economy-import';
import { DEMO, HttpClient, signedIn } from './support/http';

/** Nacka's layout (reference 000): utfall and budget for the period, helårsbudget and prognos. */
const LAYOUT: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
};
const HEADER = 'Enhet;Rad;Utfall intäkter;Utfall kostnader;Budget intäkter;Budget kostnader;Helårsbudget;Prognos';

/** Windows-1252 bytes (the Latin-1 letters used here), as Swedish Excel saves "CSV (semikolonavgränsad)". */
function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((ch) => ch.charCodeAt(0)));
}

/** Two units' tables from the finance system, with a printed total per unit (one of them off by one) and one for the file. */
const GOOD_CSV = [
  HEADER,
  'Barn och familjeenheten;Heldygnsvård;1 200;-53 240;1 000;-61 749;-91 123;-80 344',
  'Barn och familjeenheten;Biståndsbedömd öppenvård;0;-31 254;0;-26 093;-39 140;-47 175',
  'Barn och familjeenheten;Summa Barn och familjeenheten;1 200;-84 494;1 000;-87 842;-130 263;-127 519',
  'Omsorgsenheten;Hemtjänst;5 000;-45 000;4 800;-44 000;-60 000;-61 000',
  'Omsorgsenheten;Summa Omsorgsenheten;5 000;-45 000;4 800;-44 001;-60 000;-61 000',
  ';Totalt;6 200;-129 494;5 800;-131 844;-190 263;-188 519',
].join('\r\n');

interface TaskState {
  id: string;
  unit: string;
  state: string;
  version: number;
  content: unknown;
}

describe('importing economy figures from the finance system', () => {
  const app = useTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  let db: DataSource;
  let economist: HttpClient;
  let base: string;
  let cycleId: string;
  let sectionId: string;

  const snapshot = async (): Promise<{ tasks: TaskState[]; imports: number; transitions: number; audits: number }> => {
    const tasks: TaskState[] = await db.query(
      `SELECT t.id, u.name AS unit, t.state, t.version, t.content FROM task t JOIN organisation_unit u ON u.id = t.unit_id
        WHERE t.section_id = $1 ORDER BY u.name`,
      [sectionId],
    );
    const [{ imports }] = await db.query('SELECT count(*)::int AS imports FROM economy_import');
    const [{ transitions }] = await db.query('SELECT count(*)::int AS transitions FROM task_transition');
    const [{ audits }] = await db.query('SELECT count(*)::int AS audits FROM audit_event');
    return { tasks, imports, transitions, audits };
  };
  const preview = (client: HttpClient, file: Buffer | Uint8Array, name: string, fields: Record<string, string> = {}) =>
    postEconomyImport<EconomyImportPreviewDto>(client, 'preview', { cycleId, sectionId }, file, name, fields);
  const commit = (client: HttpClient, file: Buffer | Uint8Array, name: string, fields: Record<string, string> = {}) =>
    postEconomyImport<EconomyImportResultDto>(client, 'commit', { cycleId, sectionId }, file, name, fields);

  beforeAll(async () => {
    base = app.running.baseUrl;
    db = app.running.app.get(DataSource);
    ({ cycleId, sectionId, economist } = await economyImportCycle(base, db, 'Månadsuppföljning ekonomi', LAYOUT, 'SN.2024.90'));
  });

  it('previews a Windows-1252 CSV with ; and decimal comma: mapping suggested from the headers, each unit’s totals, every printed total that disagrees with both numbers, nothing stored', async () => {
    const before = await snapshot();
    expect(before.tasks.map((t) => [t.unit, t.state])).toEqual([
      ['Barn och familjeenheten', 'not_started'],
      ['Omsorgsenheten', 'not_started'],
    ]);
    const result = await preview(economist, windows1252(GOOD_CSV), 'ekonomi-augusti.csv');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      fileName: 'ekonomi-augusti.csv',
      format: 'csv',
      encoding: 'Windows-1252',
      mappingSource: 'suggested',
      mapping: {
        unitColumn: 'Enhet',
        labelColumn: 'Rad',
        columns: { income: 'Utfall intäkter', costs: 'Utfall kostnader', budget_income: 'Budget intäkter', budget_costs: 'Budget kostnader', annual_budget: 'Helårsbudget', forecast: 'Prognos' },
      },
      issues: [],
      canImport: true,
      untouchedUnits: [],
    });
    expect(result.body.sha256).toBe(createHash('sha256').update(windows1252(GOOD_CSV)).digest('hex'));
    expect(result.body.units.map((u) => [u.unitName, u.rows, u.total.net, u.total.forecast_deviation])).toEqual([
      ['Barn och familjeenheten', 2, -83294, 2744],
      ['Omsorgsenheten', 1, -40000, -1000],
    ]);
    expect(result.body.disagreements).toEqual([
      { line: 6, unitName: 'Omsorgsenheten', row: 'Summa Omsorgsenheten', column: 'budget_costs', header: 'Budget kostnader', printed: -44001, computed: -44000 },
      { line: 7, unitName: 'Hela filen', row: 'Totalt', column: 'budget_costs', header: 'Budget kostnader', printed: -131844, computed: -131842 },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('imports it all or nothing: each unit’s table with a trace to its line, drafts started as the editor would, the import recorded and audited', async () => {
    const before = await snapshot();
    const result = await commit(economist, windows1252(GOOD_CSV), 'ekonomi-augusti.csv');
    expect(result.status).toBe(201);
    const record = result.body.import;
    expect(record).toMatchObject({ fileName: 'ekonomi-augusti.csv', format: 'csv', rowCount: 3, unitCount: 2, importedBy: { name: expect.any(String) } });
    expect(record.disagreements).toHaveLength(2);
    const after = await snapshot();
    expect(after.tasks.map((t) => [t.unit, t.state, t.version])).toEqual([
      ['Barn och familjeenheten', 'draft', before.tasks[0].version + 1],
      ['Omsorgsenheten', 'draft', before.tasks[1].version + 1],
    ]);
    const barn = after.tasks[0].content as EconomyContent;
    expect(barn.rows[0]).toEqual({
      key: 'heldygnsvard',
      label: 'Heldygnsvård',
      values: { income: 1200, costs: -53240, budget_income: 1000, budget_costs: -61749, annual_budget: -91123, forecast: -80344 },
      source: { importId: record.id, line: 2 },
    });
    expect(computeEconomy(LAYOUT, barn).total).toMatchObject({ net: -83294, budget_net: -86842, budget_deviation: 3548 });
    const transitions = await db.query(
      `SELECT transition, from_state, to_state FROM task_transition WHERE task_id = ANY($1::uuid[]) ORDER BY id`,
      [after.tasks.map((t) => t.id)],
    );
    expect(transitions).toEqual([
      { transition: 'start', from_state: 'not_started', to_state: 'draft' },
      { transition: 'start', from_state: 'not_started', to_state: 'draft' },
    ]);
    const [audit] = await db.query(`SELECT action, entity_id, after FROM audit_event WHERE action = 'economy.import'`);
    expect(audit).toMatchObject({ entity_id: record.id, after: { fileName: 'ekonomi-augusti.csv', sha256: record.sha256, rows: 3 } });
    expect(after.audits).toBe(before.audits + 3);

    // The unit head sees the imported table in the editor's task, as a draft.
    const head = await signedIn(base, DEMO.unitHeadBarnOchFamilj);
    const task = await head.get<TaskDto>(`/api/tasks/${after.tasks[0].id}`);
    expect(task.body).toMatchObject({ state: 'draft', version: after.tasks[0].version });
  });

  it('lists each import with file name, checksum, who and when, so a figure can be traced to its file', async () => {
    const list = await economist.get<EconomyImportListResponse>(`/api/cycles/${cycleId}/sections/${sectionId}/economy-imports`);
    expect(list.status).toBe(200);
    const [{ name }] = await db.query('SELECT name FROM app_user WHERE email = $1', [DEMO.nackaEconomist]);
    expect(list.body.section).toMatchObject({ id: sectionId, title: 'Ekonomiskt resultat' });
    expect(list.body.imports).toHaveLength(1);
    expect(list.body.imports[0]).toMatchObject({
      fileName: 'ekonomi-augusti.csv',
      sha256: createHash('sha256').update(windows1252(GOOD_CSV)).digest('hex'),
      byteSize: windows1252(GOOD_CSV).length,
      importedBy: { name },
    });
    expect(Date.now() - new Date(list.body.imports[0].importedAt).getTime()).toBeLessThan(60_000);
  });

  it('imports a UTF-8 CSV with , and decimal dot under other headers: the mapping sent is saved for the template and suggested next time', async () => {
    const csv = [
      'Ansvar,Aktivitet,Int ack,Kostn ack,Int budget,Kostn budget,Budget helår,Prognos helår',
      'Omsorgsenheten,Hemtjänst,5100,-45500.0,4800,-44000,-60000,-61500',
      'Omsorgsenheten,Särskilt boende,0,-20000,0,-21000,-30000,-29000',
    ].join('\n');
    const bytes = Buffer.from(csv, 'utf8');
    const first = await preview(economist, bytes, 'omsorg.csv');
    expect(first.body.mappingSource).toBe('suggested');
    expect(first.body.canImport).toBe(false);
    expect(first.body.issues[0].message).toContain('Kolumnen "Utfall intäkter" saknas');

    const mapping = {
      unitColumn: 'Ansvar',
      labelColumn: 'Aktivitet',
      parentColumn: null,
      keyColumn: null,
      commentColumn: null,
      columns: { income: 'Int ack', costs: 'Kostn ack', budget_income: 'Int budget', budget_costs: 'Kostn budget', annual_budget: 'Budget helår', forecast: 'Prognos helår' },
      totalLabels: ['Summa'],
      decimal: null,
    };
    const before = await snapshot();
    const result = await commit(economist, bytes, 'omsorg.csv', { mapping: JSON.stringify(mapping) });
    expect(result.status).toBe(201);
    const after = await snapshot();
    // Only Omsorgsenheten is in the file: Barn och familjeenheten is left as it was.
    expect(after.tasks[0]).toEqual(before.tasks[0]);
    expect(after.tasks[1]).toMatchObject({ state: 'draft', version: before.tasks[1].version + 1 });
    expect((after.tasks[1].content as EconomyContent).rows.map((r) => [r.label, r.values.costs])).toEqual([
      ['Hemtjänst', -45500],
      ['Särskilt boende', -20000],
    ]);
    // Already a draft: no new transition.
    expect(after.transitions).toBe(before.transitions);

    const again = await preview(economist, bytes, 'omsorg-september.csv');
    expect(again.body).toMatchObject({ mappingSource: 'saved', mapping: { ...mapping, totalLabels: ['Summa', 'Totalt', 'Total'] }, issues: [], canImport: true });
  });

  it('imports an XLSX built with exceljs (numbers as numbers, a total as a formula)', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Utfall');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow(['Barn och familjeenheten', 'Heldygnsvård', 1300, -54000, 1000, -61749, -91123, -81000]);
    sheet.addRow(['Barn och familjeenheten', 'Biståndsbedömd öppenvård', 0, -31000, 0, -26093, -39140, -47000]);
    sheet.addRow(['Barn och familjeenheten', 'Summa', 1300, { formula: 'D2+D3', result: -85000 }, 1000, -87842, -130263, -128000]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await commit(economist, bytes, 'utfall.xlsx');
    expect(result.status).toBe(201);
    expect(result.body.import).toMatchObject({ format: 'xlsx', rowCount: 2, unitCount: 1, disagreements: [] });
    const after = await snapshot();
    expect(computeEconomy(LAYOUT, after.tasks[0].content as EconomyContent).total).toMatchObject({ income: 1300, costs: -85000, forecast: -128000 });
  });

  it('checks a Summa line named in the unit column as the file’s total, reads a dot between thousands, counts only data rows', async () => {
    const before = await snapshot();
    const csv = [
      HEADER,
      'Barn och familjeenheten;Heldygnsvård;1.200;-53.240;1.000;-61.749;-91.123;-80.344',
      'Barn och familjeenheten;Biståndsbedömd öppenvård;0;-31.254;0;-26.093;-39.140;-47.175',
      'Omsorgsenheten;Hemtjänst;5.000;-45.000;4.800;-44.000;-60.000;-61.000',
      'Omsorgsenheten;Boende;0;-1.000;0;-1.000;-1.000;-1.000',
      'Summa nämnden;;6.200;-130.494;5.800;-132.842;-191.263;-189.520',
    ].join('\r\n');
    const result = await preview(economist, windows1252(csv), 'punkt-tusental.csv');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ issues: [], canImport: true, rowCount: 4, untouchedUnits: [] });
    expect(result.body.units.map((u) => [u.unitName, u.rows, u.total.income, u.total.costs])).toEqual([
      ['Barn och familjeenheten', 2, 1200, -84494],
      ['Omsorgsenheten', 2, 5000, -46000],
    ]);
    expect(result.body.disagreements).toEqual([
      { line: 6, unitName: 'Hela filen', row: 'Summa nämnden', column: 'forecast', header: 'Prognos', printed: -189520, computed: -189519 },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('names no unit as without rows when the file’s rows have problems', async () => {
    const bad = [HEADER, 'Barn och familjeenheten;Heldygnsvård;cirka 1 200;-53 240;1 000;-61 749;-91 123;-80 344', 'Omsorgsenheten;Hemtjänst;5 000;-45 000;4 800;-44 000;-60 000;-61 000'].join('\r\n');
    const result = await preview(economist, windows1252(bad), 'fel.csv');
    expect(result.body).toMatchObject({ canImport: false, untouchedUnits: [], rowCount: 2 });
    const one = [HEADER, 'Omsorgsenheten;Hemtjänst;5 000;-45 000;4 800;-44 000;-60 000;-61 000'].join('\r\n');
    expect((await preview(economist, windows1252(one), 'omsorg.csv')).body).toMatchObject({ canImport: true, untouchedUnits: ['Barn och familjeenheten'], rowCount: 1 });
  });

  it('refuses bad input with the line and column of each problem, and stores nothing', async () => {
    const before = await snapshot();
    const bad = [
      HEADER,
      'Barn och familjeenheten;Heldygnsvård;1 200;cirka 53 000;1 000;-61 749;-91 123;-80 344',
      'Barn och familjeenheten;Öppenvård;0;-31 254,5;0;-26.09;-39 140;-47 175',
      'Socialkontoret;Hemtjänst;0;-1;0;-1;-1;-1',
      'Barn och familjeenheten;Heldygnsvård;0;-1;0;-1;-1;-1',
    ].join('\r\n');
    const expected = [
      'Rad 2, kolumn "Utfall kostnader": "cirka 53 000" är inte ett tal.',
      'Rad 3, kolumn "Budget kostnader": "-26.09" har decimalpunkt; skriv decimalkomma (-26,09).',
      'Rad 3, kolumn "Utfall kostnader": Barn och familjeenheten, Öppenvård: Utfall kostnader: anges i tkr med heltal.',
      'Rad 4, kolumn "Enhet": Enheten "Socialkontoret" lämnar inte det här avsnittet, eller finns inte. Enheter som lämnar avsnittet: Barn och familjeenheten, Omsorgsenheten.',
      'Rad 5, kolumn "Rad": Raden "Heldygnsvård" för Barn och familjeenheten förekommer redan på rad 2.',
    ];
    const previewed = await preview(economist, windows1252(bad), 'fel.csv');
    expect(previewed.body.canImport).toBe(false);
    expect(previewed.body.issues.map((i) => `Rad ${i.line}, kolumn "${i.column}": ${i.message}`)).toEqual(expected);
    const committed = await commit(economist, windows1252(bad), 'fel.csv');
    expect(committed).toMatchObject({ status: 400, body: { code: 'economy_import_invalid', message: 'Filen kan inte importeras: 5 fel. Inget har sparats.' } });
    expect((committed.body as unknown as { details: string[] }).details).toEqual(expected);

    const missing = [
      'Enhet;Rad;Utfall intäkter;Utfall kostnader;Budget intäkter;Budget kostnader;Helårsbudget',
      'Omsorgsenheten;Hemtjänst;1;-1;1;-1;-1',
    ].join('\n');
    const noForecast = await commit(economist, windows1252(missing), 'utan-prognos.csv');
    expect(noForecast.status).toBe(400);
    expect((noForecast.body as unknown as { details: string[] }).details).toEqual([
      'Rad 1: Kolumnen "Prognos" saknas: ingen kolumn i filen är kopplad till den. Filens kolumner: "Enhet", "Rad", "Utfall intäkter", "Utfall kostnader", "Budget intäkter", "Budget kostnader", "Helårsbudget".',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to change a unit whose section is approved (409 naming the unit), and stores nothing', async () => {
    const head = await signedIn(base, DEMO.unitHeadBarnOchFamilj);
    const { tasks } = await snapshot();
    const submitted = await head.post<TaskDto>(`/api/tasks/${tasks[0].id}/transitions`, { transition: 'submit', version: tasks[0].version });
    expect(submitted.body.state).toBe('submitted');
    const approved = await economist.post<TaskDto>(`/api/tasks/${tasks[0].id}/transitions`, { transition: 'approve', version: submitted.body.version });
    expect(approved.body.state).toBe('approved');

    const before = await snapshot();
    const result = await commit(economist, windows1252(GOOD_CSV), 'ekonomi-augusti.csv');
    expect(result).toMatchObject({ status: 409, body: { code: 'economy_import_locked' } });
    expect((result.body as unknown as { message: string }).message).toContain('Barn och familjeenheten');
    expect((result.body as unknown as { details: string[] }).details).toEqual(['Barn och familjeenheten: Godkänd']);
    const previewed = await preview(economist, windows1252(GOOD_CSV), 'ekonomi-augusti.csv');
    expect(previewed.body.canImport).toBe(false);
    expect(previewed.body.issues).toEqual([
      expect.objectContaining({ line: 2, column: 'Enhet', message: expect.stringContaining('Avsnittet för Barn och familjeenheten har status Godkänd') }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('lets only the nämnd’s economist and secretary import: a unit head is refused, a file over 10 MB gets 413 in Swedish', async () => {
    const head = await signedIn(base, DEMO.unitHeadOmsorgsenheten);
    const refused = await preview(head, windows1252(GOOD_CSV), 'ekonomi.csv');
    expect([403, 404]).toContain(refused.status);
    expect((await commit(head, windows1252(GOOD_CSV), 'ekonomi.csv')).status).toBe(refused.status);
    const gnesta = await signedIn(base, DEMO.economist);
    expect([403, 404]).toContain((await preview(gnesta, windows1252(GOOD_CSV), 'ekonomi.csv')).status);
    const secretary = await signedIn(base, DEMO.nackaSecretary);
    expect((await preview(secretary, windows1252(GOOD_CSV), 'ekonomi.csv')).status).toBe(200);

    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const tooLarge = await commit(economist, big, 'stor.csv');
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'import_file_too_large', message: expect.stringContaining('större än 10 MB') } });
  });

  it('imports rows nested three levels deep by their parent column, shows the levels in the preview, and refuses a ring or a fourth level', async () => {
    const header = 'Enhet;Rad;Överordnad rad;Utfall intäkter;Utfall kostnader;Budget intäkter;Budget kostnader;Helårsbudget;Prognos';
    const mapping = {
      unitColumn: 'Enhet',
      labelColumn: 'Rad',
      parentColumn: 'Överordnad rad',
      keyColumn: null,
      commentColumn: null,
      columns: { income: 'Utfall intäkter', costs: 'Utfall kostnader', budget_income: 'Budget intäkter', budget_costs: 'Budget kostnader', annual_budget: 'Helårsbudget', forecast: 'Prognos' },
      totalLabels: ['Summa'],
      decimal: null,
    };
    const csv = [
      header,
      'Omsorgsenheten;Äldreomsorg;;;;;;;',
      'Omsorgsenheten;Hemtjänst;Äldreomsorg;;;;;;',
      'Omsorgsenheten;Hemtjänst dag;Hemtjänst;3 000;-30 000;2 800;-29 000;-40 000;-41 000',
      'Omsorgsenheten;Hemtjänst natt;Äldreomsorg > Hemtjänst;1 000;-9 000;1 000;-9 500;-14 000;-13 500',
      'Omsorgsenheten;Särskilt boende;Äldreomsorg;0;-20 000;0;-21 000;-30 000;-29 000',
      'Omsorgsenheten;Summa hemtjänst;Hemtjänst;4 000;-39 000;3 800;-38 501;-54 000;-54 500',
    ].join('\r\n');
    const bytes = Buffer.from(csv, 'utf8');
    const before = await snapshot();
    const previewed = await preview(economist, bytes, 'omsorg-nivaer.csv', { mapping: JSON.stringify(mapping) });
    expect(previewed.status).toBe(200);
    expect(previewed.body).toMatchObject({ issues: [], canImport: true, rowCount: 5 });
    expect(previewed.body.units).toHaveLength(1);
    expect(previewed.body.units[0].outline.map((r) => [r.label, r.depth, r.subtotal])).toEqual([
      ['Äldreomsorg', 0, true],
      ['Hemtjänst', 1, true],
      ['Hemtjänst dag', 2, false],
      ['Hemtjänst natt', 2, false],
      ['Särskilt boende', 1, false],
    ]);
    // The printed sub-total of the row two levels down is checked against its sub-rows.
    expect(previewed.body.disagreements).toEqual([
      { line: 7, unitName: 'Omsorgsenheten', row: 'Summa hemtjänst', column: 'budget_costs', header: 'Budget kostnader', printed: -38501, computed: -38500 },
    ]);
    expect(await snapshot()).toEqual(before);

    const committed = await commit(economist, bytes, 'omsorg-nivaer.csv', { mapping: JSON.stringify(mapping) });
    expect(committed.status).toBe(201);
    const omsorg = (await snapshot()).tasks.find((t) => t.unit === 'Omsorgsenheten') as TaskState;
    const content = omsorg.content as EconomyContent;
    expect(content.rows.map((r) => [r.label, r.children?.map((c) => [c.label, c.children?.map((g) => [g.label, g.values.costs])])])).toEqual([
      ['Äldreomsorg', [['Hemtjänst', [['Hemtjänst dag', -30000], ['Hemtjänst natt', -9000]]], ['Särskilt boende', undefined]]],
    ]);
    expect(computeEconomy(LAYOUT, content).total).toMatchObject({ net: -55000, forecast: -83500 });

    const bad = [
      header,
      'Omsorgsenheten;Hemtjänst;Särskilt boende;1;-1;1;-1;-1;-1',
      'Omsorgsenheten;Särskilt boende;Hemtjänst;1;-1;1;-1;-1;-1',
      'Omsorgsenheten;Äldreomsorg;;;;;;;',
      'Omsorgsenheten;Hemtjänst 2;Äldreomsorg;;;;;;',
      'Omsorgsenheten;Dag;Hemtjänst 2;;;;;;',
      'Omsorgsenheten;Team;Dag;1;-1;1;-1;-1;-1',
      'Omsorgsenheten;Natt;Äldreomsorg > Nattpatrull;1;-1;1;-1;-1;-1',
    ].join('\r\n');
    const beforeBad = await snapshot();
    const refused = await commit(economist, Buffer.from(bad, 'utf8'), 'fel-nivaer.csv', { mapping: JSON.stringify(mapping) });
    expect(refused).toMatchObject({ status: 400, body: { code: 'economy_import_invalid' } });
    expect((refused.body as unknown as { details: string[] }).details).toEqual([
      'Rad 2, kolumn "Överordnad rad": Omsorgsenheten: raden "Hemtjänst" ligger under sig själv (Hemtjänst › Särskilt boende › Hemtjänst). Ange en överrad som inte ligger under raden.',
      'Rad 3, kolumn "Överordnad rad": Omsorgsenheten: raden "Särskilt boende" ligger under sig själv (Särskilt boende › Hemtjänst › Särskilt boende). Ange en överrad som inte ligger under raden.',
      'Rad 7, kolumn "Överordnad rad": Omsorgsenheten: raden "Team" ligger 4 nivåer ned (Äldreomsorg › Hemtjänst 2 › Dag › Team). En ekonomitabell har högst 3 nivåer: raden, dess underrader och deras underrader.',
      'Rad 8, kolumn "Överordnad rad": Omsorgsenheten: överraden "Äldreomsorg › Nattpatrull" till raden "Natt" finns inte i filen.',
    ]);
    expect(await snapshot()).toEqual(beforeBad);
  });
});

/**
 * Every economy table of the reference reports (test/fixtures/reference), written as the CSV a
 * finance system would export and read by the import: the totals the reports printed are
 * checked against the rows, and exactly the known sum disagreements are flagged, with both numbers.
 */
describe('the reference reports’ economy tables as import files', () => {
  interface Fixture {
    unit: 'tkr' | 'mnkr';
    columns: Array<{ label: string; meaning: string }>;
    rows: Array<{ label: string; values: Array<number | null> }>;
    printedTotals: Array<{ label: string; values: Array<number | null> }>;
    checks: Array<{ total: string; column: string; columnIndex: number; printed: number; sumOfRows: number }>;
  }
  const folder = join(__dirname, '../fixtures/reference');
  const files = readdirSync(folder).filter((f) => /-economy-.*\.json$/.test(f));
  const swedish = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

  it.each(files)('%s', (file) => {
    const fixture = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Fixture;
    // One column per figure meaning; computed columns are left out so that every printed column is entered and summed.
    const kept: Array<{ index: number; column: EconomyColumn; label: string }> = [];
    fixture.columns.forEach((c, index) => {
      const meaning = c.meaning === 'result_deviation' ? 'budget_deviation' : c.meaning;
      if (!(ECONOMY_COLUMNS as readonly string[]).includes(meaning) || meaning === 'percent_of_budget') return;
      if (kept.some((k) => k.column === meaning)) return;
      kept.push({ index, column: meaning as EconomyColumn, label: c.label });
    });
    const all: EconomyTableConfig = { unit: fixture.unit, columns: kept.map((k) => k.column) };
    const entered = inputColumns(all);
    const columns = kept.filter((k) => entered.includes(k.column));
    if (columns.length === 0) {
      expect(fixture.columns.every((c) => c.meaning === 'other')).toBe(true); // the KF budget-allocation table
      return;
    }
    // Reports print some headings twice (`Budget` for the period and for the year): a file needs them apart.
    const headerOf = new Map(columns.map((k) => [k.index, columns.filter((o) => o.label === k.label).length > 1 ? `${k.label} (${k.column})` : k.label]));
    const config: EconomyTableConfig = { unit: fixture.unit, columns: columns.map((k) => k.column) };
    const lines = [
      ['Rad', ...columns.map((k) => headerOf.get(k.index) as string)],
      ...[...fixture.rows, ...fixture.printedTotals].map((row) => [row.label, ...columns.map((k) => swedish(row.values[k.index]))]),
    ];
    const read = economyGridFromCsv(Buffer.from(lines.map((l) => l.join(';')).join('\r\n'), 'utf8'));
    if (!read.ok) throw new Error(read.issue.message);
    const mapping = {
      ...suggestEconomyMapping(read.grid.headers, config),
      labelColumn: 'Rad',
      columns: Object.fromEntries(columns.map((k) => [k.column, headerOf.get(k.index) as string])),
      totalLabels: fixture.printedTotals.map((t) => t.label),
    };
    const result = importEconomy(read.grid, mapping, { config, units: [{ id: 'u', name: 'Enheten', path: ['Enheten'] }] });
    expect(result.issues).toEqual([]);
    expect(result.units[0].rows).toBe(fixture.rows.length);
    const expected = fixture.checks
      .filter((c) => headerOf.has(c.columnIndex))
      .map((c) => ({ row: c.total, header: headerOf.get(c.columnIndex), printed: c.printed, computed: c.sumOfRows }));
    const flagged = result.disagreements.map((d) => ({ row: d.row, header: d.header, printed: d.printed, computed: d.computed }));
    expect(flagged).toEqual(expected);
  });
});
