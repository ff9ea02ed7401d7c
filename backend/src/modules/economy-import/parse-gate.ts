/**
 * At most `concurrency` files are read at once in this process, each bounded in memory by the
 * XLSX limits; a few more wait their turn, briefly, and the rest are turned away at once, so a
 * burst of uploads cannot take the memory the rest of the process (the queue worker included,
 * with PROCESS_ROLE=all) needs.
 */
export const IMPORT_PARSE_LIMITS = {
  concurrency: 2,
  /** Requests that may wait for a slot; beyond them the answer is 503 at once. */
  queue: 6,
  /** How long a waiting request waits before it gets 503. */
  maxWaitMs: 20_000,
  /** What Retry-After tells the client. */
  retryAfterSeconds: 10,
} as const;

export class ParseGateBusy extends Error {
  constructor(readonly reason: 'queue_full' | 'waited_too_long') {
    super(`import parsing is busy (${reason})`);
    this.name = 'ParseGateBusy';
  }
}

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

export class ParseGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly concurrency: number = IMPORT_PARSE_LIMITS.concurrency,
    private readonly queue: number = IMPORT_PARSE_LIMITS.queue,
    private readonly maxWaitMs: number = IMPORT_PARSE_LIMITS.maxWaitMs,
  ) {}

  /** Reads in progress and waiting, for tests and logs. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `work` when a slot is free; rejects with ParseGateBusy when none frees in time. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.queue) return Promise.reject(new ParseGateBusy('queue_full'));
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        // The slot is handed over by release(): running stays the same.
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(new ParseGateBusy('waited_too_long'));
        }, this.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.running -= 1;
  }
}
