import { ParseGate, ParseGateBusy } from './parse-gate';

describe('ParseGate', () => {
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('runs at most `concurrency` at once, queues a few in order and refuses the rest at once', async () => {
    const gate = new ParseGate(2, 2, 10_000);
    const order: number[] = [];
    const holds = [deferred(), deferred(), deferred(), deferred()];
    const runs = holds.map((hold, i) =>
      gate.run(async () => {
        order.push(i);
        await hold.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(gate.load).toEqual({ running: 2, waiting: 2 });
    await expect(gate.run(async () => 'too many')).rejects.toEqual(new ParseGateBusy('queue_full'));
    holds[0].resolve();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual([0, 1, 2]);
    holds.slice(1).forEach((h) => h.resolve());
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gives up on a waiter after maxWaitMs, and frees the slot of work that throws', async () => {
    const gate = new ParseGate(1, 5, 20);
    const hold = deferred();
    const first = gate.run(() => hold.promise);
    await expect(gate.run(async () => 'late')).rejects.toEqual(new ParseGateBusy('waited_too_long'));
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    hold.resolve();
    await first;
    await expect(gate.run(async () => Promise.reject(new Error('broken file')))).rejects.toThrow('broken file');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
