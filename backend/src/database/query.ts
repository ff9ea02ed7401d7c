import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * Runs an UPDATE or DELETE … RETURNING and gives its rows. (TypeORM's postgres driver answers
 * such statements with [rows, rowCount], INSERT … RETURNING and SELECT with the rows alone.)
 */
export async function changedRows<T>(manager: Pick<EntityManager, 'query'>, sql: string, parameters: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** Whether the error is PostgreSQL refusing a statement by that constraint (unique, check, foreign key). */
export function violatesConstraint(error: unknown, constraint: string): boolean {
  return error instanceof QueryFailedError && (error.driverError as { constraint?: string } | undefined)?.constraint === constraint;
}

/**
 * Reads a page and the total it is a page of in one snapshot (REPEATABLE READ, read only), so a
 * row committed between the two statements cannot make the total disagree with the page.
 */
export async function pageWithTotal<T>(
  dataSource: DataSource,
  count: { sql: string; parameters?: unknown[] },
  page: { sql: string; parameters?: unknown[] },
): Promise<{ total: number; rows: T[] }> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query('SET TRANSACTION READ ONLY');
    const [{ total }]: Array<{ total: number }> = await manager.query(count.sql, count.parameters ?? []);
    const rows: T[] = await manager.query(page.sql, page.parameters ?? []);
    return { total, rows };
  });
}
