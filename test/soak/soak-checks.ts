/**
 * The soak's checkers (pure): each compares what the clients were told (the history) with what the system holds.
 * They return counts and the first few violations, worded so that a failure says what was told and what is stored.
 */
import type { Outcome } from './soak-history';

export interface CheckResult {
  name: string;
  pass: boolean;
  /** The figures, e.g. "checked 812, lost 0, failed-but-stored 0". */
  figures: string;
  violations: string[];
  /** Printed under the table without failing the check (e.g. mail sent twice: counted, target 0). */
  notes?: string[];
}

const MAX_VIOLATIONS = 10;

function result(name: string, figures: string, violations: string[]): CheckResult {
  return { name, pass: violations.length === 0, figures, violations: violations.slice(0, MAX_VIOLATIONS) };
}

/** One write to a register (a profile, whether a row exists, a credential's status), in the order it was sent. */
export interface RegisterWrite {
  opId: number;
  outcome: Outcome;
  value: string;
}

export interface Register {
  key: string;
  initial: string;
  writes: RegisterWrite[];
  stored: string;
}

/**
 * What may be stored in a register whose writes came one after another from one client: the value of the last
 * acknowledged write (or the initial value when none was acknowledged), or the value of any write after it whose
 * outcome is unknown (cut off by a crash: fully applied or not at all). Writes answered with an error, and
 * writes that never reached a server, must have left nothing behind.
 */
export function allowedValues(register: Register): Set<string> {
  let lastOk = -1;
  register.writes.forEach((w, i) => {
    if (w.outcome === 'ok') lastOk = i;
  });
  const allowed = new Set([lastOk < 0 ? register.initial : register.writes[lastOk].value]);
  for (const w of register.writes.slice(lastOk + 1)) if (w.outcome === 'unknown') allowed.add(w.value);
  return allowed;
}

export function checkRegisters(name: string, registers: readonly Register[]): CheckResult {
  const violations: string[] = [];
  let writes = 0;
  let acknowledged = 0;
  let lost = 0;
  let failedButStored = 0;
  let other = 0;
  for (const register of registers) {
    writes += register.writes.length;
    acknowledged += register.writes.filter((w) => w.outcome === 'ok').length;
    if (allowedValues(register).has(register.stored)) continue;
    const culprit = [...register.writes]
      .reverse()
      .find((w) => w.value === register.stored && (w.outcome === 'failed' || w.outcome === 'not-sent'));
    const lastOk = [...register.writes].reverse().find((w) => w.outcome === 'ok');
    if (culprit) {
      failedButStored++;
      violations.push(
        `${register.key}: op #${culprit.opId} was answered ${culprit.outcome} but its value is stored (${register.stored})`,
      );
    } else if (lastOk) {
      lost++;
      violations.push(
        `${register.key}: op #${lastOk.opId} was acknowledged (${lastOk.value}) but the database holds ${register.stored}`,
      );
    } else {
      other++;
      violations.push(`${register.key}: the database holds ${register.stored}, which no write explains`);
    }
  }
  return result(
    name,
    `${writes} writes (${acknowledged} acknowledged) to ${registers.length} records: lost ${lost}, failed-but-stored ${failedButStored}, unexplained ${other}`,
    violations,
  );
}

/** The referral operations of one raced scenario and what the database holds for that referral afterwards. */
export interface ReferralCase {
  key: string;
  /** The creation requests, all with one idempotency key: outcome and the referral id each success returned. */
  creations: { opId: number; outcome: Outcome; referralId?: string }[];
  /** Transition requests by the event type a success records (ACCEPTED, DECLINED, VISIT_RECORDED, COMPLETED, ...). */
  transitions: { opId: number; eventType: string; outcome: Outcome }[];
  /** Groups of event types that raced and may have only one winner in all, e.g. ['ACCEPTED', 'DECLINED']. */
  races: string[][];
  stored: {
    /** Referrals in the database with this scenario's idempotency key. */
    referrals: { id: string; status: string; visitsUsed: number; visitsAuthorized: number; visits: number }[];
    /** Event types of the referral's timeline, oldest first, with the status each moved to. */
    events: { type: string; fromStatus?: string | null; toStatus: string | null }[];
  };
}

