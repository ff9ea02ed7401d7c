// npm test: installs what is missing, checks the real services, then runs lint, unit tests,
// the build, integration tests (real PostgreSQL and Redis) and browser tests (Playwright with
// Debian's chromium), and ends with one summary. Exit code 0 only when every stage passed.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bin, ensureDependencies, ensureServices, ensureSystemPackages, log, nxEnv, root, run } from './lib.mjs';

const reports = join(root, 'tmp', 'reports');
const started = Date.now();
const stages = [];

function jestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped };
}

async function stage(name, command, args, { env, counts } = {}) {
  log(`── ${name} ──`);
  const t0 = Date.now();
  const code = await run(command, args, { env: { ...nxEnv, ...env } });
  const result = { name, ok: code === 0, seconds: (Date.now() - t0) / 1000, counts: counts?.() ?? null };
  if (result.counts && result.counts.failed > 0) result.ok = false;
  stages.push(result);
  return result.ok;
}

try {
  await ensureDependencies();
  await ensureSystemPackages(['chromium', 'poppler', 'qpdf']);
  await ensureServices();
} catch (error) {
  console.error(`[rapportflöde] cannot run the tests: ${error.message}`);
  process.exit(1);
}
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

await stage('lint', bin('nx'), ['run-many', '-t', 'lint', '--outputStyle=static']);
// The test code itself: ts-jest and Playwright transpile it without type-checking.
await stage('typecheck', 'sh', ['-c', `${bin('tsc')} -p test/tsconfig.json && ${bin('tsc')} -p test/e2e/tsconfig.json`]);
await stage('unit', bin('jest'), ['-c', 'jest.config.ts', '--json', `--outputFile=${join(reports, 'unit.json')}`], {
  counts: () => jestCounts(join(reports, 'unit.json')),
});
const built = await stage('build', bin('nx'), ['run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static']);
// ESLint (the module-boundaries test) loads ES modules dynamically inside Jest's VM.
const integrationEnv = { NODE_OPTIONS: '--experimental-vm-modules --no-warnings=ExperimentalWarning' };
await stage(
  'integration',
  bin('jest'),
  [
    '-c',
    'test/integration/jest.config.ts',
    '--testPathIgnorePatterns',
    'fuzz\\.spec\\.ts$',
    '--json',
    `--outputFile=${join(reports, 'integration.json')}`,
  ],
  { env: integrationEnv, counts: () => jestCounts(join(reports, 'integration.json')) },
);
// Generated hostile requests to every route of the OpenAPI document (seeded); prints how many were tried.
await stage(
  'fuzz',
  bin('jest'),
  ['-c', 'test/integration/jest.config.ts', 'test/integration/fuzz.spec.ts', '--json', `--outputFile=${join(reports, 'fuzz.json')}`],
  { env: integrationEnv, counts: () => jestCounts(join(reports, 'fuzz.json')) },
);
if (built) {
  await stage('e2e', bin('playwright'), ['test', '-c', 'test/e2e/playwright.config.ts'], {
    counts: () => playwrightCounts(join(reports, 'e2e.json')),
  });
} else {
  stages.push({ name: 'e2e', ok: false, seconds: 0, counts: null, note: 'not run: the build failed' });
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n  stage         result   tests (passed/failed/skipped)   time');
for (const s of stages) {
  const c = s.counts;
  if (c) for (const key of Object.keys(total)) total[key] += c[key];
  else if (!s.ok) total.failed += 1; // a failed lint or build counts as one failure
  const tests = c ? `${c.passed}/${c.failed}/${c.skipped}` : s.note ?? '-';
  console.log(`  ${s.name.padEnd(13)} ${(s.ok ? 'PASS' : 'FAIL').padEnd(8)} ${tests.padEnd(31)} ${s.seconds.toFixed(1)} s`);
}
const ok = stages.every((s) => s.ok);
console.log(`\n  ${ok ? 'ALL PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`Summary: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
