/** Small helpers of the search benchmark: options, load generation, percentiles, process figures, verdicts. */
import type { ChildProcess } from 'child_process';
import * as fs from 'fs';
import { performance } from 'perf_hooks';

export function option(name: string, fallback: number): number {
  return optionList(name, [fallback])[0];
}

/** `--name 10000,100000` (whole positive numbers). */
export function optionList(name: string, fallback: number[]): number[] {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const values = String(process.argv[index + 1] ?? '')
    .split(',')
    .map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v <= 0)) {
    console.error(`--${name} must be positive whole numbers, separated by commas`);
    process.exit(2);
  }
  return values;
}

export interface RunFigures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  /** CPU time of the measured process per request, when a pid was given. */
  cpuMsPerRequest?: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** User + system CPU milliseconds a process has used (Linux /proc). */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : 0;
}

export async function load(
  concurrency: number,
  requests: number,
  send: (i: number) => Promise<void>,
  pid?: number,
): Promise<RunFigures> {
  const latencies: number[] = [];
  let next = 0;
  const cpuBefore = cpuMs(pid);
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
    cpuMsPerRequest: pid ? (cpuMs(pid) - cpuBefore) / requests : undefined,
  };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);

/** "PASS"/"FAIL" beside a figure and its target. */
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** A progress line for long work: done/total, elapsed and an estimate of what is left. */
export function progress(label: string, done: number, total: number, startedAt: number): void {
  const elapsed = (performance.now() - startedAt) / 1000;
  const left = done > 0 ? (elapsed / done) * (total - done) : 0;
  console.log(
    `  ${label}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} in ${elapsed.toFixed(0)} s, about ${left.toFixed(0)} s left`,
  );
}

export async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
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
