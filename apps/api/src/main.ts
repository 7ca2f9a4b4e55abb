import 'reflect-metadata';
import { ConfigError, loadConfig } from '@mmn/config';
import { createApp, resolveServices, runMigrations, type ResolvedServices, WebModule } from '@mmn/server';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '@mmn/demo';
import { UsersService } from '@mmn/identity';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const started = Date.now() - Math.round(process.uptime() * 1000);
  console.log(
    `Starting: ${config.databaseUrl ? 'external PostgreSQL' : `embedded PostgreSQL (${config.dataDir}/postgres)`}, ${config.meiliUrl ? 'external Meilisearch' : `bundled Meilisearch (${config.dataDir}/meili)`} ...`,
  );
  let services: ResolvedServices;
  try {
    services = await resolveServices(
      config,
      config.logLevel === 'debug' || config.logLevel === 'trace' ? (l) => console.log(l) : undefined,
    );
  } catch (error) {
    fail(`Could not start the services: ${error instanceof Error ? error.message : String(error)}`);
  }
  let stopping = false;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the API and its services ...`);
    await app?.close().catch(() => undefined);
    await services.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const applied = await runMigrations(services.config.databaseUrl);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
    // The website on the same port; `npm run dev` (--web-dev) serves it with hot reload instead of the build.
    const web = WebModule.forRoot({ dev: process.argv.includes('--web-dev'), log: (line) => console.log(line) });
    app = await createApp(services.config, [web]);
    await app.init();
    const users = app.get(UsersService);
    if (config.adminEmail && config.adminPassword) await users.ensureAdmin(config.adminEmail, config.adminPassword);
    if (config.seedDemo) {
      const { seeded } = await seedDemo(app);
      if (seeded) console.log('Seeded the demo directory (300 therapists, 60 providers).');
    }
    await app.listen(config.port).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        throw new Error(`Port ${config.port} is already in use: stop the other process or set PORT.`);
      throw error;
    });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await services.stop();
    fail(`Start failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `\nReady in ${seconds} s: website http://localhost:${config.port}/  API http://localhost:${config.port}/graphql  (health: http://localhost:${config.port}/health)`,
  );
  if (config.seedDemo) {
    console.log(
      `Demo accounts (password "${DEMO_PASSWORD}"): ${Object.entries(DEMO_ACCOUNTS)
        .map(([role, email]) => `${role} ${email}`)
        .join(', ')}`,
    );
  }
  console.log('Press Ctrl-C to stop the API and its services.');
}

void main();
