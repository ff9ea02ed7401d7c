/** Waits for `work` (which never rejects), but no longer than `waitMs`: request paths that enqueue after commit. */
export async function atMost(work: Promise<unknown>, waitMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
    timer.unref();
  });
  await Promise.race([work, timeout]);
  if (timer) clearTimeout(timer);
}
