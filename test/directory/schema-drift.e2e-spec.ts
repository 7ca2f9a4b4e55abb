import { createDataSource } from '@mmn/server';
import { createTestApp, type TestApp } from '@mmn/testing';

describe('directory schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches the entities exactly after the migrations ran (no drift)', async () => {
    const dataSource = createDataSource(t.databaseUrl);
    await dataSource.initialize();
    try {
      const log = await dataSource.driver.createSchemaBuilder().log();
      expect(log.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
