import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { CredentialReminderJob, NotificationWorker } from '@mmn/referrals';
import { createTestApp, sql, type TestApp } from '@mmn/testing';
import { type Account, signInAdmin, verifiedTherapist } from '../referrals/referral-helpers';

describe('trust: credential expiry reminders', () => {
  let t: TestApp;
  let admin: Account;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mmn-reminders-'));
    t = await createTestApp({ dataDir });
    admin = await signInAdmin(t);
  });
  afterAll(() => t.close());

  const reminders = (userId: string) =>
    sql<{ kind: string }>(t, `SELECT kind FROM notification_outbox WHERE recipient_user_id = $1 ORDER BY id`, [userId]);

  it('mails 60 and 14 days before a verified license expires, each once, with a link to the credentials page', async () => {
    const therapist = await verifiedTherapist(t, admin);
    const job = t.app.get(CredentialReminderJob);
    await sql(t, `UPDATE licenses SET expires_on = current_date + 45 WHERE therapist_id = $1`, [therapist.therapistId]);
    expect(await job.remind()).toBeGreaterThanOrEqual(1);
    expect(await reminders(therapist.userId)).toEqual([{ kind: 'CREDENTIAL_EXPIRES_60' }]);
    await job.remind();
    expect(await reminders(therapist.userId)).toHaveLength(1);

    await sql(t, `UPDATE licenses SET expires_on = current_date + 10 WHERE therapist_id = $1`, [therapist.therapistId]);
    await job.remind();
    expect(await reminders(therapist.userId)).toEqual([
      { kind: 'CREDENTIAL_EXPIRES_60' },
      { kind: 'CREDENTIAL_EXPIRES_14' },
    ]);

    await t.app.get(NotificationWorker).deliverPending();
    const mails = readdirSync(path.join(dataDir, 'mail')).map((f) =>
      readFileSync(path.join(dataDir, 'mail', f), 'utf8'),
    );
    const mine = mails.filter((m) => m.includes('credentials expires within'));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.every((m) => m.includes('http://localhost:3000/profile/credentials'))).toBe(true);
  });

  it('sends only the 14-day reminder for a credential that is already inside it, and none for pending ones', async () => {
    const late = await verifiedTherapist(t, admin);
    await sql(t, `UPDATE licenses SET expires_on = current_date + 5 WHERE therapist_id = $1`, [late.therapistId]);
    const pending = await verifiedTherapist(t, admin, false);
    await sql(t, `UPDATE licenses SET expires_on = current_date + 5 WHERE therapist_id = $1`, [pending.therapistId]);
    await t.app.get(CredentialReminderJob).remind();
    expect(await reminders(late.userId)).toEqual([{ kind: 'CREDENTIAL_EXPIRES_14' }]);
    expect(await reminders(pending.userId)).toEqual([]);
  });
});
