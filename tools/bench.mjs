// npm run bench -- <name> [args]: runs test/bench/<name>.bench.ts (default: all), after building.
// Benchmarks print their figures beside a baseline measured in the same run; they are not part of npm test.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bin, ensureDependencies, ensureServices, nxEnv, root, run } from './lib.mjs';

await ensureDependencies();
await ensureServices();
if ((await run(bin('nx'), ['run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static'], { env: nxEnv })) !== 0) {
  process.exit(1);
}
const [name, ...args] = process.argv.slice(2);
const all = readdirSync(join(root, 'test/bench')).filter((f) => f.endsWith('.bench.ts'));
const chosen = name && !name.startsWith('-') ? [`${name}.bench.ts`] : all;
let failed = 0;
for (const file of chosen) {
  const code = await run(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join('test/bench', file), ...args], {
    env: { TS_NODE_PROJECT: 'test/bench/tsconfig.json' },
  });
  if (code !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
