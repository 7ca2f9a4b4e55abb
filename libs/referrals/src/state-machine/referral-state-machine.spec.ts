import {
  canTransition,
  effectiveStatus,
  FINAL_STATUSES,
  isFinal,
  nextStatus,
  ReferralAction,
  type ReferralActor,
  ReferralStatus,
  REFERRAL_TRANSITIONS,
  refusalReason,
} from './index';

// Independent expectation, written out literally from the API contract: [from, action, actor, to].
// Every combination not listed here must be refused.
const EXPECTED: ReadonlyArray<readonly [string, string, ReferralActor, string]> = [
  ['OPEN', 'CHOOSE_THERAPIST', 'PATIENT', 'SENT'],
  ['OPEN', 'CHOOSE_THERAPIST', 'PROVIDER', 'SENT'],
  ['DECLINED', 'CHOOSE_THERAPIST', 'PATIENT', 'SENT'],
  ['DECLINED', 'CHOOSE_THERAPIST', 'PROVIDER', 'SENT'],
  ['SENT', 'ACCEPT', 'THERAPIST', 'ACCEPTED'],
  ['SENT', 'DECLINE', 'THERAPIST', 'DECLINED'],
  ['ACCEPTED', 'RECORD_VISIT', 'THERAPIST', 'IN_PROGRESS'],
  ['IN_PROGRESS', 'RECORD_VISIT', 'THERAPIST', 'IN_PROGRESS'],
  ['ACCEPTED', 'ADD_PROGRESS_NOTE', 'THERAPIST', 'ACCEPTED'],
  ['IN_PROGRESS', 'ADD_PROGRESS_NOTE', 'THERAPIST', 'IN_PROGRESS'],
  ['ACCEPTED', 'RENEW', 'PROVIDER', 'ACCEPTED'],
  ['IN_PROGRESS', 'RENEW', 'PROVIDER', 'IN_PROGRESS'],
  ['IN_PROGRESS', 'COMPLETE', 'THERAPIST', 'COMPLETED'],
  ['OPEN', 'CANCEL', 'PROVIDER', 'CANCELLED'],
  ['OPEN', 'CANCEL', 'PATIENT', 'CANCELLED'],
  ['SENT', 'CANCEL', 'PROVIDER', 'CANCELLED'],
  ['SENT', 'CANCEL', 'PATIENT', 'CANCELLED'],
  ['ACCEPTED', 'CANCEL', 'PROVIDER', 'CANCELLED'],
  ['ACCEPTED', 'CANCEL', 'PATIENT', 'CANCELLED'],
  ['DECLINED', 'CANCEL', 'PROVIDER', 'CANCELLED'],
  ['DECLINED', 'CANCEL', 'PATIENT', 'CANCELLED'],
  ['IN_PROGRESS', 'CANCEL', 'PROVIDER', 'CANCELLED'],
  ['IN_PROGRESS', 'CANCEL', 'PATIENT', 'CANCELLED'],
  ['OPEN', 'EXPIRE', 'SYSTEM', 'EXPIRED'],
  ['SENT', 'EXPIRE', 'SYSTEM', 'EXPIRED'],
  ['ACCEPTED', 'EXPIRE', 'SYSTEM', 'EXPIRED'],
  ['DECLINED', 'EXPIRE', 'SYSTEM', 'EXPIRED'],
  ['IN_PROGRESS', 'EXPIRE', 'SYSTEM', 'EXPIRED'],
  ['ACCEPTED', 'TRANSFER', 'PATIENT', 'TRANSFERRED'],
  ['ACCEPTED', 'TRANSFER', 'THERAPIST', 'TRANSFERRED'],
  ['ACCEPTED', 'TRANSFER', 'PROVIDER', 'TRANSFERRED'],
  ['IN_PROGRESS', 'TRANSFER', 'PATIENT', 'TRANSFERRED'],
  ['IN_PROGRESS', 'TRANSFER', 'THERAPIST', 'TRANSFERRED'],
  ['IN_PROGRESS', 'TRANSFER', 'PROVIDER', 'TRANSFERRED'],
];

const STATUSES = [
  'OPEN',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'IN_PROGRESS',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
  'TRANSFERRED',
] as ReferralStatus[];
const ACTIONS = [
  'CHOOSE_THERAPIST',
  'ACCEPT',
  'DECLINE',
  'RECORD_VISIT',
  'ADD_PROGRESS_NOTE',
  'RENEW',
  'COMPLETE',
  'CANCEL',
  'EXPIRE',
  'TRANSFER',
] as ReferralAction[];
const ACTORS: ReferralActor[] = ['PATIENT', 'THERAPIST', 'PROVIDER', 'SYSTEM'];