export function checkReferrals(cases: readonly ReferralCase[]): CheckResult {
  const violations: string[] = [];
  let races = 0;
  let raceWinners = 0;
  let transitions = 0;
  for (const c of cases) {
    const okCreations = c.creations.filter((x) => x.outcome === 'ok');
    const ids = new Set(okCreations.map((x) => x.referralId));
    const maybe = c.creations.some((x) => x.outcome === 'ok' || x.outcome === 'unknown');
    const stored = c.stored.referrals;
    if (stored.length > 1) violations.push(`${c.key}: one idempotency key made ${stored.length} referrals`);
    if (ids.size > 1) violations.push(`${c.key}: creations with one key answered ${ids.size} different referrals`);
    if (okCreations.length > 0 && stored.length === 0)
      violations.push(`${c.key}: creation op #${okCreations[0].opId} was acknowledged but no referral is stored`);
    if (!maybe && stored.length > 0)
      violations.push(`${c.key}: every creation was answered with an error, yet a referral is stored`);
    if (okCreations.length > 0 && stored.length === 1 && !ids.has(stored[0].id))
      violations.push(`${c.key}: creation answered ${[...ids][0]} but ${stored[0].id} is stored`);
    const referral = stored[0];
    const events = referral ? c.stored.events : [];
    const count = (type: string) => events.filter((e) => e.type === type).length;
    for (const type of new Set(c.transitions.map((t) => t.eventType))) {
      const ofType = c.transitions.filter((t) => t.eventType === type);
      const ok = ofType.filter((t) => t.outcome === 'ok').length;
      const unknown = ofType.filter((t) => t.outcome === 'unknown').length;
      transitions += ok;
      const seen = count(type);
      if (seen < ok) violations.push(`${c.key}: ${ok} ${type} acknowledged, ${seen} in the timeline`);
      if (seen > ok + unknown)
        violations.push(`${c.key}: ${seen} ${type} in the timeline, but only ${ok} acknowledged (+${unknown} cut off)`);
    }
    for (const race of c.races) {
      races++;
      const winners = c.transitions.filter((t) => race.includes(t.eventType) && t.outcome === 'ok').length;
      const recorded = events.filter((e) => race.includes(e.type)).length;
      raceWinners += winners;
      if (winners > 1 || recorded > 1)
        violations.push(
          `${c.key}: race ${race.join('/')} had ${winners} acknowledged winners and ${recorded} timeline events`,
        );
    }
    if (referral) {
      if (count('CREATED') !== 1) violations.push(`${c.key}: ${count('CREATED')} CREATED events`);
      if (referral.visitsUsed > referral.visitsAuthorized)
        violations.push(`${c.key}: visitsUsed ${referral.visitsUsed} > authorized ${referral.visitsAuthorized}`);
      if (referral.visitsUsed !== referral.visits || referral.visits !== count('VISIT_RECORDED'))
        violations.push(
          `${c.key}: visitsUsed ${referral.visitsUsed}, ${referral.visits} visit rows, ${count('VISIT_RECORDED')} VISIT_RECORDED events`,
        );
      // The timeline is one chain: each change starts from the status the one before it left.
      let previous: string | null = null;
      for (const e of events) {
        if (e.fromStatus !== undefined && e.fromStatus !== null && previous !== null && e.fromStatus !== previous)
          violations.push(`${c.key}: ${e.type} moved from ${e.fromStatus}, but the referral was ${previous}`);
        if (e.toStatus !== null) previous = e.toStatus;
      }
      const last = [...events].reverse().find((e) => e.toStatus !== null);
      if (last && last.toStatus !== referral.status)
        violations.push(`${c.key}: status ${referral.status} but the last event moved it to ${last.toStatus}`);
    }
  }
  return result(
    'Referrals: raced transitions, visits, timeline, idempotent creation',
    `${cases.length} referrals, ${races} races (${raceWinners} winners), ${transitions} acknowledged transitions`,
    violations,
  );
}

/** One referral operation and the audit rows stored with its request id. */
export interface AuditCase {
  opId: number;
  requestId: string;
  kind: string;
  outcome: Outcome;
  code?: string;
  rows: number;
}

