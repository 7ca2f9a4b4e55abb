import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface DatabaseOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  statementTimeoutMs?: number;
}

/** The one place DataSource options are built: schema changes only through migrations, never synchronize. */
export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: options.poolSize ?? 20,
      // A runaway query is stopped by PostgreSQL rather than holding a connection forever.
      statement_timeout: options.statementTimeoutMs ?? 5000,
      connectionTimeoutMillis: 5000,
      application_name: 'medical-massage-network',
    },
  };
}
