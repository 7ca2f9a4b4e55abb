import { randomInt } from 'crypto';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { fhirSchemaProblems, type TestApp } from '@mmn/testing';
import { type Account, isoDaysFromToday, register } from '../directory/directory-helpers';

export interface HttpAnswer<T = unknown> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
  text: string;
}

/** GET a path of the running app; JSON bodies parsed. */
export async function get<T = Record<string, unknown>>(
  t: TestApp,
  path: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const res = await fetch(path.startsWith('http') ? path : `${t.url}${path}`, { headers });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let body: unknown = text;
  if (/json/.test(contentType) && !/ndjson/.test(contentType) && text) body = JSON.parse(text);
  return { status: res.status, contentType, headers: res.headers, body: body as T, text };
}

/** GET a FHIR path: the answer must be FHIR JSON and structurally valid R4. */
export async function fhir<T extends Resource = Resource>(
  t: TestApp,
  path: string,
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const res = await get<T>(t, path, options);
  expect(res.contentType).toMatch(/^application\/fhir\+json/);
  expect(fhirSchemaProblems(res.body as unknown as { resourceType: string })).toEqual([]);
  return res;
}

export const resources = (bundle: Bundle, mode?: 'match' | 'include') =>
  (bundle.entry ?? []).filter((e) => !mode || e.search?.mode === mode).map((e) => e.resource!);

export const ids = (bundle: Bundle, type?: string, mode: 'match' | 'include' = 'match') =>
  resources(bundle, mode)
    .filter((r) => !type || r.resourceType === type)
    .map((r) => r.id);

export async function gqlOk<T>(t: TestApp, query: string, variables: Record<string, unknown>, token: string) {
  const res = await t.gql<T>(query, variables, { token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

export interface ListedTherapist extends Account {
  therapistId: string;
  locationId: string;
  licenseId: string;
}

export interface TherapistSetup {
  displayName?: string;
  location?: { addressLine: string; city: string; state: string; postalCode: string; label?: string };
  verify?: boolean;
  networkId?: string;
  certification?: string;
  acceptingNewPatients?: boolean;
}

const verify = (t: TestApp, admin: Account, kind: string, credentialId: string, source: string) =>
  gqlOk(
    t,
    `mutation($input: VerifyCredentialInput!) { verifyCredential(input: $input) { status } }`,
    { input: { kind, credentialId, status: 'VERIFIED', source } },
    admin.token,
  );

/** A therapist with one location and a license of its state (verified unless told otherwise). */
export async function listedTherapist(
  t: TestApp,
  admin: Account,
  setup: TherapistSetup = {},
): Promise<ListedTherapist> {
  const location = setup.location ?? {
    addressLine: '1 SE 3rd Ave',
    city: 'Miami',
    state: 'FL',
    postalCode: '33131',
    label: 'Brickell clinic',
  };
  const account = await register(t, 'THERAPIST', setup.displayName);
  const added = await gqlOk<{ addPracticeLocation: { id: string } }>(
    t,
    `mutation($input: PracticeLocationInput!) { addPracticeLocation(input: $input) { id } }`,
    { input: location },
    account.token,
  );
  const license = await gqlOk<{ addLicense: { id: string } }>(
    t,
    `mutation($input: LicenseInput!) { addLicense(input: $input) { id } }`,
    {
      input: {
        state: location.state,
        licenseNumber: `MA${randomInt(10000, 99999)}`,
        issuedOn: isoDaysFromToday(-400),
        expiresOn: isoDaysFromToday(400),
      },
    },
    account.token,
  );
  if (setup.verify !== false)
    await verify(t, admin, 'LICENSE', license.addLicense.id, `${location.state} board online lookup`);
  if (setup.networkId) {
    const m = await gqlOk<{ addNetworkMembership: { id: string } }>(
      t,
      `mutation($input: NetworkMembershipInput!) { addNetworkMembership(input: $input) { id } }`,
      { input: { networkId: setup.networkId, effectiveFrom: isoDaysFromToday(-30) } },
      account.token,
    );
    await verify(t, admin, 'NETWORK_MEMBERSHIP', m.addNetworkMembership.id, 'network roster');
  }
  if (setup.certification) {
    const c = await gqlOk<{ addCertification: { id: string } }>(
      t,
      `mutation($input: CertificationInput!) { addCertification(input: $input) { id } }`,
      { input: { name: setup.certification, issuer: 'NCBTMB', issuedOn: isoDaysFromToday(-100) } },
      account.token,
    );
    await verify(t, admin, 'CERTIFICATION', c.addCertification.id, 'NCBTMB certificant lookup');
  }
  if (setup.acceptingNewPatients !== undefined) {
    await gqlOk(
      t,
      `mutation($input: TherapistProfileInput!) { updateMyTherapistProfile(input: $input) { id } }`,
      { input: { acceptingNewPatients: setup.acceptingNewPatients, languages: ['en', 'es'] } },
      account.token,
    );
  }
  const me = await gqlOk<{ myTherapistProfile: { id: string } }>(t, `{ myTherapistProfile { id } }`, {}, account.token);
  return {
    ...account,
    therapistId: me.myTherapistProfile.id,
    locationId: added.addPracticeLocation.id,
    licenseId: license.addLicense.id,
  };
}
