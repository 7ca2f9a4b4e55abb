import { UpdateMyProviderProfileDocument, VerifyProviderDocument } from '@mmn/api-client';
import type { TestApp } from '@mmn/testing';
import { indexCaughtUp } from '../search/search-helpers';
import {
  type Account,
  created,
  OPS,
  provider,
  type ProviderAccount,
  referralInput,
  setUpReferralSuite,
  type TherapistAccount,
  verifiedTherapist,
} from './referral-helpers';

// "Find one with a good reputation with local doctors": a prescriber counts toward a therapist's location when
// they practise within 50 km of it and sent the therapist a referral the therapist accepted.

const MIAMI_DOCTOR = { addressLine: '1611 NW 12th Ave', city: 'Miami', state: 'FL', postalCode: '33136' };
const CORAL_GABLES_DOCTOR = {
  addressLine: '2500 Ponce de Leon Blvd',
  city: 'Coral Gables',
  state: 'FL',
  postalCode: '33134',
};
const CINCINNATI_DOCTOR = { addressLine: '234 Goodman St', city: 'Cincinnati', state: 'OH', postalCode: '45219' };
const COLUMBUS_DOCTOR = { addressLine: '410 W 10th Ave', city: 'Columbus', state: 'OH', postalCode: '43210' };
const CINCINNATI_PRACTICE = { addressLine: '3200 Burnet Ave', city: 'Cincinnati', state: 'OH', postalCode: '45229' };

const PROFILE = `query($id: ID!) { therapist(id: $id) { reputation { referringProviders localReferringProviders localArea } } }`;
const NEARBY = `query($input: TherapistSearchInput!) {
  searchTherapists(input: $input) {
    hits { nearestLocation { city } therapist { id reputation { referringProviders localReferringProviders localArea } } }
  }
}`;

interface Reputation {
  referringProviders: number;
  localReferringProviders: number;
  localArea: string | null;
}
interface Hit {
  nearestLocation: { city: string } | null;
  therapist: { id: string; reputation: Reputation };
}

let t: TestApp;
let admin: Account;
let miamiAndCincinnati: TherapistAccount;
let miamiOnly: TherapistAccount;
const doctors: Record<string, ProviderAccount> = {};

