/**
 * `npm run bench:search [-- --therapists 100000 --seed 42 --requests 600]`
 *
 * Seeds N synthetic therapists (deterministic for a seed) into a scratch PostgreSQL and Meilisearch in a temporary
 * directory and prints, in one run:
 *  - the full-index time (rebuild of the whole index, as `npm run reindex` does);
 *  - side by side for the same query mix, at concurrency 1 and 16: raw Meilisearch search requests (exactly the
 *    request the API sends) and `searchTherapists` through the GraphQL API over HTTP, with p50/p95/p99 latency,
 *    requests per second, and the API/raw ratios;
 *  - outbox lag: from a profile update's commit to its visibility in the index;
 *  - SQL statements per search request at page size 5 and 50 (must not grow with the page size).
 * The API runs as its own process (as in production), so the load generator does not share its event loop.
 * Figures only: nothing here asserts timings.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Client } from 'pg';
import type { INestApplication } from '@nestjs/common';
import { createApp, runMigrations } from '@mmn/server';
import { DEMO_METROS, generateProviders, generateTherapists, random, seedDirectory } from '@mmn/demo';
import { loadConfig, type ResolvedConfig } from '@mmn/config';
import { hashPassword } from '@mmn/identity';
import { freePort, type RunningService, startEmbeddedMeilisearch, startEmbeddedPostgres } from '@mmn/runtime';
import {
  ReindexService,
  TherapistIndex,
  type TherapistSearchInput,
  TherapistSearchService,
  TherapistSort,
} from '@mmn/search';
import { DataSource } from 'typeorm';

const PASSWORD = 'bench-password-not-secret';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive whole number`);
    process.exit(2);
  }
  return value;
}

const SEARCH_QUERY = `query Search($input: TherapistSearchInput!) {
  searchTherapists(input: $input) {
    totalHits page pageSize
    resolvedPlace { label latitude longitude }
    facets {
      conditions { value label count } techniques { value label count }
      networks { value label count } languages { value label count }
    }
    hits {
      distanceKm
      nearestLocation { label city state postalCode }
      therapist {
        id displayName credentialLetters acceptingNewPatients billsInsurance verified languages
        conditions { id name } techniques { id name }
        reputation { referringProviders completedReferrals endorsements }
      }
    }
  }
}`;

const TEXTS = [
  'carpal tunel',
  'frozen shoulder',
  'lymphedema',
  'low back pain',
  'sciatica',
  'trigger point',
  'migraine',
  'fibromyalgia',
];

/** The query mix: filtered geo searches over the seeded metros, with and without text, each sort. */
function queryMix(conditionIds: string[], techniqueIds: string[], size = 60): TherapistSearchInput[] {
  const rnd = random(7);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  const mix: TherapistSearchInput[] = [];
  for (let i = 0; i < size; i++) {
    const near = DEMO_METROS[i % DEMO_METROS.length];
    const variants: TherapistSearchInput[] = [
      { near },
      { near, conditionIds: [pick(conditionIds)] },
      { near, text: pick(TEXTS) },
      { near, techniqueIds: [pick(techniqueIds)], acceptingNewPatients: true },
      { near, sort: TherapistSort.DISTANCE, languages: ['es'] },
      { near, sort: TherapistSort.REPUTATION, radiusKm: 80, conditionIds: [pick(conditionIds)] },
    ];
    mix.push({ ...variants[i % variants.length], pageSize: 20 });
  }
  return mix;
}

interface RunFigures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(concurrency: number, requests: number, send: (i: number) => Promise<void>): Promise<RunFigures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++) {
        const t0 = performance.now();
        await send(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: requests / seconds,
    requests,
  };
}

const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API process exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the API did not become healthy within 120 s');
}

