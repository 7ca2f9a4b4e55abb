import type { TestApp } from '@mmn/testing';
import {
  type Account,
  code,
  createReferral,
  created,
  isoDaysFromToday,
  OPS,
  PATIENT_DOB,
  PATIENT_NAME,
  provider,
  type ProviderAccount,
  referralInput,
  register,
  sql,
  type TherapistAccount,
  verifiedTherapist,
  visitInput,
  setUpReferralSuite,
} from './referral-helpers';

const REPUTATION = `query($id: ID!) { therapist(id: $id) { reputation { referringProviders completedReferrals endorsements } } }`;

describe('referrals under concurrency, suspension, and patient data in errors', () => {
  let t: TestApp, admin: Account, doctor: ProviderAccount, therapist: TherapistAccount;
  setUpReferralSuite((suite) => ({ t, admin, doctor, therapist } = suite));

  it('8 providers accepted in parallel all count in the reputation; 30 parallel notes on different referrals all succeed', async () => {
    const busy = await verifiedTherapist(t, admin);
    const doctors = await Promise.all(Array.from({ length: 8 }, () => provider(t)));
    const referrals = [];
    for (const d of doctors)
      referrals.push((await created(t, d, referralInput({ therapistId: busy.therapistId }))).referral);
    const accepts = await Promise.all(referrals.map((r) => t.gql(OPS.accept, { id: r.id }, { token: busy.token })));
    expect(accepts.map(code)).toEqual(Array(8).fill(undefined));
    const profile = await t.gql<{ therapist: { reputation: { referringProviders: number } } }>(REPUTATION, {
      id: busy.therapistId,
    });
    expect(profile.data!.therapist.reputation.referringProviders).toBe(8);

    const more = [];
    for (let i = 0; i < 22; i++)
      more.push((await created(t, doctor, referralInput({ therapistId: busy.therapistId }))).referral);
    for (const r of more) await t.gql(OPS.accept, { id: r.id }, { token: busy.token });
    const all = [...referrals, ...more];
    const notes = await Promise.all(
      all.map((r) => t.gql(OPS.note, { id: r.id, note: 'Tolerating pressure well.' }, { token: busy.token })),
    );
    expect(notes.map(code)).toEqual(Array(all.length).fill(undefined));
  });

  it('parallel completions all count', async () => {
    const busy = await verifiedTherapist(t, admin);
    const referrals = [];
    for (let i = 0; i < 6; i++) {
      const { referral } = await created(t, doctor, referralInput({ therapistId: busy.therapistId }));
      await t.gql(OPS.accept, { id: referral.id }, { token: busy.token });
      await t.gql(OPS.visit, { input: visitInput(referral.id) }, { token: busy.token });
      referrals.push(referral);
    }
    const done = await Promise.all(
      referrals.map((r) =>
        t.gql(
          OPS.complete,
          { input: { referralId: r.id, dischargeSummary: 'Goals met.', reachedMaximumMedicalImprovement: true } },
          { token: busy.token },
        ),
      ),
    );
    expect(done.map(code)).toEqual(Array(6).fill(undefined));
    const profile = await t.gql<{ therapist: { reputation: { completedReferrals: number } } }>(REPUTATION, {
      id: busy.therapistId,
    });
    expect(profile.data!.therapist.reputation.completedReferrals).toBe(6);
  });

  it('guesses from 15 accounts at once still get only 5 wrong birth dates on one referral', async () => {
    const { referral, accessCode } = await created(t, doctor, referralInput());
    const guessers = await Promise.all(Array.from({ length: 15 }, () => register(t, 'PATIENT')));
    const results = await Promise.all(
      guessers.map((g, i) =>
        t.gql(OPS.claim, { code: accessCode, dob: `1970-02-${String(i + 1).padStart(2, '0')}` }, { token: g.token }),
      ),
    );
    const codes = results.map(code);
    expect(codes.filter((c) => c === 'NOT_FOUND')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(10);
    const failures = await sql(t, `SELECT 1 FROM claim_failures WHERE referral_id = $1`, [referral.id]);
    expect(failures).toHaveLength(5);
  });

  it('a suspended therapist cannot accept or record visits, and a replayed create still returns the original referral', async () => {
    const suspended = await verifiedTherapist(t, admin);
    const input = referralInput({ therapistId: suspended.therapistId });
    const first = await created(t, doctor, input);
    const second = (await created(t, doctor, referralInput({ therapistId: suspended.therapistId }))).referral;
    expect(code(await t.gql(OPS.accept, { id: second.id }, { token: suspended.token }))).toBeUndefined();
    const suspend = await t.gql(
      `mutation($input: TherapistSuspensionInput!) { suspendTherapist(input: $input) { id } }`,
      { input: { therapistId: suspended.therapistId, reason: 'License under board review' } },
      { token: admin.token },
    );
    expect(suspend.errors).toBeUndefined();
    expect(code(await t.gql(OPS.accept, { id: first.referral.id }, { token: suspended.token }))).toBe('FORBIDDEN');
    expect(code(await t.gql(OPS.visit, { input: visitInput(second.id) }, { token: suspended.token }))).toBe(
      'FORBIDDEN',
    );
    expect((await t.gql(OPS.read, { id: second.id }, { token: suspended.token })).errors).toBeUndefined();

    const replay = await created(t, doctor, input);
    expect(replay.referral.id).toBe(first.referral.id);
    expect(replay.accessCode).toBe(first.accessCode);
  });

  it('a renewal cannot take a prescription past 104 visits', async () => {
    const { referral } = await created(
      t,
      doctor,
      referralInput({ therapistId: therapist.therapistId }, { visitsAuthorized: 100 }),
    );
    await t.gql(OPS.accept, { id: referral.id }, { token: therapist.token });
    const res = await t.gql(
      OPS.renew,
      { input: { referralId: referral.id, additionalVisits: 5 } },
      { token: doctor.token },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.additionalVisits'] });
    expect(
      code(
        await t.gql(OPS.renew, { input: { referralId: referral.id, additionalVisits: 4 } }, { token: doctor.token }),
      ),
    ).toBeUndefined();
  });

  it('a therapist who declined keeps seeing the prescription as it was, not later renewals', async () => {
    const first = await verifiedTherapist(t, admin);
    const second = await verifiedTherapist(t, admin);
    const { referral } = await created(t, doctor, referralInput({ therapistId: first.therapistId }));
    expect(
      code(
        await t.gql(
          OPS.decline,
          { id: referral.id, reason: 'Not taking new patients this month' },
          { token: first.token },
        ),
      ),
    ).toBeUndefined();
    expect(
      code(await t.gql(OPS.choose, { id: referral.id, therapistId: second.therapistId }, { token: doctor.token })),
    ).toBeUndefined();
    expect(code(await t.gql(OPS.accept, { id: referral.id }, { token: second.token }))).toBeUndefined();
    const renewed = await t.gql<{ renewReferral: { prescription: { visitsAuthorized: number; expiresOn: string } } }>(
      OPS.renew,
      { input: { referralId: referral.id, additionalVisits: 6, newExpiresOn: isoDaysFromToday(200) } },
      { token: doctor.token },
    );
    expect(renewed.data!.renewReferral.prescription).toMatchObject({
      visitsAuthorized: referral.prescription.visitsAuthorized + 6,
      expiresOn: isoDaysFromToday(200),
    });
    const seen = await t.gql<{
      referral: { status: string; prescription: { visitsAuthorized: number; expiresOn: string } };
    }>(OPS.read, { id: referral.id }, { token: first.token });
    expect(seen.data!.referral.status).toBe('DECLINED');
    expect(seen.data!.referral.prescription).toMatchObject({
      visitsAuthorized: referral.prescription.visitsAuthorized,
      expiresOn: referral.prescription.expiresOn,
    });
  });

  it('a cancelled referral cannot be claimed (INVALID_STATE), and the attempt does not count as a wrong guess', async () => {
    const { referral, accessCode } = await created(t, doctor, referralInput());
    expect(
      code(await t.gql(OPS.cancel, { id: referral.id, reason: 'Sent in error' }, { token: doctor.token })),
    ).toBeUndefined();
    const patient = await register(t, 'PATIENT');
    expect(code(await t.gql(OPS.claim, { code: accessCode, dob: PATIENT_DOB }, { token: patient.token }))).toBe(
      'INVALID_STATE',
    );
    expect(await sql(t, `SELECT 1 FROM claim_failures WHERE referral_id = $1`, [referral.id])).toHaveLength(0);
    expect(await sql(t, `SELECT claimed_by FROM referrals WHERE id = $1`, [referral.id])).toEqual([
      { claimed_by: null },
    ]);
  });

  it('an unexpected failure rolls the change back, answers INTERNAL with a request id only, and is audited as FAILED', async () => {
    const { referral } = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    await t.gql(OPS.accept, { id: referral.id }, { token: therapist.token });
    await sql(t, 'ALTER TABLE visits RENAME TO visits_unavailable');
    try {
      const res = await t.gql(OPS.visit, { input: visitInput(referral.id) }, { token: therapist.token });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'INTERNAL', requestId: expect.any(String) });
      expect(res.errors![0].message).not.toMatch(/visits|relation|SQL|INSERT/i);
    } finally {
      await sql(t, 'ALTER TABLE visits_unavailable RENAME TO visits');
    }
    const [row] = await sql<{ visits_used: number; status: string }>(
      t,
      `SELECT visits_used, status FROM referrals WHERE id = $1`,
      [referral.id],
    );
    expect(row).toEqual({ visits_used: 0, status: 'ACCEPTED' });
    const audits = await sql(t, `SELECT outcome FROM audit_log WHERE referral_id = $1 AND action = 'RECORD_VISIT'`, [
      referral.id,
    ]);
    expect(audits).toEqual([{ outcome: 'FAILED' }]);
  });

  it('a forged list cursor is BAD_USER_INPUT naming after, not an internal error', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url');
    const res = await t.gql(
      `query($after: String) { referrals(first: 5, after: $after) { totalCount } }`,
      { after: forged },
      { token: doctor.token },
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
  });

  describe('error messages never repeat patient data', () => {
    const noPatientData = (message: string) => {
      expect(message).not.toContain(PATIENT_NAME);
      expect(message).not.toContain('zelda@example.test');
      expect(message).not.toMatch(/1961|1962/);
    };

    it('a malformed date names the field without quoting the value', async () => {
      const input = referralInput();
      const res = await createReferral(t, doctor, {
        ...input,
        patient: { fullName: PATIENT_NAME, dateOfBirth: '1961-02-30' },
      });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.patient.dateOfBirth'],
      });
      noPatientData(res.errors![0].message);
      const claim = await t.gql(
        OPS.claim,
        { code: 'ABCD-EFGH-JKLM', dob: '17/04/1962' },
        { token: (await register(t, 'PATIENT')).token },
      );
      expect(claim.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['dob'] });
      noPatientData(claim.errors![0].message);
    });

    it('a missing field names it without quoting the rest of the object', async () => {
      const res = await createReferral(t, doctor, {
        ...referralInput(),
        patient: { fullName: PATIENT_NAME, email: 'zelda@example.test' },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.patient'] });
      expect(res.errors![0].message).toContain('dateOfBirth');
      noPatientData(res.errors![0].message);
    });

    it('an unknown diagnosis code is named by position, not repeated', async () => {
      const res = await createReferral(t, doctor, referralInput({}, { diagnosisCodes: ['G56.01', 'F32.A9X'] }));
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.prescription.diagnosisCodes.1'],
      });
      expect(res.errors![0].message).not.toContain('F32.A9X');
    });

    it('a NUL character is refused up front, naming the field, and nothing is written', async () => {
      const input = referralInput();
      const res = await createReferral(t, doctor, {
        ...input,
        patient: { fullName: 'Zelda\u0000Quibblesworth', dateOfBirth: PATIENT_DOB },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.patient.fullName'] });
      expect(await sql(t, `SELECT 1 FROM referrals WHERE idempotency_key = $1`, [input.idempotencyKey])).toHaveLength(
        0,
      );
    });
  });
});
