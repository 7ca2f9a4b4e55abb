import { SearchOutboxWorker } from '@mmn/search';
import type { TestApp } from '@mmn/testing';
import { type Account, isoDaysFromToday, register } from '../directory/directory-helpers';

export interface TherapistSpec {
  name: string;
  locations: { addressLine: string; city: string; state: string; postalCode: string }[];
  license?: { state: string; verified: boolean; expiresInDays?: number };
  conditionIds?: string[];
  techniqueIds?: string[];
  languages?: string[];
  practiceContexts?: ('MEDICAL' | 'WELLNESS')[];
  acceptingNewPatients?: boolean;
  networks?: { networkId: string; verified: boolean }[];
  bio?: string;
}

async function call<T>(t: TestApp, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await t.gql<T>(query, variables, { token });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** Builds a therapist profile through the public API, as a therapist and an admin would. */
export async function createTherapist(
  t: TestApp,
  admin: Account,
  spec: TherapistSpec,
): Promise<{ id: string; account: Account }> {
  const account = await register(t, 'THERAPIST', spec.name);
  const { updateMyTherapistProfile } = await call<{ updateMyTherapistProfile: { id: string } }>(
    t,
    account.token,
    `mutation($input: TherapistProfileInput!) { updateMyTherapistProfile(input: $input) { id } }`,
    {
      input: {
        displayName: spec.name,
        bio: spec.bio ?? null,
        conditionIds: spec.conditionIds ?? [],
        techniqueIds: spec.techniqueIds ?? [],
        languages: spec.languages ?? ['en'],
        practiceContexts: spec.practiceContexts ?? ['MEDICAL'],
        treatmentIntentions: ['CLINICAL'],
        acceptingNewPatients: spec.acceptingNewPatients ?? true,
        billsInsurance: true,
      },
    },
  );
  for (const location of spec.locations) {
    await call(
      t,
      account.token,
      `mutation($input: PracticeLocationInput!) { addPracticeLocation(input: $input) { id } }`,
      { input: location },
    );
  }
  const verify = (kind: string, credentialId: string) =>
    call(t, admin.token, `mutation($input: VerifyCredentialInput!) { verifyCredential(input: $input) { status } }`, {
      input: { kind, credentialId, status: 'VERIFIED', source: 'State board online lookup' },
    });
  if (spec.license) {
    const { addLicense } = await call<{ addLicense: { id: string } }>(
      t,
      account.token,
      `mutation($input: LicenseInput!) { addLicense(input: $input) { id } }`,
      {
        input: {
          state: spec.license.state,
          licenseNumber: `MA${Math.floor(Math.random() * 1e6)}`,
          issuedOn: isoDaysFromToday(-900),
          expiresOn: isoDaysFromToday(spec.license.expiresInDays ?? 365),
        },
      },
    );
    if (spec.license.verified) await verify('LICENSE', addLicense.id);
  }
  for (const network of spec.networks ?? []) {
    const { addNetworkMembership } = await call<{ addNetworkMembership: { id: string } }>(
      t,
      account.token,
      `mutation($input: NetworkMembershipInput!) { addNetworkMembership(input: $input) { id } }`,
      { input: { networkId: network.networkId, effectiveFrom: isoDaysFromToday(-30) } },
    );
    if (network.verified) await verify('NETWORK_MEMBERSHIP', addNetworkMembership.id);
  }
  return { id: updateMyTherapistProfile.id, account };
}

/** Waits until every queued change has reached the index. */
export async function indexCaughtUp(t: TestApp): Promise<void> {
  const worker = t.app.get(SearchOutboxWorker);
  for (let i = 0; i < 200; i++) {
    await worker.drain();
    if ((await worker.backlog()).backlog === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('search outbox did not drain');
}

export const SEARCH = `query($input: TherapistSearchInput!) {
  searchTherapists(input: $input) {
    totalHits page pageSize
    resolvedPlace { label latitude longitude }
    hits { distanceKm nearestLocation { city postalCode } therapist { id displayName verified } }
    facets { conditions { value label count } techniques { value label count } networks { value label count } languages { value label count } }
  }
}`;

export interface SearchResult {
  totalHits: number;
  page: number;
  pageSize: number;
  resolvedPlace: { label: string; latitude: number; longitude: number } | null;
  hits: {
    distanceKm: number | null;
    nearestLocation: { city: string; postalCode: string } | null;
    therapist: { id: string; displayName: string; verified: boolean };
  }[];
  facets: Record<
    'conditions' | 'techniques' | 'networks' | 'languages',
    { value: string; label: string; count: number }[]
  >;
}

export async function search(t: TestApp, input: Record<string, unknown>) {
  return t.gql<{ searchTherapists: SearchResult }>(SEARCH, { input });
}

export function names(result: SearchResult): string[] {
  return result.hits.map((h) => h.therapist.displayName);
}
