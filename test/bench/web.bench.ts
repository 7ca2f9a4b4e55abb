/**
 * `npm run bench:web [-- --therapists 100000 --seed 42 --requests 300]`
 *
 * Seeds N synthetic therapists into a scratch PostgreSQL and Meilisearch (a temporary directory), starts the
 * application with the website as its own process (as `npm start` does), and prints for the search benchmark's
 * query mix, at 1 and 16 clients: the /search page rendered server-side and `searchTherapists` called with the
 * page's own GraphQL document, each with p50/p95/req/s, and their ratios; then the profile page at 1 client, the
 * prescriber's worklist page for a prescriber with 200 referrals at 1 client (target p95 < 100 ms), and the
 * JavaScript a first visit to /search loads (gzipped, modern browsers: noModule polyfills excluded).
 * Figures only: nothing here asserts timings.
 */
import 'reflect-metadata';
import { type ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { gzipSync } from 'zlib';
import { print } from 'graphql';
import { DataSource } from 'typeorm';
import { SearchTherapistsDocument } from '@mmn/api-client';
import { DEMO_METROS, generateProviders, generateTherapists, random, readVocabulary, seedDirectory } from '@mmn/demo';
import { hashPassword } from '@mmn/identity';
import { freePort, type RunningService, startEmbeddedMeilisearch, startEmbeddedPostgres } from '@mmn/runtime';
import { runMigrations } from '@mmn/server';
import { progress } from './bench-support';
import { prescriberWithReferrals, REFERRALS } from './web-worklist';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
}

const TEXTS = ['carpal tunel', 'frozen shoulder', 'lymphedema', 'low back pain', 'sciatica', 'migraine'];
const MILES = [25, 50];

/** The same shape of mix as bench:search, as /search URLs and the page's API input (radius in miles). */
function queryMix(conditionIds: string[], techniqueIds: string[], size = 60) {
  const rnd = random(7);
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)];
  return Array.from({ length: size }, (_, i) => {
    const near = DEMO_METROS[i % DEMO_METROS.length];
    const variants: Record<string, string>[] = [
      { near },
      { near, condition: pick(conditionIds) },
      { near, q: pick(TEXTS) },
      { near, technique: pick(techniqueIds), accepting: '1' },
      { near, sort: 'distance', language: 'es' },
      { near, sort: 'reputation', radius: String(MILES[1]), condition: pick(conditionIds) },
    ];
    return variants[i % variants.length];
  });
}

function toInput(params: Record<string, string>) {
  const sort = params.sort === 'distance' ? 'DISTANCE' : params.sort === 'reputation' ? 'REPUTATION' : 'RELEVANCE';
  return {
    text: params.q ?? null,
    near: params.near,
    radiusKm: Number(params.radius ?? MILES[0]) * 1.609344,
    conditionIds: params.condition ? [params.condition] : [],
    techniqueIds: params.technique ? [params.technique] : [],
    networkIds: [],
    languages: params.language ? [params.language] : [],
    acceptingNewPatients: params.accepting ? true : null,
    practiceContext: null,
    sort,
    page: 1,
    pageSize: 20,
    verifiedOnly: true,
  };
}

async function load(concurrency: number, requests: number, send: (i: number) => Promise<void>) {
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
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  return { p50: at(50), p95: at(95), rps: requests / ((performance.now() - started) / 1000) };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
    if (child.exitCode !== null) throw new Error(`the application exited with code ${child.exitCode}`);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the application did not become healthy within 300 s');
}

