import { createTestApp, type TestApp } from '@mmn/testing';

describe('search on an empty directory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers with no hits (the index exists from start), not SERVICE_UNAVAILABLE', async () => {
    const query = `query($input: TherapistSearchInput!) { searchTherapists(input: $input) { totalHits hits { distanceKm } resolvedPlace { label } } }`;
    let res = await t.gql<{
      searchTherapists: { totalHits: number; hits: unknown[]; resolvedPlace: { label: string } };
    }>(query, { input: { near: 'Miami, FL' } });
    // The index is created in the background at start; give it a moment on a slow machine.
    for (let i = 0; i < 50 && res.errors; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await t.gql(query, { input: { near: 'Miami, FL' } });
    }
    expect(res.errors).toBeUndefined();
    expect(res.data!.searchTherapists).toEqual({
      totalHits: 0,
      hits: [],
      resolvedPlace: { label: expect.stringContaining('Miami') },
    });
  });
});
