import { createTestApp, type TestApp } from '@mmn/testing';
import { COLUMBUS, isoDaysFromToday, MIAMI, register, signInAdmin, type Account } from './directory-helpers';

const ADD_LICENSE = `mutation($input: LicenseInput!) { addLicense(input: $input) { id state licenseNumber issuedOn expiresOn verification { status verifiedAt source note } } }`;
const VERIFY = `mutation($input: VerifyCredentialInput!) { verifyCredential(input: $input) { status verifiedAt source note } }`;
const ADD_LOCATION = `mutation($input: PracticeLocationInput!) { addPracticeLocation(input: $input) { id } }`;
const PROFILE = `{ myTherapistProfile { id verified licenses { id verification { status } } certifications { id verification { status } } networkMemberships { id network { id } verification { status } } } }`;

interface Profile {
  id: string;
  verified: boolean;
  licenses: { id: string; verification: { status: string } }[];
  networkMemberships: { id: string; network: { id: string }; verification: { status: string } }[];
}

describe('credentials and verification', () => {
  let t: TestApp;
  let admin: Account;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t);
  });
  afterAll(() => t.close());

  const profile = async (account: Account) =>
    (await t.gql<{ myTherapistProfile: Profile }>(PROFILE, {}, { token: account.token })).data!.myTherapistProfile;
  const addLicense = (account: Account, input: Record<string, unknown>) =>
    t.gql<{ addLicense: { id: string; licenseNumber: string; verification: { status: string } } }>(
      ADD_LICENSE,
      { input },
      { token: account.token },
    );
  const verify = (token: string, id: string, status = 'VERIFIED', kind = 'LICENSE') =>
    t.gql<{ verifyCredential: { status: string; verifiedAt: string | null; source: string; note: string | null } }>(
      VERIFY,
      {
        input: {
          kind,
          credentialId: id,
          status,
          source: 'Florida Board of Massage Therapy online lookup',
          note: 'active, no discipline',
        },
      },
      { token },
    );

  it('adds a license as PENDING with a trimmed number, and validates state and dates', async () => {
    const therapist = await register(t, 'THERAPIST');
    const ok = await addLicense(therapist, {
      state: 'fl',
      licenseNumber: '  MA12345 ',
      issuedOn: '2022-01-01',
      expiresOn: '2027-08-31',
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.addLicense).toMatchObject({ licenseNumber: 'MA12345', verification: { status: 'PENDING' } });
    const badState = await addLicense(therapist, { state: 'XX', licenseNumber: '1', expiresOn: '2027-08-31' });
    expect(badState.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.state'] });
    const badDates = await addLicense(therapist, {
      state: 'FL',
      licenseNumber: '2',
      issuedOn: '2027-01-01',
      expiresOn: '2026-01-01',
    });
    expect(badDates.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.expiresOn'] });
    const duplicate = await addLicense(therapist, { state: 'FL', licenseNumber: 'MA12345', expiresOn: '2027-08-31' });
    expect(duplicate.errors?.[0].extensions.code).toBe('CONFLICT');
  });

  it('lets an admin verify a pending credential and records who and when; others are FORBIDDEN', async () => {
    const therapist = await register(t, 'THERAPIST');
    const license = (
      await addLicense(therapist, { state: 'FL', licenseNumber: 'MA1', expiresOn: isoDaysFromToday(365) })
    ).data!.addLicense;

    const pending = await t.gql<{
      pendingCredentials: { kind: string; credentialId: string; therapist: { id: string }; submittedAt: string }[];
    }>(`{ pendingCredentials { kind credentialId submittedAt therapist { id } } }`, {}, { token: admin.token });
    expect(pending.errors).toBeUndefined();
    expect(pending.data!.pendingCredentials).toContainEqual(
      expect.objectContaining({ kind: 'LICENSE', credentialId: license.id }),
    );

    for (const other of [therapist, await register(t, 'PROVIDER')]) {
      const refused = await verify(other.token, license.id);
      expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    const pendingForbidden = await t.gql(`{ pendingCredentials { credentialId } }`, {}, { token: therapist.token });
    expect(pendingForbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');

    const verified = await verify(admin.token, license.id);
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyCredential).toMatchObject({
      status: 'VERIFIED',
      source: 'Florida Board of Massage Therapy online lookup',
      note: 'active, no discipline',
    });
    expect(Date.parse(verified.data!.verifyCredential.verifiedAt!)).toBeGreaterThan(Date.now() - 60_000);

    const history = await t.gql<{
      therapistChangeHistory: { actorId: string; entity: string; field: string; newValue: string | null }[];
    }>(
      `query($id: ID!) { therapistChangeHistory(therapistId: $id) { actorId entity field newValue } }`,
      { id: (await profile(therapist)).id },
      { token: admin.token },
    );
    expect(history.data!.therapistChangeHistory).toEqual(
      expect.arrayContaining([
        { actorId: admin.userId, entity: 'License', field: 'status', newValue: 'VERIFIED' },
        { actorId: admin.userId, entity: 'License', field: 'verifiedBy', newValue: admin.userId },
      ]),
    );
    const after = await t.gql<{ pendingCredentials: { credentialId: string }[] }>(
      `{ pendingCredentials(first: 50) { credentialId } }`,
      {},
      { token: admin.token },
    );
    expect(after.data!.pendingCredentials.map((p) => p.credentialId)).not.toContain(license.id);
  });

  it('refuses a verification status other than VERIFIED or REJECTED, and unknown credentials', async () => {
    const therapist = await register(t, 'THERAPIST');
    const license = (
      await addLicense(therapist, { state: 'FL', licenseNumber: 'MA2', expiresOn: isoDaysFromToday(365) })
    ).data!.addLicense;
    const expired = await verify(admin.token, license.id, 'EXPIRED');
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.status'] });
    const unknown = await verify(admin.token, '00000000-0000-4000-8000-000000000000');
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const wrongKind = await verify(admin.token, license.id, 'REJECTED', 'CERTIFICATION');
    expect(wrongKind.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const rejected = await verify(admin.token, license.id, 'REJECTED');
    expect(rejected.data!.verifyCredential.status).toBe('REJECTED');
  });

  it('reads a VERIFIED license past its expiry date as EXPIRED, and it no longer verifies the therapist', async () => {
    const therapist = await register(t, 'THERAPIST');
    await t.gql(ADD_LOCATION, { input: MIAMI }, { token: therapist.token });
    const license = (
      await addLicense(therapist, {
        state: 'FL',
        licenseNumber: 'MA-OLD',
        issuedOn: '2019-01-01',
        expiresOn: isoDaysFromToday(-1),
      })
    ).data!.addLicense;
    const verified = await verify(admin.token, license.id);
    expect(verified.data!.verifyCredential.status).toBe('EXPIRED');
    const read = await profile(therapist);
    expect(read.licenses[0].verification.status).toBe('EXPIRED');
    expect(read.verified).toBe(false);
    const publicRead = await t.gql<{ therapist: { licenses: { verification: { status: string } }[] } }>(
      `query($id: ID!) { therapist(id: $id) { licenses { verification { status } } } }`,
      { id: read.id },
    );
    expect(publicRead.data!.therapist.licenses[0].verification.status).toBe('EXPIRED');
  });

  it('verifies a therapist only for a license in the state of one of their locations', async () => {
    const therapist = await register(t, 'THERAPIST');
    await t.gql(ADD_LOCATION, { input: COLUMBUS }, { token: therapist.token });
    const license = (
      await addLicense(therapist, { state: 'FL', licenseNumber: 'MA3', expiresOn: isoDaysFromToday(400) })
    ).data!.addLicense;
    await verify(admin.token, license.id);
    expect((await profile(therapist)).verified).toBe(false);
    const miami = await t.gql(ADD_LOCATION, { input: MIAMI }, { token: therapist.token });
    expect(miami.errors).toBeUndefined();
    expect((await profile(therapist)).verified).toBe(true);
  });

  it('adds and removes certifications and network memberships', async () => {
    const therapist = await register(t, 'THERAPIST');
    const cert = await t.gql<{ addCertification: { id: string; verification: { status: string } } }>(
      `mutation($input: CertificationInput!) { addCertification(input: $input) { id name issuer verification { status } } }`,
      {
        input: {
          name: 'Board Certified in Therapeutic Massage and Bodywork',
          issuer: 'NCBTMB',
          issuedOn: '2021-05-01',
        },
      },
      { token: therapist.token },
    );
    expect(cert.data!.addCertification.verification.status).toBe('PENDING');
    const membership = await t.gql<{ addNetworkMembership: { id: string; network: { id: string } } }>(
      `mutation($input: NetworkMembershipInput!) { addNetworkMembership(input: $input) { id network { id name kind } effectiveFrom verification { status } } }`,
      { input: { networkId: 'aetna', effectiveFrom: '2024-01-01', effectiveTo: isoDaysFromToday(-2) } },
      { token: therapist.token },
    );
    expect(membership.data!.addNetworkMembership.network.id).toBe('aetna');
    const verified = await verify(
      admin.token,
      membership.data!.addNetworkMembership.id,
      'VERIFIED',
      'NETWORK_MEMBERSHIP',
    );
    expect(verified.data!.verifyCredential.status).toBe('EXPIRED');
    const unknownNetwork = await t.gql(
      `mutation($input: NetworkMembershipInput!) { addNetworkMembership(input: $input) { id } }`,
      { input: { networkId: 'acme-health', effectiveFrom: '2024-01-01' } },
      { token: therapist.token },
    );
    expect(unknownNetwork.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.networkId'],
    });
    const removed = await t.gql(
      `mutation($id: ID!) { removeCredential(kind: CERTIFICATION, credentialId: $id) }`,
      { id: cert.data!.addCertification.id },
      { token: therapist.token },
    );
    expect(removed.data).toEqual({ removeCredential: true });
    const read = await t.gql<{
      myTherapistProfile: { certifications: unknown[]; networkMemberships: { verification: { status: string } }[] };
    }>(PROFILE, {}, { token: therapist.token });
    expect(read.data!.myTherapistProfile.certifications).toEqual([]);
    expect(read.data!.myTherapistProfile.networkMemberships[0].verification.status).toBe('EXPIRED');
  });
});
