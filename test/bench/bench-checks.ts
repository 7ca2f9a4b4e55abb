/** What the benchmark checks besides speed: exact results, outbox lag, SQL statements per search. */
import { randomBytes } from 'crypto';
import { performance } from 'perf_hooks';
import { Client } from 'pg';
import { random } from '@mmn/demo';
import { type TherapistSearchInput, TherapistSearchService } from '@mmn/search';
import type { BenchEnv } from './bench-setup';
import { PASSWORD } from './bench-setup';
import { naiveRequest } from '../search/naive-index';
import { percentile } from './bench-support';

interface RawAnswer {
  hits: { therapistId: string }[];
  totalHits: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

const sameFacets = (a: Record<string, Record<string, number>>, b: Record<string, Record<string, number>>) =>
  JSON.stringify(
    Object.keys(a)
      .sort()
      .map((k) => [k, Object.entries(a[k]).sort()]),
  ) ===
  JSON.stringify(
    Object.keys(b)
      .sort()
      .map((k) => [k, Object.entries(b[k]).sort()]),
  );

/**
 * Every query of the mix (pages 1 and 2), answered through the API's engine path twice (counting, then with the
 * counts reused), against the naive `_geoRadius` request sent straight to Meilisearch: the same hits in the same
 * order, the same totalHits and facet counts. Prints each difference; returns how many queries differed.
 */
export async function checkExact(
  env: BenchEnv,
  mix: TherapistSearchInput[],
  raw: (body: string) => Promise<RawAnswer>,
): Promise<{ checked: number; different: number }> {
  const service = env.app.get(TherapistSearchService);
  let checked = 0;
  let different = 0;
  for (const base of mix) {
    for (const page of [1, 2]) {
      const input = { ...base, page };
      const request = service.buildRequest(input);
      const expected = await raw(JSON.stringify(naiveRequest(request)));
      for (const round of ['counted', 'reused']) {
        const got = await service.query(request);
        checked++;
        const problems: string[] = [];
        const want = expected.hits.map((h) => h.therapistId).join(',');
        if (got.hits.map((h) => h.therapistId).join(',') !== want) problems.push('hits or their order');
        if (got.totalHits !== expected.totalHits) problems.push(`totalHits ${got.totalHits} != ${expected.totalHits}`);
        if (!sameFacets(got.facetDistribution, expected.facetDistribution ?? {})) problems.push('facet counts');
        if (problems.length > 0) {
          different++;
          console.log(`  DIFFERENT (${round}) ${JSON.stringify(input)}: ${problems.join('; ')}`);
        }
      }
    }
  }
  return { checked, different };
}

/** A therapist edits the profile, again and again; how long until the index shows each edit. */
export async function outboxLag(env: BenchEnv, indexName: string, updates = 40): Promise<number[]> {
  const headers = {
    'content-type': 'application/json',
    'accept-encoding': 'identity',
    authorization: `Bearer ${env.masterKey}`,
  };
  const login = await fetch(`${env.apiUrl}/graphql`, {
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
  for (let k = 0; k < updates; k++) {
    const marker = `bench marker ${k} ${randomBytes(4).toString('hex')}`;
    const started = performance.now();
    const res = await fetch(`${env.apiUrl}/graphql`, {
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
    const docUrl = `${env.meiliUrl}/indexes/${indexName}/documents/${res.data.updateMyTherapistProfile.id}_0?fields=bio`;
    for (;;) {
      const doc = (await fetch(docUrl, { headers }).then((r) => r.json())) as { bio?: string };
      if (doc.bio === marker) break;
      if (performance.now() - started > 30_000)
        throw new Error('the profile update did not reach the index within 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    // Measured from before the update was sent, so the figure includes the commit itself (an upper bound).
    lags.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 50 + pause() * 250));
  }
  return lags.sort((a, b) => a - b);
}

export const lagLine = (lags: number[]) =>
  `p50 ${percentile(lags, 50).toFixed(0)} ms, p95 ${percentile(lags, 95).toFixed(0)} ms, max ${lags[lags.length - 1].toFixed(0)} ms`;

/** The engine's own account of the last delivery: what a one-document update costs inside Meilisearch. */
export async function lastUpdateCost(env: BenchEnv): Promise<string> {
  const headers = { authorization: `Bearer ${env.masterKey}` };
  const batches = (await fetch(`${env.meiliUrl}/batches?limit=5&statuses=succeeded&types=documentAdditionOrUpdate`, {
    headers,
  }).then((r) => r.json())) as { results: { duration: string; stats: { progressTrace?: Record<string, string> } }[] };
  return batches.results
    .map((b) => {
      const geo = Object.entries(b.stats.progressTrace ?? {}).find(([k]) => k.endsWith('writing geo points'))?.[1];
      return `${b.duration.replace(/^PT/, '')}${geo ? ` (geo points ${geo})` : ''}`;
    })
    .join(', ');
}

/** SQL statements per search request at two page sizes (must not grow with the page size). */
export async function statementsPerSearch(env: BenchEnv, query: string, mix: TherapistSearchInput[]): Promise<string> {
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
    const counts: number[] = [];
    for (const input of mix.slice(0, 12).map((i) => ({ ...i, pageSize }))) {
      const before = statements;
      await fetch(`${env.inProcessUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { input } }),
      }).then((r) => r.json());
      counts.push(statements - before);
    }
    return `${Math.min(...counts)}..${Math.max(...counts)}`;
  };
  try {
    await perSearch(5); // warm the reference-data cache
    return `page size 5 -> ${await perSearch(5)}, page size 50 -> ${await perSearch(50)}`;
  } finally {
    Client.prototype.query = original;
  }
}
