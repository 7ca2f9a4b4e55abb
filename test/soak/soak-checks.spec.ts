import {
  allowedValues,
  canonicalJson,
  checkAudit,
  checkMail,
  checkReferrals,
  checkRegisters,
  compareIndex,
  type ReferralCase,
  type Register,
} from './soak-checks';
import { classifyNetworkError, classifyResponse, timeline } from './soak-history';

const reg = (writes: Register['writes'], stored: string, initial = 'v0'): Register => ({
  key: 'k',
  initial,
  writes,
  stored,
});

describe('the register checker (acknowledged writes there, failed ones absent)', () => {
  it('allows the last acknowledged value and later cut-off values only', () => {
    const writes: Register['writes'] = [
      { opId: 1, outcome: 'ok', value: 'a' },
      { opId: 2, outcome: 'unknown', value: 'b' },
      { opId: 3, outcome: 'ok', value: 'c' },
      { opId: 4, outcome: 'failed', value: 'd' },
      { opId: 5, outcome: 'unknown', value: 'e' },
      { opId: 6, outcome: 'not-sent', value: 'f' },
    ];
    expect([...allowedValues(reg(writes, 'c'))].sort()).toEqual(['c', 'e']);
    expect([...allowedValues(reg([{ opId: 1, outcome: 'failed', value: 'a' }], 'v0'))]).toEqual(['v0']);
  });

  it('names a lost acknowledged write, a failed write that left its value, and an unexplained value', () => {
    const lost = checkRegisters('w', [reg([{ opId: 1, outcome: 'ok', value: 'a' }], 'v0')]);
    expect(lost.pass).toBe(false);
    expect(lost.figures).toContain('lost 1');
    expect(lost.violations[0]).toContain('op #1 was acknowledged');
    const leaked = checkRegisters('w', [reg([{ opId: 2, outcome: 'failed', value: 'a' }], 'a')]);
    expect(leaked.figures).toContain('failed-but-stored 1');
    expect(checkRegisters('w', [reg([], 'zzz')]).figures).toContain('unexplained 1');
    expect(checkRegisters('w', [reg([{ opId: 1, outcome: 'unknown', value: 'a' }], 'a')]).pass).toBe(true);
  });
});

function referralCase(
  overrides: Partial<ReferralCase> = {},
  stored: Partial<ReferralCase['stored']> = {},
): ReferralCase {
  return {
    key: 'r1',
    creations: [
      { opId: 1, outcome: 'ok', referralId: 'R' },
      { opId: 2, outcome: 'ok', referralId: 'R' },
    ],
    transitions: [
      { opId: 3, eventType: 'ACCEPTED', outcome: 'ok' },
      { opId: 4, eventType: 'DECLINED', outcome: 'failed' },
      { opId: 5, eventType: 'VISIT_RECORDED', outcome: 'ok' },
      { opId: 6, eventType: 'COMPLETED', outcome: 'ok' },
      { opId: 7, eventType: 'COMPLETED', outcome: 'failed' },
    ],
    races: [['ACCEPTED', 'DECLINED'], ['COMPLETED']],
    stored: {
      referrals: [{ id: 'R', status: 'COMPLETED', visitsUsed: 1, visitsAuthorized: 3, visits: 1 }],
      events: [
        { type: 'CREATED', toStatus: 'SENT' },
        { type: 'ACCEPTED', toStatus: 'ACCEPTED' },
        { type: 'VISIT_RECORDED', toStatus: 'IN_PROGRESS' },
        { type: 'COMPLETED', toStatus: 'COMPLETED' },
      ],
      ...stored,
    },
    ...overrides,
  };
}

describe('the referral checker', () => {
  it('passes a consistent history', () => {
    const r = checkReferrals([referralCase()]);
    expect(r.violations).toEqual([]);
    expect(r.figures).toBe('1 referrals, 2 races (2 winners), 3 acknowledged transitions');
  });

  it('finds two winners of a race, a second referral for one key and visits beyond the authorized count', () => {
    const twoWinners = referralCase({
      transitions: [
        { opId: 3, eventType: 'ACCEPTED', outcome: 'ok' },
        { opId: 4, eventType: 'DECLINED', outcome: 'ok' },
      ],
    });
    expect(checkReferrals([twoWinners]).violations.join('\n')).toContain('2 acknowledged winners');
    const twice = referralCase(
      {},
      { referrals: [...referralCase().stored.referrals, { ...referralCase().stored.referrals[0], id: 'S' }] },
    );
    expect(checkReferrals([twice]).violations.join('\n')).toContain('made 2 referrals');
    const over = referralCase(
      {},
      { referrals: [{ id: 'R', status: 'COMPLETED', visitsUsed: 4, visitsAuthorized: 3, visits: 4 }] },
    );
    const text = checkReferrals([over]).violations.join('\n');
    expect(text).toContain('visitsUsed 4 > authorized 3');
    expect(text).toContain('1 VISIT_RECORDED events');
  });

  it('finds an acknowledged transition missing from the timeline and an event nobody was told about', () => {
    const missing = referralCase({}, { events: referralCase().stored.events.filter((e) => e.type !== 'COMPLETED') });
    expect(checkReferrals([missing]).violations.join('\n')).toContain('1 COMPLETED acknowledged, 0 in the timeline');
    const extra = referralCase(
      {},
      { events: [...referralCase().stored.events, { type: 'COMPLETED', toStatus: 'COMPLETED' }] },
    );
    expect(checkReferrals([extra]).violations.join('\n')).toContain('2 COMPLETED in the timeline, but only 1');
  });

  it('requires a referral for an acknowledged creation and none when every creation failed', () => {
    expect(checkReferrals([referralCase({}, { referrals: [], events: [] })]).violations[0]).toContain(
      'was acknowledged but no referral is stored',
    );
    const failed = referralCase({
      creations: [{ opId: 1, outcome: 'failed' }],
      transitions: [],
      races: [],
    });
    expect(checkReferrals([failed]).violations[0]).toContain('every creation was answered with an error');
  });
});

