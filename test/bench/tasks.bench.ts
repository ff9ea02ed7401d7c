// "Mina uppgifter", the cycle overview matrix and a draft save, at 50 concurrent clients, on a
// generated large municipality (15 nämnder, 400 enheter, 3 years of cycles: ~40 000 tasks),
// each beside a bare `pg` run of the same SQL in the same run; and "Mina uppgifter" again on a
// 10-unit municipality, to show how it grows. Usage: npm run bench -- tasks [--duration 10]
import { Client, Pool } from 'pg';
import { OVERVIEW_REVIEWERS_SQL, OVERVIEW_SECTIONS_SQL, OVERVIEW_TASKS_SQL } from '../../backend/src/modules/cycles/cycles.repository';
import { COMMITTEE_UNITS_SQL } from '../../backend/src/modules/organisation/units.repository';
import { MY_TASKS_SQL, WRITER_ROLES } from '../../backend/src/modules/tasks/tasks.repository';
import { uniqueName } from '../integration/support/services';
import { LoadResult, load, loadInProcess, printTable, signIn, startBackend, warmUp } from './support/harness';
import { generateMunicipality, GeneratedMunicipality, MunicipalitySize } from './support/large-municipality';

const durationArg = process.argv.indexOf('--duration');
const duration = durationArg > 0 ? Number(process.argv[durationArg + 1]) : 10;
const connections = 50;
const POOL_SIZE = 10; // the application's default DATABASE_POOL_SIZE

function check(result: LoadResult): LoadResult {
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.label}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

