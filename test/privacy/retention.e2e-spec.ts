import { randomUUID } from 'crypto';
import { RetentionJob } from '@mmn/referrals';
import {
  claimedReferral,
  created,
  OPS,
  referralInput,
  setUpReferralSuite,
  sql,
  visitInput,
  type ReferralSuite,
} from '../referrals/referral-helpers';

describe('privacy: retention periods (referrals 7 years after closing, audit rows 10 years)', () => {
  let s: ReferralSuite;
  setUpReferralSuite((suite) => (s = suite));

  /** Moves a referral's whole timeline back, as if it had happened `interval` ago. */
  const age = (id: string, interval: string) =>
    sql(s.t, `UPDATE referral_events SET at = now() - $2::interval WHERE referral_id = $1`, [id, interval]);

  async function completed(): Promise<string> {
    const { referral } = await claimedReferral(s.t, s);
    const therapist = s.t.as(s.therapist);
    await therapist.gql(OPS.accept, { id: referral.id });
    await therapist.gql(OPS.visit, { input: visitInput(referral.id) });
    const done = await therapist.gql(OPS.complete, {
      input: { referralId: referral.id, dischargeSummary: 'Goals met', reachedMaximumMedicalImprovement: true },
    });
    expect(done.errors).toBeUndefined();
    return referral.id;
  }

  const exists = async (table: string, column: string, id: string) =>
    (await sql<{ n: number }>(s.t, `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = $1`, [id]))[0].n;

  it('prunes referrals, with their visits and timeline, after their period and not a day before', async () => {
    const expired = await completed();
    const justInside = await completed();
    const cancelled = (await created(s.t, s.doctor, referralInput({ therapistId: s.therapist.therapistId }))).referral
      .id;
    await s.t.as(s.doctor).gql(OPS.cancel, { id: cancelled, reason: 'Moved away' });
    // Still open, with an old timeline: not closed, so its period has not started.
    const stillOpen = (await created(s.t, s.doctor, referralInput({ therapistId: s.therapist.therapistId }))).referral
      .id;
    // Open on paper, but its prescription lapsed 8 years ago without the expiry job recording it: closed then.
    const lapsed = (await created(s.t, s.doctor, referralInput({ therapistId: s.therapist.therapistId }))).referral.id;
    await age(expired, '7 years 1 day');
    await age(justInside, '7 years -1 day');
    await age(cancelled, '8 years');
    await age(stillOpen, '8 years');
    await age(lapsed, '8 years');
    await sql(
      s.t,
      `UPDATE referrals SET written_on = current_date - interval '8 years 60 days', expires_on = current_date - interval '8 years' WHERE id = $1`,
      [lapsed],
    );

    const result = await s.t.app.get(RetentionJob).prune();
    expect(result.referrals).toBe(3);
    for (const id of [expired, cancelled, lapsed]) {
      expect(await exists('referrals', 'id', id)).toBe(0);
      expect(await exists('visits', 'referral_id', id)).toBe(0);
      expect(await exists('referral_events', 'referral_id', id)).toBe(0);
    }
    for (const id of [justInside, stillOpen]) expect(await exists('referrals', 'id', id)).toBe(1);
    expect(await exists('visits', 'referral_id', justInside)).toBe(1);
    const kept = await s.t.as(s.doctor).gql<{ referral: { dischargeSummary: string } }>(OPS.read, { id: justInside });
    expect(kept.data!.referral.dischargeSummary).toBe('Goals met');
    // The audit rows of a pruned referral stay for their own period.
    expect(await exists('audit_log', 'referral_id', expired)).toBeGreaterThan(0);
    // Idempotent: nothing more is due.
    expect((await s.t.app.get(RetentionJob).prune()).referrals).toBe(0);
  });

  it('prunes audit rows after their period, never while their referral exists, and the log stays append-only', async () => {
    const existing = await completed();
    const gone = randomUUID();
    const row = (referralId: string | null, interval: string, action: string) =>
      sql<{ id: string }>(
        s.t,
        `INSERT INTO audit_log (at, actor_id, actor_role, action, referral_id, outcome, request_id)
         VALUES (now() - $2::interval, NULL, 'SYSTEM', $3, $1, 'ALLOWED', 'retention-test') RETURNING id`,
        [referralId, interval, action],
      );
    const [oldNone] = await row(null, '10 years 1 day', 'OLD_NONE');
    const [oldGone] = await row(gone, '10 years 1 day', 'OLD_GONE');
    const [youngGone] = await row(gone, '10 years -1 day', 'YOUNG_GONE');
    const [oldExisting] = await row(existing, '12 years', 'OLD_EXISTING');

    const { auditRows } = await s.t.app.get(RetentionJob).prune();
    expect(auditRows).toBe(2);
    const left = new Set(
      (await sql<{ id: string }>(s.t, `SELECT id::text FROM audit_log WHERE request_id = 'retention-test'`)).map(
        (r) => r.id,
      ),
    );
    expect(left).toEqual(new Set([youngGone.id, oldExisting.id]));
    expect(left.has(oldNone.id) || left.has(oldGone.id)).toBe(false);

    // Outside the retention job the trigger still refuses every change.
    await expect(sql(s.t, 'DELETE FROM audit_log WHERE id = $1', [youngGone.id])).rejects.toThrow(/append-only/);
    await expect(sql(s.t, `UPDATE audit_log SET action = 'X' WHERE id = $1`, [youngGone.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(sql(s.t, 'TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });
});