describe('the referral timeline chain', () => {
  it('accepts a cancellation after an acceptance and refuses an event that starts from a status it was not in', () => {
    const events = [
      { type: 'CREATED', fromStatus: null, toStatus: 'SENT' },
      { type: 'ACCEPTED', fromStatus: 'SENT', toStatus: 'ACCEPTED' },
      { type: 'CANCELLED', fromStatus: 'ACCEPTED', toStatus: 'CANCELLED' },
    ];
    const base = {
      transitions: [
        { opId: 3, eventType: 'ACCEPTED', outcome: 'ok' as const },
        { opId: 4, eventType: 'CANCELLED', outcome: 'ok' as const },
      ],
      races: [],
    };
    const stored = { referrals: [{ id: 'R', status: 'CANCELLED', visitsUsed: 0, visitsAuthorized: 3, visits: 0 }] };
    expect(checkReferrals([referralCase(base, { ...stored, events })]).violations).toEqual([]);
    const forked = [events[0], events[1], { ...events[2], fromStatus: 'SENT' }];
    expect(checkReferrals([referralCase(base, { ...stored, events: forked })]).violations).toEqual([
      'r1: CANCELLED moved from SENT, but the referral was ACCEPTED',
    ]);
  });
});

describe('the audit checker', () => {
  it('wants one row per answered operation, none for one never sent, at most one when cut off', () => {
    const ok = checkAudit(
      [
        { opId: 1, requestId: 'a', kind: 'acceptReferral', outcome: 'ok', rows: 1 },
        { opId: 2, requestId: 'b', kind: 'acceptReferral', outcome: 'failed', code: 'CONFLICT', rows: 1 },
        { opId: 3, requestId: 'c', kind: 'acceptReferral', outcome: 'not-sent', rows: 0 },
        { opId: 4, requestId: 'd', kind: 'acceptReferral', outcome: 'unknown', rows: 0 },
        { opId: 5, requestId: 'e', kind: 'acceptReferral', outcome: 'failed', code: 'INTERNAL', rows: 1 },
      ],
      0,
    );
    expect(ok.violations).toEqual([]);
    const bad = checkAudit(
      [
        { opId: 1, requestId: 'a', kind: 'acceptReferral', outcome: 'ok', rows: 2 },
        { opId: 2, requestId: 'b', kind: 'acceptReferral', outcome: 'failed', code: 'CONFLICT', rows: 0 },
        { opId: 3, requestId: 'c', kind: 'acceptReferral', outcome: 'not-sent', rows: 1 },
      ],
      3,
    );
    expect(bad.violations).toHaveLength(4);
  });
});

describe('the mail checker', () => {
  it('counts lost, duplicated and unexpected messages', () => {
    const r = checkMail(['a', 'a', 'b', 'c'], ['a', 'b', 'b', 'x'], 0, 1);
    expect(r.pass).toBe(false);
    expect(r.figures).toContain('lost 2, unexpected 1, unsent 0; duplicates 1 (target 0)');
    const twice = checkMail(['a'], ['a', 'a'], 0, 1);
    expect(twice.pass).toBe(true);
    expect(twice.notes).toEqual(['a: 1 notifications, 2 delivered (duplicates)']);
    expect(checkMail(['a', 'b'], ['b', 'a'], 0, 1).pass).toBe(true);
    expect(checkMail(['a'], ['a'], 1, 1).pass).toBe(false);
  });
});

describe('the index comparison', () => {
  it('tells lost, stale and phantom documents apart, whatever the key order', () => {
    const expected = new Map([
      ['1', canonicalJson({ a: 1, b: [1, 2] })],
      ['2', canonicalJson({ a: 2 })],
      ['3', canonicalJson({ a: 3 })],
    ]);
    const actual = new Map([
      ['1', canonicalJson({ b: [1, 2], a: 1 })],
      ['2', canonicalJson({ a: 20 })],
      ['4', canonicalJson({ a: 4 })],
    ]);
    expect(compareIndex(expected, actual)).toEqual({ lost: ['3'], stale: ['2'], phantom: ['4'] });
  });
});

describe('the history', () => {
  it('classifies answers: success, an error code, a refused connection, a broken one', () => {
    expect(classifyResponse(200, { data: { x: 1 } }).outcome).toBe('ok');
    expect(classifyResponse(200, { errors: [{ extensions: { code: 'CONFLICT' } }] })).toEqual({
      outcome: 'failed',
      code: 'CONFLICT',
    });
    expect(classifyResponse(502, undefined)).toEqual({ outcome: 'failed', code: 'HTTP_502' });
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(classifyNetworkError(refused).outcome).toBe('not-sent');
    const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } });
    expect(classifyNetworkError(reset)).toEqual({ outcome: 'unknown', code: 'UND_ERR_SOCKET' });
  });

  it('buckets answers by time with their latency and error counts', () => {
    const op = (endMs: number, outcome: 'ok' | 'failed') => ({
      id: 1,
      requestId: 'r',
      client: 0,
      api: 0,
      kind: 'k',
      audited: false,
      startMs: endMs - 100,
      endMs,
      outcome,
    });
    const buckets = timeline([op(500, 'ok'), op(1500, 'failed'), op(4500, 'ok')], 0, 2);
    expect(buckets.map((b) => [b.second, b.requests, b.errors])).toEqual([
      [0, 2, 1],
      [2, 0, 0],
      [4, 1, 0],
    ]);
    expect(buckets[0].p95).toBe(100);
  });
});
