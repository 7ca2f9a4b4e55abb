import { randomInt } from 'crypto';
import { withNpiCheckDigit } from '@mmn/shared';
import { createTestApp, type TestApp } from '@mmn/testing';
import {
  type Account,
  createReferral,
  OPS,
  provider,
  referralInput,
  signInAdmin,
  verifiedTherapist,
} from '../referrals/referral-helpers';

const VERIFY = `mutation($input: VerifyProviderInput!) { verifyProvider(input: $input) { status source note verifiedAt } }`;
const MINE = `{ myProviderProfile { npi verification { status source } } }`;
const PENDING = `{ pendingProviderVerifications { id npi verification { status } } }`;
const REPUTATION = `query($id: ID!) { therapist(id: $id) { reputation { referringProviders } } }`;
const newNpi = () => withNpiCheckDigit(`1${String(randomInt(0, 99_999_999)).padStart(8, '0')}`);

describe('trust: prescribers are verified too', () => {
  let t: TestApp;
  let admin: Account;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t);
  });
  afterAll(() => t.close());

  it('refuses referrals from a prescriber whose NPI is pending, saying why and what to do; verified, they send', async () => {
    const therapist = await verifiedTherapist(t, admin);
    const doctor = await provider(t, { verified: false });
    const mine = await t.as(doctor).gql<{ myProviderProfile: { verification: { status: string } } }>(MINE);
    expect(mine.data!.myProviderProfile.verification.status).toBe('PENDING');
    const refused = await createReferral(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/waiting for verification against the NPPES registry/);

    const queue = await t.as(admin).gql<{ pendingProviderVerifications: { id: string }[] }>(PENDING);
    expect(queue.data!.pendingProviderVerifications.map((p) => p.id)).toContain(doctor.providerId);
    const verified = await t.as(admin).gql(VERIFY, {
      input: {
        providerId: doctor.providerId,
        status: 'VERIFIED',
        source: 'NPPES NPI Registry: name and taxonomy match',
      },
    });
    expect(verified.data).toMatchObject({
      verifyProvider: { status: 'VERIFIED', source: 'NPPES NPI Registry: name and taxonomy match' },
    });
    const sent = await createReferral(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    expect(sent.errors).toBeUndefined();
    const after = await t.as(admin).gql<{ pendingProviderVerifications: { id: string }[] }>(PENDING);
    expect(after.data!.pendingProviderVerifications.map((p) => p.id)).not.toContain(doctor.providerId);
  });

  it('tells a rejected prescriber to correct the NPI; a changed NPI goes back to PENDING', async () => {
    const doctor = await provider(t);
    await t.as(admin).gql(VERIFY, {
      input: { providerId: doctor.providerId, status: 'REJECTED', source: 'NPPES', note: 'The registry name differs' },
    });
    const refused = await createReferral(t, doctor, referralInput());
    expect(refused.errors?.[0].message).toMatch(/correct it in your provider profile/);
    await t
      .as(doctor)
      .gql(`mutation($input: ProviderProfileInput!) { updateMyProviderProfile(input: $input) { id } }`, {
        input: { npi: newNpi() },
      });
    const mine = await t
      .as(doctor)
      .gql<{ myProviderProfile: { verification: { status: string; source: null } } }>(MINE);
    expect(mine.data!.myProviderProfile.verification).toEqual({ status: 'PENDING', source: null });
  });

  it('lets only administrators see the queue and verify', async () => {
    const doctor = await provider(t, { verified: false });
    expect((await t.as(doctor).gql(PENDING)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const res = await t.as(doctor).gql(VERIFY, {
      input: { providerId: doctor.providerId, status: 'VERIFIED', source: 'myself' },
    });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('trust: only verified prescribers count toward reputation', () => {
  let t: TestApp;
  let admin: Account;
  beforeAll(async () => {
    // Verification not required to send, so an unverified prescriber's referral can be accepted at all.
    t = await createTestApp({ requireVerifiedPrescribers: false });
    admin = await signInAdmin(t);
  });
  afterAll(() => t.close());

  it('counts a prescriber once verified, and no longer once their NPI changes', async () => {
    const therapist = await verifiedTherapist(t, admin);
    const doctor = await provider(t, { verified: false });
    const referral = await createReferral(t, doctor, referralInput({ therapistId: therapist.therapistId }));
    expect(referral.errors).toBeUndefined();
    const accepted = await t.as(therapist).gql(OPS.accept, { id: referral.data!.createReferral.referral.id });
    expect(accepted.errors).toBeUndefined();
    const count = async () =>
      (
        await t.gql<{ therapist: { reputation: { referringProviders: number } } }>(REPUTATION, {
          id: therapist.therapistId,
        })
      ).data!.therapist.reputation.referringProviders;
    expect(await count()).toBe(0);
    await t.as(admin).gql(VERIFY, { input: { providerId: doctor.providerId, status: 'VERIFIED', source: 'NPPES' } });
    expect(await count()).toBe(1);
    await t
      .as(doctor)
      .gql(`mutation($input: ProviderProfileInput!) { updateMyProviderProfile(input: $input) { id } }`, {
        input: { npi: newNpi() },
      });
    expect(await count()).toBe(0);
  });
});
