/**
 * `npm run bench:fhir [-- --therapists 100000 (or 5000,100000) --seed 42 --requests 200]`
 *
 * For each directory size, on the scratch services of bench-setup.ts (the API as its own process), prints each
 * figure with its target and PASS/FAIL:
 *  - PractitionerRole search near a place with `_include=PractitionerRole:practitioner` and `:location`
 *    (`GET /fhir/PractitionerRole?location.near=lat|lng|50|km`, the parameter the capability statement advertises)
 *    beside GraphQL `searchTherapists` of the same place, radius and page size, at 1 and 16 clients: p50/p95/req/s;
 *    target FHIR p95 <= 1.5 x GraphQL p95;
 *  - the full-directory bulk `$export` (kick-off, polling, NDJSON download): resources per second (target >= 5,000)
 *    and the API process's peak resident memory; with two sizes, memory flat in directory size (peak at the larger
 *    size <= 1.25 x the smaller).
 * Writes docs/bench/fhir.svg (p95 FHIR vs GraphQL at 1 and 16 clients). Figures only: nothing here asserts timings.
 */
import 'reflect-metadata';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { DEMO_METROS } from '@mmn/demo';
import { writeChart } from './bench-chart';
import { setUp } from './bench-setup';
import { load, ms, option, optionList, progress, type RunFigures, verdict } from './bench-support';
import { type ExportFigures, runExport } from './fhir-export-run';

const RADIUS_KM = 50;
const PAGE = 20;

const GRAPHQL_QUERY = `query Near($input: TherapistSearchInput!) {
  searchTherapists(input: $input) {
    totalHits
    resolvedPlace { latitude longitude }
    hits {
      distanceKm
      nearestLocation { label city state postalCode }
      therapist { id displayName credentialLetters acceptingNewPatients verified languages }
    }
  }
}`;

interface Place {
  zip: string;
  latitude: number;
  longitude: number;
  graphqlTotal: number;
  fhirTotal: number;
}

interface SizeFigures {
  size: number;
  runs: Record<string, RunFigures>;
  export: ExportFigures;
}

interface FhirBundle {
  resourceType: string;
  type?: string;
  total?: number;
  entry?: { resource: { resourceType: string }; search?: { mode: string } }[];
  issue?: { diagnostics?: string }[];
}

const row = (label: string, f: RunFigures, failed = 0) =>
  `${label.padEnd(24)}${ms(f.p50)} ${ms(f.p95)} ${f.rps.toFixed(1).padStart(9)}   (${f.requests} requests, ${failed} failed)`;

/** Failed requests of the last run by message (a failure still counts in the latencies: its time to fail). */
const failures = new Map<string, number>();

/** Wraps a sender so that a run prints progress lines with counts and an estimate, and counts failures. */
function withProgress(label: string, total: number, send: (i: number) => Promise<void>) {
  const started = performance.now();
  let done = 0;
  const step = Math.max(1, Math.ceil(total / 4));
  failures.clear();
  return async (i: number) => {
    await send(i).catch((error: unknown) => {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 160);
      failures.set(message, (failures.get(message) ?? 0) + 1);
    });
    if (++done % step === 0 && done < total) progress(label, done, total, started);
  };
}

/** Runs `n` requests at concurrency `c`; prints and keeps the failures beside the figures. */
async function measured(label: string, c: number, n: number, send: (i: number) => Promise<void>, pid?: number) {
  const figures = await load(c, n, withProgress(label, n, send), pid);
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  if (failed > 0)
    console.log(
      `  ${label}: ${failed}/${n} requests FAILED: ${[...failures].map(([m, k]) => `${k} x ${m}`).join('; ')}`,
    );
  return { figures, failed };
}

