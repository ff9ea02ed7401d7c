import { EntityManager, QueryFailedError } from 'typeorm';

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
