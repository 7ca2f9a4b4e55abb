import { nextStatus, ReferralAction, type ReferralActor, ReferralStatus } from '@mmn/referrals';
import { createTestApp, type TestApp } from '@mmn/testing';
import {
  type Account,
  code,
  created,
  OPS,
  PATIENT_DOB,
  provider,
  referralInput,
  register,
  signInAdmin,
  sql,
  verifiedTherapist,
  visitInput,
} from './referral-helpers';

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
    [
      'COMPLETE',
      OPS.complete,
      { input: { referralId, dischargeSummary: 'x', reachedMaximumMedicalImprovement: false } },
    ],
    ['CANCEL', OPS.cancel, { id: referralId, reason: 'no' }],
  ];

  it('every referral operation × every non-party role answers NOT_FOUND and writes a DENIED audit row', async () => {
    for (const [role, account] of Object.entries(outsiders)) {
      for (const [action, query, variables] of operations()) {
        const res = await t.gql(query, variables, { token: account.token });
        expect([role, action, code(res)]).toEqual([role, action, 'NOT_FOUND']);
        const rows = await sql(
          t,
          `SELECT 1 FROM audit_log WHERE actor_id = $1 AND action = $2 AND referral_id = $3 AND outcome = 'DENIED'`,
          [account.userId, action, referralId],
        );
        expect([role, action, rows.length]).toEqual([role, action, 1]);
      }
      const list = await t.gql<{ referrals: { totalCount: number } }>(
        `{ referrals { totalCount } }`,
        {},
        { token: account.token },
      );
      expect(list.data!.referrals.totalCount).toBe(0);
    }
    const status = await t.gql<{ referral: { status: string } }>(
      `query($id: ID!) { referral(id: $id) { status } }`,
      { id: referralId },
      { token: parties.PROVIDER.token },
    );
    expect(status.data!.referral.status).toBe('SENT');
  });

  it('every party can read it and list it (each read audited); wrong-role operations are INVALID_STATE, not NOT_FOUND', async () => {
    for (const [role, account] of Object.entries(parties)) {
      const read = await t.gql(OPS.read, { id: referralId }, { token: account.token });
      expect([role, read.errors]).toEqual([role, undefined]);
      const list = await t.gql<{ referrals: { edges: { node: { id: string } }[] } }>(
        `{ referrals { edges { node { id } } } }`,
        {},
        { token: account.token },
      );
      expect(list.data!.referrals.edges.map((e) => e.node.id)).toContain(referralId);
      const audits = await sql(
        t,
        `SELECT action FROM audit_log WHERE actor_id = $1 AND referral_id = $2 AND outcome = 'ALLOWED' AND action IN ('READ','LIST')`,
        [account.userId, referralId],
      );
      expect(audits.length).toBeGreaterThanOrEqual(2);
    }
    expect(code(await t.gql(OPS.accept, { id: referralId }, { token: parties.PROVIDER.token }))).toBe('INVALID_STATE');
    expect(code(await t.gql(OPS.accept, { id: referralId }, { token: parties.PATIENT.token }))).toBe('INVALID_STATE');
    expect(
      code(await t.gql(OPS.renew, { input: { referralId, additionalVisits: 1 } }, { token: parties.THERAPIST.token })),
    ).toBe('INVALID_STATE');
    expect(code(await t.gql(OPS.cancel, { id: referralId, reason: 'x' }, { token: parties.THERAPIST.token }))).toBe(
      'INVALID_STATE',
    );
  });

  it('every change × every party, in SENT and ACCEPTED: done exactly when the state machine allows it, else INVALID_STATE; each audited', async () => {
    const admin = await signInAdmin(t);
    const doctor = parties.PROVIDER;
    const changes = (id: string): [ReferralAction, string, Record<string, unknown>][] => [
      [ReferralAction.CHOOSE_THERAPIST, OPS.choose, { id, therapistId: spareTherapistId }],
      [ReferralAction.ACCEPT, OPS.accept, { id }],
      [ReferralAction.DECLINE, OPS.decline, { id, reason: 'Fully booked' }],
      [ReferralAction.RECORD_VISIT, OPS.visit, { input: visitInput(id) }],
      [ReferralAction.ADD_PROGRESS_NOTE, OPS.note, { id, note: 'Range of motion improving.' }],
      [ReferralAction.RENEW, OPS.renew, { input: { referralId: id, additionalVisits: 1 } }],
      [
        ReferralAction.COMPLETE,
        OPS.complete,
        { input: { referralId: id, dischargeSummary: 'Goals met.', reachedMaximumMedicalImprovement: false } },
      ],
      [ReferralAction.CANCEL, OPS.cancel, { id, reason: 'Patient moved away' }],
    ];
    const therapist = await verifiedTherapist(t, admin);
    const patient = await register(t, 'PATIENT');
    const accounts: [ReferralActor, Account][] = [
      ['PROVIDER', doctor],
      ['THERAPIST', therapist],
      ['PATIENT', patient],
    ];
    for (const state of [ReferralStatus.SENT, ReferralStatus.ACCEPTED]) {
      for (const [role, account] of accounts) {
        for (const [action] of changes('')) {
          // A fresh referral in the state under test for each change, claimed by the patient.
          const made = await created(t, doctor, referralInput({ therapistId: therapist.therapistId }));
          expect(
            (await t.gql(OPS.claim, { code: made.accessCode, dob: PATIENT_DOB }, { token: patient.token })).errors,
          ).toBeUndefined();
          if (state === ReferralStatus.ACCEPTED)
            expect(code(await t.gql(OPS.accept, { id: made.referral.id }, { token: therapist.token }))).toBeUndefined();
          const [, query, variables] = changes(made.referral.id).find(([a]) => a === action)!;
          const allowed = nextStatus(state, action, role) !== null;
          const [{ mark }] = await sql<{ mark: string }>(t, `SELECT coalesce(max(id), 0)::text AS mark FROM audit_log`);
          const res = await t.gql(query, variables, { token: account.token });
          expect([state, role, action, code(res) ?? 'OK']).toEqual([
            state,
            role,
            action,
            allowed ? 'OK' : 'INVALID_STATE',
          ]);
          const audit = await sql<{ outcome: string }>(
            t,
            `SELECT outcome FROM audit_log WHERE id > $1 AND actor_id = $2 AND referral_id = $3 AND action = $4`,
            [mark, account.userId, made.referral.id, action],
          );
          expect([state, role, action, audit.map((a) => a.outcome)]).toEqual([
            state,
            role,
            action,
            [allowed ? 'ALLOWED' : 'REFUSED'],
          ]);
        }
      }
    }

    // A therapist who declined keeps read access to what they saw, and can change nothing.
    const decliner = await verifiedTherapist(t, admin);
    const { referral } = await created(t, doctor, referralInput({ therapistId: decliner.therapistId }));
    expect(
      code(
        await t.gql(OPS.decline, { id: referral.id, reason: 'Outside my practice area' }, { token: decliner.token }),
      ),
    ).toBeUndefined();
    expect((await t.gql(OPS.read, { id: referral.id }, { token: decliner.token })).errors).toBeUndefined();
    for (const [action, query, variables] of changes(referral.id)) {
      expect([action, code(await t.gql(query, variables, { token: decliner.token }))]).toEqual([
        action,
        'INVALID_STATE',
      ]);
    }
  });

  it('unknown and malformed ids are NOT_FOUND as well', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(code(await t.gql(OPS.read, { id }, { token: parties.PROVIDER.token }))).toBe('NOT_FOUND');
    }
  });
});
