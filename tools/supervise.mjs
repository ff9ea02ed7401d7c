// A small process supervisor for `npm start`: with PROCESS_ROLE=all one process carries both the
// HTTP server and the queue worker, so a fatal error in either takes both down. The supervisor
// starts the server again, says why it stopped, and gives up on a crash loop (a process that
// keeps dying right after start, such as a bad configuration, would only fill the log).
import { spawn } from 'node:child_process';

/** Why a child stopped, in one line. */
export function exitReason(code, signal) {
  if (signal) return `was killed by ${signal}`;
  return `exited with code ${code}`;
}

/**
 * Runs `command args` and restarts it whenever it stops on its own. Resolves with the exit code to
 * leave with: 0 after a requested stop (stop() or SIGINT/SIGTERM forwarded by the caller), 1 when
 * it crashed `maxQuickCrashes` times in a row within `quickMs` of starting.
 */
export function supervise({
  command,
  args = [],
  options = {},
  log = (line) => console.error(line),
  restartDelayMs = 1000,
  maxDelayMs = 30_000,
  quickMs = 10_000,
  maxQuickCrashes = 5,
}) {
  let child = null;
  let stopping = false;
  let quickCrashes = 0;
  let restarts = 0;
  let timer = null;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));

  const start = () => {
    timer = null;
    const startedAt = Date.now();
    child = spawn(command, args, options);
    child.on('error', (error) => log(`could not start ${command}: ${error.message}`));
    child.on('exit', (code, signal) => {
      child = null;
      if (stopping) return resolveDone(code === 0 || signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : (code ?? 1));
      const ranMs = Date.now() - startedAt;
      quickCrashes = ranMs < quickMs ? quickCrashes + 1 : 0;
      if (quickCrashes >= maxQuickCrashes) {
        log(`the server ${exitReason(code, signal)} ${quickCrashes} times within ${quickMs / 1000} s of starting: giving up`);
        return resolveDone(1);
      }
      const delay = Math.min(maxDelayMs, restartDelayMs * 2 ** Math.max(0, quickCrashes - 1));
      restarts += 1;
      log(`the server ${exitReason(code, signal)} after ${(ranMs / 1000).toFixed(1)} s; restarting in ${delay} ms (restart ${restarts})`);
      timer = setTimeout(start, delay);
    });
  };
  start();

  return {
    done,
    get pid() {
      return child?.pid;
    },
    get restarts() {
      return restarts;
    },
    /** Stops for good: forwards the signal and resolves `done` when the child has gone. */
    stop(signal = 'SIGTERM') {
      stopping = true;
      if (timer) {
        clearTimeout(timer);
        timer = null;
        resolveDone(0);
      }
      if (child) child.kill(signal);
      else resolveDone(0);
    },
  };
}
