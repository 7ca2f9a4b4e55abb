import { randomBytes, randomInt } from 'crypto';
import { withNpiCheckDigit } from '@mmn/shared';
import { print } from 'graphql';
import {
  AddLicenseDocument,
  AddPracticeLocationDocument,
  ClaimReferralDocument,
  type CreateReferralInput,
  CreateReferralDocument,
  MyTherapistProfileIdDocument,
  type ReferralDetailFragment,
  UpdateMyProviderProfileDocument,
  VerifyCredentialDocument,
  VerifyProviderDocument,
} from '@mmn/api-client';
import { createTestApp, type GqlResponse, sql, type TestApp } from '@mmn/testing';
import { isoDaysFromToday, MIAMI, register, signInAdmin, type Account } from '../directory/directory-helpers';

export { isoDaysFromToday, register, signInAdmin, sql, type Account };

export const REFERRAL_FIELDS = `id status visitsUsed dischargeSummary reachedMaximumMedicalImprovement createdAt updatedAt
  provider { id npi } therapist { id }
  patient { fullName dateOfBirth email phone }
  prescription { diagnoses { code description } bodyRegions visitsPerWeek durationWeeks visitsAuthorized sessionMinutes goals precautions contraindications requestedTechniqueIds notes writtenOn expiresOn }
  visits { id occurredOn minutes techniqueIds soapNote }
  events { at actorRole type fromStatus toStatus note }`;

/** The referral as the tests read it (generated from the ReferralDetail fragment, the same fields as REFERRAL_FIELDS). */
export type ReferralData = ReferralDetailFragment;

export interface ProviderAccount extends Account {
  providerId: string;
}
export interface TherapistAccount extends Account {
  therapistId: string;
}

export const PATIENT_NAME = 'Zelda Quibblesworth';
export const PATIENT_DOB = '1961-04-17';
export const DIAGNOSIS = 'G56.01';

export function prescription(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    diagnosisCodes: [DIAGNOSIS],
    bodyRegions: ['right wrist', 'forearm'],
    visitsPerWeek: 2,
    durationWeeks: 4,
    visitsAuthorized: 8,
    sessionMinutes: 45,
    goals: ['Type for 2 hours without pain'],
    precautions: ['avoid deep pressure over the carpal tunnel'],
    requestedTechniqueIds: ['myofascial-release'],
    writtenOn: isoDaysFromToday(0),
    expiresOn: isoDaysFromToday(90),
    ...overrides,
  };
}

export function referralInput(
  overrides: Record<string, unknown> = {},
  rx: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    idempotencyKey: randomBytes(8).toString('hex'),
    patient: { fullName: PATIENT_NAME, dateOfBirth: PATIENT_DOB, email: 'zelda@example.test' },
    prescription: prescription(rx),
    ...overrides,
  };
}

/** A prescriber with a valid NPI, verified by an administrator unless `verified` is false. */
export async function provider(
  t: TestApp,
  options: { verified?: boolean; admin?: Account } = {},
): Promise<ProviderAccount> {
  const account = await register(t, 'PROVIDER');
  const npi = withNpiCheckDigit(`1${String(randomInt(0, 99_999_999)).padStart(8, '0')}`);
  const res = await t.as(account).gql(UpdateMyProviderProfileDocument, { input: { npi } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  const providerId = res.data!.updateMyProviderProfile.id;
  if (options.verified !== false) {
    const admin = options.admin ?? (await signInAdmin(t));
    const verified = await t.as(admin).gql(VerifyProviderDocument, {
      input: { providerId, status: 'VERIFIED', source: 'NPPES NPI Registry lookup' },
    });
    if (verified.errors) throw new Error(JSON.stringify(verified.errors));
  }
  return { ...account, providerId };
}

/** A therapist with a Miami location and a verified Florida license. */
export async function verifiedTherapist(t: TestApp, admin: Account, verified = true): Promise<TherapistAccount> {
  const account = await register(t, 'THERAPIST');
  const therapist = t.as(account);
  await therapist.gql(AddPracticeLocationDocument, { input: MIAMI });
  const license = await therapist.gql(AddLicenseDocument, {
    input: { state: 'FL', licenseNumber: `MA${randomInt(10000, 99999)}`, expiresOn: isoDaysFromToday(400) },
  });
  if (verified) {
    const credentialId = license.data!.addLicense.id;
    const v = await t.as(admin).gql(VerifyCredentialDocument, {
      input: { kind: 'LICENSE', credentialId, status: 'VERIFIED', source: 'FL board lookup' },
    });
    if (v.errors) throw new Error(JSON.stringify(v.errors));
  }
  const me = await therapist.gql(MyTherapistProfileIdDocument);
  return { ...account, therapistId: me.data!.myTherapistProfile.id };
}

/** The parties most referral tests start from: an administrator, a prescriber and a verified therapist. */
export async function referralParties(
  t: TestApp,
): Promise<{ admin: Account; doctor: ProviderAccount; therapist: TherapistAccount }> {
  const admin = await signInAdmin(t);
  const [doctor, therapist] = await Promise.all([provider(t, { admin }), verifiedTherapist(t, admin)]);
  return { admin, doctor, therapist };
}

export interface ReferralSuite {
  t: TestApp;
  admin: Account;
  doctor: ProviderAccount;
  therapist: TherapistAccount;
}

/** Registers the hooks of a referral test file: an app of its own and the usual parties, closed afterwards. */
export function setUpReferralSuite(receive: (suite: ReferralSuite) => void): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp();
    receive({ t, ...(await referralParties(t)) });
  });
  afterAll(() => t?.close());
}

