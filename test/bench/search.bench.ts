/**
 * `npm run bench:search [-- --therapists 10000,100000,1000000 --seed 42 --requests 600]`
 *
 * For each directory size: seeds N synthetic therapists (deterministic for a seed) into a scratch PostgreSQL and
 * Meilisearch and prints, in one run, each figure with its target and PASS/FAIL:
 *  - the full-index time; the API process's CPU ms per request; resident memory of the API and Meilisearch;
 *  - for the same query mix at concurrency 1 and 16: the naive request sent straight to Meilisearch (a second index
 *    with geo data, asked with a `_geoRadius` filter and `_geoPoint` sort, facets, exact totals: naive-index.ts),
 *    `searchTherapists` through the GraphQL API over HTTP, and the same
 *    searches answered by PostgreSQL alone (bench-postgres.ts), with p50/p95/p99 and requests per second;
 *  - that the API's results are exactly the naive query's (hits, order, totalHits, facet counts), every query;
 *  - outbox lag (a profile update's commit to its visibility in the index), idle and under the 16-client load;
 *  - SQL statements per search request at page size 5 and 50.
 * With several sizes it also prints p95 and req/s per size and writes docs/bench/search-p95-by-size.svg.
 * Figures only: nothing here asserts timings.
 */
import 'reflect-metadata';
import * as os from 'os';
import * as path from 'path';
import { DEMO_METROS, random } from '@mmn/demo';
import { TherapistIndex, type TherapistSearchInput, TherapistSearchService, TherapistSort } from '@mmn/search';
import { checkExact, lagLine, lastUpdateCost, outboxLag, statementsPerSearch } from './bench-checks';
import { writeChart } from './bench-chart';
import { PostgresSearch } from './bench-postgres';
import { buildNaiveIndex, naiveRequest } from '../search/naive-index';
import { type BenchEnv, setUp, type Vocabulary } from './bench-setup';
import { load, ms, option, optionList, percentile, type RunFigures, rssMb, verdict } from './bench-support';

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
function queryMix({ conditionIds, techniqueIds }: Vocabulary, size = 60): TherapistSearchInput[] {
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

interface SizeFigures {
  size: number;
  runs: Record<string, RunFigures>;
}

const line = (label: string, f: RunFigures) =>
  `${label.padEnd(24)}${ms(f.p50)} ${ms(f.p95)} ${ms(f.p99)} ${f.rps.toFixed(0).padStart(9)}${f.cpuMsPerRequest === undefined ? '' : `   ${f.cpuMsPerRequest.toFixed(1)} CPU ms/request (API process)`}`;

async function runSize(count: number, seed: number, requests: number): Promise<SizeFigures> {
  console.log(`\n=== ${count.toLocaleString('en-US')} therapists (seed ${seed}), ${os.cpus().length} CPUs ===`);
  const env: BenchEnv = await setUp(count, seed);
  try {
    const service = env.app.get(TherapistSearchService);
    const indexName = env.app.get(TherapistIndex).liveName;
    const mix = queryMix(env.vocabulary);
    const meiliHeaders = {
      'content-type': 'application/json',
      'accept-encoding': 'identity',
      authorization: `Bearer ${env.masterKey}`,
    };
    const naiveIndex = await buildNaiveIndex(env.app);
    const raw = async (body: string) => {
      const res = await fetch(`${env.meiliUrl}/indexes/${naiveIndex}/search`, {
        method: 'POST',
        headers: meiliHeaders,
        body,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`Meilisearch answered ${res.status}: ${text.slice(0, 200)}`);
      return JSON.parse(text) as { hits: { therapistId: string }[]; totalHits: number };
    };
    const requestsOf = mix.map((input) => service.buildRequest(input));
    const rawBodies = requestsOf.map((r) => JSON.stringify(naiveRequest(r)));
    const apiBodies = mix.map((input) => JSON.stringify({ query: SEARCH_QUERY, variables: { input } }));
    const sendRaw = async (i: number) => void (await raw(rawBodies[i % rawBodies.length]));
    const sendApi = async (i: number) => {
      const res = await fetch(`${env.apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: apiBodies[i % apiBodies.length],
      });
      const body = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      if (body.errors)
        throw new Error(`the API answered ${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
    };
    const pg = new PostgresSearch(env.pgUrl);
    const pgSeconds = await pg.prepare();
    const sendPg = async (i: number) => void (await pg.search(mix[i % mix.length], requestsOf[i % mix.length].point));

    const exact = await checkExact(env, mix, raw);
    let withHits = 0;
    for (let i = 0; i < mix.length; i++) if ((await raw(rawBodies[i])).totalHits > 0) withHits++;
    console.log(
      `Query mix: ${mix.length} filtered geo searches over ${DEMO_METROS.length} metros (${withHits} with hits), page size 20, facets on`,
    );
    console.log(
      `Exact results (API engine path vs the naive _geoRadius request; pages 1 and 2, counted and reused): ${exact.checked - exact.different}/${exact.checked} identical ${verdict(exact.different === 0)}`,
    );
    console.log(`PostgreSQL-only search table and indexes built in ${pgSeconds.toFixed(1)} s`);

    await load(4, 200, sendRaw);
    await load(4, 200, sendApi);
    await load(4, 100, sendPg);
    console.log('\n                             p50       p95       p99      req/s');
    const runs: Record<string, RunFigures> = {};
    const verdicts: string[] = [];
    for (const c of [1, 16]) {
      const n = c === 1 ? requests : requests * 3;
      runs[`raw${c}`] = await load(c, n, sendRaw);
      runs[`api${c}`] = await load(c, n, sendApi, env.api.pid);
      runs[`pg${c}`] = await load(c, c === 1 ? Math.min(n, 300) : Math.min(n, 600), sendPg);
      console.log(line(`raw Meili (naive) c=${c}`, runs[`raw${c}`]));
      console.log(line(`GraphQL API       c=${c}`, runs[`api${c}`]));
      console.log(line(`PostgreSQL only   c=${c}`, runs[`pg${c}`]));
      const api = runs[`api${c}`];
      const rawRun = runs[`raw${c}`];
      const pgRun = runs[`pg${c}`];
      verdicts.push(
        `c=${c}: API/raw p95 ${(api.p95 / rawRun.p95).toFixed(2)}x (target <= 1.0) ${verdict(api.p95 <= rawRun.p95)}` +
          (c === 16
            ? `; API/raw req/s ${(api.rps / rawRun.rps).toFixed(2)}x (target >= 1.0) ${verdict(api.rps >= rawRun.rps)}`
            : '') +
          `; API vs PostgreSQL p95 ${api.p95.toFixed(1)} vs ${pgRun.p95.toFixed(1)} ms, req/s ${api.rps.toFixed(0)} vs ${pgRun.rps.toFixed(0)} (target API ahead on both) ${verdict(api.p95 < pgRun.p95 && api.rps > pgRun.rps)}`,
      );
    }
    for (const v of verdicts) console.log(v);
    await pg.close();

    const idle = await outboxLag(env, indexName);
    console.log(
      `\nOutbox lag (update sent -> visible in the index), ${idle.length} updates, idle: ${lagLine(idle)} (target p95 < 1000 ms) ${verdict(percentile(idle, 95) < 1000)}`,
    );
    console.log(`  Meilisearch's own time for the last one-document updates: ${await lastUpdateCost(env)}`);
    let loading = true;
    const background = (async () => {
      while (loading) await load(16, 160, sendApi);
    })();
    const busy = await outboxLag(env, indexName, 30);
    loading = false;
    await background;
    console.log(
      `Outbox lag under the 16-client search load, ${busy.length} updates: ${lagLine(busy)} (target p95 < 1000 ms) ${verdict(percentile(busy, 95) < 1000)}`,
    );
    console.log(
      `Full index: ${env.indexSeconds.toFixed(1)} s for ${env.documents.toLocaleString('en-US')} documents${count === 100_000 ? ` (target at 100,000 < 30 s) ${verdict(env.indexSeconds < 30)}` : ''}`,
    );
    console.log(`SQL statements per search: ${await statementsPerSearch(env, SEARCH_QUERY, mix)}`);
    console.log(
      `Resident memory after the run: API process ${rssMb(env.api.pid).toFixed(0)} MB, Meilisearch ${rssMb(env.meiliPid).toFixed(0)} MB`,
    );
    return {
      size: count,
      runs: {
        ...runs,
        memory: { p50: rssMb(env.api.pid), p95: rssMb(env.meiliPid), p99: env.indexSeconds, rps: 0, requests: 0 },
      },
    };
  } finally {
    await env.cleanup();
  }
}

async function main(): Promise<void> {
  const sizes = optionList('therapists', [100_000]);
  const seed = option('seed', 42);
  const requests = option('requests', 600);
  const results: SizeFigures[] = [];
  for (const size of sizes) results.push(await runSize(size, seed, requests));
  if (results.length < 2) return;
  console.log('\nHow cost grows (p95 ms / req/s):');
  console.log(
    'therapists    raw c=1      API c=1      PG c=1      raw c=16     API c=16     PG c=16   API MB  Meili MB  index s',
  );
  for (const r of results) {
    const cell = (k: string) => `${r.runs[k].p95.toFixed(1)}/${r.runs[k].rps.toFixed(0)}`.padStart(12);
    const mem = r.runs.memory;
    console.log(
      `${r.size.toLocaleString('en-US').padStart(10)} ${['raw1', 'api1', 'pg1', 'raw16', 'api16', 'pg16'].map(cell).join(' ')} ${mem.p50.toFixed(0).padStart(7)} ${mem.p95.toFixed(0).padStart(9)} ${mem.p99.toFixed(1).padStart(8)}`,
    );
  }
  const at = (size: number) => results.find((r) => r.size === size);
  if (at(100_000) && at(1_000_000)) {
    const ratio = at(1_000_000)!.runs.api1.p95 / at(100_000)!.runs.api1.p95;
    console.log(
      `API p95 at 1,000,000 / at 100,000, 1 client: ${ratio.toFixed(2)}x (target <= 3) ${verdict(ratio <= 3)}`,
    );
  }
  const series = (key: string, label: string, color: string, dashed = false) => ({
    label,
    color,
    dashed,
    points: results.map((r) => ({ size: r.size, p95: r.runs[key].p95 })),
  });
  const file = path.join(__dirname, '../../docs/bench/search-p95-by-size.svg');
  writeChart(file, 'Search p95 by directory size (2 cores, one run)', [
    series('api1', 'API, 1 client', '#1a6fb0'),
    series('raw1', 'raw Meili, 1 client', '#2e8540'),
    series('pg1', 'PostgreSQL, 1 client', '#cd2026'),
    series('api16', 'API, 16 clients', '#1a6fb0', true),
    series('raw16', 'raw Meili, 16 clients', '#2e8540', true),
    series('pg16', 'PostgreSQL, 16 clients', '#cd2026', true),
  ]);
  console.log(`Chart written to ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