/** Codes with which the service itself answered after looking at the request (a rule said no). */
const REFUSALS = new Set(['BAD_USER_INPUT', 'CONFLICT', 'INVALID_STATE', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * One audit row per operation that reached the referral services: exactly one when it was answered (success or a
 * refusal), none when it never reached a server, at most one when it was cut off or failed unexpectedly (the audit
 * row of a failure is written after the rollback, best effort, and cannot be written while the database is down).
 */
export function checkAudit(cases: readonly AuditCase[], strayRows: number): CheckResult {
  const violations: string[] = [];
  let exact = 0;
  let none = 0;
  let atMostOne = 0;
  for (const c of cases) {
    const refused = c.outcome === 'failed' && REFUSALS.has(c.code ?? '');
    if (c.outcome === 'ok' || refused) {
      exact++;
      if (c.rows !== 1)
        violations.push(`op #${c.opId} ${c.kind} answered ${c.code ?? 'ok'} has ${c.rows} audit rows (want 1)`);
    } else if (c.outcome === 'not-sent') {
      none++;
      if (c.rows !== 0) violations.push(`op #${c.opId} ${c.kind} never reached a server but has ${c.rows} audit rows`);
    } else {
      atMostOne++;
      if (c.rows > 1)
        violations.push(`op #${c.opId} ${c.kind} (${c.outcome} ${c.code ?? ''}) has ${c.rows} audit rows`);
    }
  }
  if (strayRows > 0) violations.push(`${strayRows} audit rows carry a request id no client sent`);
  return result(
    'Audit: one row per operation that reached the service',
    `${cases.length} operations: ${exact} answered (1 row each), ${none} never arrived (0), ${atMostOne} cut off or failed (0 or 1); stray rows ${strayRows}`,
    violations,
  );
}

/** Notifications the database says were sent vs messages the sink received, by recipient, kind and referral. */
export function checkMail(
  expected: readonly string[],
  received: readonly string[],
  unsent: number,
  seconds: number,
): CheckResult {
  const tally = (keys: readonly string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const want = tally(expected);
  const got = tally(received);
  let lost = 0;
  let duplicates = 0;
  let unexpected = 0;
  const violations: string[] = [];
  const notes: string[] = [];
  for (const [key, n] of want) {
    const m = got.get(key) ?? 0;
    if (m < n) {
      lost += n - m;
      violations.push(`${key}: ${n} notifications, ${m} delivered`);
    }
    if (m > n) {
      duplicates += m - n;
      notes.push(`${key}: ${n} notifications, ${m} delivered (duplicates)`);
    }
  }
  for (const [key, m] of got)
    if (!want.has(key)) {
      unexpected += m;
      violations.push(`${key}: ${m} delivered, no such notification`);
    }
  if (unsent > 0) violations.push(`${unsent} notifications still unsent (pending or given up)`);
  // Lost, unexpected or unsent mail fails; a duplicate (a crash between the SMTP send and the database noting it:
  // SMTP has no transactions) is counted and printed against its target of 0.
  return {
    ...result(
      'Mail: every notification delivered once the sink is back',
      `${expected.length} notifications, ${received.length} delivered in ${seconds.toFixed(1)} s: lost ${lost}, unexpected ${unexpected}, unsent ${unsent}; duplicates ${duplicates} (target 0)`,
      violations,
    ),
    notes: notes.slice(0, MAX_VIOLATIONS),
  };
}

/** Search documents the index holds vs the projection of the database rows, by document id. */
export function compareIndex(
  expected: ReadonlyMap<string, string>,
  actual: ReadonlyMap<string, string>,
): { lost: string[]; stale: string[]; phantom: string[] } {
  const lost: string[] = [];
  const stale: string[] = [];
  const phantom: string[] = [];
  for (const [id, doc] of expected) {
    const found = actual.get(id);
    if (found === undefined) lost.push(id);
    else if (found !== doc) stale.push(id);
  }
  for (const id of actual.keys()) if (!expected.has(id)) phantom.push(id);
  return { lost, stale, phantom };
}

/** JSON with object keys sorted at every level, so equal documents compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
