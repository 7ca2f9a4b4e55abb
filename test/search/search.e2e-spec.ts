import { createTestApp, type TestApp } from '@mmn/testing';
import { type Account, signInAdmin } from '../directory/directory-helpers';
import { createTherapist, indexCaughtUp, names, search } from './search-helpers';

const MIAMI = { addressLine: '1 SE 3rd Ave', city: 'Miami', state: 'FL', postalCode: '33131' };
const MIAMI_WEST = { addressLine: '100 SW 57th Ave', city: 'Miami', state: 'FL', postalCode: '33144' };
const FORT_LAUDERDALE = { addressLine: '100 Las Olas Blvd', city: 'Fort Lauderdale', state: 'FL', postalCode: '33301' };
const AROUND_MIAMI = { near: 'Miami, FL', radiusKm: 60 };
const CINCINNATI = { addressLine: '1 Fountain Sq', city: 'Cincinnati', state: 'OH', postalCode: '45202' };

describe('searchTherapists', () => {
  let t: TestApp;
  let admin: Account;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t);
    const verifiedFl = { state: 'FL', verified: true };
    const specs = [
      {
        name: 'Ana Lymph',
        locations: [MIAMI],
        license: verifiedFl,
        conditionIds: ['lymphedema'],
        techniqueIds: ['manual-lymphatic-drainage'],
        languages: ['en', 'es'],
        networks: [
          { networkId: 'florida-blue', verified: true },
          { networkId: 'aetna', verified: false },
        ],
      },
      {
        name: 'Ben Carpal',
        locations: [FORT_LAUDERDALE],
        license: verifiedFl,
        conditionIds: ['carpal-tunnel-syndrome'],
        techniqueIds: ['myofascial-release'],
        practiceContexts: ['WELLNESS' as const],
        acceptingNewPatients: false,
      },
      {
        name: 'Cara Shoulder',
        locations: [MIAMI_WEST, CINCINNATI],
        license: verifiedFl,
        conditionIds: ['adhesive-capsulitis'],
        techniqueIds: ['neuromuscular-therapy'],
        languages: ['en', 'fr'],
        networks: [{ networkId: 'aetna', verified: true }],
      },
      {
        name: 'Dan Pending',
        locations: [MIAMI],
        license: { state: 'FL', verified: false },
        conditionIds: ['carpal-tunnel-syndrome'],
      },
      { name: 'Eve Ohio', locations: [CINCINNATI], license: verifiedFl, conditionIds: ['thoracic-outlet-syndrome'] },
      {
        name: 'Finn Drainage',
        locations: [MIAMI_WEST],
        license: verifiedFl,
        techniqueIds: ['manual-lymphatic-drainage'],
        conditionIds: ['scoliosis'],
      },
      {
        name: 'Gus Cincy',
        locations: [CINCINNATI],
        license: { state: 'OH', verified: true },
        conditionIds: ['thoracic-outlet-syndrome'],
      },
    ];
    for (const spec of specs) ids[spec.name] = (await createTherapist(t, admin, spec)).id;
    await indexCaughtUp(t);
  });
  afterAll(() => t.close());

  it('keeps to the default 40 km radius, and widens with radiusKm', async () => {
    expect(names((await search(t, { near: 'Miami, FL' })).data!.searchTherapists).sort()).toEqual([
      'Ana Lymph',
      'Cara Shoulder',
      'Finn Drainage',
    ]);
    expect(names((await search(t, AROUND_MIAMI)).data!.searchTherapists)).toContain('Ben Carpal');
  });

  it('finds verified therapists near "Miami, FL", nearest first, each once with its nearest location', async () => {
    const res = await search(t, { ...AROUND_MIAMI, sort: 'DISTANCE' });
    expect(res.errors).toBeUndefined();
    const result = res.data!.searchTherapists;
    expect(result.resolvedPlace!.label).toBe('Miami, FL');
    expect(names(result).sort()).toEqual(['Ana Lymph', 'Ben Carpal', 'Cara Shoulder', 'Finn Drainage']);
    const distances = result.hits.map((h) => h.distanceKm!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    const cara = result.hits.find((h) => h.therapist.displayName === 'Cara Shoulder')!;
    expect(cara.nearestLocation!.city).toBe('Miami');
    expect(result.totalHits).toBe(4);
  });

  it.each(['miami fl', 'Miami', '33131'])('understands the place "%s"', async (near) => {
    const res = await search(t, { near, radiusKm: 15 });
    expect(res.errors).toBeUndefined();
    expect(res.data!.searchTherapists.resolvedPlace!.label).toMatch(/Miami, FL/);
    expect(names(res.data!.searchTherapists)).toContain('Ana Lymph');
    expect(names(res.data!.searchTherapists)).not.toContain('Ben Carpal');
  });

  it('accepts coordinates instead of a place, and refuses an unknown place naming "near"', async () => {
    const byPoint = await search(t, { latitude: 39.1031, longitude: -84.512, radiusKm: 10 });
    expect(names(byPoint.data!.searchTherapists).sort()).toEqual(['Gus Cincy']);
    expect(byPoint.data!.searchTherapists.resolvedPlace).toBeNull();
    const unknown = await search(t, { near: 'Atlantis, ZZ' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.near'] });
  });

  it('applies the state rule per location: a Florida license verifies neither an Ohio-only practice nor an Ohio location', async () => {
    // Cara is licensed in Florida and practises in Miami and Cincinnati: only her Miami location is licensed.
    const res = await search(t, { near: 'Cincinnati, OH', radiusKm: 10 });
    expect(names(res.data!.searchTherapists).sort()).toEqual(['Gus Cincy']);
    const all = await search(t, { near: 'Cincinnati, OH', radiusKm: 10, verifiedOnly: false });
    expect(names(all.data!.searchTherapists).sort()).toEqual(['Cara Shoulder', 'Eve Ohio', 'Gus Cincy']);
  });

  it('shows unverified therapists only when asked', async () => {
    const res = await search(t, {
      near: 'Miami, FL',
      radiusKm: 15,
      verifiedOnly: false,
      conditionIds: ['carpal-tunnel-syndrome'],
    });
    expect(names(res.data!.searchTherapists)).toEqual(['Dan Pending']);
  });

  it.each([
    ['carpal tunel', 'Ben Carpal'],
    ['CTS', 'Ben Carpal'],
    ['frozen sholder', 'Cara Shoulder'],
    ['frozen shoulder', 'Cara Shoulder'],
    ['TOS', 'Gus Cincy'],
    ['trigger point', 'Cara Shoulder'],
  ])('is typo tolerant and understands patient words: "%s" finds %s', async (text, expected) => {
    const res = await search(t, { text });
    expect(res.errors).toBeUndefined();
    expect(names(res.data!.searchTherapists)[0]).toBe(expected);
  });

  it('links lymphedema and manual lymphatic drainage both ways', async () => {
    expect(names((await search(t, { text: 'lymphedema' })).data!.searchTherapists).sort()).toEqual([
      'Ana Lymph',
      'Finn Drainage',
    ]);
    expect(names((await search(t, { text: 'MLD' })).data!.searchTherapists).sort()).toEqual([
      'Ana Lymph',
      'Finn Drainage',
    ]);
  });

  it.each([
    [{ conditionIds: ['lymphedema'] }, ['Ana Lymph']],
    [{ techniqueIds: ['manual-lymphatic-drainage'] }, ['Ana Lymph', 'Finn Drainage']],
    [{ networkIds: ['florida-blue'] }, ['Ana Lymph']],
    [{ networkIds: ['aetna'] }, ['Cara Shoulder']],
    [{ languages: ['fr'] }, ['Cara Shoulder']],
    [{ practiceContext: 'WELLNESS' }, ['Ben Carpal']],
    [{ acceptingNewPatients: false }, ['Ben Carpal']],
  ])('filters by %j', async (filter, expected) => {
    const res = await search(t, { ...AROUND_MIAMI, ...filter });
    expect(res.errors).toBeUndefined();
    expect(names(res.data!.searchTherapists).sort()).toEqual(expected);
  });

  it('sorts by reputation (with the doctors near the place searched)', async () => {
    const { DataSource } = await import('typeorm');
    const db = t.app.get(DataSource);
    // The counters as the referrals feature keeps them: overall, and per location for doctors practising nearby.
    await db.query(`UPDATE therapists SET referring_providers = 3 WHERE id = $1`, [ids['Finn Drainage']]);
    await db.query(`UPDATE practice_locations SET local_referring_providers = 3 WHERE therapist_id = $1`, [
      ids['Finn Drainage'],
    ]);
    await db.query(`UPDATE therapists SET referring_providers = 1, endorsement_count = 2 WHERE id = $1`, [
      ids['Ben Carpal'],
    ]);
    await db.query(`UPDATE practice_locations SET local_referring_providers = 1 WHERE therapist_id = $1`, [
      ids['Ben Carpal'],
    ]);
    await db.query(`INSERT INTO search_outbox (therapist_id) VALUES ($1), ($2)`, [
      ids['Finn Drainage'],
      ids['Ben Carpal'],
    ]);
    await indexCaughtUp(t);
    const res = await search(t, { ...AROUND_MIAMI, sort: 'REPUTATION' });
    expect(names(res.data!.searchTherapists).slice(0, 2)).toEqual(['Finn Drainage', 'Ben Carpal']);
    // RELEVANCE without text: nearest first (then reputation), the same order as DISTANCE here.
    const relevance = await search(t, { ...AROUND_MIAMI });
    const byDistance = await search(t, { ...AROUND_MIAMI, sort: 'DISTANCE' });
    expect(names(relevance.data!.searchTherapists)).toEqual(names(byDistance.data!.searchTherapists));
    expect(names(byDistance.data!.searchTherapists)).not.toEqual(names(res.data!.searchTherapists));
  });

  it('needs a point to sort by distance', async () => {
    const res = await search(t, { sort: 'DISTANCE' });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.sort'] });
  });

  it('counts facets over the filtered result set, with human labels, each therapist once', async () => {
    const res = await search(t, AROUND_MIAMI);
    const facets = res.data!.searchTherapists.facets;
    expect(facets.techniques).toContainEqual({
      value: 'manual-lymphatic-drainage',
      label: 'Manual lymphatic drainage',
      count: 2,
    });
    // Only verified, current memberships count: Ana's pending Aetna membership does not.
    expect(facets.networks).toEqual(
      expect.arrayContaining([
        { value: 'aetna', label: expect.any(String), count: 1 },
        { value: 'florida-blue', label: expect.stringMatching(/Florida Blue/), count: 1 },
      ]),
    );
    expect(facets.networks).toHaveLength(2);
    // Cara practises in Miami and Cincinnati: she counts once.
    expect(facets.conditions).toContainEqual({ value: 'adhesive-capsulitis', label: 'Adhesive capsulitis', count: 1 });
    expect(facets.languages).toEqual(
      expect.arrayContaining([
        { value: 'en', label: 'English', count: 4 },
        { value: 'fr', label: 'French', count: 1 },
      ]),
    );
    const filtered = await search(t, { ...AROUND_MIAMI, techniqueIds: ['manual-lymphatic-drainage'] });
    expect(filtered.data!.searchTherapists.facets.languages).toEqual(
      expect.arrayContaining([
        { value: 'en', label: 'English', count: 2 },
        { value: 'es', label: 'Spanish', count: 1 },
      ]),
    );
  });

  it('pages through results with an exact total, and refuses out-of-range pages', async () => {
    const first = await search(t, { ...AROUND_MIAMI, sort: 'DISTANCE', pageSize: 3, page: 1 });
    const second = await search(t, { ...AROUND_MIAMI, sort: 'DISTANCE', pageSize: 3, page: 2 });
    expect(first.data!.searchTherapists).toMatchObject({ totalHits: 4, page: 1, pageSize: 3 });
    expect(first.data!.searchTherapists.hits).toHaveLength(3);
    expect(second.data!.searchTherapists.hits).toHaveLength(1);
    expect(new Set([...names(first.data!.searchTherapists), ...names(second.data!.searchTherapists)]).size).toBe(4);
    for (const bad of [{ pageSize: 0 }, { pageSize: 51 }, { page: 0 }, { radiusKm: 0.5 }, { radiusKm: 501 }]) {
      const res = await search(t, { ...AROUND_MIAMI, ...bad });
      expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.fields![0]).toBe(`input.${Object.keys(bad)[0]}`);
    }
  });

  it('drops a suspended therapist from search and brings them back when reinstated', async () => {
    const suspend = await t.gql(
      `mutation($input: TherapistSuspensionInput!) { suspendTherapist(input: $input) { id } }`,
      { input: { therapistId: ids['Finn Drainage'], reason: 'License under review' } },
      { token: admin.token },
    );
    expect(suspend.errors).toBeUndefined();
    await indexCaughtUp(t);
    expect(names((await search(t, { text: 'MLD' })).data!.searchTherapists)).toEqual(['Ana Lymph']);
    await t.gql(
      `mutation($input: TherapistSuspensionInput!) { reinstateTherapist(input: $input) { id } }`,
      { input: { therapistId: ids['Finn Drainage'], reason: 'Cleared' } },
      { token: admin.token },
    );
    await indexCaughtUp(t);
    expect(names((await search(t, { text: 'MLD' })).data!.searchTherapists).sort()).toEqual([
      'Ana Lymph',
      'Finn Drainage',
    ]);
  });
});
