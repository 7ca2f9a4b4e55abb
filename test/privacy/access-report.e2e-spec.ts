import {
  claimedReferral,
  code,
  OPS,
  register,
  setUpReferralSuite,
  sql,
  visitInput,
  type Account,
  type ReferralSuite,
} from '../referrals/referral-helpers';

const REPORT = `query($id: ID!) { referralAccessReport(referralId: $id) { at actorRole actorName action outcome } }`;
const AUDIT_LOG = `query($filter: AuditLogFilter) { auditLog(filter: $filter, first: 200) { totalCount } }`;

interface Entry {
  at: string;
  actorRole: string;
  actorName: string;
  action: string;
  outcome: string;
}

describe('privacy: the patient’s access report (referralAccessReport)', () => {
  let s: ReferralSuite;
  setUpReferralSuite((suite) => (s = suite));

  let referralId: string;
  let patient: Account;
  let names: { doctor: string; therapist: string; patient: string; admin: string; stranger: string };
  let stranger: Account;

  beforeAll(async () => {
    const claimed = await claimedReferral(s.t, s);
    referralId = claimed.referral.id;
    patient = claimed.patient;
    stranger = await register(s.t, 'PATIENT', 'Nosy Neighbour');
    const therapist = s.t.as(s.therapist);
    await therapist.gql(OPS.accept, { id: referralId });
    await therapist.gql(OPS.visit, { input: visitInput(referralId) });
    await s.t.as(s.doctor).gql(OPS.read, { id: referralId });
    // A stranger tries to read it: refused, and still something the patient should know about.
    expect(code(await s.t.as(stranger).gql(OPS.read, { id: referralId }))).toBe('NOT_FOUND');
    // An administrator looks at the audit log of this referral, and at the whole log.
    await s.t.as(s.admin).gql(AUDIT_LOG, { filter: { referralId } });
    const one = async (q: string, id: string) => (await sql<{ n: string }>(s.t, q, [id]))[0].n;
    names = {
      doctor: await one('SELECT display_name AS n FROM providers WHERE id = $1', s.doctor.providerId),
      therapist: await one('SELECT display_name AS n FROM therapists WHERE id = $1', s.therapist.therapistId),
      patient: await one('SELECT display_name AS n FROM users WHERE id = $1', patient.userId),
      admin: await one('SELECT display_name AS n FROM users WHERE id = $1', s.admin.userId),
      stranger: 'Nosy Neighbour',
    };
  });

  const report = async (account: Account) =>
    s.t.as(account).gql<{ referralAccessReport: Entry[] }>(REPORT, { id: referralId });

  it('lists every access, newest first: when, which party by role and name, what they did, the outcome', async () => {
    const res = await report(patient);
    expect(res.errors).toBeUndefined();
    const entries = res.data!.referralAccessReport;
    const seen = entries.map((e) => `${e.actorRole} ${e.actorName} ${e.action} ${e.outcome}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        `PROVIDER ${names.doctor} CREATE ALLOWED`,
        `PATIENT ${names.patient} CLAIM ALLOWED`,
        `THERAPIST ${names.therapist} ACCEPT ALLOWED`,
        `THERAPIST ${names.therapist} RECORD_VISIT ALLOWED`,
        `PROVIDER ${names.doctor} READ ALLOWED`,
        `PATIENT ${names.stranger} READ DENIED`,
        `ADMIN ${names.admin} READ_AUDIT_LOG ALLOWED`,
      ]),
    );
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(entries.at(-1)).toMatchObject({ actorRole: 'PROVIDER', action: 'CREATE' });
    // The audit rows of the referral, no more and no fewer (the report's own read is recorded after it).
    const [{ count }] = await sql<{ count: number }>(
      s.t,
      `SELECT count(*)::int AS count FROM audit_log WHERE referral_id = $1 AND action <> 'READ_ACCESS_REPORT'`,
      [referralId],
    );
    expect(entries.filter((e) => e.action !== 'READ_ACCESS_REPORT')).toHaveLength(count);
  });

  it('includes an administrator’s read of the whole audit log that showed this referral', async () => {
    const before = (await report(patient)).data!.referralAccessReport.filter((e) => e.action === 'READ_AUDIT_LOG');
    await s.t.as(s.admin).gql(AUDIT_LOG, {});
    const after = (await report(patient)).data!.referralAccessReport.filter((e) => e.action === 'READ_AUDIT_LOG');
    expect(after).toHaveLength(before.length + 1);
    expect(after[0]).toMatchObject({ actorRole: 'ADMIN', actorName: names.admin, outcome: 'ALLOWED' });
  });

  it('is audited: reading the report shows up in the next one', async () => {
    await report(patient);
    const entries = (await report(patient)).data!.referralAccessReport;
    expect(entries[0]).toMatchObject({ actorRole: 'PATIENT', actorName: names.patient, action: 'READ_ACCESS_REPORT' });
  });

  it('is NOT_FOUND for everyone but the claiming patient (and each refusal is audited as DENIED)', async () => {
    for (const account of [s.doctor, s.therapist, s.admin, stranger]) {
      const res = await report(account);
      expect(code(res)).toBe('NOT_FOUND');
      expect(res.data?.referralAccessReport ?? null).toBeNull();
    }
    const denied = await sql<{ actor_id: string }>(
      s.t,
      `SELECT actor_id FROM audit_log WHERE referral_id = $1 AND action = 'READ_ACCESS_REPORT' AND outcome = 'DENIED'`,
      [referralId],
    );
    expect(new Set(denied.map((d) => d.actor_id))).toEqual(
      new Set([s.doctor.userId, s.therapist.userId, s.admin.userId, stranger.userId]),
    );
    // Unknown and malformed ids answer the same as someone else's referral.
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(code(await s.t.as(patient).gql(REPORT, { id }))).toBe('NOT_FOUND');
    }
    expect(code(await s.t.gql(REPORT, { id: referralId }))).toBe('UNAUTHENTICATED');
  });
});
