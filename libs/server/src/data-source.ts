import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@mmn/database';
import { MIGRATIONS } from '@mmn/migrations';
import { ALL_ENTITIES } from './entities';

export function createDataSource(url: string): DataSource {
  return new DataSource(
    dataSourceOptions({
      url,
      entities: ALL_ENTITIES,
      migrations: MIGRATIONS,
      poolSize: 4,
      statementTimeoutMs: 600_000,
    }),
  );
}

/** Applies pending migrations (each in its own transaction). Returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
