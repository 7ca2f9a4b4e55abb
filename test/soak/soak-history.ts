/**
 * The soak's history: what every client sent and what it was told (pure types and helpers, no I/O).
 * The checks in soak-checks.ts compare it with what the system holds afterwards.
 */

/**
 * - ok: the API answered success;
 * - failed: the API answered an error (a domain code, INTERNAL or SERVICE_UNAVAILABLE): nothing may be left behind;
 * - not-sent: the connection was refused, so the request never reached a server;
 * - unknown: the connection broke after the request was sent (a crash): fully there or fully absent.
 */
export type Outcome = 'ok' | 'failed' | 'not-sent' | 'unknown';

export interface Answer<T = unknown> {
  outcome: Outcome;
  /** The error code when failed (GraphQL extensions.code, or HTTP_<status>), the network error when unknown. */
  code?: string;
  data?: T;
}

export interface OpRecord {
  id: number;
  requestId: string;
  client: number;
  api: number;
  /** GraphQL root field, e.g. updateMyTherapistProfile. */
  kind: string;
  /** Whether the operation goes through the referral services (and so must leave exactly one audit row). */
  audited: boolean;
  startMs: number;
  endMs: number;
  outcome: Outcome;
  code?: string;
}

/** A network failure of fetch(): refused (never sent) or broken after sending (the outcome is unknown). */
export function classifyNetworkError(error: unknown): Answer {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { name?: string })?.name ?? 'NETWORK';
  if (code === 'ECONNREFUSED') return { outcome: 'not-sent', code };
  return { outcome: 'unknown', code };
}

/** The answer of one GraphQL response. */
export function classifyResponse<T>(
  status: number,
  body: { data?: T | null; errors?: { extensions?: { code?: string } }[] } | undefined,
): Answer<T> {
  const code = body?.errors?.[0]?.extensions?.code;
  if (code) return { outcome: 'failed', code };
  if (status >= 400 || !body || body.data === undefined || body.data === null)
    return { outcome: 'failed', code: `HTTP_${status}` };
  return { outcome: 'ok', data: body.data };
}

export interface TimelineBucket {
  second: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Requests, errors (anything but ok) and latency per `bucketSeconds` of the run, by the time each answer came. */
export function timeline(ops: readonly OpRecord[], startedAtMs: number, bucketSeconds = 2): TimelineBucket[] {
  const buckets = new Map<number, { latencies: number[]; errors: number }>();
  for (const op of ops) {
    const second = Math.floor((op.endMs - startedAtMs) / 1000 / bucketSeconds) * bucketSeconds;
    const bucket = buckets.get(second) ?? { latencies: [], errors: 0 };
    bucket.latencies.push(op.endMs - op.startMs);
    if (op.outcome !== 'ok') bucket.errors++;
    buckets.set(second, bucket);
  }
  const last = Math.max(0, ...buckets.keys());
  const out: TimelineBucket[] = [];
  for (let second = 0; second <= last; second += bucketSeconds) {
    const bucket = buckets.get(second) ?? { latencies: [], errors: 0 };
    const sorted = [...bucket.latencies].sort((a, b) => a - b);
    out.push({
      second,
      requests: sorted.length,
      errors: bucket.errors,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
    });
  }
  return out;
}

/** How many operations ended with each outcome, and the error codes seen. */
export function outcomeCounts(ops: readonly OpRecord[]): { byOutcome: Record<Outcome, number>; codes: string } {
  const byOutcome: Record<Outcome, number> = { ok: 0, failed: 0, 'not-sent': 0, unknown: 0 };
  const codes = new Map<string, number>();
  for (const op of ops) {
    byOutcome[op.outcome]++;
    if (op.code) codes.set(op.code, (codes.get(op.code) ?? 0) + 1);
  }
  return {
    byOutcome,
    codes: [...codes]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', '),
  };
}

/** Per operation kind: how many, and their outcomes and codes, e.g. "acceptReferral 30: ok 21, CONFLICT 9". */
export function outcomesByKind(ops: readonly OpRecord[]): string[] {
  const kinds = new Map<string, Map<string, number>>();
  for (const op of ops) {
    const tally = kinds.get(op.kind) ?? new Map<string, number>();
    const label = op.outcome === 'ok' ? 'ok' : `${op.outcome === 'failed' ? '' : `${op.outcome} `}${op.code ?? ''}`;
    tally.set(label, (tally.get(label) ?? 0) + 1);
    kinds.set(op.kind, tally);
  }
  return [...kinds]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([kind, tally]) => {
      const total = [...tally.values()].reduce((a, b) => a + b, 0);
      const parts = [...tally].sort((a, b) => b[1] - a[1]).map(([label, n]) => `${label} ${n}`);
      return `${kind} ${total}: ${parts.join(', ')}`;
    });
}