const expectedMap = new Map<string, string>(EXPECTED.map(([f, a, r, t]) => [`${f}|${a}|${r}`, t]));

const ALL_COMBINATIONS = STATUSES.flatMap((from) =>
  ACTIONS.flatMap((action) => ACTORS.map((actor) => [from, action, actor] as const)),
);

describe('enums', () => {
  it('ReferralStatus is a string enum with exactly the contract values', () => {
    expect(Object.values(ReferralStatus)).toEqual(STATUSES);
    for (const s of STATUSES) expect(ReferralStatus[s]).toBe(s);
  });
  it('ReferralAction is a string enum with exactly the expected values', () => {
    expect(Object.values(ReferralAction)).toEqual(ACTIONS);
    for (const a of ACTIONS) expect(ReferralAction[a]).toBe(a);
  });
});

describe('transition table (exhaustive)', () => {
  it('the literal expectation has no duplicate rows', () => {
    expect(expectedMap.size).toBe(EXPECTED.length);
  });

  it('covers all 9 × 10 × 4 combinations', () => {
    expect(ALL_COMBINATIONS).toHaveLength(360);
  });

  it.each(ALL_COMBINATIONS)('%s × %s × %s', (from, action, actor) => {
    const expected = expectedMap.get(`${from}|${action}|${actor}`) ?? null;
    expect(nextStatus(from, action, actor)).toBe(expected);
    expect(canTransition(from, action, actor)).toBe(expected !== null);
  });

  it('the exported table holds exactly the expected rows', () => {
    const actual = REFERRAL_TRANSITIONS.map((t) => `${t.from}|${t.action}|${t.actor}|${t.to}`).sort();
    const expected = EXPECTED.map(([f, a, r, t]) => `${f}|${a}|${r}|${t}`).sort();
    expect(actual).toEqual(expected);
  });

  it('the exported table is immutable', () => {
    expect(Object.isFrozen(REFERRAL_TRANSITIONS)).toBe(true);
    expect(REFERRAL_TRANSITIONS.every((t) => Object.isFrozen(t))).toBe(true);
  });

  it('refuses values outside the enums', () => {
    expect(nextStatus('BOGUS' as ReferralStatus, ReferralAction.CANCEL, 'PROVIDER')).toBeNull();
    expect(nextStatus(ReferralStatus.OPEN, 'BOGUS' as ReferralAction, 'PROVIDER')).toBeNull();
    expect(nextStatus(ReferralStatus.OPEN, ReferralAction.CANCEL, 'ADMIN' as ReferralActor)).toBeNull();
  });
});

