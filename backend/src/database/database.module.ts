import { Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config.service';
import { DatabaseAvailability, DatabaseLog } from './database-availability';
import { dataSourceOptions } from './data-source-options';
import { EmbeddedPostgres } from './embedded-postgres';
import { migrateWithLock } from './migrate';

export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

export interface DatabaseConnection {
  url: string;
  embedded: EmbeddedPostgres | null;
}

/** Stops the embedded database in the right order: the DataSource's pool first, then the server. */
@Injectable()
export class EmbeddedDatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    const embedded = this.connection.embedded;
    if (!embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded.stop();
    this.logger.log('Embedded PostgreSQL stopped');
  }
}

@Module({
  providers: [
    DatabaseAvailability,
    {
      provide: DATABASE_CONNECTION,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<DatabaseConnection> => {
        const url = config.get('DATABASE_URL');
        if (url) return { url, embedded: null };
        const logger = new Logger('Database');
        const started = Date.now();
        const embedded = await EmbeddedPostgres.start(
          config.get('DATA_DIR'),
          config.get('DATABASE_POOL_SIZE'),
          (line) => logger.warn(line),
        );
        logger.log(
          `DATABASE_URL is unset: embedded PostgreSQL ${embedded.version} in ${embedded.dataDir} on 127.0.0.1:${embedded.port}` +
            `${embedded.initialised ? ' (new cluster)' : ''}, ready in ${Date.now() - started} ms`,
        );
        return { url: embedded.url, embedded };
      },
    },
  ],
  exports: [DATABASE_CONNECTION, DatabaseAvailability],
})
class DatabaseConnectionModule {}

@Module({
  imports: [
    DatabaseConnectionModule,
    TypeOrmModule.forRootAsync({
      imports: [DatabaseConnectionModule],
      inject: [DATABASE_CONNECTION, AppConfig, DatabaseAvailability],
      useFactory: (connection: DatabaseConnection, config: AppConfig, availability: DatabaseAvailability) => ({
        ...dataSourceOptions(connection.url, config.get('DATABASE_POOL_SIZE')),
        logger: new DatabaseLog(availability),
        availability,
      }),
      // Migrations run at start-up, before any module reads the database.
      dataSourceFactory: async (options?: DataSourceOptions & { availability?: DatabaseAvailability }) => {
        if (!options) throw new Error('No data source options');
        const { availability, ...dataSourceOptionsOnly } = options;
        const dataSource = await new DataSource(dataSourceOptionsOnly as DataSourceOptions).initialize();
        availability?.attach(dataSource);
        const applied = await migrateWithLock(dataSource);
        if (applied.length > 0) new Logger('Database').log(`Applied migrations: ${applied.join(', ')}`);
        return dataSource;
      },
    }),
  ],
  providers: [EmbeddedDatabaseLifecycle],
})
export class DatabaseModule {}
