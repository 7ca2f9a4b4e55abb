/**
 * `npm run load [-- --therapists 100000 --seconds 60 --clients 16 --seed 1]`
 *
 * A mixed workload against one API process (as `npm start` runs it, on scratch PostgreSQL, Meilisearch and an SMTP
 * sink, the soak's services): 70% anonymous searches and profile reads, 20% signed-in referral reads and lists, 10%
 * writes (profile edits, referral transitions), from `--clients` closed-loop clients for `--seconds`, on a seeded
 * directory of `--therapists`. Prints p50/p95/p99 per operation kind, req/s, errors by code, and the API's and
 * PostgreSQL's memory and connections at the start and the end; each target with PASS/FAIL (exit 1 on a FAIL);
 * writes docs/bench/load.svg. Figures only: not part of `npm test` (its pure part is: load-mix.spec.ts).
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { Client } from 'pg';
import { generateProviders, generateTherapists, readVocabulary, seedDirectory } from '@mmn/demo';
import { hashPassword } from '@mmn/identity';
import { createDataSource, runMigrations } from '@mmn/server';
import { ms, option, progress, verdict } from '../bench/bench-support';
import { SoakClient } from '../soak/soak-client';
import { seededRandom } from '../soak/soak-schedule';
import { startServices } from '../soak/soak-services';
import { prepareWorkload } from '../soak/soak-setup';
import { writeLoadChart } from './load-chart';
import { errorsByCode, figuresByKind, isServerFault, MIX, pickKind, type Sample, targets } from './load-mix';
import { sampleResources } from './load-observe';
import { buildIndex } from './load-index';
import { clientOps, createReferral, type LoadWorld } from './load-ops';

const PASSWORD = 'load-password-not-secret';
const SEED_CHUNK = 20_000;
const sec = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const therapists = option('therapists', 100_000);
  const seconds = option('seconds', 60);
  const clients = option('clients', 16);
  const seed = option('seed', 1);
  console.log(
    `Load: ${clients} clients for ${seconds} s against one API process, ${therapists.toLocaleString('en-US')} therapists, seed ${seed}`,
  );
  console.log(`Mix: ${MIX.map((m) => `${m.kind} ${(m.share * 100).toFixed(0)}% (${m.group})`).join(', ')}`);
  const t0 = performance.now();
  const s = await startServices({ apis: 1 });
  let failed = true;
  const interrupted = () => void s.cleanup(false).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await runMigrations(s.pgUrl);
    const ds = createDataSource(s.pgUrl);
    await ds.initialize();
    const vocabulary = await readVocabulary(ds);
    const seedStarted = performance.now();
    const all = generateTherapists(therapists, seed, vocabulary).map((t, i) => ({
      ...t,
      email: `therapist${i + 1}@load.example`,
    }));
    const passwordHash = await hashPassword(PASSWORD);
    for (let from = 0; from < all.length; from += SEED_CHUNK) {
      await seedDirectory(ds, {
        therapists: all.slice(from, from + SEED_CHUNK),
        providers:
          from === 0
            ? generateProviders(20, seed).map((p, i) => ({ ...p, email: `provider${i + 1}@load.example` }))
            : [],
        passwordHash,
      });
      progress('seeded therapists', Math.min(all.length, from + SEED_CHUNK), all.length, seedStarted);
    }
    await ds.destroy();
    const db = new Client({ connectionString: s.pgUrl });
    await db.connect();
    console.log(`Seeded at ${sec(t0)}; indexing (a full rebuild, as npm run reindex does)...`);
    const index = await buildIndex(s, db);
    console.log(`Index built: ${index.documents.toLocaleString('en-US')} documents in ${index.seconds.toFixed(1)} s`);
    await s.startApi(0);
    console.log(`API started at ${sec(t0)}`);

    const client = new SoakClient(s.apis, `load-${seed}`);
    const w = await prepareWorkload(client, s, { clients, password: PASSWORD, vocabulary });
    const therapistIds = (
      await db.query<{ id: string }>(
        'SELECT id FROM therapists WHERE suspended_at IS NULL ORDER BY md5(id::text || $1) LIMIT 2000',
        [String(seed)],
      )
    ).rows.map((r) => r.id);
    const world: LoadWorld = {
      client,
      therapistIds,
      conditionIds: vocabulary.conditionIds,
      techniqueIds: vocabulary.techniqueIds,
      owned: w.owned,
      providers: w.providers,
      receivers: w.receivers,
      referrals: [],
    };
    for (const [i, provider] of w.providers.entries())
      for (let k = 0; k < 2; k++)
        await createReferral(world, `load-setup-${i}-${k}`, provider, w.receivers[(i * 2 + k) % w.receivers.length]);
    console.log(
      `Signed in ${w.owned.flat().length} editing therapists, ${w.receivers.length} receiving therapists, ${w.providers.length} prescribers; ${world.referrals.length} referrals to read; ready at ${sec(t0)}`,
    );

    const apiPid = s.apis[0].child?.pid;
    const pgDir = path.join(s.workDir, 'postgres');
    const start = await sampleResources(db, apiPid, pgDir);
    const from = client.history.length;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let warm = start;
    const warmUp = setTimeout(
      () => void sampleResources(db, apiPid, pgDir).then((r) => (warm = r)),
      (seconds * 1000) / 4,
    );
    const ticker = setInterval(() => {
      const done = client.history.length - from;
      const errs = client.history.slice(from).filter((o) => o.code).length;
      const elapsed = (performance.now() - started) / 1000;
      console.log(
        `  ${done} requests (${errs} errors), ${(done / elapsed).toFixed(0)} req/s, ${elapsed.toFixed(0)} s of ${seconds} s, about ${Math.max(0, seconds - elapsed).toFixed(0)} s left`,
      );
    }, 5000);
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const rnd = seededRandom(seed * 1000 + c);
        const run = clientOps(world, c, rnd);
        while (performance.now() < deadline) await run(pickKind(rnd()));
      }),
    );
    clearInterval(ticker);
    clearTimeout(warmUp);
    const runSeconds = (performance.now() - started) / 1000;
    const end = await sampleResources(db, apiPid, pgDir);
    await db.end();

    const samples: Sample[] = client.history
      .slice(from)
      .map((o) => ({ kind: o.kind, ms: o.endMs - o.startMs, code: o.code }));
    const figures = figuresByKind(samples);
    console.log(
      `\n${samples.length} requests in ${runSeconds.toFixed(1)} s: ${(samples.length / runSeconds).toFixed(1)} req/s`,
    );
    console.log(
      `\n${'Operation'.padEnd(20)}${'count'.padStart(8)}${'share'.padStart(8)}${'p50'.padStart(11)}${'p95'.padStart(11)}${'p99'.padStart(11)}  errors`,
    );
    for (const f of figures)
      console.log(
        `${f.kind.padEnd(20)}${String(f.count).padStart(8)}${`${(f.share * 100).toFixed(1)}%`.padStart(8)}${ms(f.p50).padStart(11)}${ms(f.p95).padStart(11)}${ms(f.p99).padStart(11)}${String(f.errors).padStart(8)}`,
      );
    const codes = errorsByCode(samples);
    console.log(
      `\nErrors by code: ${[...codes].map(([c, n]) => `${c} ${n}${isServerFault(c) ? ' (server fault)' : ''}`).join(', ') || 'none'}`,
    );
    for (const [c] of codes) {
      const kinds = [...new Set(samples.filter((x) => x.code === c).map((x) => x.kind))];
      console.log(`  ${c}: from ${kinds.join(', ')}`);
    }
    console.log(`\nResources        start (before any request) / warm (a quarter in) -> end`);
    console.log(
      `  API RSS            ${start.apiRssMb.toFixed(0)} MB / ${warm.apiRssMb.toFixed(0)} MB -> ${end.apiRssMb.toFixed(0)} MB`,
    );
    console.log(
      `  PostgreSQL PSS     ${start.postgresMb.toFixed(0)} MB / ${warm.postgresMb.toFixed(0)} MB -> ${end.postgresMb.toFixed(0)} MB`,
    );
    console.log(`  API connections    ${start.apiConnections} / ${warm.apiConnections} -> ${end.apiConnections}`);
    console.log(`  all connections    ${start.totalConnections} / ${warm.totalConnections} -> ${end.totalConnections}`);
    console.log(`  stuck sessions     ${start.stuck} / ${warm.stuck} -> ${end.stuck}`);

    const results = targets(samples, runSeconds, start, end, warm);
    console.log(`\n${'Figure'.padEnd(66)}${'Result'.padEnd(8)}${'Value'.padEnd(30)}Target`);
    for (const r of results)
      console.log(`${r.name.padEnd(66)}${verdict(r.pass).padEnd(8)}${r.figure.padEnd(30)}${r.target}`);
    const chart = path.join(__dirname, '../../docs/bench/load.svg');
    writeLoadChart(
      chart,
      `npm run load: ${clients} clients, ${seconds} s, ${therapists.toLocaleString('en-US')} therapists, ${(samples.length / runSeconds).toFixed(0)} req/s`,
      figures,
    );
    console.log(`\nChart: ${path.relative(process.cwd(), chart)}; total time ${sec(t0)}`);
    failed = results.some((r) => !r.pass);
    console.log(failed ? 'LOAD FAILED' : 'LOAD PASSED');
  } finally {
    if (failed) {
      const kept = path.join(os.tmpdir(), `mmn-load-${process.pid}.log`);
      fs.copyFileSync(s.logFile, kept);
      console.log(`Service logs: ${kept}`);
    }
    await s.cleanup(false);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
