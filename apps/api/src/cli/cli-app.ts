import { ConfigError, loadConfig } from '@mmn/config';
import { createApp, resolveServices, runMigrations } from '@mmn/server';

/** The application without HTTP, on the configured (or embedded) services, for commands. */
export async function cliApp(overrides: { runSearchWorker?: boolean } = {}) {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const services = await resolveServices({
    ...config,
    runSearchWorker: overrides.runSearchWorker ?? false,
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
  });
  await runMigrations(services.config.databaseUrl);
  const app = await createApp(services.config);
  await app.init();
  return {
    app,
    stop: async () => {
      await app.close();
      await services.stop();
    },
  };
}