async function practisingAt(location: typeof MIAMI_DOCTOR): Promise<ProviderAccount> {
  const doctor = await provider(t, { admin });
  const res = await t.as(doctor).gql(UpdateMyProviderProfileDocument, { input: { locations: [location] } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return doctor;
}

async function acceptedReferral(from: ProviderAccount, to: TherapistAccount): Promise<void> {
  const { referral } = await created(t, from, referralInput({ therapistId: to.therapistId }));
  const accepted = await t.as(to).gql(OPS.accept, { id: referral.id });
  if (accepted.errors) throw new Error(JSON.stringify(accepted.errors));
}

async function profile(therapist: TherapistAccount): Promise<Reputation> {
  const res = await t.gql<{ therapist: { reputation: Reputation } }>(PROFILE, { id: therapist.therapistId });
  return res.data!.therapist.reputation;
}

async function hitsNear(near: string, sort = 'REPUTATION', verifiedOnly = true): Promise<Hit[]> {
  await indexCaughtUp(t);
  const res = await t.gql<{ searchTherapists: { hits: Hit[] } }>(NEARBY, {
    input: { near, sort, verifiedOnly, radiusKm: 40 },
  });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.searchTherapists.hits;
}

const find = (hits: Hit[], therapist: TherapistAccount) => hits.find((h) => h.therapist.id === therapist.therapistId);

setUpReferralSuite((suite) => {
  t = suite.t;
  admin = suite.admin;
});

beforeAll(async () => {
  [miamiAndCincinnati, miamiOnly] = await Promise.all([verifiedTherapist(t, admin), verifiedTherapist(t, admin)]);
  const second = await t
    .as(miamiAndCincinnati)
    .gql(`mutation($input: PracticeLocationInput!) { addPracticeLocation(input: $input) { id } }`, {
      input: CINCINNATI_PRACTICE,
    });
  if (second.errors) throw new Error(JSON.stringify(second.errors));
  const entries = await Promise.all(
    Object.entries({
      miami: MIAMI_DOCTOR,
      coralGables: CORAL_GABLES_DOCTOR,
      cincinnati: CINCINNATI_DOCTOR,
      columbus1: COLUMBUS_DOCTOR,
      columbus2: COLUMBUS_DOCTOR,
      columbus3: COLUMBUS_DOCTOR,
    }).map(async ([name, location]) => [name, await practisingAt(location)] as const),
  );
  for (const [name, doctor] of entries) doctors[name] = doctor;
  // Two Miami-area doctors and one in Cincinnati refer to the therapist with practices in both cities; the Miami-only
  // therapist has more referrers overall, but they practise in Ohio.
  for (const name of ['miami', 'coralGables', 'cincinnati']) await acceptedReferral(doctors[name], miamiAndCincinnati);
  for (const name of ['cincinnati', 'columbus1', 'columbus2', 'columbus3'])
    await acceptedReferral(doctors[name], miamiOnly);
});

it('counts, per location, the referring doctors who practise within 50 km of it; a profile shows the best location', async () => {
  expect(await profile(miamiAndCincinnati)).toEqual({
    referringProviders: 3,
    localReferringProviders: 2,
    localArea: 'Miami',
  });
  expect(await profile(miamiOnly)).toEqual({ referringProviders: 4, localReferringProviders: 0, localArea: 'Miami' });
});

it("a search hit counts the doctors near the hit's nearest location", async () => {
  const inMiami = find(await hitsNear('Miami, FL'), miamiAndCincinnati)!;
  expect(inMiami.nearestLocation!.city).toBe('Miami');
  expect(inMiami.therapist.reputation).toMatchObject({ localReferringProviders: 2, localArea: 'Miami' });
  // Not licensed in Ohio, so the Cincinnati practice is found only when unverified locations are included.
  const inCincinnati = find(await hitsNear('Cincinnati, OH', 'DISTANCE', false), miamiAndCincinnati)!;
  expect(inCincinnati.nearestLocation!.city).toBe('Cincinnati');
  expect(inCincinnati.therapist.reputation).toMatchObject({ localReferringProviders: 1, localArea: 'Cincinnati' });
});

it('near a place, the REPUTATION order follows reputation with local doctors; with no place, the overall count', async () => {
  const near = await hitsNear('Miami, FL');
  const order = (hits: Hit[]) =>
    hits
      .map((h) => h.therapist.id)
      .filter((id) => id === miamiAndCincinnati.therapistId || id === miamiOnly.therapistId);
  expect(order(near)).toEqual([miamiAndCincinnati.therapistId, miamiOnly.therapistId]);
  const anywhere = await t.gql<{ searchTherapists: { hits: Hit[] } }>(NEARBY, { input: { sort: 'REPUTATION' } });
  expect(order(anywhere.data!.searchTherapists.hits)).toEqual([miamiOnly.therapistId, miamiAndCincinnati.therapistId]);
});

it('follows a doctor who moves away, and a doctor whose verification is withdrawn, into the profile and the index', async () => {
  const moved = await t
    .as(doctors.coralGables)
    .gql(UpdateMyProviderProfileDocument, { input: { locations: [COLUMBUS_DOCTOR] } });
  expect(moved.errors).toBeUndefined();
  expect(await profile(miamiAndCincinnati)).toMatchObject({ referringProviders: 3, localReferringProviders: 1 });

  const withdrawn = await t.as(admin).gql(VerifyProviderDocument, {
    input: { providerId: doctors.miami.providerId, status: 'REJECTED', source: 'NPPES: NPI deactivated' },
  });
  expect(withdrawn.errors).toBeUndefined();
  // The Cincinnati doctor now counts as much as anyone in Miami: the best location is the one with the most.
  expect(await profile(miamiAndCincinnati)).toMatchObject({ referringProviders: 2, localReferringProviders: 1 });
  const inMiami = find(await hitsNear('Miami, FL'), miamiAndCincinnati)!;
  expect(inMiami.therapist.reputation).toMatchObject({ localReferringProviders: 0, localArea: 'Miami' });
});

it("a therapist's new location counts the doctors near it at once", async () => {
  const added = await t
    .as(miamiOnly)
    .gql(`mutation($input: PracticeLocationInput!) { addPracticeLocation(input: $input) { id } }`, {
      input: { addressLine: '500 S High St', city: 'Columbus', state: 'OH', postalCode: '43215' },
    });
  expect(added.errors).toBeUndefined();
  expect(await profile(miamiOnly)).toEqual({
    referringProviders: 4,
    localReferringProviders: 3,
    localArea: 'Columbus',
  });
});