async function runSize(count: number, seed: number, requests: number): Promise<SizeFigures> {
  console.log(`\n=== ${count.toLocaleString('en-US')} therapists (seed ${seed}), ${os.cpus().length} CPUs ===`);
  const env = await setUp(count, seed);
  try {
    // Only the API process serves and exports from here on (the in-process app would compete for export jobs).
    await env.app.close();
    const graphql = async (zip: string) => {
      const res = await fetch(`${env.apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: GRAPHQL_QUERY,
          variables: { input: { near: zip, radiusKm: RADIUS_KM, pageSize: PAGE, sort: 'DISTANCE' } },
        }),
      });
      const body = (await res.json()) as {
        data?: { searchTherapists: { totalHits: number; resolvedPlace: { latitude: number; longitude: number } } };
        errors?: { message: string; extensions?: { code?: string } }[];
      };
      if (body.errors || !body.data)
        throw new Error(`GraphQL answered ${body.errors?.[0].extensions?.code}: ${body.errors?.[0].message}`);
      return body.data.searchTherapists;
    };
    const fhirUrl = (p: Place) =>
      `${env.apiUrl}/fhir/PractitionerRole?location.near=${p.latitude}|${p.longitude}|${RADIUS_KM}|km` +
      `&_include=PractitionerRole:practitioner&_include=PractitionerRole:location&_count=${PAGE}`;
    const fhir = async (p: Place) => {
      const res = await fetch(fhirUrl(p), { headers: { accept: 'application/fhir+json' } });
      const text = await res.text();
      const bundle = JSON.parse(text) as FhirBundle;
      if (res.status !== 200 || bundle.resourceType !== 'Bundle')
        throw new Error(`GET ${fhirUrl(p)} answered ${res.status}: ${text.slice(0, 400)}`);
      return bundle;
    };

    const meta = (await (await fetch(`${env.apiUrl}/fhir/metadata`)).json()) as {
      rest?: { resource?: { type: string; searchParam?: { name: string }[]; searchInclude?: string[] }[] }[];
    };
    const role = meta.rest?.[0].resource?.find((r) => r.type === 'PractitionerRole');
    const hasNear = role?.searchParam?.some((s) => s.name === 'location.near');
    const includes = role?.searchInclude ?? [];
    console.log(
      `Capability statement: PractitionerRole location.near ${hasNear ? 'advertised' : 'NOT advertised'}; _include ${includes.join(', ') || 'none'}`,
    );

    const places: Place[] = [];
    for (const zip of DEMO_METROS) {
      const g = await graphql(zip);
      const place = { zip, ...g.resolvedPlace, graphqlTotal: g.totalHits, fhirTotal: 0 };
      const bundle = await fhir(place);
      const modes = (bundle.entry ?? []).map((e) => e.search?.mode);
      place.fhirTotal = bundle.total ?? 0;
      if (places.length === 0)
        console.log(
          `  ${zip}: FHIR Bundle ${bundle.type}, total ${bundle.total}, ${modes.filter((m) => m === 'match').length} match + ${modes.filter((m) => m === 'include').length} include entries; GraphQL totalHits ${g.totalHits}`,
        );
      places.push(place);
    }
    console.log(
      `Places: ${places.length} metros within ${RADIUS_KM} km, page size ${PAGE}; totals FHIR (verified, licensed locations) / GraphQL: ${places.map((p) => `${p.zip} ${p.fhirTotal}/${p.graphqlTotal}`).join(', ')}`,
    );

    const sendFhir = async (i: number) => void (await fhir(places[i % places.length]));
    const sendGraphql = async (i: number) => void (await graphql(places[i % places.length].zip));
    console.log('Warming up (40 requests each)...');
    await load(4, 40, sendFhir);
    await load(4, 40, sendGraphql);

    const runs: Record<string, RunFigures> = {};
    const failedOf: Record<string, number> = {};
    for (const c of [1, 16]) {
      const n = c === 1 ? requests : requests * 3;
      console.log(`Running ${n} requests per path at ${c} client(s)...`);
      for (const [key, send] of [
        ['fhir', sendFhir],
        ['graphql', sendGraphql],
      ] as const) {
        const { figures, failed } = await measured(`${key === 'fhir' ? 'FHIR' : 'GraphQL'} c=${c}`, c, n, send);
        runs[`${key}${c}`] = figures;
        failedOf[`${key}${c}`] = failed;
      }
    }
    console.log('\n                              p50       p95     req/s');
    for (const c of [1, 16]) {
      console.log(row(`FHIR near+include  c=${c}`, runs[`fhir${c}`], failedOf[`fhir${c}`]));
      console.log(row(`GraphQL search     c=${c}`, runs[`graphql${c}`], failedOf[`graphql${c}`]));
    }
    for (const c of [1, 16]) {
      const ratio = runs[`fhir${c}`].p95 / runs[`graphql${c}`].p95;
      console.log(
        `c=${c}: FHIR p95 ${runs[`fhir${c}`].p95.toFixed(1)} ms vs GraphQL p95 ${runs[`graphql${c}`].p95.toFixed(1)} ms = ${ratio.toFixed(2)}x (target <= 1.5x) ${verdict(ratio <= 1.5)}${failedOf[`fhir${c}`] + failedOf[`graphql${c}`] > 0 ? ` (failed requests: FHIR ${failedOf[`fhir${c}`]}, GraphQL ${failedOf[`graphql${c}`]})` : ''}`,
      );
    }

    console.log(`\nBulk export of the whole directory (${count.toLocaleString('en-US')} therapists)...`);
    const exp = await runExport(env.apiUrl, env.api.pid);
    const mismatched = exp.files.filter((f) => f.count !== f.lines);
    console.log(
      `  files: ${exp.files.map((f) => `${f.type} ${f.lines.toLocaleString('en-US')}`).join(', ')}; lines match the manifest counts: ${mismatched.length === 0 ? 'yes' : `NO (${mismatched.map((f) => `${f.type} ${f.lines}/${f.count}`).join(', ')})`}`,
    );
    console.log(
      `$export: ${exp.resources.toLocaleString('en-US')} resources in ${exp.seconds.toFixed(1)} s = ${exp.perSecond.toFixed(0)} resources/s (target >= 5,000) ${verdict(exp.perSecond >= 5000)}`,
    );
    console.log(
      `$export: API process peak resident memory ${exp.peakMb.toFixed(0)} MB (${(exp.peakMb - exp.baselineMb).toFixed(0)} MB above the ${exp.baselineMb.toFixed(0)} MB before kick-off)`,
    );
    // Within one run: memory that grew with the work done would keep rising quarter after quarter.
    const [, second, , fourth] = exp.quarterPeaksMb;
    console.log(
      `$export: peak resident memory by quarter of the writing phase ${exp.quarterPeaksMb.map((mb) => `${mb.toFixed(0)} MB`).join(' / ')}, downloading ${exp.downloadPeakMb.toFixed(0)} MB; ` +
        `last quarter ${(fourth / second).toFixed(2)}x the second (target flat: <= 1.10x) ${verdict(fourth <= second * 1.1)}`,
    );
    return { size: count, runs, export: exp };
  } finally {
    await env.cleanup();
  }
}

async function main(): Promise<void> {
  const sizes = optionList('therapists', [100_000]).sort((a, b) => a - b);
  const seed = option('seed', 42);
  const requests = option('requests', 200);
  const results: SizeFigures[] = [];
  for (const size of sizes) results.push(await runSize(size, seed, requests));

  if (results.length >= 2) {
    const small = results[0];
    const large = results[results.length - 1];
    const ratio = large.export.peakMb / small.export.peakMb;
    console.log(
      `\n$export memory by size: ${results.map((r) => `${r.size.toLocaleString('en-US')} -> peak ${r.export.peakMb.toFixed(0)} MB (+${(r.export.peakMb - r.export.baselineMb).toFixed(0)})`).join(', ')}; ` +
        `peak ratio ${ratio.toFixed(2)}x for ${(large.size / small.size).toFixed(0)}x the directory (target flat: <= 1.25x) ${verdict(ratio <= 1.25)}`,
    );
  } else {
    console.log(
      '\n$export memory flat in directory size: not measured (give two sizes, e.g. --therapists 5000,100000)',
    );
  }

  const series = (key: string, label: string, color: string, dashed = false) => ({
    label,
    color,
    dashed,
    points: results.map((r) => ({ size: r.size, p95: r.runs[key].p95 })),
  });
  const file = path.join(__dirname, '../../docs/bench/fhir.svg');
  writeChart(file, 'PractitionerRole near + _include vs GraphQL: p95 (2 cores, one run)', [
    series('fhir1', 'FHIR, 1 client', '#cd2026'),
    series('graphql1', 'GraphQL, 1 client', '#1a6fb0'),
    series('fhir16', 'FHIR, 16 clients', '#cd2026', true),
    series('graphql16', 'GraphQL, 16 clients', '#1a6fb0', true),
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
