import 'reflect-metadata';
import * as fs from 'fs';
import * as path from 'path';
import { createDataSource, runMigrations } from '@mmn/server';
import { databaseForCli } from './database-url';

/**
 * `npm run migration:generate -- Name`: migrates the database, asks TypeORM what the entities still need,
 * and writes migrations/<timestamp>-<Name>.ts with that SQL. Read it, then add it to migrations/index.ts.
 * With --check it writes nothing and exits 1 when entities and migrations disagree.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const name = args.find((a) => !a.startsWith('--'));
  if (!check && (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name))) {
    console.error('Usage: npm run migration:generate -- PascalCaseName');
    process.exit(2);
  }
  const db = await databaseForCli();
  try {
    await runMigrations(db.url);
    const dataSource = createDataSource(db.url);
    await dataSource.initialize();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (sql.upQueries.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    if (check) {
      console.error(
        `Entities and migrations disagree; missing:\n${sql.upQueries.map((q) => `  ${q.query}`).join('\n')}`,
      );
      process.exitCode = 1;
      return;
    }
    const timestamp = Date.now();
    const file = path.resolve(__dirname, '../../../../migrations', `${timestamp}-${name}.ts`);
    const lines = (queries: { query: string }[]) =>
      queries.map((q) => `    await q.query(${JSON.stringify(q.query)});`).join('\n');
    fs.writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(q: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines([...sql.downQueries].reverse())}
  }
}
`,
    );
    console.log(`Wrote ${path.relative(process.cwd(), file)}; add ${name}${timestamp} to migrations/index.ts.`);
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
