import type { TestApp } from '@mmn/testing';
import {
  type Account,
  claimedReferral,
  OPS,
  type ProviderAccount,
  setUpReferralSuite,
  type TherapistAccount,
} from '../referrals/referral-helpers';

const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id at actorId actorRole action referralId outcome requestId } }
  }
}`;

interface AuditPage {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { actorId: string; actorRole: string; action: string; referralId: string; outcome: string } }[];
  };
}

describe('admin: the audit log', () => {
  let t: TestApp, admin: Account, doctor: ProviderAccount, therapist: TherapistAccount;
  setUpReferralSuite((suite) => ({ t, admin, doctor, therapist } = suite));

  it("lists who did what to a referral, newest first and cursor paged, and records the administrator's read", async () => {
    const { referral, patient } = await claimedReferral(t, { doctor, therapist });
    await t.as(therapist).gql(OPS.accept, { id: referral.id });
    const outsider = await t.as(patient).gql(OPS.read, { id: '00000000-0000-4000-8000-000000000000' });
    expect(outsider.errors?.[0].extensions.code).toBe('NOT_FOUND');

    const all = await t.as(admin).gql<AuditPage>(AUDIT_LOG, { filter: { referralId: referral.id } });
    expect(all.errors).toBeUndefined();
    const actions = all.data!.auditLog.edges.map((e) => [e.node.actorRole, e.node.action, e.node.outcome]);
    expect(actions).toEqual([
      ['THERAPIST', 'ACCEPT', 'ALLOWED'],
      ['PATIENT', 'CLAIM', 'ALLOWED'],
      ['PROVIDER', 'CREATE', 'ALLOWED'],
    ]);
    expect(all.data!.auditLog.totalCount).toBe(3);

    // The administrator's read of this referral's log is now in it too.
    const firstPage = await t.as(admin).gql<AuditPage>(AUDIT_LOG, { filter: { referralId: referral.id }, first: 2 });
    expect(firstPage.data!.auditLog.edges.map((e) => [e.node.actorRole, e.node.action])).toEqual([
      ['ADMIN', 'READ_AUDIT_LOG'],
      ['THERAPIST', 'ACCEPT'],
    ]);
    expect(firstPage.data!.auditLog.pageInfo.hasNextPage).toBe(true);
    const secondPage = await t.as(admin).gql<AuditPage>(AUDIT_LOG, {
      filter: { referralId: referral.id },
      first: 2,
      after: firstPage.data!.auditLog.pageInfo.endCursor,
    });
    expect(secondPage.data!.auditLog.edges.map((e) => e.node.action)).toEqual(['CLAIM', 'CREATE']);
    expect(secondPage.data!.auditLog.pageInfo.hasNextPage).toBe(false);

    const reads = await t
      .as(admin)
      .gql<AuditPage>(AUDIT_LOG, { filter: { actorId: admin.userId, action: 'READ_AUDIT_LOG' } });
    expect(reads.data!.auditLog.totalCount).toBeGreaterThanOrEqual(3);
    const denied = await t
      .as(admin)
      .gql<AuditPage>(AUDIT_LOG, { filter: { outcome: 'DENIED', actorId: patient.userId } });
    expect(denied.data!.auditLog.edges.map((e) => e.node.action)).toEqual(['READ']);
  });

  it('is for administrators only, and refuses a forged cursor or a bad id filter', async () => {
    expect((await t.as(doctor).gql(AUDIT_LOG)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const forged = await t.as(admin).gql(AUDIT_LOG, { after: 'not-a-cursor' });
    expect(forged.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
    const badId = await t.as(admin).gql(AUDIT_LOG, { filter: { referralId: 'nope' } });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.referralId'] });
  });

  it('looks up diagnoses by code prefix, words and patient words for the composer', async () => {
    const run = async (text: string) =>
      (
        await t.gql<{ searchDiagnoses: { code: string }[] }>(
          `query($text: String!) { searchDiagnoses(text: $text, first: 5) { code } }`,
          { text },
        )
      ).data!.searchDiagnoses.map((d) => d.code);
    expect((await run('carpal')).every((code) => code.startsWith('G56.0'))).toBe(true);
    expect(await run('G56.01')).toEqual(['G56.01']);
    expect((await run('frozen shoulder')).some((code) => code.startsWith('M75.0'))).toBe(true);
    const tooLong = await t.gql(`query($text: String!) { searchDiagnoses(text: $text) { code } }`, {
      text: 'x'.repeat(201),
    });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['text'] });
  });
});
