// Importing a 5 000-row economy XLSX (validate, compute, store: the real HTTP commit endpoint)
// beside reading the same file with exceljs alone; and the nämnd total over 400 unit tables with
// the domain beside summing the same numbers in a plain loop. Target: the import within 3× of
// reading the file. Usage: npm run bench -- economy-import [--repeat 7]
import { EconomyImportResultDto } from '@rapportflode/api-contract';
import {
  combineEconomy,
  computeEconomy,
  EconomyContent,
  EconomyTableConfig,
  gridFromRows,
  ImportCell,
  importEconomy,
  inputColumns,
  suggestEconomyMapping,
} from '@rapportflode/domain';
import { type CellValue, Workbook } from 'exceljs';
import { Client } from 'pg';
import { cellOf } from '../../backend/src/modules/economy-import/xlsx-grid';
import { signIn, startBackend } from './support/harness';

const repeatArg = process.argv.indexOf('--repeat');
const REPEAT = repeatArg > 0 ? Number(process.argv[repeatArg + 1]) : 7;
const UNITS = 400;
const ROWS = 5_000;
const ECONOMIST = 'anders.nilsson@nacka.example.se';

const LAYOUT: EconomyTableConfig = {
  unit: 'tkr',
  columns: ['income', 'costs', 'net', 'budget_income', 'budget_costs', 'budget_net', 'budget_deviation', 'annual_budget', 'forecast', 'forecast_deviation'],
};
const HEADERS = ['Enhet', 'Rad', 'Utfall intäkter', 'Utfall kostnader', 'Budget intäkter', 'Budget kostnader', 'Helårsbudget', 'Prognos'];
const ACTIVITIES = [
  'Heldygnsvård',
  'Biståndsbedömd öppenvård',
  'Övrig öppenvård',
  'Familjerätt',
  'Ensamkommande',
  'Hemtjänst',
  'Särskilt boende',
  'Daglig verksamhet',
  'Boende LSS',
  'Personlig assistans',
  'Försörjningsstöd',
  'Administration',
  'Lokaler',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function time<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** 400 units × 12–13 rows = 5 000 rows of whole tkr, as a finance system's export. */
async function buildWorkbook(unitNames: string[]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Utfall');
  sheet.addRow(HEADERS);
  let row = 0;
  for (let u = 0; u < unitNames.length; u += 1) {
    const count = u < ROWS - 12 * UNITS ? 13 : 12;
    for (let r = 0; r < count; r += 1) {
      row += 1;
      const seed = (row * 7919) % 10_000;
      sheet.addRow([unitNames[u], ACTIVITIES[r], seed * 3, -(seed * 11 + 500), seed * 3 + 40, -(seed * 11 + 450), -(seed * 16 + 1000), -(seed * 16 + 900)]);
    }
  }
  if (row !== ROWS) throw new Error(`generated ${row} rows`);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The baseline: what exceljs alone needs to read the file and give every cell. */
async function readWithExceljs(bytes: Buffer): Promise<number> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  let cells = 0;
  workbook.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
    cells += (row.values as CellValue[]).length - 1;
  });
  return cells;
}

