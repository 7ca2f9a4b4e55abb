import {
  addDays,
  continuationCity,
  daysUntil,
  expiryWording,
  needsRenewal,
  prescriberOutOfState,
  transferSummaryDueOn,
  visitsLeft,
} from './referral-wording';
import { safeNextPath as safeNext } from './session/next-path';

describe('referral wording', () => {
  const referral = (visitsUsed: number, visitsAuthorized: number, expiresOn: string) => ({
    visitsUsed,
    prescription: { visitsAuthorized, expiresOn },
  });

  it('counts days and visits left', () => {
    expect(daysUntil('2026-03-15', '2026-03-01')).toBe(14);
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(visitsLeft(referral(7, 6, '2026-12-01'))).toBe(0);
  });

  it('asks for a renewal with one visit left or under 14 days to expiry', () => {
    expect(needsRenewal(referral(4, 6, '2026-06-01'), '2026-03-01')).toBe(false);
    expect(needsRenewal(referral(5, 6, '2026-06-01'), '2026-03-01')).toBe(true);
    expect(needsRenewal(referral(0, 6, '2026-03-14'), '2026-03-01')).toBe(true);
    expect(needsRenewal(referral(0, 6, '2026-03-15'), '2026-03-01')).toBe(false);
  });

  it('words the expiry', () => {
    expect(expiryWording('2026-03-02', '2026-03-01')).toBe('expires March 2, 2026 (in 1 day)');
    expect(expiryWording('2026-02-28', '2026-03-01')).toBe('expired on February 28, 2026');
  });

  it('returns only to paths on this site after signing in', () => {
    expect(safeNext('/referrals/abc')).toBe('/referrals/abc');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', 'referrals', '/a\nb'])
      expect(safeNext(bad)).toBe('/referrals');
  });
});

describe('transfer wording', () => {
  const events = [
    { type: 'ACCEPTED', at: '2026-10-01T10:00:00Z', note: null },
    { type: 'TRANSFERRED', at: '2026-11-20T15:30:00Z', note: 'Care continues near Miami, FL. The patient is moving' },
  ];

  it('gives the therapist 30 days from the transfer for the summary', () => {
    expect(transferSummaryDueOn(events)).toBe('2026-12-20');
    expect(transferSummaryDueOn(events.slice(0, 1))).toBeNull();
  });

  it('reads the new city from the continuation', () => {
    const created = { type: 'CONTINUATION_CREATED', at: '2026-11-20T15:30:00Z' };
    expect(
      continuationCity([
        { ...created, note: 'Continues earlier care after a move; choose a therapist near Miami, FL.' },
      ]),
    ).toBe('Miami, FL');
    expect(continuationCity(events)).toBeNull();
  });

  it('names the prescriber’s states only when none is a state the therapist practises in', () => {
    expect(prescriberOutOfState(['OH'], ['FL'])).toBe('OH');
    expect(prescriberOutOfState(['OH', 'fl'], ['FL'])).toBeNull();
    expect(prescriberOutOfState([], ['FL'])).toBeNull();
  });
});
