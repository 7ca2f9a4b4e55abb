import { SessionHousekeeping } from '@mmn/identity';
import { NotificationWorker } from '@mmn/referrals';
import { SearchOutboxWorker } from '@mmn/search';
import { createTestApp, type TestApp } from '@mmn/testing';
import { created, provider, referralInput, register, sql } from '../referrals/referral-helpers';

/** Bookkeeping tables do not grow forever: old rows go, rows that still matter stay. */
describe('housekeeping', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ runSearchWorker: false });
  });
  afterAll(() => t.close());

  it('prunes old sign-in failures and long-expired refresh tokens, keeping current ones', async () => {
    await sql(
      t,
      `INSERT INTO login_failures (email, ip, at) VALUES ('old@example.test', '10.0.0.1', now() - interval '2 days'), ('new@example.test', '10.0.0.2', now())`,
    );
    const user = await register(t, 'PATIENT');
    const tokens = await sql<{ id: string }>(t, `SELECT id FROM refresh_tokens WHERE user_id = $1`, [user.userId]);
    expect(tokens.length).toBeGreaterThan(0);
    await sql(t, `UPDATE refresh_tokens SET expires_at = now() - interval '3 days' WHERE id = $1`, [tokens[0].id]);

    const pruned = await t.app.get(SessionHousekeeping).prune();
    expect(pruned).toMatchObject({ refreshTokens: 1 });
    expect(pruned.loginFailures).toBe(1);
    expect(await sql(t, `SELECT email FROM login_failures ORDER BY email`)).toEqual([{ email: 'new@example.test' }]);
    expect(await sql(t, `SELECT 1 FROM refresh_tokens WHERE id = $1`, [tokens[0].id])).toHaveLength(0);
  });

  it('prunes delivered search outbox rows after a week, never undelivered ones', async () => {
    const therapist = await register(t, 'THERAPIST');
    const rows = await sql<{ id: string; therapist_id: string }>(
      t,
      `SELECT o.id, o.therapist_id FROM search_outbox o JOIN therapists th ON th.id = o.therapist_id WHERE th.user_id = $1`,
      [therapist.userId],
    );
    expect(rows.length).toBeGreaterThan(0);
    const therapistId = rows[0].therapist_id;
    await sql(t, `UPDATE search_outbox SET processed_at = now() - interval '8 days' WHERE therapist_id = $1`, [
      therapistId,
    ]);
    await sql(t, `INSERT INTO search_outbox (therapist_id) VALUES ($1), ($1)`, [therapistId]);
    await sql(
      t,
      `UPDATE search_outbox SET processed_at = now() - interval '1 day' WHERE id = (SELECT max(id) FROM search_outbox WHERE therapist_id = $1)`,
      [therapistId],
    );

    expect(await t.app.get(SearchOutboxWorker).prune()).toBe(1);
    const left = await sql<{ processed: boolean }>(
      t,
      `SELECT processed_at IS NOT NULL AS processed FROM search_outbox WHERE therapist_id = $1 ORDER BY id`,
      [therapistId],
    );
    expect(left).toEqual([{ processed: false }, { processed: true }]);
  });

  it('prunes notifications sent over 30 days ago and claim failures over a day old', async () => {
    const doctor = await provider(t);
    const { referral } = await created(t, doctor, referralInput());
    const patient = await register(t, 'PATIENT');
    await sql(
      t,
      `INSERT INTO notification_outbox (recipient_user_id, kind, referral_id, sent_at) VALUES ($1, 'CREATED', $2, now() - interval '31 days'), ($1, 'CREATED', $2, now())`,
      [doctor.userId, referral.id],
    );
    await sql(t, `INSERT INTO claim_failures (user_id, at) VALUES ($1, now() - interval '2 days'), ($1, now())`, [
      patient.userId,
    ]);

    await t.app.get(NotificationWorker).prune();
    expect(
      await sql(
        t,
        `SELECT 1 FROM notification_outbox WHERE referral_id = $1 AND sent_at < now() - interval '30 days'`,
        [referral.id],
      ),
    ).toHaveLength(0);
    expect(
      await sql(t, `SELECT 1 FROM notification_outbox WHERE referral_id = $1 AND sent_at > now() - interval '1 day'`, [
        referral.id,
      ]),
    ).toHaveLength(1);
    expect(await sql(t, `SELECT 1 FROM claim_failures WHERE user_id = $1`, [patient.userId])).toHaveLength(1);
  });

  it('/health reports undelivered notifications, including those that gave up after 10 attempts', async () => {
    const doctor = await provider(t);
    const { referral } = await created(t, doctor, referralInput());
    await sql(
      t,
      `INSERT INTO notification_outbox (recipient_user_id, kind, referral_id, attempts, next_attempt_at) VALUES ($1, 'CREATED', $2, 10, now()), ($1, 'CREATED', $2, 3, now() + interval '1 hour')`,
      [doctor.userId, referral.id],
    );
    const res = await fetch(`${t.url}/health`);
    const body = (await res.json()) as {
      notifications: { pending: number; failing: number; abandoned: number; oldestAgeSeconds: number | null };
    };
    expect(body.notifications.abandoned).toBeGreaterThanOrEqual(1);
    expect(body.notifications.failing).toBeGreaterThanOrEqual(1);
    expect(body.notifications.pending).toBeGreaterThanOrEqual(1);
    expect(body.notifications.oldestAgeSeconds).not.toBeNull();
  });
});
