import * as path from 'path';
import { type AppConfig, parseKeyring, type ResolvedConfig } from '@mmn/config';
import {
  loadOrCreateSecrets,
  type RunningService,
  startEmbeddedMeilisearch,
  startEmbeddedPostgres,
} from '@mmn/runtime';

export interface ResolvedServices {
  config: ResolvedConfig;
  embedded: { postgres: boolean; meilisearch: boolean };
  stop(): Promise<void>;
}

/**
 * Turns the validated environment into running dependencies: external ones when DATABASE_URL / MEILI_URL are
 * set, otherwise embedded PostgreSQL and the bundled Meilisearch with data under DATA_DIR.
 */
export async function resolveServices(
  config: AppConfig,
  log: (line: string) => void = () => undefined,
): Promise<ResolvedServices> {
  const needsLocalSecrets =
    !config.databaseUrl || !config.meiliUrl || !config.jwtSecret || !config.accessCodeKeys || !config.phiKeys;
  const secrets = needsLocalSecrets ? loadOrCreateSecrets(config.dataDir) : undefined;
  const started: RunningService[] = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(config.dataDir, 'postgres'),
        password: secrets!.postgresPassword,
        database: 'medical_massage',
        onLog: (line) => log(`[postgres] ${line}`),
      });
      started.push(pg);
      databaseUrl = pg.url;
    }
    let meiliUrl = config.meiliUrl;
    let meiliMasterKey = config.meiliMasterKey ?? '';
    if (!meiliUrl) {
      meiliMasterKey = secrets!.meiliMasterKey;
      const meili = await startEmbeddedMeilisearch({
        dataDir: path.join(config.dataDir, 'meili'),
        masterKey: meiliMasterKey,
        onLog: (line) => log(`[meilisearch] ${line}`),
      });
      started.push(meili);
      meiliUrl = meili.url;
    }
    return {
      config: {
        ...config,
        databaseUrl,
        meiliUrl,
        meiliMasterKey,
        jwtSecret: config.jwtSecret ?? secrets!.jwtSecret,
        accessCodeKeys: config.accessCodeKeys ?? parseKeyring('ACCESS_CODE_KEY', secrets!.accessCodeKey),
        phiKeys: config.phiKeys ?? parseKeyring('PHI_KEY', secrets!.phiKey),
      },
      embedded: { postgres: !config.databaseUrl, meilisearch: !config.meiliUrl },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
