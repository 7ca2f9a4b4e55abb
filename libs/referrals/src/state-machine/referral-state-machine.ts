// The referral lifecycle as one pure transition table: state × action × actor role → next state.
// Source of truth: the referral mutations of the API contract (who may move which state).
// No I/O, no clock: callers pass "today" explicitly.

export enum ReferralStatus {
  OPEN = 'OPEN',
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  /** Final: care continues in the continuation referral created by the transfer. */
  TRANSFERRED = 'TRANSFERRED',
}

export enum ReferralAction {
  CHOOSE_THERAPIST = 'CHOOSE_THERAPIST',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  RECORD_VISIT = 'RECORD_VISIT',
  ADD_PROGRESS_NOTE = 'ADD_PROGRESS_NOTE',
  RENEW = 'RENEW',
  COMPLETE = 'COMPLETE',
  CANCEL = 'CANCEL',
  EXPIRE = 'EXPIRE',
  TRANSFER = 'TRANSFER',
}

/** The role of the party acting. SYSTEM is the periodic expiry job. */
export type ReferralActor = 'PATIENT' | 'THERAPIST' | 'PROVIDER' | 'SYSTEM';

export interface ReferralTransition {
  readonly from: ReferralStatus;
  readonly action: ReferralAction;
  readonly actor: ReferralActor;
  readonly to: ReferralStatus;
}

export const FINAL_STATUSES: readonly ReferralStatus[] = Object.freeze([
  ReferralStatus.COMPLETED,
  ReferralStatus.CANCELLED,
  ReferralStatus.EXPIRED,
  ReferralStatus.TRANSFERRED,
]);

/** Every status a referral can still leave (the complement of FINAL_STATUSES); expiry applies to these. */
export const NON_FINAL_STATUSES: readonly ReferralStatus[] = Object.freeze(
  Object.values(ReferralStatus).filter((status) => !FINAL_STATUSES.includes(status)),
);

const S = ReferralStatus;
const NON_FINAL = NON_FINAL_STATUSES;
const A = ReferralAction;
const SAME = 'SAME' as const;

function rows(
  froms: readonly ReferralStatus[],
  action: ReferralAction,
  actors: readonly ReferralActor[],
  to: ReferralStatus | typeof SAME,
): ReferralTransition[] {
  return froms.flatMap((from) =>
    actors.map((actor) => Object.freeze({ from, action, actor, to: to === SAME ? from : to })),
  );
}

/** The single transition table. Anything not listed here is refused. */
export const REFERRAL_TRANSITIONS: readonly ReferralTransition[] = Object.freeze([
  // chooseTherapist: the patient who claimed it, or its provider; OPEN or DECLINED -> SENT
  ...rows([S.OPEN, S.DECLINED], A.CHOOSE_THERAPIST, ['PATIENT', 'PROVIDER'], S.SENT),
  // acceptReferral / declineReferral: addressed THERAPIST; SENT -> ACCEPTED | DECLINED
  ...rows([S.SENT], A.ACCEPT, ['THERAPIST'], S.ACCEPTED),
  ...rows([S.SENT], A.DECLINE, ['THERAPIST'], S.DECLINED),
  // recordVisit: addressed THERAPIST; ACCEPTED|IN_PROGRESS -> IN_PROGRESS
  ...rows([S.ACCEPTED, S.IN_PROGRESS], A.RECORD_VISIT, ['THERAPIST'], S.IN_PROGRESS),
  // addProgressNote: addressed THERAPIST; ACCEPTED|IN_PROGRESS, state unchanged
  ...rows([S.ACCEPTED, S.IN_PROGRESS], A.ADD_PROGRESS_NOTE, ['THERAPIST'], SAME),
  // renewReferral: its PROVIDER; ACCEPTED|IN_PROGRESS, state unchanged
  ...rows([S.ACCEPTED, S.IN_PROGRESS], A.RENEW, ['PROVIDER'], SAME),
  // completeReferral: addressed THERAPIST; IN_PROGRESS -> COMPLETED
  ...rows([S.IN_PROGRESS], A.COMPLETE, ['THERAPIST'], S.COMPLETED),
  // cancelReferral: its PROVIDER or claiming PATIENT; any non-final state -> CANCELLED
  ...rows(NON_FINAL, A.CANCEL, ['PROVIDER', 'PATIENT'], S.CANCELLED),
  // startTransfer: the claiming PATIENT, addressed THERAPIST or its PROVIDER; ACCEPTED|IN_PROGRESS -> TRANSFERRED
  ...rows([S.ACCEPTED, S.IN_PROGRESS], A.TRANSFER, ['PATIENT', 'THERAPIST', 'PROVIDER'], S.TRANSFERRED),
  // expiry job: any non-final state -> EXPIRED
  ...rows(NON_FINAL, A.EXPIRE, ['SYSTEM'], S.EXPIRED),
]);

