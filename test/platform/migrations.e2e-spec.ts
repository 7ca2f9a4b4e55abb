import { createDataSource } from '@mmn/server';
import { createTestDatabase } from '@mmn/testing';

describe('migrations', () => {
  it('leave nothing for TypeORM to change: entities and migrations agree', async () => {
    const dataSource = createDataSource(await createTestDatabase());
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('have all been applied to the template every test database starts from', async () => {
    const dataSource = createDataSource(await createTestDatabase());
    await dataSource.initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
    }
  });
});
