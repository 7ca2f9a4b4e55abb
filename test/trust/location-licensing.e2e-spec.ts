import { createTestApp, sql, type TestApp } from '@mmn/testing';
import { type Account, signInAdmin } from '../directory/directory-helpers';
import { createTherapist, indexCaughtUp, names, search } from '../search/search-helpers';

const MIAMI = { addressLine: '1 SE 3rd Ave', city: 'Miami', state: 'FL', postalCode: '33131' };
const MANHATTAN = { addressLine: '350 5th Ave', city: 'New York', state: 'NY', postalCode: '10118' };

describe('trust: a license covers only its own state', () => {
  let t: TestApp;
  let admin: Account;
  let floridaOnly: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t);
    // Licensed in Florida, practising in Miami and New York: only the Miami location is licensed.
    floridaOnly = await createTherapist(t, admin, {
      name: 'Fiona Floridian',
      locations: [MIAMI, MANHATTAN],
      license: { state: 'FL', verified: true },
    });
    await createTherapist(t, admin, {
      name: 'Nora Newyorker',
      locations: [MANHATTAN],
      license: { state: 'NY', verified: true },
    });
    await indexCaughtUp(t);
  });
  afterAll(() => t.close());

  it('leaves the Florida-licensed therapist out of verified New York searches', async () => {
    const res = await search(t, { near: 'New York, NY', radiusKm: 25 });
    expect(res.errors).toBeUndefined();
    expect(names(res.data!.searchTherapists)).toEqual(['Nora Newyorker']);
    expect(res.data!.searchTherapists.totalHits).toBe(1);
  });

  it('shows them as verified in Florida, measured to the licensed Miami location', async () => {
    const res = await search(t, { near: 'Miami, FL', radiusKm: 25 });
    const hit = res.data!.searchTherapists.hits.find((h) => h.therapist.displayName === 'Fiona Floridian')!;
    expect(hit.therapist.verified).toBe(true);
    expect(hit.nearestLocation?.city).toBe('Miami');
    expect(hit.distanceKm).toBeLessThan(10);
  });

  it('lists the New York location when unverified therapists are included, and says which location is licensed', async () => {
    const res = await search(t, { near: 'New York, NY', radiusKm: 25, verifiedOnly: false });
    expect(names(res.data!.searchTherapists).sort()).toEqual(['Fiona Floridian', 'Nora Newyorker']);
    const profile = await t.gql<{ therapist: { locations: { city: string; licenseVerified: boolean }[] } }>(
      `query($id: ID!) { therapist(id: $id) { locations { city licenseVerified } } }`,
      { id: floridaOnly.id },
    );
    expect(profile.data!.therapist.locations.map((l) => [l.city, l.licenseVerified]).sort()).toEqual([
      ['Miami', true],
      ['New York', false],
    ]);
  });

  it('drops the locations of a license that lapses by date from verified search the same day', async () => {
    await sql(t, `UPDATE licenses SET expires_on = current_date - 1 WHERE therapist_id = $1`, [floridaOnly.id]);
    await sql(t, `INSERT INTO search_outbox (therapist_id) VALUES ($1)`, [floridaOnly.id]);
    await indexCaughtUp(t);
    const res = await search(t, { near: 'Miami, FL', radiusKm: 25 });
    expect(names(res.data!.searchTherapists)).not.toContain('Fiona Floridian');
  });
});
