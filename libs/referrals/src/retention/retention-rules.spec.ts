import { retentionCutoffs, yearsBefore } from './retention-rules';

describe('retention rules', () => {
  it('counts calendar years back from now', () => {
    expect(yearsBefore(new Date('2031-06-15T10:00:00Z'), 7).toISOString()).toBe('2024-06-15T10:00:00.000Z');
  });

  it('lands a 29 February on the 28th of a common year', () => {
    expect(yearsBefore(new Date('2032-02-29T00:00:00Z'), 7).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(yearsBefore(new Date('2032-02-29T00:00:00Z'), 4).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });

  it('gives both cutoffs from the configured periods', () => {
    const now = new Date('2040-01-01T00:00:00Z');
    expect(retentionCutoffs(now, { referralYears: 7, auditYears: 10 })).toEqual({
      referralsClosedBefore: new Date('2033-01-01T00:00:00Z'),
      auditBefore: new Date('2030-01-01T00:00:00Z'),
    });
  });
});
