import { createTestApp, type TestApp } from '@mmn/testing';
import { type Account, signInAdmin } from '../directory/directory-helpers';
import { createTherapist, indexCaughtUp, names, search, type SearchResult } from './search-helpers';

const MIAMI = { addressLine: '1 SE 3rd Ave', city: 'Miami', state: 'FL', postalCode: '33131' };
const MIAMI_WEST = { addressLine: '100 SW 57th Ave', city: 'Miami', state: 'FL', postalCode: '33144' };
const license = { state: 'FL', verified: true };
const AROUND_MIAMI = { near: 'Miami, FL', radiusKm: 60, sort: 'DISTANCE' };

// A search's totals are counted once per index version and reused for its other pages and sorts: they must stay
// exactly what a fresh count gives, and follow every change to the index.
describe('search totals across pages and index changes', () => {
  let t: TestApp;
  let admin: Account;

  const page = async (input: Record<string, unknown>): Promise<SearchResult> => {
    const res = await search(t, input);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.searchTherapists;
  };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signInAdmin(t);
    await createTherapist(t, admin, { name: 'Ana One', locations: [MIAMI], license, languages: ['en', 'es'] });
    await createTherapist(t, admin, { name: 'Ben Two', locations: [MIAMI_WEST, MIAMI], license });
    await createTherapist(t, admin, { name: 'Cy Three', locations: [MIAMI_WEST], license, languages: ['en', 'fr'] });
    await indexCaughtUp(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives every page the totals and facet counts of the whole search, and the pages add up to it', async () => {
    const first = await page({ ...AROUND_MIAMI, pageSize: 2 });
    const second = await page({ ...AROUND_MIAMI, pageSize: 2, page: 2 });
    const whole = await page({ ...AROUND_MIAMI, pageSize: 10 });
    expect(whole.totalHits).toBe(3);
    expect([first.totalHits, second.totalHits]).toEqual([3, 3]);
    expect(second.facets).toEqual(first.facets);
    expect(first.facets).toEqual(whole.facets);
    // Ben has two locations and counts once.
    expect(whole.facets.languages.find((l) => l.value === 'en')?.count).toBe(3);
    expect([...names(first), ...names(second)]).toEqual(names(whole));
    const again = await page({ ...AROUND_MIAMI, pageSize: 2 });
    expect(again).toEqual(first);
  });

  it('counts a new therapist as soon as the index has it', async () => {
    const before = await page({ ...AROUND_MIAMI, pageSize: 1 });
    await createTherapist(t, admin, { name: 'Dee Four', locations: [MIAMI], license, languages: ['de'] });
    await indexCaughtUp(t);
    const after = await page({ ...AROUND_MIAMI, pageSize: 1 });
    expect(after.totalHits).toBe(before.totalHits + 1);
    expect(after.facets.languages.map((l) => l.value)).toContain('de');
  });
});
