import type { TestApp } from '@mmn/testing';
import {
  type Account,
  claimedReferral,
  OPS,
  type ProviderAccount,
  setUpReferralSuite,
  sql,
  type TherapistAccount,
  verifiedTherapist,
  visitInput,
} from './referral-helpers';

const START = `mutation($input: StartTransferInput!) {
  startTransfer(input: $input) { id status prescription { visitsAuthorized expiresOn } continues { id status } }
}`;
const SUMMARY = `mutation($id: ID!, $summary: String!) { submitTransferSummary(referralId: $id, summary: $summary) { id transferSummary } }`;
const SHARING = `mutation($id: ID!, $share: Boolean!, $soap: Boolean) {
  setHistorySharing(referralId: $id, shareHistory: $share, shareSoapNotes: $soap) { id historyShared soapNotesShared }
}`;
const READ = `query($id: ID!) {
  referral(id: $id) {
    id status transferSummary historyShared continues { id } continuedBy { id }
    prescription { visitsAuthorized }
    earlierCare { transferSummary visits { occurredOn techniqueIds soapNote } progressNotes { note } }
  }
}`;

interface Read {
  referral: {
    id: string;
    status: string;
    transferSummary: string | null;
    continues: { id: string } | null;
    continuedBy: { id: string } | null;
    earlierCare: {
      transferSummary: string | null;
      visits: { soapNote: string | null }[];
      progressNotes: { note: string }[];
    } | null;
  };
}

describe('referrals: care that moves with the patient', () => {
  let t: TestApp, admin: Account, doctor: ProviderAccount, therapist: TherapistAccount;
  setUpReferralSuite((suite) => ({ t, admin, doctor, therapist } = suite));

  /** A referral of 8 visits, accepted by `therapist`, with 3 visits and a progress note recorded. */
  async function careUnderWay() {
    const { referral, patient } = await claimedReferral(t, { doctor, therapist });
    await t.as(therapist).gql(OPS.accept, { id: referral.id });
    for (let i = 0; i < 3; i++) await t.as(therapist).gql(OPS.visit, { input: visitInput(referral.id) });
    await t.as(therapist).gql(OPS.note, { id: referral.id, note: 'Grip strength improving' });
    return { referral, patient };
  }

  it('continues a referral in a new city: the rest of the visits, the same expiry, history only with consent', async () => {
    const { referral, patient } = await careUnderWay();
    const started = await t.as(patient).gql<{
      startTransfer: { id: string; status: string; prescription: { visitsAuthorized: number; expiresOn: string } };
    }>(START, { input: { referralId: referral.id, newCity: 'Miami, FL', reason: 'I am moving to Miami' } });
    expect(started.errors).toBeUndefined();
    const continuation = started.data!.startTransfer;
    expect(continuation).toMatchObject({
      status: 'OPEN',
      prescription: { visitsAuthorized: 5, expiresOn: referral.prescription.expiresOn },
      continues: { id: referral.id, status: 'TRANSFERRED' },
    });

    // The patient picks a therapist near Miami, who accepts; the old therapist then writes the summary.
    const newTherapist = await verifiedTherapist(t, admin);
    const chosen = await t.as(patient).gql(OPS.choose, { id: continuation.id, therapistId: newTherapist.therapistId });
    expect(chosen.errors).toBeUndefined();
    expect((await t.as(newTherapist).gql(OPS.accept, { id: continuation.id })).errors).toBeUndefined();
    const summary = await t.as(therapist).gql(SUMMARY, { id: referral.id, summary: 'Six weeks of MFR; keep going.' });
    expect(summary.errors).toBeUndefined();

    const asNew = async () => (await t.as(newTherapist).gql<Read>(READ, { id: continuation.id })).data!.referral;
    expect(await asNew()).toMatchObject({ transferSummary: null, earlierCare: null, continues: null });

    await t.as(patient).gql(SHARING, { id: continuation.id, share: true });
    const shared = await asNew();
    expect(shared.transferSummary).toBe('Six weeks of MFR; keep going.');
    expect(shared.earlierCare!.visits).toHaveLength(3);
    expect(shared.earlierCare!.visits.every((v) => v.soapNote === null)).toBe(true);
    expect(shared.earlierCare!.progressNotes.map((n) => n.note)).toEqual(['Grip strength improving']);
    await t.as(patient).gql(SHARING, { id: continuation.id, share: true, soap: true });
    expect((await asNew()).earlierCare!.visits[0].soapNote).toBe('S: wrist pain 6/10. P: continue.');
    await t.as(patient).gql(SHARING, { id: continuation.id, share: false });
    expect(await asNew()).toMatchObject({ transferSummary: null, earlierCare: null });

    // The old therapist keeps the old referral, never the continuation; both sides link for the patient.
    const old = await t.as(therapist).gql<Read>(READ, { id: referral.id });
    expect(old.data!.referral).toMatchObject({ status: 'TRANSFERRED', continuedBy: null });
    expect((await t.as(therapist).gql(READ, { id: continuation.id })).errors?.[0].extensions.code).toBe('NOT_FOUND');
    const mine = await t.as(patient).gql<Read>(READ, { id: referral.id });
    expect(mine.data!.referral.continuedBy).toEqual({ id: continuation.id });
  });

  it('only the patient decides on sharing; only the old therapist writes the summary', async () => {
    const { referral, patient } = await careUnderWay();
    const started = await t.as(doctor).gql<{ startTransfer: { id: string } }>(START, {
      input: { referralId: referral.id, newCity: '33130', reason: 'Patient relocating' },
    });
    const continuationId = started.data!.startTransfer.id;
    expect((await t.as(doctor).gql(SHARING, { id: continuationId, share: true })).errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await t.as(patient).gql(SUMMARY, { id: referral.id, summary: 'x' })).errors?.[0].extensions.code).toBe(
      'INVALID_STATE',
    );
  });

  it('makes one continuation when two transfers start at once, and refuses an unknown city', async () => {
    const { referral, patient } = await careUnderWay();
    const unknown = await t.as(patient).gql(START, {
      input: { referralId: referral.id, newCity: 'Atlantis, ZZ', reason: 'moving' },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.newCity'] });
    const input = { referralId: referral.id, newCity: 'Miami, FL', reason: 'moving' };
    const results = await Promise.all([t.as(patient).gql(START, { input }), t.as(therapist).gql(START, { input })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(['CONFLICT', 'INVALID_STATE']).toContain(results.find((r) => r.errors)!.errors![0].extensions.code);
    const rows = await sql(t, `SELECT id FROM referrals WHERE continues_id = $1`, [referral.id]);
    expect(rows).toHaveLength(1);
  });
});