async function main(): Promise<void> {
  const therapistCount = option('therapists', 100_000);
  const requests = option('requests', 300);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmn-bench-web-'));
  fs.chmodSync(workDir, 0o755);
  const services: RunningService[] = [];
  let app: ChildProcess | undefined;
  try {
    console.log(`Web benchmark: ${therapistCount.toLocaleString('en-US')} therapists, ${os.cpus().length} CPUs`);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg'), password: 'bench', database: 'bench' });
    services.push(pg);
    const masterKey = randomBytes(16).toString('hex');
    const meili = await startEmbeddedMeilisearch({ dataDir: path.join(workDir, 'meili'), masterKey });
    services.push(meili);
    await runMigrations(pg.url);
    const db = new DataSource({ type: 'postgres', url: pg.url });
    await db.initialize();
    const vocabulary = await readVocabulary(db);
    const therapists = generateTherapists(therapistCount, 42, vocabulary).map((t, i) => ({
      ...t,
      email: `t${i}@bench.example`,
    }));
    const providers = generateProviders(Math.max(10, therapistCount / 50), 42).map((p, i) => ({
      ...p,
      email: `p${i}@bench.example`,
      npi: null,
    }));
    await seedDirectory(db, { therapists, providers, passwordHash: await hashPassword('bench-password-not-secret') });
    await db.destroy();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    app = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, '../../apps/api/src/main.ts')], {
      cwd: path.join(__dirname, '../..'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        DATABASE_URL: pg.url,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: masterKey,
        JWT_SECRET: randomBytes(32).toString('hex'),
        ACCESS_CODE_KEY: randomBytes(32).toString('hex'),
        PHI_KEY: randomBytes(32).toString('hex'),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        DATA_DIR: workDir,
        ANONYMOUS_REQUESTS_PER_MINUTE: '1000000000',
        ANONYMOUS_COST_PER_MINUTE: '1000000000',
        // The worklist figure's prescriber sends referrals without an administrator verifying their NPI first.
        REQUIRE_VERIFIED_PRESCRIBERS: 'false',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await waitForHealth(url, app);
    // The worker indexes the seeded directory from the outbox; wait until search sees all of it.
    const t0 = performance.now();
    const apiBody = (input: unknown) =>
      JSON.stringify({ query: print(SearchTherapistsDocument), variables: { input } });
    for (let polls = 0; ; polls++) {
      const health = (await (await fetch(`${url}/health`)).json()) as { searchOutbox: { backlog: number } | null };
      const backlog = health.searchOutbox?.backlog;
      if (backlog === 0) break;
      if (polls % 10 === 0 && backlog !== undefined && backlog <= therapistCount)
        progress('therapists indexed through the outbox', therapistCount - backlog, therapistCount, t0);
      await new Promise((r) => setTimeout(r, 1000));
    }
    console.log(`Indexed through the outbox in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const mix = queryMix(vocabulary.conditionIds, vocabulary.techniqueIds);
    const pages = mix.map((params) => `${url}/search?${new URLSearchParams(params).toString()}`);
    const bodies = mix.map((params) => apiBody(toInput(params)));
    const sendPage = async (i: number) => {
      const res = await fetch(pages[i % pages.length]);
      await res.text();
      if (res.status !== 200) throw new Error(`page answered ${res.status}`);
    };
    const sendApi = async (i: number) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bodies[i % bodies.length],
      });
      const body = (await res.json()) as { errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors[0].message);
    };
    for (let i = 0; i < mix.length; i++) await Promise.all([sendPage(i), sendApi(i)]);
    const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
    for (const concurrency of [1, 16]) {
      const api = await load(concurrency, requests, sendApi);
      const page = await load(concurrency, requests, sendPage);
      console.log(`\n${concurrency} client(s), ${requests} requests each:`);
      console.log(`  searchTherapists  p50 ${ms(api.p50)}  p95 ${ms(api.p95)}  ${api.rps.toFixed(1)} req/s`);
      console.log(`  /search page      p50 ${ms(page.p50)}  p95 ${ms(page.p95)}  ${page.rps.toFixed(1)} req/s`);
      console.log(`  page/API p95 ${(page.p95 / api.p95).toFixed(2)}x, throughput ${(page.rps / api.rps).toFixed(2)}x`);
    }
    const listing = (await (
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query($n: Int) { verifiedTherapistListing(first: $n) { entries { id } } }',
          variables: { n: 50 },
        }),
      })
    ).json()) as { data: { verifiedTherapistListing: { entries: { id: string }[] } } };
    // The canonical URLs (each id once through its 308 redirect), then the profile pages themselves.
    const profiles: string[] = [];
    for (const entry of listing.data.verifiedTherapistListing.entries) {
      profiles.push((await fetch(`${url}/therapists/t-${entry.id}`)).url);
    }
    const profile = await load(1, requests, async (i) => {
      const res = await fetch(profiles[i % profiles.length]);
      await res.text();
    });
    console.log(`\nprofile page (1 client): p50 ${ms(profile.p50)}  p95 ${ms(profile.p95)}`);
    console.log(`\nPrescriber's worklist page (/referrals), a prescriber with ${REFERRALS} referrals:`);
    const cookie = await prescriberWithReferrals(url);
    const worklist = await load(1, requests, async () => {
      const res = await fetch(`${url}/referrals`, { headers: { cookie }, redirect: 'manual' });
      const html = await res.text();
      if (res.status !== 200 || !html.includes('worklist')) throw new Error(`the worklist answered ${res.status}`);
    });
    console.log(
      `  worklist page (1 client): p50 ${ms(worklist.p50)}  p95 ${ms(worklist.p95)}  ${worklist.rps.toFixed(1)} req/s (target p95 < 100 ms) ${worklist.p95 < 100 ? 'PASS' : 'FAIL'}`,
    );
    const html = await (await fetch(pages[0])).text();
    let js = 0;
    for (const [tag, src] of html.matchAll(/<script[^>]*?src="([^"]+)"[^>]*>/g)) {
      if (/noModule/i.test(tag)) continue;
      js += gzipSync(Buffer.from(await (await fetch(`${url}${src}`)).arrayBuffer())).length;
    }
    console.log(`JavaScript of a first visit to /search: ${(js / 1024).toFixed(1)} kB gzipped`);
  } finally {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((r) => app!.once('exit', r));
    }
    for (const s of services.reverse()) await s.stop().catch(() => undefined);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
