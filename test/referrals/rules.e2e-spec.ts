import type { TestApp } from '@mmn/testing';
import {
  type Account,
  code,
  createReferral,
  created,
  isoDaysFromToday,
  OPS,
  PATIENT_DOB,
  type ProviderAccount,
  referralInput,
  register,
  sql,
  type TherapistAccount,
  verifiedTherapist,
  visitInput,
  setUpReferralSuite,
} from './referral-helpers';

describe('referral rules', () => {
  let t: TestApp, admin: Account, doctor: ProviderAccount, therapist: TherapistAccount;
  setUpReferralSuite((suite) => ({ t, admin, doctor, therapist } = suite));

  it.each([
    [{ diagnosisCodes: ['Z99.999'] }, 'input.prescription.diagnosisCodes.0'],
    [{ diagnosisCodes: [] }, 'input.prescription.diagnosisCodes'],
    [{ visitsPerWeek: 8 }, 'input.prescription.visitsPerWeek'],
    [{ durationWeeks: 53 }, 'input.prescription.durationWeeks'],
    [{ visitsAuthorized: 105 }, 'input.prescription.visitsAuthorized'],
    [{ sessionMinutes: 10 }, 'input.prescription.sessionMinutes'],
    [{ expiresOn: isoDaysFromToday(0) }, 'input.prescription.expiresOn'],
    [{ expiresOn: isoDaysFromToday(400) }, 'input.prescription.expiresOn'],
    [{ requestedTechniqueIds: ['levitation'] }, 'input.prescription.requestedTechniqueIds'],
  ])('refuses a bad prescription %p at %s', async (rx, field) => {
    const res = await createReferral(t, doctor, referralInput({}, rx));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.errors![0].extensions.fields).toContain(field);
  });

  it('refuses unverified or unknown therapists, providers without an NPI, and non-providers', async () => {
    const unverified = await verifiedTherapist(t, admin, false);
    for (const therapistId of [unverified.therapistId, '00000000-0000-4000-8000-000000000000']) {
      const res = await createReferral(t, doctor, referralInput({ therapistId }));
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.therapistId'] });
    }
    expect(code(await createReferral(t, await register(t, 'PROVIDER'), referralInput()))).toBe('FORBIDDEN');
    expect(code(await createReferral(t, therapist, referralInput()))).toBe('FORBIDDEN');
  });

  it('idempotency: same key + input replays (same id and code), other input is CONFLICT, 20 concurrent create one', async () => {
    const input = referralInput({ therapistId: therapist.therapistId });
    const first = await created(t, doctor, input);
    const again = await created(t, doctor, input);
    expect(again.referral.id).toBe(first.referral.id);
    expect(again.accessCode).toBe(first.accessCode);
    expect(
      code(
        await createReferral(t, doctor, { ...input, patient: { fullName: 'Someone Else', dateOfBirth: PATIENT_DOB } }),
      ),
    ).toBe('CONFLICT');

    const burst = referralInput();
    const results = await Promise.all(Array.from({ length: 20 }, () => createReferral(t, doctor, burst)));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(new Set(results.map((r) => r.data!.createReferral.referral.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.data!.createReferral.accessCode)).size).toBe(1);
    const rows = await sql(t, `SELECT id FROM referrals WHERE idempotency_key = $1`, [burst.idempotencyKey]);
    expect(rows).toHaveLength(1);
  });

  it('racing accept and decline: exactly one wins, the other gets CONFLICT or INVALID_STATE; one event and audit row', async () => {
    const { referral } = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    const [a, d] = await Promise.all([
      t.gql(OPS.accept, { id: referral.id }, { token: therapist.token }),
      t.gql(OPS.decline, { id: referral.id, reason: 'busy' }, { token: therapist.token }),
    ]);
    const outcomes = [a, d].map((r) => (r.errors ? r.errors[0].extensions.code : 'OK')).sort();
    expect(outcomes[0]).toMatch(/^(CONFLICT|INVALID_STATE)$/);
    expect(outcomes[1]).toBe('OK');
    const events = await sql(
      t,
      `SELECT type FROM referral_events WHERE referral_id = $1 AND type IN ('ACCEPTED','DECLINED')`,
      [referral.id],
    );
    expect(events).toHaveLength(1);
    const audits = await sql(
      t,
      `SELECT action FROM audit_log WHERE referral_id = $1 AND outcome = 'ALLOWED' AND action IN ('ACCEPT','DECLINE')`,
      [referral.id],
    );
    expect(audits).toHaveLength(1);
  });

  it('wrong state and wrong actor are INVALID_STATE for parties', async () => {
    const { referral } = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    expect(code(await t.gql(OPS.accept, { id: referral.id }, { token: doctor.token }))).toBe('INVALID_STATE');
    expect(code(await t.gql(OPS.visit, { input: visitInput(referral.id) }, { token: therapist.token }))).toBe(
      'INVALID_STATE',
    );
    expect(
      code(
        await t.gql(
          OPS.complete,
          { input: { referralId: referral.id, dischargeSummary: 'x', reachedMaximumMedicalImprovement: false } },
          { token: therapist.token },
        ),
      ),
    ).toBe('INVALID_STATE');
  });

  it('claim-code guessing: 5 wrong birth dates on one referral, or 20 wrong codes from one account per hour, are RATE_LIMITED', async () => {
    const { accessCode } = await created(t, doctor, referralInput());
    const guesser = await register(t, 'PATIENT');
    for (let i = 0; i < 5; i++) {
      expect(
        code(await t.gql(OPS.claim, { code: accessCode, dob: `1970-01-0${i + 1}` }, { token: guesser.token })),
      ).toBe('NOT_FOUND');
    }
    const patient = await register(t, 'PATIENT');
    expect(code(await t.gql(OPS.claim, { code: accessCode, dob: PATIENT_DOB }, { token: patient.token }))).toBe(
      'RATE_LIMITED',
    );

    const bruteforcer = await register(t, 'PATIENT');
    for (let i = 0; i < 20; i++) {
      expect(
        code(
          await t.gql(
            OPS.claim,
            { code: `WRONGCODE${String(i).padStart(3, '2')}`, dob: PATIENT_DOB },
            { token: bruteforcer.token },
          ),
        ),
      ).toBe('NOT_FOUND');
    }
    const fresh = await created(t, doctor, referralInput());
    expect(
      code(await t.gql(OPS.claim, { code: fresh.accessCode, dob: PATIENT_DOB }, { token: bruteforcer.token })),
    ).toBe('RATE_LIMITED');
  });

  it('the audit log is append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
    const { referral } = await created(t, doctor, referralInput());
    const rows = await sql<{ action: string; outcome: string; request_id: string }>(
      t,
      `SELECT action, outcome, request_id FROM audit_log WHERE referral_id = $1`,
      [referral.id],
    );
    expect(rows).toEqual([expect.objectContaining({ action: 'CREATE', outcome: 'ALLOWED' })]);
    await expect(
      sql(t, `UPDATE audit_log SET outcome = 'DENIED' WHERE referral_id = $1`, [referral.id]),
    ).rejects.toThrow(/append-only/);
    await expect(sql(t, `DELETE FROM audit_log WHERE referral_id = $1`, [referral.id])).rejects.toThrow(/append-only/);
    await expect(sql(t, `TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('reputation: accept, complete and endorse update the profile and queue the search document', async () => {
    const rep = await verifiedTherapist(t, admin);
    const { referral } = await created(t, doctor, referralInput({ therapistId: rep.therapistId }));
    const outboxBefore = (await sql(t, `SELECT id FROM search_outbox WHERE therapist_id = $1`, [rep.therapistId]))
      .length;
    const opts = { token: rep.token };
    expect(
      code(
        await t.gql(
          `mutation($id: ID!) { endorseTherapist(therapistId: $id) { id } }`,
          { id: rep.therapistId },
          { token: doctor.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    await t.gql(OPS.accept, { id: referral.id }, opts);
    await t.gql(OPS.visit, { input: visitInput(referral.id) }, opts);
    await t.gql(
      OPS.complete,
      { input: { referralId: referral.id, dischargeSummary: 'done', reachedMaximumMedicalImprovement: false } },
      opts,
    );
    const endorse = `mutation($id: ID!, $note: String) { endorseTherapist(therapistId: $id, note: $note) { id note createdAt provider { id npi locations { id } } } }`;
    const e = await t.gql<{ endorseTherapist: { provider: { id: string } } }>(
      endorse,
      { id: rep.therapistId, note: 'Excellent care' },
      { token: doctor.token },
    );
    expect(e.errors).toBeUndefined();
    expect(e.data!.endorseTherapist.provider.id).toBe(doctor.providerId);
    expect(code(await t.gql(endorse, { id: rep.therapistId }, { token: doctor.token }))).toBe('CONFLICT');

    const profile = await t.gql<{
      therapist: { reputation: Record<string, number>; endorsements: { note: string; provider: { id: string } }[] };
    }>(
      `query($id: ID!) { therapist(id: $id) { reputation { referringProviders completedReferrals endorsements } endorsements { note provider { id } } } }`,
      { id: rep.therapistId },
    );
    expect(profile.data!.therapist.reputation).toEqual({
      referringProviders: 1,
      completedReferrals: 1,
      endorsements: 1,
    });
    expect(profile.data!.therapist.endorsements).toEqual([
      { note: 'Excellent care', provider: { id: doctor.providerId } },
    ]);
    const outboxAfter = (await sql(t, `SELECT id FROM search_outbox WHERE therapist_id = $1`, [rep.therapistId]))
      .length;
    expect(outboxAfter - outboxBefore).toBe(3);
  });
});
