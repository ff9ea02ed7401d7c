// Timing helpers shared by the benchmarks: medians, a warmed-up measurement, one printed line.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One warm-up, then the median of `repeat` runs (ms) and the last result. */
export async function measure<T>(run: () => Promise<T> | T, repeat: number): Promise<{ ms: number; value: T }> {
  let value = await run();
  const times: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const start = performance.now();
    value = await run();
    times.push(performance.now() - start);
  }
  return { ms: median(times), value };
}

/** `  label ……………… 123 ms   extra`, aligned. */
export function line(label: string, ms: number, extra = ''): void {
  console.log(`  ${label.padEnd(64)}${ms.toFixed(ms < 10 ? 2 : 0).padStart(7)} ms${extra ? `   ${extra}` : ''}`);
}