async function main(): Promise<void> {
  const server = await startBackend({ SEED_DEMO_DATA: 'true' });
  const client = new Client({ connectionString: server.databaseUrl });
  try {
    await client.connect();
    // Sign in once the demo seed is there.
    const { headers } = await signIn(server.url, ECONOMIST, 100);

    // 400 enheter in Nacka's nämnd, a cycle with one economy section they all deliver.
    const [{ id: committeeId }] = (await client.query(`SELECT id FROM committee WHERE municipality = 'Nacka kommun'`)).rows;
    const units = (
      await client.query(
        `INSERT INTO organisation_unit (committee_id, parent_id, kind, name, code, sort_order)
         SELECT $1, NULL, 'unit', 'Benchenhet ' || lpad(g::text, 3, '0'), 'BE' || g, 1000 + g FROM generate_series(1, $2::int) g
         RETURNING id, name`,
        [committeeId, UNITS],
      )
    ).rows as Array<{ id: string; name: string }>;
    const [{ id: cycleId }] = (
      await client.query(
        `INSERT INTO report_cycle (committee_id, title, report_kind, year, period_end, diary_number, submission_deadline,
           review_deadline, assembly_deadline, meeting_date)
         VALUES ($1, 'Bench', 'monthly_report', 2031, '2031-08-31', 'SN.2031.1', '2031-09-10', '2031-09-17', '2031-09-24', '2031-10-05')
         RETURNING id`,
        [committeeId],
      )
    ).rows;
    const [{ id: sectionId }] = (
      await client.query(
        `INSERT INTO cycle_section (cycle_id, key, number, depth, sort_order, title, kind, reviewer_role, config)
         VALUES ($1, 'ekonomi', '1', 1, 1, 'Ekonomi', 'economy', 'economist', $2) RETURNING id`,
        [cycleId, JSON.stringify({ economy: LAYOUT })],
      )
    ).rows;
    await client.query(
      `INSERT INTO task (cycle_id, section_id, unit_id, content) SELECT $1, $2, id, '{"type":"economy","rows":[]}' FROM unnest($3::uuid[]) AS id`,
      [cycleId, sectionId, units.map((u) => u.id)],
    );
    const file = await buildWorkbook(units.map((u) => u.name));
    console.log(`generated ${UNITS} enheter, ${ROWS} rows, an XLSX of ${(file.length / 1024).toFixed(0)} kB`);

    const url = `${server.url}/api/cycles/${cycleId}/sections/${sectionId}/economy-imports`;
    const commit = async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), 'huvudbok.xlsx');
      const response = await fetch(url, { method: 'POST', headers, body: form });
      const body = (await response.json()) as EconomyImportResultDto;
      if (response.status !== 201) throw new Error(`import answered ${response.status}: ${JSON.stringify(body).slice(0, 500)}`);
      if (body.import.rowCount !== ROWS || body.import.unitCount !== UNITS) throw new Error('not every row was imported');
      return body;
    };
    // Warm both sides (JIT, connections, exceljs's first load), then alternate them.
    await readWithExceljs(file);
    await commit();
    const read: number[] = [];
    const imported: number[] = [];
    const domain: number[] = [];
    for (let i = 0; i < REPEAT; i += 1) {
      read.push((await time(() => readWithExceljs(file))).ms);
      imported.push((await time(commit)).ms);
      // In process, for the breakdown: exceljs + the domain's checks and sums, no HTTP, no database.
      domain.push(
        (
          await time(async () => {
            const workbook = new Workbook();
            await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
            const rows: Array<{ line: number; cells: ImportCell[] }> = [];
            workbook.worksheets[0].eachRow({ includeEmpty: false }, (row, line) => {
              const values = row.values as CellValue[];
              const cells: ImportCell[] = [];
              for (let c = 1; c < values.length; c += 1) cells.push(cellOf(values[c]));
              rows.push({ line, cells });
            });
            const grid = gridFromRows(rows, 'comma');
            if (!grid.ok) throw new Error(grid.issue.message);
            const result = importEconomy(grid.grid, suggestEconomyMapping(grid.grid.headers, LAYOUT), {
              config: LAYOUT,
              units: units.map((u) => ({ id: u.id, name: u.name, path: [u.name] })),
            });
            if (result.issues.length) throw new Error(result.issues[0].message);
          })
        ).ms,
      );
    }
    const [{ versions }] = (await client.query('SELECT min(version)::int AS versions FROM task WHERE section_id = $1', [sectionId])).rows;
    const [{ records }] = (await client.query('SELECT count(*)::int AS records FROM economy_import WHERE section_id = $1', [sectionId])).rows;

    // The nämnd total over the 400 stored unit tables: the domain vs a plain loop over the same numbers.
    const contents = (await client.query('SELECT unit_id, content FROM task WHERE section_id = $1', [sectionId])).rows as Array<{
      unit_id: string;
      content: EconomyContent;
    }>;
    const tables = contents.map((c) => ({ key: c.unit_id, name: c.unit_id, content: c.content }));
    const entered = inputColumns(LAYOUT);
    const TOTAL_REPEAT = 50;
    const domainTotal: number[] = [];
    const loopTotal: number[] = [];
    let domainResult: Record<string, number | null> = {};
    let loopResult: Record<string, number> = {};
    for (let i = 0; i < TOTAL_REPEAT; i += 1) {
      domainTotal.push(
        (
          await time(() => {
            domainResult = combineEconomy(LAYOUT, tables).total;
          })
        ).ms,
      );
      loopTotal.push(
        (
          await time(() => {
            const sums: Record<string, number> = {};
            for (const column of entered) sums[column] = 0;
            for (const table of tables) {
              for (const row of table.content.rows) {
                for (const column of entered) sums[column] += row.values[column] ?? 0;
              }
            }
            loopResult = sums;
          })
        ).ms,
      );
    }
    for (const column of entered) {
      if (domainResult[column] !== loopResult[column]) throw new Error(`${column}: domain ${domainResult[column]}, loop ${loopResult[column]}`);
    }
    const oneTable = (await time(() => computeEconomy(LAYOUT, tables[0].content))).ms;

    const readMs = median(read);
    const importMs = median(imported);
    const ratio = importMs / readMs;
    console.log(`\nEconomy import, ${ROWS} rows × ${HEADERS.length} columns over ${UNITS} enheter, median of ${REPEAT} (${new Date().toISOString()})`);
    console.log(`  read the XLSX with exceljs alone (baseline)         ${readMs.toFixed(0).padStart(7)} ms`);
    console.log(`  import through POST …/economy-imports (app)        ${importMs.toFixed(0).padStart(7)} ms   ×${ratio.toFixed(2)} of the baseline (target ≤ ×3)`);
    console.log(`    of which in process: exceljs + domain checks      ${median(domain).toFixed(0).padStart(7)} ms`);
    console.log(`    each import stored ${UNITS} tables (task versions now ≥ ${versions}, ${records} import records)`);
    console.log(`\nNämnd total over ${UNITS} unit tables (${ROWS} rows), median of ${TOTAL_REPEAT}`);
    console.log(`  plain loop over the same numbers (baseline)        ${median(loopTotal).toFixed(2).padStart(9)} ms`);
    console.log(`  combineEconomy (every row derived, sub-totals)     ${median(domainTotal).toFixed(2).padStart(9)} ms   ×${(median(domainTotal) / median(loopTotal)).toFixed(1)}`);
    console.log(`  computeEconomy of one unit table                   ${oneTable.toFixed(2).padStart(9)} ms`);
    console.log(`  totals agree: net ${domainResult['net'] ?? '–'} tkr, forecast ${domainResult['forecast']} tkr`);
    if (ratio > 3) console.log(`  ABOVE TARGET: the import takes ×${ratio.toFixed(2)} the time of reading the file`);
  } finally {
    await client.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