export const CREATE = print(CreateReferralDocument);

export function createReferral(t: TestApp, account: Account, input: Record<string, unknown>) {
  return t.as(account).gql(CreateReferralDocument, { input: input as unknown as CreateReferralInput });
}

export async function created(
  t: TestApp,
  account: Account,
  input: Record<string, unknown>,
): Promise<{ accessCode: string; referral: ReferralData }> {
  const res = await createReferral(t, account, input);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.createReferral;
}

/** A referral from `doctor` to `therapist`, claimed by a new patient account. */
export async function claimedReferral(
  t: TestApp,
  parties: { doctor: ProviderAccount; therapist: TherapistAccount },
  overrides: Record<string, unknown> = {},
): Promise<{ referral: ReferralData; accessCode: string; patient: Account }> {
  const made = await created(
    t,
    parties.doctor,
    referralInput({ therapistId: parties.therapist.therapistId, ...overrides }),
  );
  const patient = await register(t, 'PATIENT');
  const claim = await t.as(patient).gql(ClaimReferralDocument, { code: made.accessCode, dob: PATIENT_DOB });
  if (claim.errors) throw new Error(JSON.stringify(claim.errors));
  return { referral: claim.data!.claimReferral, accessCode: made.accessCode, patient };
}

export const OPS = {
  read: `query($id: ID!) { referral(id: $id) { ${REFERRAL_FIELDS} } }`,
  claim: `mutation($code: String!, $dob: Date!) { claimReferral(accessCode: $code, dateOfBirth: $dob) { ${REFERRAL_FIELDS} } }`,
  choose: `mutation($id: ID!, $therapistId: ID!) { chooseTherapist(referralId: $id, therapistId: $therapistId) { ${REFERRAL_FIELDS} } }`,
  accept: `mutation($id: ID!) { acceptReferral(referralId: $id) { ${REFERRAL_FIELDS} } }`,
  decline: `mutation($id: ID!, $reason: String!) { declineReferral(referralId: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`,
  visit: `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { id occurredOn minutes techniqueIds soapNote } }`,
  note: `mutation($id: ID!, $note: String!) { addProgressNote(referralId: $id, note: $note) { ${REFERRAL_FIELDS} } }`,
  renew: `mutation($input: RenewReferralInput!) { renewReferral(input: $input) { ${REFERRAL_FIELDS} } }`,
  complete: `mutation($input: CompleteReferralInput!) { completeReferral(input: $input) { ${REFERRAL_FIELDS} } }`,
  cancel: `mutation($id: ID!, $reason: String!) { cancelReferral(referralId: $id, reason: $reason) { ${REFERRAL_FIELDS} } }`,
};

export function visitInput(referralId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    referralId,
    occurredOn: isoDaysFromToday(0),
    minutes: 45,
    techniqueIds: ['myofascial-release'],
    soapNote: 'S: wrist pain 6/10. P: continue.',
    ...overrides,
  };
}

export function code(res: GqlResponse<unknown>): string | undefined {
  return res.errors?.[0]?.extensions.code;
}

/** Direct SQL against this test file's database (to age a prescription, or to inspect audit rows). */
