import type { RetentionPeriods } from '@mmn/config';

/** `years` calendar years before `now` (UTC); 29 February falls back to 28 February in a common year. */
export function yearsBefore(now: Date, years: number): Date {
  const d = new Date(now.getTime());
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0); // rolled over into March: last day of February
  return d;
}

export interface RetentionCutoffs {
  /** A referral closed (its last event in a final status, or its prescription's expiry) before this is pruned. */
  referralsClosedBefore: Date;
  /** An audit row older than this is pruned, unless its referral still exists. */
  auditBefore: Date;
}

/**
 * The one retention rule: referrals (with their visits and timeline, all the PHI) are kept for
 * `referralYears` after they closed; audit rows for `auditYears` after they were written, and never while the
 * referral they name still exists, so a patient's access report is complete for as long as the record is kept.
 */
export function retentionCutoffs(now: Date, periods: RetentionPeriods): RetentionCutoffs {
  return {
    referralsClosedBefore: yearsBefore(now, periods.referralYears),
    auditBefore: yearsBefore(now, periods.auditYears),
  };
}
