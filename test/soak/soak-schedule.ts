/**
 * The fault schedule of a soak run, drawn from a seed (pure: no I/O). Positions are fractions of the run's
 * operations (0 = the first, 1 = the last), so a schedule means the same thing on a fast or a slow machine and a
 * seed replays the same faults at the same points of the workload.
 */

export interface Window {
  from: number;
  to: number;
}

export interface FaultSchedule {
  seed: number;
  /** Meilisearch is killed (SIGKILL) at each window's start and restarted at its end. */
  meiliDown: Window[];
  /** The SMTP sink stops listening (connections refused) for this window. */
  smtpRefusing: Window;
  /** One API process is killed (SIGKILL) while a write it received is in flight, then restarted. */
  apiKill: { at: number; api: number };
  /** PostgreSQL is restarted once (fast shutdown, then start on the same port). */
  pgRestartAt: number;
}

/** Every fault is over by this point, so the checks run on a healthy system for the tail of the run. */
export const FAULTS_END_BY = 0.85;
/** Meilisearch is down for about this fraction of the run, in total. */
export const MEILI_DOWN_SHARE = 0.3;

/** mulberry32: small, fast and the same on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** 2 or 3 non-overlapping windows of Meilisearch downtime adding up to MEILI_DOWN_SHARE, inside [0.05, FAULTS_END_BY]. */
function meiliWindows(rnd: () => number): Window[] {
  const count = rnd() < 0.5 ? 2 : 3;
  const start = 0.05;
  const span = FAULTS_END_BY - start;
  // Each window gets at least 0.05 of the run; the rest of the downtime is shared out at random.
  const lengthWeights = Array.from({ length: count }, () => 0.5 + rnd());
  const lengthSum = lengthWeights.reduce((a, b) => a + b, 0);
  const lengths = lengthWeights.map((w) => 0.05 + ((MEILI_DOWN_SHARE - 0.05 * count) * w) / lengthSum);
  // The up time (at least 0.03 between two windows) is shared out the same way, before, between and after.
  const gapWeights = Array.from({ length: count + 1 }, () => 0.2 + rnd());
  const gapSum = gapWeights.reduce((a, b) => a + b, 0);
  const upTime = span - MEILI_DOWN_SHARE - 0.03 * (count - 1);
  const windows: Window[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    at += (upTime * gapWeights[i]) / gapSum + (i > 0 ? 0.03 : 0);
    windows.push({ from: round3(at), to: round3(at + lengths[i]) });
    at += lengths[i];
  }
  return windows;
}

export function faultSchedule(seed: number): FaultSchedule {
  const rnd = seededRandom(seed);
  const meiliDown = meiliWindows(rnd);
  const smtpFrom = 0.1 + rnd() * 0.45;
  const smtpRefusing = { from: round3(smtpFrom), to: round3(smtpFrom + 0.12 + rnd() * 0.1) };
  const apiKill = { at: round3(0.2 + rnd() * 0.45), api: rnd() < 0.5 ? 0 : 1 };
  // The database restart keeps its distance from the API kill, so each fault's effect can be told apart.
  let pgRestartAt = round3(0.25 + rnd() * 0.55);
  while (Math.abs(pgRestartAt - apiKill.at) < 0.08) pgRestartAt = round3(0.25 + rnd() * 0.55);
  return { seed, meiliDown, smtpRefusing, apiKill, pgRestartAt };
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** The schedule as printed before a run (and read back by whoever replays it). */
export function describeSchedule(s: FaultSchedule): string[] {
  const total = s.meiliDown.reduce((sum, w) => sum + (w.to - w.from), 0);
  return [
    `Meilisearch SIGKILL + restart: ${s.meiliDown.map((w) => `${pct(w.from)}-${pct(w.to)}`).join(', ')} of the operations (${pct(total)} down)`,
    `API process ${s.apiKill.api + 1} SIGKILL mid-write at ${pct(s.apiKill.at)}, then restarted`,
    `PostgreSQL fast restart at ${pct(s.pgRestartAt)}`,
    `SMTP sink refusing connections: ${pct(s.smtpRefusing.from)}-${pct(s.smtpRefusing.to)}`,
  ];
}

export type FaultAction =
  | { kind: 'meili-kill' }
  | { kind: 'meili-start' }
  | { kind: 'smtp-refuse' }
  | { kind: 'smtp-accept' }
  | { kind: 'api-kill'; api: number }
  | { kind: 'pg-restart' };

/** The actions in the order they happen, each with the point of the run it is due at. */
export function faultTimeline(s: FaultSchedule): { at: number; action: FaultAction }[] {
  const events: { at: number; action: FaultAction }[] = [
    ...s.meiliDown.flatMap((w) => [
      { at: w.from, action: { kind: 'meili-kill' } as const },
      { at: w.to, action: { kind: 'meili-start' } as const },
    ]),
    { at: s.smtpRefusing.from, action: { kind: 'smtp-refuse' } },
    { at: s.smtpRefusing.to, action: { kind: 'smtp-accept' } },
    { at: s.apiKill.at, action: { kind: 'api-kill', api: s.apiKill.api } },
    { at: s.pgRestartAt, action: { kind: 'pg-restart' } },
  ];
  return events.sort((a, b) => a.at - b.at);
}
