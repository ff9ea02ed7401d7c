import { DataSource } from 'typeorm';

/** Any constant: the advisory lock that makes concurrent start-ups migrate one at a time. */
const MIGRATION_LOCK_KEY = 7_401_772_021;

/**
 * Runs the pending migrations under a PostgreSQL advisory lock, so several HTTP instances and
 * workers starting together against one database migrate exactly once; the others wait and
 * then find nothing to do. Returns the names of the migrations this process applied.
 */
export async function migrateWithLock(dataSource: DataSource): Promise<string[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}
