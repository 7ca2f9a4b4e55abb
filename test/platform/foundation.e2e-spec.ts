import { createTestApp, type TestApp } from '@mmn/testing';

describe('foundation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports both dependencies as up on /health', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      dependencies: { postgres: { state: 'up' }, meilisearch: { state: 'up' } },
    });
  });

  it('answers reference queries without an account', async () => {
    const res = await t.gql<{ conditions: { id: string }[] }>('{ conditions { id name icd10Codes synonyms } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.conditions.length).toBeGreaterThanOrEqual(25);
  });
});