/** 50 people each asking once a second: what a person waits for when the service is not saturated. */
async function paced(label: string, url: string, headers: Record<string, string>): Promise<LoadResult> {
  return check(
    await loadInProcess(
      label,
      connections,
      duration,
      async () => {
        const response = await fetch(url, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${label}: ${response.status}`);
      },
      1000,
    ),
  );
}

interface Run {
  size: MunicipalitySize;
  municipality: GeneratedMunicipality;
  results: LoadResult[];
}

async function run(size: MunicipalitySize, full: boolean): Promise<Run> {
  const server = await startBackend();
  const client = new Client({ connectionString: server.databaseUrl });
  const pool = new Pool({ connectionString: server.databaseUrl, max: POOL_SIZE });
  const results: LoadResult[] = [];
  try {
    await client.connect();
    const started = Date.now();
    const municipality = await generateMunicipality(client, size, uniqueName('bench').replace(/[^a-z0-9]/g, ''));
    console.log(
      `generated ${size.committees} nämnder, ${size.units} enheter, ${municipality.tasks} tasks in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const label = `${size.units} enheter`;

    // "Mina uppgifter" of one enhet's unit head.
    const head = await signIn(server.url, municipality.unitHead);
    const [{ id: headId }] = (await client.query('SELECT id FROM app_user WHERE email = $1', [municipality.unitHead])).rows;
    const mineUrl = `${server.url}/api/tasks/mine`;
    await warmUp(mineUrl, head.headers);
    results.push(check(await load(`my tasks, app (${label})`, mineUrl, connections, duration, head.headers)));
    results.push(await paced(`my tasks, app, 1 req/s each (${label})`, mineUrl, head.headers));
    results.push(
      check(await loadInProcess(`my tasks, bare pg (${label})`, connections, duration, async () => {
        await pool.query(MY_TASKS_SQL, [headId, WRITER_ROLES]);
      })),
    );
    if (!full) return { size, municipality, results };

    // The overview matrix of the big nämnd's latest cycle, as its secretary.
    const secretary = await signIn(server.url, municipality.secretary);
    const overviewUrl = `${server.url}/api/cycles/${municipality.bigCycleId}`;
    await warmUp(overviewUrl, secretary.headers);
    const overviewLabel = `overview ${municipality.bigCycleUnits} units`;
    results.push(check(await load(`${overviewLabel}, app`, overviewUrl, connections, duration, secretary.headers)));
    results.push(await paced(`${overviewLabel}, app, 1 req/s each`, overviewUrl, secretary.headers));
    const [{ committee_id: committeeId }] = (
      await client.query('SELECT committee_id FROM report_cycle WHERE id = $1', [municipality.bigCycleId])
    ).rows;
    results.push(
      check(await loadInProcess(`${overviewLabel}, bare pg`, connections, duration, async () => {
        await Promise.all([
          pool.query(OVERVIEW_SECTIONS_SQL, [municipality.bigCycleId]),
          pool.query(OVERVIEW_TASKS_SQL, [municipality.bigCycleId]),
          pool.query(COMMITTEE_UNITS_SQL, [committeeId]),
          pool.query(OVERVIEW_REVIEWERS_SQL, [committeeId, municipality.bigCycleId]),
        ]);
      })),
    );
    // A single, unloaded overview request: the "under 100 ms" figure.
    const single: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const start = performance.now();
      const response = await fetch(overviewUrl, { headers: secretary.headers });
      await response.arrayBuffer();
      single.push(performance.now() - start);
    }
    single.sort((a, b) => a - b);
    console.log(`overview of the ${municipality.bigCycleUnits}-unit cycle, one client: p50 ${single[24].toFixed(1)} ms, p95 ${single[47].toFixed(1)} ms`);

    // Draft saves: each connection autosaves its own task, carrying the version it got back.
    const writer = await signIn(server.url, municipality.writer);
    const ids = municipality.editableTaskIds;
    const content = (n: number) => ({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', id: 'p1', content: [{ type: 'text', text: `Utkast ${n}: periodens resultat följer budget.` }] }],
    });
    // (autocannon builds a connection's next request before the previous answer is in, so the
    // version each save must carry is tracked by a fetch loop per client instead.)
    const versions = new Map<number, number>();
    let saves = 0;
    const save = async (worker: number) => {
      const taskId = ids[worker % ids.length];
      saves += 1;
      const response = await fetch(`${server.url}/api/tasks/${taskId}/content`, {
        method: 'PUT',
        headers: { ...writer.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ version: versions.get(worker) ?? 1, content: content(saves) }),
      });
      const body = (await response.json()) as { version: number };
      if (response.status !== 200) throw new Error(`save answered ${response.status}`);
      versions.set(worker, body.version);
    };
    const saveResult = await loadInProcess('draft save, app', connections, duration, save);
    results.push(check(saveResult));
    results.push(check(await loadInProcess('draft save, app, 1 req/s each', connections, duration, save, 1000)));
    const baseIds = ids.slice(100, 100 + connections);
    results.push(
      check(await loadInProcess('draft save, bare pg', connections, duration, async (worker) => {
        await pool.query(
          `UPDATE task SET content = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version, updated_at`,
          [baseIds[worker % baseIds.length], JSON.stringify(content(worker))],
        );
      })),
    );
    return { size, municipality, results };
  } finally {
    await pool.end();
    await client.end();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const years = [2024, 2025, 2026];
  const small = await run({ committees: 1, units: 10, bigCommitteeUnits: 10, years }, false);
  const large = await run({ committees: 15, units: 400, bigCommitteeUnits: 60, years }, true);
  printTable(`${connections} concurrent clients, ${duration} s each (${new Date().toISOString()})`, [...small.results, ...large.results]);
  const mine = (r: Run) => r.results[0];
  console.log(
    `  my tasks from 10 to 400 enheter (${small.municipality.tasks} → ${large.municipality.tasks} tasks, ×${(large.municipality.tasks / small.municipality.tasks).toFixed(0)}): ` +
      `p50 ×${(mine(large).p50Ms / mine(small).p50Ms).toFixed(2)}, p95 ×${(mine(large).p95Ms / mine(small).p95Ms).toFixed(2)}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