async function main(): Promise<void> {
  const therapistCount = option('therapists', 100_000);
  const seed = option('seed', 42);
  const requests = option('requests', 600);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmn-bench-'));
  // When run as root, embedded PostgreSQL runs as an unprivileged user that must be able to enter the directory.
  fs.chmodSync(workDir, 0o755);
  const services: RunningService[] = [];
  let app: INestApplication | undefined;
  let api: ChildProcess | undefined;
  const cleanup = async () => {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((r) => api!.once('exit', r));
    }
    await app?.close().catch(() => undefined);
    for (const s of services.reverse()) await s.stop().catch(() => undefined);
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

  try {
    console.log(
      `Search benchmark: ${therapistCount.toLocaleString('en-US')} therapists (seed ${seed}), ${os.cpus().length} CPUs, scratch data in ${workDir}`,
    );
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(workDir, 'postgres'),
      password: randomBytes(12).toString('hex'),
      database: 'bench',
    });
    services.push(pg);
    const masterKey = randomBytes(16).toString('hex');
    const meili = await startEmbeddedMeilisearch({ dataDir: path.join(workDir, 'meili'), masterKey });
    services.push(meili);
    await runMigrations(pg.url);

    // Seed.
    const dataSource = new DataSource({ type: 'postgres', url: pg.url });
    await dataSource.initialize();
    const ids = async (table: string) =>
      (await dataSource.query<{ id: string }[]>(`SELECT id FROM ${table} ORDER BY id`)).map((r) => r.id);
    const vocabulary = {
      conditionIds: await ids('conditions'),
      techniqueIds: await ids('techniques'),
      networkIds: await ids('networks'),
    };
    const t0 = performance.now();
    const therapists = generateTherapists(therapistCount, seed, vocabulary).map((t, i) => ({
      ...t,
      email: `therapist${i + 1}@bench.example`,
    }));
    const providers = generateProviders(Math.max(10, Math.round(therapistCount / 50)), seed).map((p, i) => ({
      ...p,
      email: `provider${i + 1}@bench.example`,
      npi: null,
    }));
    await seedDirectory(dataSource, { therapists, providers, passwordHash: await hashPassword(PASSWORD) });
    // The full rebuild below indexes everyone; the per-write outbox rows of the seed are not needed.
    await dataSource.query('UPDATE search_outbox SET processed_at = now() WHERE processed_at IS NULL');
    await dataSource.destroy();
    console.log(
      `Seeded ${therapistCount.toLocaleString('en-US')} therapists and ${providers.length} providers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // An in-process application (no HTTP load, no worker) for the rebuild, the raw requests and SQL counting.
    const config: ResolvedConfig = {
      port: 0,
      nodeEnv: 'production',
      dataDir: workDir,
      databaseUrl: pg.url,
      meiliUrl: meili.url,
      meiliMasterKey: masterKey,
      jwtSecret: randomBytes(32).toString('hex'),
      accessCodeKeys: { current: 1, keys: { 1: randomBytes(32).toString('hex') } },
      seedDemo: false,
      logLevel: 'warn',
      searchIndexPrefix: 'bench_',
      runSearchWorker: false,
      publicUrl: 'http://localhost:3000',
      mailFrom: 'Search benchmark <no-reply@example.test>',
      // The benchmark's load comes from one address: the per-client budgets would measure themselves.
      limits: { ...loadConfig({}).limits, anonymousRequestsPerMinute: 1e9, anonymousCostPerMinute: 1e9 },
      graphqlIntrospection: false,
    };
    app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    const inProcessUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;

    const report = await app.get(ReindexService).rebuild();
    console.log(
      `Full index: ${report.therapists.toLocaleString('en-US')} therapists (${report.documents.toLocaleString('en-US')} documents) in ${report.seconds.toFixed(1)} s`,
    );

    // The API as its own process, with the outbox worker, on the same database and index.
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the API process there (open it in Chrome DevTools).
    const profile = process.env.BENCH_CPU_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROFILE)}`]
      : [];
    api = spawn(
      process.execPath,
      [...profile, '-r', '@swc-node/register', path.join(__dirname, '../../apps/api/src/main.ts')],
      {
        cwd: path.join(__dirname, '../..'),
        env: {
          ...process.env,
          NODE_ENV: 'production',
          PORT: String(apiPort),
          DATABASE_URL: pg.url,
          MEILI_URL: meili.url,
          MEILI_MASTER_KEY: masterKey,
          JWT_SECRET: config.jwtSecret,
          SEED_DEMO: 'false',
          LOG_LEVEL: 'warn',
          SEARCH_INDEX_PREFIX: 'bench_',
          SEARCH_WORKER: 'true',
          DATA_DIR: workDir,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    await waitForHealth(apiUrl, api);

    const searchService = app.get(TherapistSearchService);
    const indexName = app.get(TherapistIndex).liveName;
    const mix = queryMix(vocabulary.conditionIds, vocabulary.techniqueIds);
    const rawBodies = mix.map((input) => {
      const request = searchService.buildRequest(input);
      return JSON.stringify({ q: request.text, ...request.params });
    });
    const apiBodies = mix.map((input) => JSON.stringify({ query: SEARCH_QUERY, variables: { input } }));
    // Uncompressed, as the API's own client asks (see SearchEngine).
    const meiliHeaders = {
      'content-type': 'application/json',
      'accept-encoding': 'identity',
      authorization: `Bearer ${masterKey}`,
    };
    const sendRaw = async (i: number) => {
      const res = await fetch(`${meili.url}/indexes/${indexName}/search`, {
        method: 'POST',
        headers: meiliHeaders,
        body: rawBodies[i % rawBodies.length],
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`Meilisearch answered ${res.status}: ${text.slice(0, 200)}`);
    };
    const sendApi = (base: string) => async (i: number) => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: apiBodies[i % apiBodies.length],
      });
      const body = (await res.json()) as {
        errors?: { message: string; extensions?: { code?: string } }[];
        data?: { searchTherapists: { totalHits: number } };
      };
      if (body.errors)
        throw new Error(`the API answered ${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
    };

    // Every query of the mix works through both paths and finds therapists.
    let withHits = 0;
    for (let i = 0; i < mix.length; i++) {
      await sendRaw(i);
      const res = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: apiBodies[i],
      });
      const body = (await res.json()) as {
        errors?: { message: string }[];
        data: { searchTherapists: { totalHits: number } };
      };
      if (body.errors) throw new Error(`query ${i} failed: ${body.errors[0].message}`);
      if (body.data.searchTherapists.totalHits > 0) withHits++;
    }
    console.log(
      `Query mix: ${mix.length} filtered geo searches over ${DEMO_METROS.length} metros (${withHits} with hits), page size 20, facets on`,
    );

    // Warm both paths, then measure side by side.
    await load(4, 200, sendRaw);
    await load(4, 200, sendApi(apiUrl));
    console.log('\n                         p50       p95       p99      req/s');
    const rows: string[] = [];
    for (const concurrency of [1, 16]) {
      const n = concurrency === 1 ? requests : requests * 3;
      const raw = await load(concurrency, n, sendRaw);
      const viaApi = await load(concurrency, n, sendApi(apiUrl));
      const line = (label: string, f: RunFigures) =>
        `${label.padEnd(20)}${ms(f.p50)} ${ms(f.p95)} ${ms(f.p99)} ${f.rps.toFixed(0).padStart(9)}`;
      console.log(line(`raw Meili   c=${concurrency}`, raw));
      console.log(line(`GraphQL API c=${concurrency}`, viaApi));
      rows.push(
        `c=${concurrency}: API/raw p95 ${(viaApi.p95 / raw.p95).toFixed(2)}x (target <= 1.5), API/raw req/s ${(viaApi.rps / raw.rps).toFixed(2)}x (target >= 0.67); ${n} requests each`,
      );
    }
    for (const row of rows) console.log(row);

    // Outbox lag: a therapist edits the profile; how long until the index shows it.
    const login = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
        variables: { input: { email: 'therapist1@bench.example', password: PASSWORD } },
      }),
    }).then((r) => r.json() as Promise<{ data: { login: { accessToken: string } } }>);
    const token = login.data.login.accessToken;
    const lags: number[] = [];
    const pause = random(11);
    for (let k = 0; k < 40; k++) {
      const marker = `bench marker ${k} ${randomBytes(4).toString('hex')}`;
      const started = performance.now();
      const res = await fetch(`${apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation($input: TherapistProfileInput!) { updateMyTherapistProfile(input: $input) { id } }',
          variables: { input: { bio: marker } },
        }),
      }).then(
        (r) =>
          r.json() as Promise<{ data?: { updateMyTherapistProfile: { id: string } }; errors?: { message: string }[] }>,
      );
      if (!res.data) throw new Error(`profile update failed: ${res.errors?.[0].message}`);
      const docUrl = `${meili.url}/indexes/${indexName}/documents/${res.data.updateMyTherapistProfile.id}_0?fields=bio`;
      for (;;) {
        const doc = (await fetch(docUrl, { headers: meiliHeaders }).then((r) => r.json())) as { bio?: string };
        if (doc.bio === marker) break;
        if (performance.now() - started > 30_000)
          throw new Error('the profile update did not reach the index within 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      // Measured from before the update was sent, so the figure includes the commit itself (an upper bound).
      lags.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50 + pause() * 250));
    }
    lags.sort((a, b) => a - b);
    console.log(
      `\nOutbox lag (update sent -> visible in the index), ${lags.length} updates: p50 ${percentile(lags, 50).toFixed(0)} ms, p95 ${percentile(lags, 95).toFixed(0)} ms, max ${lags[lags.length - 1].toFixed(0)} ms (target p95 < 1000 ms)`,
    );

    // SQL statements per search request, counted in the in-process application.
    let statements = 0;
    const original = Client.prototype.query;
    (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
      this: Client,
      ...args: unknown[]
    ) {
      statements++;
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    const perSearch = async (pageSize: number) => {
      const sample = mix.slice(0, 12).map((input) => ({ ...input, pageSize }));
      const counts: number[] = [];
      let hits = 0;
      for (const input of sample) {
        const before = statements;
        const res = await fetch(`${inProcessUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: SEARCH_QUERY, variables: { input } }),
        });
        const body = (await res.json()) as { data: { searchTherapists: { hits: unknown[] } } };
        hits += body.data.searchTherapists.hits.length;
        counts.push(statements - before);
      }
      return { min: Math.min(...counts), max: Math.max(...counts), hits: hits / sample.length };
    };
    await perSearch(5); // warm the reference-data cache
    const small = await perSearch(5);
    const large = await perSearch(50);
    Client.prototype.query = original;
    console.log(
      `SQL statements per search: page size 5 -> ${small.min}..${small.max} (avg ${small.hits.toFixed(1)} hits), page size 50 -> ${large.min}..${large.max} (avg ${large.hits.toFixed(1)} hits)`,
    );
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
