/** Scratch services for one directory size: PostgreSQL and Meilisearch, the seed, the in-process app, the API. */
import { type ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp, runMigrations } from '@mmn/server';
import { generateProviders, generateTherapists, readVocabulary, seedDirectory } from '@mmn/demo';
import { loadConfig, type ResolvedConfig } from '@mmn/config';
import { hashPassword } from '@mmn/identity';
import { freePort, startEmbeddedMeilisearch, startEmbeddedPostgres } from '@mmn/runtime';
import { ReindexService } from '@mmn/search';
import { progress, waitForHealth } from './bench-support';

export const PASSWORD = 'bench-password-not-secret';

/** BENCH_API_NODE_ARGS="--max-old-space-size=192": Node options for the API process only (not the benchmark's). */
function apiNodeArgs(): string[] {
  return (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
}
const SEED_CHUNK = 20_000;

export interface Vocabulary {
  conditionIds: string[];
  techniqueIds: string[];
  networkIds: string[];
}

export interface BenchEnv {
  workDir: string;
  pgUrl: string;
  meiliUrl: string;
  meiliPid?: number;
  masterKey: string;
  vocabulary: Vocabulary;
  /** In-process application (no worker): rebuild, engine answers, SQL counting. */
  app: INestApplication;
  inProcessUrl: string;
  api: ChildProcess;
  apiUrl: string;
  indexSeconds: number;
  documents: number;
  cleanup: () => Promise<void>;
}

/** Starts everything for `count` therapists and indexes them; `cleanup` stops it all and deletes the data. */
export async function setUp(count: number, seed: number): Promise<BenchEnv> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmn-bench-'));
  // When run as root, embedded PostgreSQL runs as an unprivileged user that must be able to enter the directory.
  fs.chmodSync(workDir, 0o755);
  const stops: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(workDir, 'postgres'),
      password: randomBytes(12).toString('hex'),
      database: 'bench',
    });
    stops.push(() => pg.stop());
    const masterKey = randomBytes(16).toString('hex');
    const meili = await startEmbeddedMeilisearch({ dataDir: path.join(workDir, 'meili'), masterKey });
    stops.push(() => meili.stop());
    await runMigrations(pg.url);

    const dataSource = new DataSource({ type: 'postgres', url: pg.url });
    await dataSource.initialize();
    const vocabulary = await readVocabulary(dataSource);
    const t0 = performance.now();
    const therapists = generateTherapists(count, seed, vocabulary).map((t, i) => ({
      ...t,
      email: `therapist${i + 1}@bench.example`,
    }));
    const providers = generateProviders(Math.max(10, Math.round(count / 50)), seed).map((p, i) => ({
      ...p,
      email: `provider${i + 1}@bench.example`,
      npi: null,
    }));
    const passwordHash = await hashPassword(PASSWORD);
    for (let from = 0; from < therapists.length; from += SEED_CHUNK) {
      await seedDirectory(dataSource, {
        therapists: therapists.slice(from, from + SEED_CHUNK),
        providers: from === 0 ? providers : [],
        passwordHash,
      });
      if (therapists.length > SEED_CHUNK)
        progress('seeded', Math.min(therapists.length, from + SEED_CHUNK), therapists.length, t0);
    }
    // The full rebuild below indexes everyone; the per-write outbox rows of the seed are not needed.
    await dataSource.query('UPDATE search_outbox SET processed_at = now() WHERE processed_at IS NULL');
    await dataSource.destroy();
    console.log(
      `Seeded ${count.toLocaleString('en-US')} therapists and ${providers.length} providers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const env: Record<string, string> = {
      NODE_ENV: 'production',
      DATABASE_URL: pg.url,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: masterKey,
      JWT_SECRET: randomBytes(32).toString('hex'),
      ACCESS_CODE_KEY: `1:${randomBytes(32).toString('hex')}`,
      PHI_KEY: `1:${randomBytes(32).toString('hex')}`,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      SEARCH_INDEX_PREFIX: 'bench_',
      DATA_DIR: workDir,
      // The benchmark's load comes from one address: the per-client budgets would measure themselves.
      ANONYMOUS_REQUESTS_PER_MINUTE: '1000000000',
      ANONYMOUS_COST_PER_MINUTE: '1000000000',
    };
    const loaded = loadConfig(env);
    const config = {
      ...loaded,
      port: 0,
      meiliMasterKey: masterKey,
      jwtSecret: env.JWT_SECRET,
      accessCodeKeys: loaded.accessCodeKeys!,
      phiKeys: loaded.phiKeys!,
      runSearchWorker: false,
    } as ResolvedConfig;
    const app = await createApp(config);
    stops.push(() => app.close());
    await app.listen(0, '127.0.0.1');
    const inProcessUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

    console.log(`Indexing ${count.toLocaleString('en-US')} therapists (a full rebuild, as npm run reindex does)...`);
    const report = await app.get(ReindexService).rebuild();
    console.log(
      `Full index: ${report.therapists.toLocaleString('en-US')} therapists (${report.documents.toLocaleString('en-US')} documents) in ${report.seconds.toFixed(1)} s`,
    );

    // The API as its own process (as in production), with the outbox worker, on the same database and index.
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the API process there (open it in Chrome DevTools).
    const profile = process.env.BENCH_CPU_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`]
      : [];
    const api = spawn(
      process.execPath,
      [...profile, ...apiNodeArgs(), '-r', '@swc-node/register', path.join(__dirname, '../../apps/api/src/main.ts')],
      {
        cwd: path.join(__dirname, '../..'),
        env: { ...process.env, ...env, PORT: String(apiPort), SEARCH_WORKER: 'true' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    stops.push(async () => {
      if (api.exitCode !== null) return;
      api.kill('SIGTERM');
      await new Promise((r) => api.once('exit', r));
    });
    await waitForHealth(apiUrl, api);
    return {
      workDir,
      pgUrl: pg.url,
      meiliUrl: meili.url,
      meiliPid: (meili as { process?: ChildProcess }).process?.pid,
      masterKey,
      vocabulary,
      app,
      inProcessUrl,
      api,
      apiUrl,
      indexSeconds: report.seconds,
      documents: report.documents,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
