import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { NotificationWorker, ReferralExpiryJob } from '@mmn/referrals';
import { createTestApp, type TestApp } from '@mmn/testing';
import {
  type Account,
  code,
  created,
  DIAGNOSIS,
  isoDaysFromToday,
  OPS,
  PATIENT_DOB,
  PATIENT_NAME,
  provider,
  type ProviderAccount,
  type ReferralData,
  referralInput,
  register,
  signInAdmin,
  sql,
  type TherapistAccount,
  verifiedTherapist,
  visitInput,
} from './referral-helpers';

describe('referral journeys', () => {
  let t: TestApp;
  let admin: Account;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mmn-referrals-'));
    t = await createTestApp({ dataDir });
    admin = await signInAdmin(t);
  });
  afterAll(() => t.close());

  const run = async (query: string, variables: Record<string, unknown>, account: Account) =>
    t.gql<Record<string, ReferralData>>(query, variables, { token: account.token });
  const ok = async (query: string, variables: Record<string, unknown>, account: Account): Promise<ReferralData> => {
    const res = await run(query, variables, account);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return Object.values(res.data!)[0];
  };

  it('1. addressed referral: the therapist declines, the physician sees it at once; another accepts', async () => {
    const doctor = await provider(t);
    const first = await verifiedTherapist(t, admin);
    const second = await verifiedTherapist(t, admin);
    const { referral } = await created(t, doctor, referralInput({ therapistId: first.therapistId }));
    expect(referral).toMatchObject({
      status: 'SENT',
      therapist: { id: first.therapistId },
      provider: { id: doctor.providerId },
    });
    expect(referral.prescription.diagnoses).toEqual([expect.objectContaining({ code: DIAGNOSIS })]);
    expect(referral.events.map((e) => [e.type, e.toStatus])).toEqual([['CREATED', 'SENT']]);

    const seen = await ok(OPS.read, { id: referral.id }, first);
    expect(seen.patient.fullName).toBe(PATIENT_NAME);
    const declined = await ok(OPS.decline, { id: referral.id, reason: 'Not taking new lymphedema patients' }, first);
    expect(declined.status).toBe('DECLINED');

    const doctorView = await ok(OPS.read, { id: referral.id }, doctor);
    expect(doctorView.status).toBe('DECLINED');
    expect(doctorView.events.at(-1)).toMatchObject({
      type: 'DECLINED',
      actorRole: 'THERAPIST',
      note: 'Not taking new lymphedema patients',
      fromStatus: 'SENT',
      toStatus: 'DECLINED',
    });

    const resent = await ok(OPS.choose, { id: referral.id, therapistId: second.therapistId }, doctor);
    expect(resent).toMatchObject({ status: 'SENT', therapist: { id: second.therapistId } });
    const accepted = await ok(OPS.accept, { id: referral.id }, second);
    expect(accepted.status).toBe('ACCEPTED');

    // The therapist who declined keeps what they saw, nothing newer, and cannot act.
    const old = await ok(OPS.read, { id: referral.id }, first);
    expect(old.status).toBe('DECLINED');
    expect(old.events.map((e) => e.type)).toEqual(['CREATED', 'DECLINED']);
    const acting = await run(OPS.accept, { id: referral.id }, first);
    expect(code(acting)).toBe('INVALID_STATE');
    expect(acting.errors![0].message).toMatch(/declined/);
  });

  it('2. open referral: the patient claims it with code and birth date, chooses, is declined, chooses again', async () => {
    const doctor = await provider(t);
    const [a, b] = [await verifiedTherapist(t, admin), await verifiedTherapist(t, admin)];
    const { referral, accessCode } = await created(t, doctor, referralInput());
    expect(referral.status).toBe('OPEN');
    expect(referral.therapist).toBeNull();
    expect(accessCode.replace(/-/g, '')).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);

    const patient = await register(t, 'PATIENT');
    expect(code(await run(OPS.read, { id: referral.id }, patient))).toBe('NOT_FOUND');
    const claimed = await ok(OPS.claim, { code: accessCode.toLowerCase(), dob: PATIENT_DOB }, patient);
    expect(claimed).toMatchObject({ id: referral.id, status: 'OPEN' });
    expect(claimed.events.at(-1)).toMatchObject({ type: 'CLAIMED', actorRole: 'PATIENT' });

    // Single use: another account cannot claim it with the same code.
    const other = await register(t, 'PATIENT');
    expect(code(await run(OPS.claim, { code: accessCode, dob: PATIENT_DOB }, other))).toBe('NOT_FOUND');

    expect((await ok(OPS.choose, { id: referral.id, therapistId: a.therapistId }, patient)).status).toBe('SENT');
    await ok(OPS.decline, { id: referral.id, reason: 'Moving practice' }, a);
    const back = await ok(OPS.read, { id: referral.id }, patient);
    expect(back.status).toBe('DECLINED');
    expect((await ok(OPS.choose, { id: referral.id, therapistId: b.therapistId }, patient)).status).toBe('SENT');
    expect((await ok(OPS.accept, { id: referral.id }, b)).status).toBe('ACCEPTED');

    const list = await t.gql<{ referrals: { totalCount: number; edges: { node: { id: string; status: string } }[] } }>(
      `{ referrals { totalCount edges { cursor node { id status } } pageInfo { hasNextPage endCursor } } }`,
      {},
      { token: patient.token },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.referrals.edges.map((e) => e.node)).toEqual([{ id: referral.id, status: 'ACCEPTED' }]);
  });

  it('3. visits against the authorized count, renewal, progress notes, completion with discharge', async () => {
    const doctor = await provider(t);
    const therapist = await verifiedTherapist(t, admin);
    const { referral } = await created(
      t,
      doctor,
      referralInput({ therapistId: therapist.therapistId }, { visitsAuthorized: 2 }),
    );
    await ok(OPS.accept, { id: referral.id }, therapist);
    const first = await t.gql<{ recordVisit: { id: string; minutes: number } }>(
      OPS.visit,
      { input: visitInput(referral.id) },
      { token: therapist.token },
    );
    expect(first.errors).toBeUndefined();
    expect((await ok(OPS.read, { id: referral.id }, doctor)).status).toBe('IN_PROGRESS');
    await t.gql(OPS.visit, { input: visitInput(referral.id) }, { token: therapist.token });
    const third = await t.gql(OPS.visit, { input: visitInput(referral.id) }, { token: therapist.token });
    expect(code(third)).toBe('INVALID_STATE');
    expect(third.errors![0].message).toMatch(/ask the prescriber for a renewal/);

    const note = await ok(OPS.note, { id: referral.id, note: 'Grip strength improving' }, therapist);
    expect(note.events.at(-1)).toMatchObject({ type: 'PROGRESS_NOTE', note: 'Grip strength improving' });
    expect((await ok(OPS.read, { id: referral.id }, doctor)).events.map((e) => e.type)).toContain('PROGRESS_NOTE');

    expect(code(await run(OPS.renew, { input: { referralId: referral.id, additionalVisits: 2 } }, therapist))).toBe(
      'INVALID_STATE',
    );
    const renewed = await ok(
      OPS.renew,
      { input: { referralId: referral.id, additionalVisits: 2, newExpiresOn: isoDaysFromToday(120) } },
      doctor,
    );
    expect(renewed.prescription).toMatchObject({ visitsAuthorized: 4, expiresOn: isoDaysFromToday(120) });
    expect(
      (await t.gql(OPS.visit, { input: visitInput(referral.id) }, { token: therapist.token })).errors,
    ).toBeUndefined();

    const done = await ok(
      OPS.complete,
      {
        input: {
          referralId: referral.id,
          dischargeSummary: 'Pain-free typing; home program',
          reachedMaximumMedicalImprovement: true,
        },
      },
      therapist,
    );
    expect(done).toMatchObject({
      status: 'COMPLETED',
      visitsUsed: 3,
      dischargeSummary: 'Pain-free typing; home program',
      reachedMaximumMedicalImprovement: true,
    });
    expect(done.visits).toHaveLength(3);
    expect(code(await run(OPS.cancel, { id: referral.id, reason: 'too late' }, doctor))).toBe('INVALID_STATE');
  });

  it('expiry: reads show EXPIRED at once, visits are refused (a new referral is needed), the job records it', async () => {
    const doctor = await provider(t);
    const therapist = await verifiedTherapist(t, admin);
    const { referral } = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    await ok(OPS.accept, { id: referral.id }, therapist);
    await sql(t, `UPDATE referrals SET written_on = $2, expires_on = $3 WHERE id = $1`, [
      referral.id,
      isoDaysFromToday(-60),
      isoDaysFromToday(-1),
    ]);
    expect((await ok(OPS.read, { id: referral.id }, doctor)).status).toBe('EXPIRED');
    const visit = await t.gql(OPS.visit, { input: visitInput(referral.id) }, { token: therapist.token });
    expect(code(visit)).toBe('INVALID_STATE');
    expect(visit.errors![0].message).toMatch(/expired.*ask the prescriber for a renewal.*new referral/);
    expect(code(await run(OPS.renew, { input: { referralId: referral.id, additionalVisits: 1 } }, doctor))).toBe(
      'INVALID_STATE',
    );

    expect(await t.app.get(ReferralExpiryJob).expireDue()).toBeGreaterThanOrEqual(1);
    const after = await ok(OPS.read, { id: referral.id }, doctor);
    expect(after.events.at(-1)).toMatchObject({ type: 'EXPIRED', fromStatus: 'ACCEPTED', toStatus: 'EXPIRED' });
    const [{ status }] = await sql<{ status: string }>(t, `SELECT status FROM referrals WHERE id = $1`, [referral.id]);
    expect(status).toBe('EXPIRED');
  });

  it('notifications: each change queues mail to the other parties; .eml files carry no patient details', async () => {
    const doctor: ProviderAccount = await provider(t);
    const therapist: TherapistAccount = await verifiedTherapist(t, admin);
    const { referral } = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    await ok(OPS.accept, { id: referral.id }, therapist);
    const rows = await sql<{ recipient_user_id: string; kind: string }>(
      t,
      `SELECT recipient_user_id, kind FROM notification_outbox WHERE referral_id = $1 ORDER BY id`,
      [referral.id],
    );
    expect(rows).toEqual([
      { recipient_user_id: therapist.userId, kind: 'CREATED' },
      { recipient_user_id: doctor.userId, kind: 'ACCEPTED' },
    ]);
    await t.app.get(NotificationWorker).deliverPending();
    const files = readdirSync(path.join(dataDir, 'mail')).map((f) =>
      readFileSync(path.join(dataDir, 'mail', f), 'utf8'),
    );
    const mine = files.filter((f) => f.includes(`/referrals/${referral.id}`));
    expect(mine.length).toBe(2);
    for (const mail of files) {
      expect(mail).toMatch(
        /^From: .+\r\nTo: .+@example\.test\r\nSubject: .+\r\nDate: .+\r\nMessage-ID: <.+>\r\nMIME-Version: 1.0/,
      );
      expect(mail).not.toContain(PATIENT_NAME);
      expect(mail).not.toContain('Zelda');
      expect(mail).not.toContain(DIAGNOSIS);
      expect(mail).not.toContain(PATIENT_DOB);
      expect(mail).not.toContain('carpal');
    }
    const [{ pending }] = await sql<{ pending: number }>(
      t,
      `SELECT count(*)::int AS pending FROM notification_outbox WHERE sent_at IS NULL`,
    );
    expect(pending).toBe(0);
  });
});
