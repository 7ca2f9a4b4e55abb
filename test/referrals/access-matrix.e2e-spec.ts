import { createTestApp, type TestApp } from '@mmn/testing';
import { type Account, code, created, OPS, PATIENT_DOB, provider, referralInput, register, signInAdmin, sql, verifiedTherapist, visitInput } from './referral-helpers';

describe('referral access matrix', () => {
  let t: TestApp;
  let referralId: string;
  let parties: Record<string, Account>;
  let outsiders: Record<string, Account>;
  let spareTherapistId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await signInAdmin(t);
    const doctor = await provider(t);
    const therapist = await verifiedTherapist(t, admin);
    spareTherapistId = (await verifiedTherapist(t, admin)).therapistId;
    const patient = await register(t, 'PATIENT');
    const made = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    referralId = made.referral.id;
    const claim = await t.gql(OPS.claim, { code: made.accessCode, dob: PATIENT_DOB }, { token: patient.token });
    expect(claim.errors).toBeUndefined();
    parties = { PROVIDER: doctor, THERAPIST: therapist, PATIENT: patient };
    outsiders = {
      PROVIDER: await provider(t),
      THERAPIST: await verifiedTherapist(t, admin),
      PATIENT: await register(t, 'PATIENT'),
      ADMIN: admin,
    };
  });
  afterAll(() => t.close());

  const operations = (): [string, string, Record<string, unknown>][] => [
    ['READ', OPS.read, { id: referralId }],
    ['CHOOSE_THERAPIST', OPS.choose, { id: referralId, therapistId: spareTherapistId }],
    ['ACCEPT', OPS.accept, { id: referralId }],
    ['DECLINE', OPS.decline, { id: referralId, reason: 'no' }],
    ['RECORD_VISIT', OPS.visit, { input: visitInput(referralId) }],
    ['ADD_PROGRESS_NOTE', OPS.note, { id: referralId, note: 'note' }],
    ['RENEW', OPS.renew, { input: { referralId, additionalVisits: 1 } }],
    ['COMPLETE', OPS.complete, { input: { referralId, dischargeSummary: 'x', reachedMaximumMedicalImprovement: false } }],
    ['CANCEL', OPS.cancel, { id: referralId, reason: 'no' }],
  ];

  it('every referral operation × every non-party role answers NOT_FOUND and writes a DENIED audit row', async () => {
    for (const [role, account] of Object.entries(outsiders)) {
      for (const [action, query, variables] of operations()) {
        const res = await t.gql(query, variables, { token: account.token });
        expect([role, action, code(res)]).toEqual([role, action, 'NOT_FOUND']);
        const rows = await sql(t, `SELECT 1 FROM audit_log WHERE actor_id = $1 AND action = $2 AND referral_id = $3 AND outcome = 'DENIED'`, [account.userId, action, referralId]);
        expect([role, action, rows.length]).toEqual([role, action, 1]);
      }
      const list = await t.gql<{ referrals: { totalCount: number } }>(`{ referrals { totalCount } }`, {}, { token: account.token });
      expect(list.data!.referrals.totalCount).toBe(0);
    }
    const status = await t.gql<{ referral: { status: string } }>(`query($id: ID!) { referral(id: $id) { status } }`, { id: referralId }, { token: parties.PROVIDER.token });
    expect(status.data!.referral.status).toBe('SENT');
  });

  it('every party can read it and list it (each read audited); wrong-role operations are INVALID_STATE, not NOT_FOUND', async () => {
    for (const [role, account] of Object.entries(parties)) {
      const read = await t.gql(OPS.read, { id: referralId }, { token: account.token });
      expect([role, read.errors]).toEqual([role, undefined]);
      const list = await t.gql<{ referrals: { edges: { node: { id: string } }[] } }>(`{ referrals { edges { node { id } } } }`, {}, { token: account.token });
      expect(list.data!.referrals.edges.map((e) => e.node.id)).toContain(referralId);
      const audits = await sql(t, `SELECT action FROM audit_log WHERE actor_id = $1 AND referral_id = $2 AND outcome = 'ALLOWED' AND action IN ('READ','LIST')`, [account.userId, referralId]);
      expect(audits.length).toBeGreaterThanOrEqual(2);
    }
    expect(code(await t.gql(OPS.accept, { id: referralId }, { token: parties.PROVIDER.token }))).toBe('INVALID_STATE');
    expect(code(await t.gql(OPS.accept, { id: referralId }, { token: parties.PATIENT.token }))).toBe('INVALID_STATE');
    expect(code(await t.gql(OPS.renew, { input: { referralId, additionalVisits: 1 } }, { token: parties.THERAPIST.token }))).toBe('INVALID_STATE');
    expect(code(await t.gql(OPS.cancel, { id: referralId, reason: 'x' }, { token: parties.THERAPIST.token }))).toBe('INVALID_STATE');
  });

  it('unknown and malformed ids are NOT_FOUND as well', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(code(await t.gql(OPS.read, { id }, { token: parties.PROVIDER.token }))).toBe('NOT_FOUND');
    }
  });
});
