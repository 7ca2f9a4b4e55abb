import * as path from 'path';
import { ConfigError, loadConfig } from '@mmn/config';
import { loadOrCreateSecrets, type RunningService, startEmbeddedPostgres } from '@mmn/runtime';

/** DATABASE_URL when set, otherwise the embedded PostgreSQL under DATA_DIR (started for the command). */
export async function databaseForCli(): Promise<{ url: string; stop: () => Promise<void> }> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  const secrets = loadOrCreateSecrets(config.dataDir);
  const pg: RunningService = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, 'postgres'),
    password: secrets.postgresPassword,
    database: 'medical_massage',
  });
  return pg;
}
