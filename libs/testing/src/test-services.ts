/**
 * Runs in its own process, started by Jest's global setup: one embedded PostgreSQL (with a migrated template
 * database) and one Meilisearch for the whole test run. Prints one JSON line with their addresses, then
 * stops both when told (SIGTERM) or when the test runner goes away (stdin closes), so nothing outlives a run.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { runMigrations } from '@mmn/server';
import { startEmbeddedMeilisearch, startEmbeddedPostgres } from '@mmn/runtime';
import { TEMPLATE_DATABASE, type TestServices } from './test-services.contract';

async function main(): Promise<void> {
  const root = process.argv[2];
  fs.mkdirSync(root, { recursive: true });
  fs.chmodSync(root, 0o755);
  const password = 'test-password';
  const [pg, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir: path.join(root, 'postgres'), password, database: TEMPLATE_DATABASE }),
    startEmbeddedMeilisearch({ dataDir: path.join(root, 'meili'), masterKey: 'test-master-key-0123456789' }),
  ]);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([pg.stop(), meili.stop()]);
    fs.rmSync(root, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();

  await runMigrations(pg.url);
  const admin = new Client({ connectionString: pg.url.replace(new RegExp(`/${TEMPLATE_DATABASE}$`), '/postgres') });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true`);
  await admin.end();

  const services: TestServices = {
    postgresUrl: pg.url,
    meiliUrl: meili.url,
    meiliMasterKey: 'test-master-key-0123456789',
  };
  process.stdout.write(`${JSON.stringify(services)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `test services failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
