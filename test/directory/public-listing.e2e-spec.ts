import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '@mmn/testing';
import { type Account, MIAMI, signInAdmin } from './directory-helpers';
import { createTherapist, indexCaughtUp } from '../search/search-helpers';

const CITIES = `query($state: String, $latitude: Float, $longitude: Float, $first: Int) {
  practiceCities(state: $state, latitude: $latitude, longitude: $longitude, first: $first) {
    city state therapistCount latitude longitude distanceKm lastUpdated
  }
}`;
const LISTING = `query($first: Int, $after: String) {
  verifiedTherapistListing(first: $first, after: $after) { entries { id displayName updatedAt } endCursor }
}`;
const SUGGEST = `query($text: String!, $first: Int) { placeSuggestions(text: $text, first: $first) { label latitude longitude } }`;
const REPORT = `mutation($input: ListingProblemInput!) { reportListingProblem(input: $input) }`;

describe('public listing API for the website', () => {
  let t: TestApp;
  let admin: Account;
  let verifiedId: string;
  let pendingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t);
    verifiedId = (
      await createTherapist(t, admin, {
        name: 'Olivia Rodriguez',
        locations: [MIAMI],
        license: { state: 'FL', verified: true },
      })
    ).id;
    pendingId = (
      await createTherapist(t, admin, {
        name: 'Pending Person',
        locations: [{ addressLine: '1 Main St', city: 'Orlando', state: 'FL', postalCode: '32801' }],
        license: { state: 'FL', verified: false },
      })
    ).id;
    await createTherapist(t, admin, {
      name: 'Wrong State',
      locations: [{ addressLine: '2 Main St', city: 'Tampa', state: 'FL', postalCode: '33602' }],
      license: { state: 'GA', verified: true },
    });
    await indexCaughtUp(t);
  });
  afterAll(() => t.close());

  it('lists the cities of verified therapists only, nearest first given a point', async () => {
    const res = await t.gql<{
      practiceCities: { city: string; state: string; therapistCount: number; distanceKm: number | null }[];
    }>(CITIES, { state: 'fl' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.practiceCities).toEqual([
      expect.objectContaining({ city: 'Miami', state: 'FL', therapistCount: 1, distanceKm: null }),
    ]);
    const near = await t.gql<{ practiceCities: { city: string; distanceKm: number }[] }>(CITIES, {
      latitude: 26.1,
      longitude: -80.1,
    });
    expect(near.data!.practiceCities[0].city).toBe('Miami');
    expect(near.data!.practiceCities[0].distanceKm).toBeGreaterThan(20);
    expect(near.data!.practiceCities[0].distanceKm).toBeLessThan(50);
  });

  it('refuses a bad state, a point without both coordinates and an oversized page', async () => {
    for (const variables of [{ state: 'ZZ' }, { latitude: 25 }, { first: 100_000 }]) {
      const res = await t.gql(CITIES, variables);
      expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('pages through verified profiles for the sitemap', async () => {
    const res = await t.gql<{ verifiedTherapistListing: { entries: { id: string }[]; endCursor: string | null } }>(
      LISTING,
      {
        first: 10,
      },
    );
    expect(res.data!.verifiedTherapistListing.entries.map((e) => e.id)).toEqual([verifiedId]);
    expect(res.data!.verifiedTherapistListing.endCursor).toBeNull();
    const bad = await t.gql(LISTING, { after: 'nonsense' });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('suggests places for a typo and completes prefixes', async () => {
    const res = await t.gql<{ placeSuggestions: { label: string }[] }>(SUGGEST, { text: 'Miamy', first: 3 });
    expect(res.data!.placeSuggestions[0].label).toBe('Miami, FL');
    const byDefault = await t.gql<{ placeSuggestions: { label: string }[] }>(SUGGEST, { text: 'Miamy', first: null });
    expect(byDefault.errors).toBeUndefined();
    expect(byDefault.data!.placeSuggestions.length).toBeGreaterThan(0);
    expect(byDefault.data!.placeSuggestions.length).toBeLessThanOrEqual(5);
    const empty = await t.gql<{ placeSuggestions: unknown[] }>(SUGGEST, { text: '<script>' });
    expect(empty.errors).toBeUndefined();
  });

  it('stores a listing problem report for administrators, from anyone', async () => {
    const res = await t.gql(REPORT, {
      input: {
        therapistId: verifiedId,
        category: 'WRONG_ADDRESS',
        details: '  Moved to Coral Gables.  ',
        contactEmail: 'a@example.org',
      },
    });
    expect(res.data).toEqual({ reportListingProblem: true });
    const rows = await t.app
      .get(DataSource)
      .query(`SELECT category, details, contact_email FROM listing_problem_reports WHERE therapist_id = $1`, [
        verifiedId,
      ]);
    expect(rows).toEqual([
      { category: 'WRONG_ADDRESS', details: 'Moved to Coral Gables.', contact_email: 'a@example.org' },
    ]);
  });

  it('refuses bad reports with field codes and unknown therapists with NOT_FOUND', async () => {
    const bad = await t.gql(REPORT, {
      input: { therapistId: verifiedId, category: 'OTHER', details: 'x'.repeat(2001), contactEmail: 'not-an-email' },
    });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions.fields).toEqual(expect.arrayContaining(['input.details', 'input.contactEmail']));
    const unknown = await t.gql(REPORT, { input: { therapistId: 'nope', category: 'OTHER', details: 'x' } });
    expect(unknown.errors?.[0].extensions.code).toBe('NOT_FOUND');
    // A pending (not verified) therapist is still public: reports about it are accepted.
    const pending = await t.gql(REPORT, { input: { therapistId: pendingId, category: 'CREDENTIALS', details: 'x' } });
    expect(pending.data).toEqual({ reportListingProblem: true });
  });

  it('throttles reports per client address', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    const send = () =>
      t.gql(REPORT, { input: { therapistId: verifiedId, category: 'OTHER', details: 'again' } }, { headers });
    for (let i = 0; i < 5; i++) expect((await send()).data).toEqual({ reportListingProblem: true });
    const limited = await send();
    expect(limited.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0].extensions.retryAfterSeconds).toBe(3600);
  });
});
