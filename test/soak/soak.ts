/**
 * `npm run soak [-- --seed 1 --operations 1000 --referrals 300 --clients 8 --therapists 2000 --keep]`
 *
 * A fault-injection soak, Jepsen-style: scratch PostgreSQL, Meilisearch, an SMTP sink and two API processes on
 * loopback; a seeded directory; `--operations` profile and credential writes plus about `--referrals` referral
 * operations from 8 clients, sent round-robin to the two APIs, while faults happen on a schedule drawn from the
 * seed (printed for replay). Afterwards it compares what every client was told with what the system holds, prints
 * each check with its figures and PASS/FAIL, writes docs/bench/soak-faults.svg, and exits 1 when a check fails.
 * Figures only: not part of `npm test` (its pure parts are: soak-schedule.spec.ts, soak-checks.spec.ts).
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { generateProviders, generateTherapists, readVocabulary, seedDirectory } from '@mmn/demo';
import { hashPassword } from '@mmn/identity';
import { createDataSource, runMigrations } from '@mmn/server';
import { type CheckResult, checkAudit, checkMail, checkReferrals, checkRegisters } from './soak-checks';
import { writeSoakChart } from './soak-chart';
import { SoakClient } from './soak-client';
import { outcomeCounts, outcomesByKind, timeline } from './soak-history';
import { runFaults } from './soak-faults';
import { auditRows, notifications, receivedKeys, storedReferrals, storedRegisters, waitForIndex } from './soak-observe';
import { describeSchedule, faultSchedule } from './soak-schedule';
import { startServices } from './soak-services';
import { runClient } from './soak-workload';
import { prepareWorkload, waitForOutbox } from './soak-setup';

const PASSWORD = 'soak-password-not-secret';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number`);
    process.exit(2);
  }
  return value;
}

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const seed = option('seed', 1);
  const profileOps = option('operations', 1000);
  const referralOps = option('referrals', process.argv.includes('--operations') ? Math.round(profileOps * 0.3) : 300);
  const clients = option('clients', 8);
  const therapists = option('therapists', 2000);
  const keep = process.argv.includes('--keep');
  const schedule = faultSchedule(seed);
  console.log(`Soak, seed ${seed}: ${profileOps} profile/credential writes + ~${referralOps} referral operations,`);
  console.log(`${clients} clients, 2 API processes, ${therapists.toLocaleString('en-US')} therapists.`);
  console.log(`Replay: npm run soak -- --seed ${seed} --operations ${profileOps} --referrals ${referralOps}`);
  console.log('Fault schedule (positions are shares of the operations):');
  for (const line of describeSchedule(schedule)) console.log(`  ${line}`);

  const t0 = performance.now();
  const s = await startServices({ apis: 2 });
  let failed = true;
  const interrupted = () => void s.cleanup(keep).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await runMigrations(s.pgUrl);
    const ds = createDataSource(s.pgUrl);
    await ds.initialize();
    const vocabulary = await readVocabulary(ds);
    await seedDirectory(ds, {
      therapists: generateTherapists(therapists, seed, vocabulary).map((t, i) => ({
        ...t,
        email: `therapist${i + 1}@soak.example`,
      })),
      providers: generateProviders(20, seed).map((p, i) => ({ ...p, email: `provider${i + 1}@soak.example` })),
      passwordHash: await hashPassword(PASSWORD),
    });
    await ds.destroy();
    for (let i = 0; i < s.apis.length; i++) await s.startApi(i);
    console.log(`Services up, directory seeded, 2 API processes started in ${sec(performance.now() - t0)}`);
    await waitForOutbox(s.pgUrl, 180);
    console.log(`Initial index built (search outbox drained) at ${sec(performance.now() - t0)}`);

    const client = new SoakClient(s.apis, `${seed}`);
    const w = await prepareWorkload(client, s, { clients, password: PASSWORD, vocabulary });
    console.log(
      `Signed in ${w.owned.flat().length} therapists (profile writes), ${w.receivers.length} receiving therapists, ${w.providers.length} prescribers and an administrator`,
    );
    const planned = profileOps + referralOps;
    const per = (total: number, c: number) => Math.floor(total / clients) + (c < total % clients ? 1 : 0);
    const started = performance.now();
    const work = Promise.all(
      Array.from({ length: clients }, (_, c) =>
        runClient(w, c, seed, { profileOps: per(profileOps, c), referralOps: per(referralOps, c) }),
      ),
    );
    const faults = runFaults(s, client, schedule, planned, work, started);
    const ticker = setInterval(() => {
      const { byOutcome } = outcomeCounts(client.history);
      const elapsed = (performance.now() - started) / 1000;
      const left = client.done > 0 ? (elapsed / client.done) * Math.max(0, planned - client.done) : 0;
      console.log(
        `  ${client.done}/${planned} operations (ok ${byOutcome.ok}, error ${byOutcome.failed}, never sent ${byOutcome['not-sent']}, cut off ${byOutcome.unknown}) in ${elapsed.toFixed(0)} s, about ${left.toFixed(0)} s left${faults.now() ? `; now: ${faults.now()}` : ''}`,
      );
    }, 5000);
    await work;
    clearInterval(ticker);
    const marks = await faults.done;
    const runMs = performance.now() - started;
    const { byOutcome, codes } = outcomeCounts(client.history);
    const latencies = client.history.map((o) => o.endMs - o.startMs).sort((a, b) => a - b);
    const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
    console.log(
      `\nWorkload done: ${client.done} operations in ${sec(runMs)} (${((client.done * 1000) / runMs).toFixed(1)}/s)`,
    );
    console.log(
      `  ok ${byOutcome.ok}, answered with an error ${byOutcome.failed}, never sent ${byOutcome['not-sent']}, cut off ${byOutcome.unknown}; codes: ${codes || 'none'}`,
    );
    console.log(`  latency p50 ${q(50).toFixed(0)} ms, p95 ${q(95).toFixed(0)} ms, p99 ${q(99).toFixed(0)} ms`);
    for (const line of marks.summary) console.log(`  ${line}`);
    for (const line of outcomesByKind(client.history)) console.log(`  ${line}`);
    if (keep) fs.writeFileSync(path.join(s.workDir, 'history.json'), JSON.stringify(client.history, null, 1));

    const check = createDataSource(s.pgUrl);
    await check.initialize();
    const results: CheckResult[] = [marks.check];
    const index = await waitForIndex(check, s, 60);
    results.push({
      name: 'Index == database within 60 s',
      pass: index.lost + index.stale + index.phantom === 0,
      figures: `${index.documents} documents: lost ${index.lost}, stale ${index.stale}, phantom ${index.phantom}; agreed after ${index.seconds.toFixed(1)} s`,
      violations: index.examples,
    });
    results.push(
      checkRegisters(
        'Writes: acknowledged there, failed absent, cut off all-or-nothing',
        await storedRegisters(check, w),
      ),
    );
    results.push(checkReferrals(await storedReferrals(check, w)));
    const rows = await auditRows(check, `soak-${seed}-`);
    const audited = client.history.filter((o) => o.audited);
    const known = new Set(audited.map((o) => o.requestId));
    results.push(
      checkAudit(
        audited.map((o) => ({ ...o, opId: o.id, rows: rows.get(o.requestId) ?? 0 })),
        [...rows].filter(([id]) => !known.has(id)).reduce((n, [, c]) => n + c, 0),
      ),
    );
    const mailStarted = performance.now();
    let mail = await notifications(check);
    while (mail.unsent > 0 && performance.now() - mailStarted < 300_000) {
      await new Promise((r) => setTimeout(r, 2000));
      mail = await notifications(check);
    }
    await new Promise((r) => setTimeout(r, 1000));
    const mailCheck = checkMail(
      mail.keys,
      receivedKeys(s.smtp.received),
      mail.unsent,
      (performance.now() - mailStarted) / 1000,
    );
    const messageIds = s.smtp.received.map((m) => m.messageId);
    mailCheck.figures += `, ${messageIds.length - new Set(messageIds).size} of them repeats of one Message-ID`;
    results.push(mailCheck);
    await check.destroy();

    console.log(`\n${'Check'.padEnd(70)}Result  Figures`);
    for (const r of results) console.log(`${r.name.padEnd(70)}${(r.pass ? 'PASS' : 'FAIL').padEnd(8)}${r.figures}`);
    for (const r of results.filter((x) => x.notes?.length)) {
      console.log(`\n${r.name}: notes`);
      for (const n of r.notes ?? []) console.log(`  - ${n}`);
    }
    for (const r of results.filter((x) => !x.pass)) {
      console.log(`\n${r.name}: FAIL`);
      for (const v of r.violations) console.log(`  - ${v}`);
    }
    const chart = path.join(__dirname, '../../docs/bench/soak-faults.svg');
    writeSoakChart(
      chart,
      `npm run soak, seed ${seed}: ${client.done} operations, 8 clients, 2 API processes`,
      timeline(client.history, 0),
      marks.marks,
    );
    console.log(`\nChart: ${path.relative(process.cwd(), chart)}; total time ${sec(performance.now() - t0)}`);
    failed = results.some((r) => !r.pass);
    console.log(failed ? 'SOAK FAILED' : 'SOAK PASSED');
  } finally {
    if (failed || keep) console.log(`Service logs: ${s.logFile}${keep ? '' : ' (removed; --keep keeps them)'}`);
    await s.cleanup(keep);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
