import 'reflect-metadata';
import { runMigrations } from '@mmn/server';
import { databaseForCli } from './database-url';

async function main(): Promise<void> {
  const db = await databaseForCli();
  try {
    const applied = await runMigrations(db.url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
