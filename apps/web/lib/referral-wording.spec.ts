import { addDays, daysUntil, expiryWording, needsRenewal, visitsLeft } from './referral-wording';
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
