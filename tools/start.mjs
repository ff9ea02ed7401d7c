// npm start: install what is missing, build, and serve API + frontend on http://localhost:3000
// with the embedded database and demo data (see README).
import { join } from 'node:path';
import { bin, ensureDependencies, ensureSystemPackages, log, nxEnv, root, run } from './lib.mjs';
import { supervise } from './supervise.mjs';

try {
  await ensureDependencies();
  // The PDF export of reports prints with Chromium; without it everything else still runs.
  await ensureSystemPackages(['chromium']).catch((error) => log(`PDF export will not work: ${error.message}`));
  log('building backend and frontend (cached when nothing changed)');
  const built = await run(bin('nx'), ['run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static'], {
    env: nxEnv,
  });
  if (built !== 0) throw new Error('the build failed');
} catch (error) {
  console.error(`[rapportflöde] ${error.message}`);
  process.exit(1);
}

log('starting (Ctrl+C stops)');
// Supervised: if the server process dies (a fatal error in the API or the queue worker it carries),
// it is started again and the reason is logged. In production the service manager does this
// (infra/README.md).
const server = supervise({
  command: process.execPath,
  args: ['--enable-source-maps', join(root, 'dist/backend/main.js')],
  options: {
    cwd: root,
    stdio: 'inherit',
    // Mail goes through real SMTP to the backend's embedded catcher (admin page Utskick): nothing
    // leaves the machine. Set SMTP_URL to send for real, or MAIL_CATCHER=off to keep mail without SMTP.
    env: { NODE_ENV: 'development', ...(process.env.SMTP_URL ? {} : { MAIL_CATCHER: 'on' }), ...process.env },
  },
  log: (line) => log(line),
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.stop(signal));
process.exit(await server.done);