describe('journeys', () => {
  function run(
    start: ReferralStatus,
    steps: ReadonlyArray<readonly [ReferralAction, ReferralActor]>,
  ): ReferralStatus[] {
    const seen = [start];
    let current = start;
    for (const [action, actor] of steps) {
      const next = nextStatus(current, action, actor);
      if (next === null)
        throw new Error(`refused: ${current} ${action} ${actor}: ${refusalReason(current, action, actor)}`);
      current = next;
      seen.push(current);
    }
    return seen;
  }

  it('open referral: chosen, declined, re-addressed, accepted, visited, completed', () => {
    expect(
      run(ReferralStatus.OPEN, [
        [ReferralAction.CHOOSE_THERAPIST, 'PATIENT'],
        [ReferralAction.DECLINE, 'THERAPIST'],
        [ReferralAction.CHOOSE_THERAPIST, 'PATIENT'],
        [ReferralAction.ACCEPT, 'THERAPIST'],
        [ReferralAction.RECORD_VISIT, 'THERAPIST'],
        [ReferralAction.COMPLETE, 'THERAPIST'],
      ]),
    ).toEqual(['OPEN', 'SENT', 'DECLINED', 'SENT', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED']);
  });

  it('the provider can re-address a declined referral', () => {
    expect(run(ReferralStatus.DECLINED, [[ReferralAction.CHOOSE_THERAPIST, 'PROVIDER']])).toEqual(['DECLINED', 'SENT']);
  });

  it('addressed referral with notes, renewal and several visits', () => {
    expect(
      run(ReferralStatus.SENT, [
        [ReferralAction.ACCEPT, 'THERAPIST'],
        [ReferralAction.ADD_PROGRESS_NOTE, 'THERAPIST'],
        [ReferralAction.RENEW, 'PROVIDER'],
        [ReferralAction.RECORD_VISIT, 'THERAPIST'],
        [ReferralAction.RECORD_VISIT, 'THERAPIST'],
        [ReferralAction.ADD_PROGRESS_NOTE, 'THERAPIST'],
        [ReferralAction.RENEW, 'PROVIDER'],
        [ReferralAction.COMPLETE, 'THERAPIST'],
      ]),
    ).toEqual([
      'SENT',
      'ACCEPTED',
      'ACCEPTED',
      'ACCEPTED',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'COMPLETED',
    ]);
  });

  it('cannot complete straight from ACCEPTED (no visit yet)', () => {
    expect(nextStatus(ReferralStatus.ACCEPTED, ReferralAction.COMPLETE, 'THERAPIST')).toBeNull();
  });

  it('the patient cancels while the referral is SENT', () => {
    expect(run(ReferralStatus.SENT, [[ReferralAction.CANCEL, 'PATIENT']])).toEqual(['SENT', 'CANCELLED']);
  });

  it('the provider cancels mid-treatment', () => {
    expect(run(ReferralStatus.IN_PROGRESS, [[ReferralAction.CANCEL, 'PROVIDER']])).toEqual([
      'IN_PROGRESS',
      'CANCELLED',
    ]);
  });

  it('the therapist cannot cancel; they decline or complete instead', () => {
    for (const s of STATUSES) expect(nextStatus(s, ReferralAction.CANCEL, 'THERAPIST')).toBeNull();
  });

  it('the expiry job expires every non-final state and only the expiry job can', () => {
    for (const s of ['OPEN', 'SENT', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS'] as ReferralStatus[]) {
      expect(nextStatus(s, ReferralAction.EXPIRE, 'SYSTEM')).toBe(ReferralStatus.EXPIRED);
      for (const actor of ['PATIENT', 'THERAPIST', 'PROVIDER'] as const) {
        expect(nextStatus(s, ReferralAction.EXPIRE, actor)).toBeNull();
      }
    }
  });

  it('SYSTEM can do nothing but expire', () => {
    for (const s of STATUSES) {
      for (const a of ACTIONS.filter((x) => x !== ReferralAction.EXPIRE)) expect(nextStatus(s, a, 'SYSTEM')).toBeNull();
    }
  });
});

describe('final states', () => {
  it('FINAL_STATUSES is exactly COMPLETED, CANCELLED, EXPIRED, TRANSFERRED', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['CANCELLED', 'COMPLETED', 'EXPIRED', 'TRANSFERRED']);
  });

  it.each(STATUSES)('isFinal(%s)', (s) => {
    expect(isFinal(s)).toBe(['COMPLETED', 'CANCELLED', 'EXPIRED', 'TRANSFERRED'].includes(s));
  });

  it.each(['COMPLETED', 'CANCELLED', 'EXPIRED', 'TRANSFERRED'] as ReferralStatus[])(
    '%s accepts nothing from anybody',
    (s) => {
      for (const a of ACTIONS) {
        for (const actor of ACTORS) {
          expect(nextStatus(s, a, actor)).toBeNull();
          expect(canTransition(s, a, actor)).toBe(false);
        }
      }
    },
  );

  it('every non-final state can leave (cancel or expire), so nothing is stuck', () => {
    for (const s of STATUSES.filter((x) => !isFinal(x))) {
      expect(canTransition(s, ReferralAction.CANCEL, 'PROVIDER')).toBe(true);
      expect(canTransition(s, ReferralAction.EXPIRE, 'SYSTEM')).toBe(true);
    }
  });

  it('every final state is reachable', () => {
    const targets = new Set(REFERRAL_TRANSITIONS.map((t) => t.to));
    for (const f of FINAL_STATUSES) expect(targets.has(f)).toBe(true);
  });
});

describe('effectiveStatus', () => {
  const today = '2025-03-10';

  it('a non-final referral that expired yesterday reads as EXPIRED', () => {
    expect(effectiveStatus(ReferralStatus.IN_PROGRESS, '2025-03-09', today)).toBe(ReferralStatus.EXPIRED);
  });

  it.each(['OPEN', 'SENT', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS'] as ReferralStatus[])(
    '%s past its expiry reads as EXPIRED',
    (s) => {
      expect(effectiveStatus(s, '2024-12-31', today)).toBe(ReferralStatus.EXPIRED);
    },
  );

  it.each(STATUSES)('%s expiring today is unchanged', (s) => {
    expect(effectiveStatus(s, today, today)).toBe(s);
  });

  it.each(STATUSES)('%s expiring in the future is unchanged', (s) => {
    expect(effectiveStatus(s, '2025-03-11', today)).toBe(s);
  });

  it.each(['COMPLETED', 'CANCELLED', 'EXPIRED'] as ReferralStatus[])(
    'final %s is unchanged even long past expiry',
    (s) => {
      expect(effectiveStatus(s, '2020-01-01', today)).toBe(s);
    },
  );

  it('compares across month and year boundaries', () => {
    expect(effectiveStatus(ReferralStatus.SENT, '2024-12-31', '2025-01-01')).toBe(ReferralStatus.EXPIRED);
    expect(effectiveStatus(ReferralStatus.SENT, '2025-02-28', '2025-03-01')).toBe(ReferralStatus.EXPIRED);
    expect(effectiveStatus(ReferralStatus.SENT, '2025-03-01', '2025-02-28')).toBe(ReferralStatus.SENT);
    expect(effectiveStatus(ReferralStatus.SENT, '2024-02-29', '2024-02-29')).toBe(ReferralStatus.SENT);
  });

  it.each([
    ['2025-3-9', today],
    ['2025-03-09T00:00:00Z', today],
    ['2025-02-30', today],
    ['2025-13-01', today],
    ['', today],
    ['2025-03-09', '10/03/2025'],
    ['2025-03-09', '2023-02-29'],
  ])('rejects malformed dates (%p, %p)', (expiresOn, t) => {
    expect(() => effectiveStatus(ReferralStatus.SENT, expiresOn, t)).toThrow(RangeError);
  });
});

describe('refusalReason', () => {
  it('names the state when the state does not allow the action', () => {
    expect(refusalReason(ReferralStatus.COMPLETED, ReferralAction.ACCEPT, 'THERAPIST')).toBe(
      'A referral that is COMPLETED cannot be accepted.',
    );
    expect(refusalReason(ReferralStatus.OPEN, ReferralAction.RECORD_VISIT, 'THERAPIST')).toBe(
      'A referral that is OPEN cannot have a visit recorded.',
    );
    expect(refusalReason(ReferralStatus.CANCELLED, ReferralAction.CANCEL, 'PROVIDER')).toBe(
      'A referral that is CANCELLED cannot be cancelled.',
    );
  });

  it('names who may act when the state allows the action but not for this actor', () => {
    expect(refusalReason(ReferralStatus.SENT, ReferralAction.ACCEPT, 'PATIENT')).toBe(
      'Only the addressed therapist can accept a referral.',
    );
    expect(refusalReason(ReferralStatus.ACCEPTED, ReferralAction.RENEW, 'THERAPIST')).toBe(
      'Only the referring provider can renew a referral.',
    );
    expect(refusalReason(ReferralStatus.SENT, ReferralAction.CANCEL, 'THERAPIST')).toBe(
      'Only the referring provider or the patient who claimed it can cancel a referral.',
    );
    expect(refusalReason(ReferralStatus.OPEN, ReferralAction.CHOOSE_THERAPIST, 'THERAPIST')).toBe(
      'Only the referring provider or the patient who claimed it can choose the therapist for a referral.',
    );
    expect(refusalReason(ReferralStatus.OPEN, ReferralAction.EXPIRE, 'PROVIDER')).toBe(
      'Only the expiry job can expire a referral.',
    );
  });

  it.each(ALL_COMBINATIONS)('%s × %s × %s: empty exactly when allowed, else a sentence', (from, action, actor) => {
    const reason = refusalReason(from, action, actor);
    if (canTransition(from, action, actor)) {
      expect(reason).toBe('');
    } else {
      expect(reason).toMatch(/^(A referral that is [A-Z_]+ cannot .+|Only .+ can .+ a referral)\.$/);
      const stateAllowsSomeone = ACTORS.some((a) => canTransition(from, action, a));
      expect(reason.startsWith('Only ')).toBe(stateAllowsSomeone);
    }
  });
});
