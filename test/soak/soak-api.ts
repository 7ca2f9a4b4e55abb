/**
 * One API process of the soak: what `npm start` runs (apps/api/src/main.ts: migrations, the Nest application with
 * its outbox workers, the administrator from ADMIN_EMAIL), without the website, which main.ts builds and serves
 * on the same port. Every setting comes from the environment, as in production; SIGTERM stops it cleanly.
 */
import 'reflect-metadata';
import { loadConfig } from '@mmn/config';
import { UsersService } from '@mmn/identity';
import { createApp, resolveServices, runMigrations } from '@mmn/server';

async function main(): Promise<void> {
  const config = loadConfig();
  const services = await resolveServices(config);
  await runMigrations(services.config.databaseUrl);
  const app = await createApp(services.config);
  await app.init();
  if (config.adminEmail && config.adminPassword)
    await app.get(UsersService).ensureAdmin(config.adminEmail, config.adminPassword);
  await app.listen(config.port, '127.0.0.1');
  process.on('SIGTERM', () => void app.close().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`soak API failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
