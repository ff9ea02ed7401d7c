import type { DataSource } from 'typeorm';

/** signin_attempt: the sign-in counters kept in PostgreSQL while Redis does not answer. */
export class SigninAttemptsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds one to `key` in one statement (concurrent requests each get their own number): a window
   * older than windowSeconds starts over at 1; while the new count is at most slideWhileAtMost the
   * window starts again from now. Returns the count and the time left in the window (ms).
   */
  async hit(key: string, windowSeconds: number, slideWhileAtMost: number): Promise<{ count: number; msLeft: number }> {
    const [row]: Array<{ count: number; ms_left: number }> = await this.dataSource.query(
      `INSERT INTO signin_attempt AS a (key, count, window_start) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN a.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE a.count + 1 END,
         window_start = CASE
           WHEN a.window_start <= now() - make_interval(secs => $2) OR a.count + 1 <= $3 THEN now()
           ELSE a.window_start END
       RETURNING count,
         GREATEST(0, EXTRACT(EPOCH FROM (window_start + make_interval(secs => $2) - now())) * 1000)::float8 AS ms_left`,
      [key, windowSeconds, slideWhileAtMost],
    );
    return { count: Number(row.count), msLeft: Number(row.ms_left) };
  }

  async clear(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM signin_attempt WHERE key = $1', [key]);
  }

  /** Deletes the counters whose window started more than `seconds` ago. */
  async deleteOlderThan(seconds: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM signin_attempt WHERE window_start < now() - make_interval(secs => $1)`, [seconds]);
  }
}
