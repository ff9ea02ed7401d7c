// Helpers for the project's own scripts (npm start, npm test, npm run bench): Node built-ins only,
// since they run before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bin = (name) => join(root, 'node_modules', '.bin', name);

/** The environment every Nx call gets: no daemon, no cloud, no interactive terminal UI. */
export const nxEnv = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? '' };

export function log(line) {
  console.log(`\u001b[1m[rapportflöde]\u001b[0m ${line}`);
}

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      console.error(error.message);
      resolve(1);
    });
  });
}

/**
 * Installs dependencies when node_modules is missing or older than package-lock.json
 * (npm writes node_modules/.package-lock.json after every install). `npm ci` fails on
 * some machines, `npm install` respects the lockfile.
 */
export async function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return;
  log(existsSync(marker) ? 'package-lock.json changed: npm install' : 'node_modules is missing: npm install');
  const started = Date.now();
  const code = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  if (code !== 0) throw new Error(`npm install failed (exit ${code})`);
  log(`npm install took ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** True when something accepts TCP connections on host:port and, for Redis, answers PING. */
export function answers(port, { host = '127.0.0.1', redis = false, timeoutMs = 700 } = {}) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => (redis ? socket.write('PING\r\n') : done(true)));
    if (redis) socket.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}

function which(binary) {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).stdout.trim() || null;
}

async function waitUntil(check, timeoutMs) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * The machine's PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) must answer for the
 * tests; when installed but stopped they are started (see the README).
 */
export async function ensureServices() {
  const problems = [];
  if (!(await answers(5432))) {
    if (existsSync('/etc/postgresql') && which('pg_ctlcluster')) {
      log('PostgreSQL is stopped: starting it');
      const version = spawnSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
    }
    if (!(await waitUntil(() => answers(5432), 15_000))) {
      problems.push('PostgreSQL does not answer on 127.0.0.1:5432 (install postgresql, or start it)');
    }
  }
  if (!(await answers(6379, { redis: true }))) {
    if (which('redis-server')) {
      log('Redis is stopped: starting it');
      spawnSync(
        'redis-server',
        ['--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no'],
        { stdio: 'inherit' },
      );
    }
    if (!(await waitUntil(() => answers(6379, { redis: true }), 10_000))) {
      problems.push('Redis does not answer on 127.0.0.1:6379 (install redis-server, or start it)');
    }
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** Debian's chromium for Playwright: installed with apt when missing (never a downloaded browser). */
/**
 * Debian packages the project needs, installed with apt-get when their program is missing:
 * Chromium (browser tests, and the PDF export of reports), and for the tests also poppler-utils
 * (pdftotext, pdfinfo, pdftoppm: the PDF checks) and qpdf (reads the PDF catalog).
 */
const SYSTEM_PACKAGES = {
  chromium: { path: () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  poppler: { path: () => '/usr/bin/pdftotext', pkg: 'poppler-utils' },
  qpdf: { path: () => '/usr/bin/qpdf', pkg: 'qpdf' },
};

export async function ensureSystemPackages(names) {
  const missing = names.map((name) => SYSTEM_PACKAGES[name]).filter((p) => !existsSync(p.path()));
  if (missing.length === 0) return;
  const list = missing.map((p) => p.pkg).join(' ');
  if (process.getuid?.() !== 0 || !which('apt-get')) {
    throw new Error(`${missing.map((p) => p.path()).join(', ')} missing: install Debian's ${list} (apt-get install ${list})`);
  }
  log(`missing: apt-get install ${list}`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['update', '-qq'], { env })) !== 0) throw new Error('apt-get update failed');
  if ((await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((p) => p.pkg)], { env })) !== 0) {
    throw new Error(`apt-get install ${list} failed`);
  }
}
