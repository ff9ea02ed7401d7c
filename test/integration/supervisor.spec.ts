import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The supervisor `npm start` runs the server under (tools/supervise.mjs): with PROCESS_ROLE=all
 * the API and the queue worker share one process, so whatever kills it must not leave the
 * municipality without either. Real processes here: the supervisor and a stand-in server.
 */
const SUPERVISE = resolve(__dirname, '../../tools/supervise.mjs');

interface Running {
  process: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, count?: number) => Promise<void>;
  exited: Promise<number | null>;
}

function run(dir: string, server: string, options: { restartDelayMs: number; maxQuickCrashes: number; quickMs: number }): Running {
  const serverFile = join(dir, `server-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(serverFile, server);
  const runner = `
    import { supervise } from ${JSON.stringify(SUPERVISE)};
    const s = supervise({
      command: process.execPath,
      args: [${JSON.stringify(serverFile)}],
      options: { stdio: ['ignore', 'inherit', 'inherit'] },
      log: (line) => console.log('[supervisor] ' + line),
      ...${JSON.stringify(options)},
    });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => s.stop(signal));
    process.exit(await s.done);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', runner], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners: Array<() => void> = [];
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of [...listeners]) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const waitFor = (pattern: RegExp, count = 1) =>
    new Promise<void>((done, fail) => {
      const check = () => {
        const seen = output.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
        if (seen >= count) {
          listeners.splice(listeners.indexOf(check), 1);
          done();
        }
      };
      listeners.push(check);
      void exited.then(() => setImmediate(() => listeners.includes(check) && fail(new Error(`exited before ${pattern}:\n${output}`))));
      check();
    });
  return { process: child, output: () => output, waitFor, exited };
}

describe('npm start supervises the server process', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rf-supervise-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts the server again after it crashes or is killed, says why, and stops cleanly on SIGTERM', async () => {
    const marker = join(dir, 'crashed-once');
    // Crashes with code 3 on its first start (a fatal error), then serves and prints its pid.
    const server = `
      import { existsSync, writeFileSync } from 'node:fs';
      if (!existsSync(${JSON.stringify(marker)})) { writeFileSync(${JSON.stringify(marker)}, 'x'); console.log('fatal error'); process.exit(3); }
      console.log('up pid=' + process.pid);
      setInterval(() => {}, 1000);`;
    const supervised = run(dir, server, { restartDelayMs: 50, maxQuickCrashes: 5, quickMs: 10_000 });
    try {
      await supervised.waitFor(/up pid=\d+/);
      expect(supervised.output()).toMatch(/\[supervisor\] the server exited with code 3 after [\d.]+ s; restarting in 50 ms \(restart 1\)/);

      // Killed from outside (the kernel's OOM killer, an operator's kill -9): back again.
      const pid = Number(/up pid=(\d+)/.exec(supervised.output())?.[1]);
      process.kill(pid, 'SIGKILL');
      await supervised.waitFor(/up pid=\d+/, 2);
      expect(supervised.output()).toMatch(/the server was killed by SIGKILL after [\d.]+ s; restarting/);
      const second = Number([...supervised.output().matchAll(/up pid=(\d+)/g)][1][1]);
      expect(second).not.toBe(pid);

      supervised.process.kill('SIGTERM');
      expect(await supervised.exited).toBe(0);
      // The server went with it: nothing keeps running unsupervised.
      expect(() => process.kill(second, 0)).toThrow();
    } finally {
      supervised.process.kill('SIGKILL');
    }
  });

  it('gives up on a server that dies right after every start (a bad configuration), exiting 1 with the reason', async () => {
    const supervised = run(dir, `console.error('PORT must be a number'); process.exit(1);`, {
      restartDelayMs: 10,
      maxQuickCrashes: 3,
      quickMs: 10_000,
    });
    expect(await supervised.exited).toBe(1);
    expect(supervised.output().match(/PORT must be a number/g)).toHaveLength(3);
    expect(supervised.output()).toContain('the server exited with code 1 3 times within 10 s of starting: giving up');
  });
});
