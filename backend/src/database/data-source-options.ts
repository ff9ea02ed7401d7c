import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * The one description of the database connection, for the app, the CLI and the tests. No
 * entities: the migrations define the schema, and each module's *.repository.ts reads and writes
 * it with SQL.
 */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [],
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    // Run by migrateWithLock at start-up, under an advisory lock (several instances may start at once).
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    // A database that does not answer fails a request in 5 s instead of holding it open.
    extra: { max: poolSize, connectionTimeoutMillis: 5_000 },
    logging: ['error', 'warn', 'migration'],
  };
}
