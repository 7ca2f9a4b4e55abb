/**
 * The initial index of the seeded directory, built as the search benchmark does (bench-setup.ts): the seed's
 * outbox rows are marked done and a full rebuild (what `npm run reindex` does) runs in-process, with a progress
 * line from Meilisearch's document counts. Draining 100k outbox rows through the worker would take many minutes.
 */
import { randomBytes } from 'crypto';
import { performance } from 'perf_hooks';
import type { Client } from 'pg';
import { loadConfig, type ResolvedConfig } from '@mmn/config';
import { createApp } from '@mmn/server';
import { ReindexService } from '@mmn/search';
import { progress } from '../bench/bench-support';
import type { SoakServices } from '../soak/soak-services';

async function documentsInMeili(s: SoakServices): Promise<number> {
  const res = await fetch(`${s.meiliUrl}/stats`, { headers: { authorization: `Bearer ${s.masterKey}` } });
  if (!res.ok) return 0;
  const stats = (await res.json()) as { indexes: Record<string, { numberOfDocuments: number }> };
  return Object.values(stats.indexes).reduce((n, i) => n + i.numberOfDocuments, 0);
}

export async function buildIndex(s: SoakServices, db: Client): Promise<{ documents: number; seconds: number }> {
  await db.query('UPDATE search_outbox SET processed_at = now() WHERE processed_at IS NULL');
  const expected = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM practice_locations')).rows[0].n;
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: s.pgUrl,
    MEILI_URL: s.meiliUrl,
    MEILI_MASTER_KEY: s.masterKey,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ACCESS_CODE_KEY: `1:${randomBytes(32).toString('hex')}`,
    PHI_KEY: `1:${randomBytes(32).toString('hex')}`,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    SEARCH_INDEX_PREFIX: s.indexName.replace(/therapists$/, ''),
    DATA_DIR: s.workDir,
  };
  const loaded = loadConfig(env);
  const config = {
    ...loaded,
    port: 0,
    meiliMasterKey: s.masterKey,
    jwtSecret: env.JWT_SECRET,
    accessCodeKeys: loaded.accessCodeKeys!,
    phiKeys: loaded.phiKeys!,
    runSearchWorker: false,
  } as ResolvedConfig;
  const app = await createApp(config);
  await app.init();
  const started = performance.now();
  const ticker = setInterval(
    () =>
      void documentsInMeili(s).then(
        (n) => progress('search documents indexed', Math.min(n, expected), expected, started),
        () => undefined,
      ),
    5000,
  );
  try {
    const report = await app.get(ReindexService).rebuild();
    return { documents: report.documents, seconds: report.seconds };
  } finally {
    clearInterval(ticker);
    await app.close();
  }
}