const key = (from: ReferralStatus, action: ReferralAction, actor: ReferralActor): string =>
  `${from}|${action}|${actor}`;

const LOOKUP: ReadonlyMap<string, ReferralStatus> = (() => {
  const map = new Map<string, ReferralStatus>();
  for (const t of REFERRAL_TRANSITIONS) {
    const k = key(t.from, t.action, t.actor);
    if (map.has(k)) throw new Error(`Duplicate referral transition ${k}`);
    map.set(k, t.to);
  }
  return map;
})();

/** The status after `actor` performs `action` on a referral in `from`, or null when refused. */
export function nextStatus(from: ReferralStatus, action: ReferralAction, actor: ReferralActor): ReferralStatus | null {
  return LOOKUP.get(key(from, action, actor)) ?? null;
}

export function canTransition(from: ReferralStatus, action: ReferralAction, actor: ReferralActor): boolean {
  return nextStatus(from, action, actor) !== null;
}

export function isFinal(status: ReferralStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertCalendarDate(value: string, name: string): void {
  const m = CALENDAR_DATE.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return;
  }
  throw new RangeError(`${name} must be a calendar date YYYY-MM-DD`);
}

/**
 * The status a reader should see: a non-final referral whose expiresOn is before today reads as EXPIRED,
 * even before the periodic expiry job has recorded it. The referral is still valid on its expiresOn day.
 * Both dates are YYYY-MM-DD; anything else throws a RangeError.
 */
export function effectiveStatus(status: ReferralStatus, expiresOn: string, today: string): ReferralStatus {
  assertCalendarDate(expiresOn, 'expiresOn');
  assertCalendarDate(today, 'today');
  if (isFinal(status)) return status;
  // Same fixed-width format, so lexicographic order is chronological order.
  return expiresOn < today ? ReferralStatus.EXPIRED : status;
}

const CANNOT: Record<ReferralAction, string> = {
  [A.CHOOSE_THERAPIST]: 'be addressed to a therapist',
  [A.ACCEPT]: 'be accepted',
  [A.DECLINE]: 'be declined',
  [A.RECORD_VISIT]: 'have a visit recorded',
  [A.ADD_PROGRESS_NOTE]: 'have a progress note added',
  [A.RENEW]: 'be renewed',
  [A.COMPLETE]: 'be completed',
  [A.CANCEL]: 'be cancelled',
  [A.EXPIRE]: 'expire',
  [A.TRANSFER]: 'be transferred to another therapist (only accepted or in-progress care can)',
};

const ONLY_VERB: Record<ReferralAction, string> = {
  [A.CHOOSE_THERAPIST]: 'choose the therapist for',
  [A.ACCEPT]: 'accept',
  [A.DECLINE]: 'decline',
  [A.RECORD_VISIT]: 'record a visit on',
  [A.ADD_PROGRESS_NOTE]: 'add a progress note to',
  [A.RENEW]: 'renew',
  [A.COMPLETE]: 'complete',
  [A.CANCEL]: 'cancel',
  [A.EXPIRE]: 'expire',
  [A.TRANSFER]: 'transfer',
};

const ACTOR_NAME: Record<ReferralActor, string> = {
  PATIENT: 'the patient who claimed it',
  THERAPIST: 'the addressed therapist',
  PROVIDER: 'the referring provider',
  SYSTEM: 'the expiry job',
};

const ACTOR_ORDER: readonly ReferralActor[] = ['PROVIDER', 'PATIENT', 'THERAPIST', 'SYSTEM'];

/**
 * A human message for a refused transition, without any patient data. When the state does not allow the
 * action at all, it names the state; when it does but not for this actor, it names who may.
 * Returns '' when the transition is allowed.
 */
export function refusalReason(from: ReferralStatus, action: ReferralAction, actor: ReferralActor): string {
  if (canTransition(from, action, actor)) return '';
  const allowed = ACTOR_ORDER.filter((a) => canTransition(from, action, a));
  if (allowed.length === 0) return `A referral that is ${from} cannot ${CANNOT[action]}.`;
  const who = allowed.map((a) => ACTOR_NAME[a]).join(' or ');
  return `Only ${who} can ${ONLY_VERB[action]} a referral.`;
}
