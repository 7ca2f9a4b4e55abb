/**
 * The pure parts of `npm run load`: the operation mix (70% anonymous reads, 20% signed-in referral reads, 10%
 * writes), the per-kind figures, and the targets with PASS/FAIL. No I/O: unit-tested in load-mix.spec.ts.
 */
import { percentile } from '../bench/bench-support';

export type OpKind = 'search' | 'profileRead' | 'referralRead' | 'referralList' | 'profileEdit' | 'referralTransition';

/** Shares of the mix; they add up to 1. */
export const MIX: { kind: OpKind; share: number; group: 'anonymous' | 'signed-in' | 'write' }[] = [
  { kind: 'search', share: 0.45, group: 'anonymous' },
  { kind: 'profileRead', share: 0.25, group: 'anonymous' },
  { kind: 'referralRead', share: 0.1, group: 'signed-in' },
  { kind: 'referralList', share: 0.1, group: 'signed-in' },
  { kind: 'profileEdit', share: 0.05, group: 'write' },
  { kind: 'referralTransition', share: 0.05, group: 'write' },
];

/** The kind for a uniform draw in [0, 1). */
export function pickKind(roll: number): OpKind {
  let acc = 0;
  for (const m of MIX) {
    acc += m.share;
    if (roll < acc) return m.kind;
  }
  return MIX[MIX.length - 1].kind;
}

export interface Sample {
  kind: string;
  ms: number;
  /** Error code (GraphQL extensions.code, HTTP_<status> or a network error); undefined when ok. */
  code?: string;
}

export interface KindFigures {
  kind: string;
  count: number;
  share: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export function figuresByKind(samples: Sample[]): KindFigures[] {
  const kinds = [...new Set([...MIX.map((m) => m.kind as string), ...samples.map((s) => s.kind)])];
  return kinds
    .map((kind) => {
      const mine = samples.filter((s) => s.kind === kind);
      const sorted = mine.map((s) => s.ms).sort((a, b) => a - b);
      const at = (p: number) => (sorted.length ? percentile(sorted, p) : 0);
      return {
        kind,
        count: mine.length,
        share: samples.length ? mine.length / samples.length : 0,
        p50: at(50),
        p95: at(95),
        p99: at(99),
        errors: mine.filter((s) => s.code).length,
      };
    })
    .filter((f) => f.count > 0 || MIX.some((m) => m.kind === f.kind));
}

export function errorsByCode(samples: Sample[]): Map<string, number> {
  const codes = new Map<string, number>();
  for (const s of samples) if (s.code) codes.set(s.code, (codes.get(s.code) ?? 0) + 1);
  return new Map([...codes].sort((a, b) => b[1] - a[1]));
}

/** A server fault, not a rule's refusal: INTERNAL, SERVICE_UNAVAILABLE, a 5xx, a connection cut or timed out. */
export function isServerFault(code: string): boolean {
  return (
    ['INTERNAL', 'SERVICE_UNAVAILABLE', 'TimeoutError', 'AbortError', 'NETWORK'].includes(code) ||
    /^HTTP_5\d\d$/.test(code) ||
    /^(ECONN|EPIPE|ETIMEDOUT|UND_ERR)/.test(code)
  );
}

export interface ResourceSample {
  apiRssMb: number;
  postgresMb: number;
  /** Connections to the database other than the load script's own. */
  apiConnections: number;
  totalConnections: number;
  /** Sessions waiting on a lock or idle in a transaction for over 5 s (a leak would pile them up). */
  stuck: number;
}

export interface Target {
  name: string;
  figure: string;
  target: string;
  pass: boolean;
}

export const POOL_SIZE = 20;
export const MAX_CONNECTIONS = 200;

/** `warm` is taken a quarter into the run, once the API has warmed up (JIT, heap grown to its working set). */
export function targets(
  samples: Sample[],
  seconds: number,
  start: ResourceSample,
  end: ResourceSample,
  warm: ResourceSample = start,
): Target[] {
  const codes = errorsByCode(samples);
  const internal = codes.get('INTERNAL') ?? 0;
  const faults = [...codes].filter(([c]) => c !== 'INTERNAL' && isServerFault(c)).reduce((n, [, k]) => n + k, 0);
  const rps = samples.length / Math.max(seconds, 0.001);
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  return [
    { name: 'INTERNAL errors', figure: String(internal), target: '0', pass: internal === 0 },
    { name: '5xx / cut-off / timed-out requests', figure: String(faults), target: '0', pass: faults === 0 },
    {
      name: 'Throughput (a figure; issue 16 sets no floor)',
      figure: `${rps.toFixed(1)} req/s`,
      target: '> 0',
      pass: rps > 0,
    },
    {
      name: 'API resident memory, start / warm -> end',
      figure: `${mb(start.apiRssMb)} / ${mb(warm.apiRssMb)} -> ${mb(end.apiRssMb)}`,
      target: 'end <= 1.25 x warm + 32 MB',
      pass: end.apiRssMb <= warm.apiRssMb * 1.25 + 32,
    },
    {
      name: 'PostgreSQL memory (PSS), start / warm -> end',
      figure: `${mb(start.postgresMb)} / ${mb(warm.postgresMb)} -> ${mb(end.postgresMb)}`,
      target: 'end <= 1.25 x warm + 32 MB',
      pass: end.postgresMb <= warm.postgresMb * 1.25 + 32,
    },
    {
      name: 'API connections to PostgreSQL, start -> end',
      figure: `${start.apiConnections} -> ${end.apiConnections}`,
      target: `end <= start + ${POOL_SIZE} (one pool)`,
      pass: end.apiConnections <= start.apiConnections + POOL_SIZE,
    },
    {
      name: 'PostgreSQL connections in all, start -> end',
      figure: `${start.totalConnections} -> ${end.totalConnections}`,
      target: `< 80% of max_connections (${MAX_CONNECTIONS * 0.8})`,
      pass: end.totalConnections < MAX_CONNECTIONS * 0.8,
    },
    {
      name: 'Sessions stuck > 5 s (lock wait / idle in transaction) at the end',
      figure: String(end.stuck),
      target: '0',
      pass: end.stuck === 0,
    },
  ];
}
