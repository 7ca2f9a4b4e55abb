import { createTestApp, type TestApp } from '@mmn/testing';

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

describe('security: no introspection in production (finding 12)', () => {
  let production: TestApp;
  let allowed: TestApp;
  beforeAll(async () => {
    [production, allowed] = await Promise.all([
      createTestApp({ nodeEnv: 'production', graphqlIntrospection: false }),
      createTestApp({ nodeEnv: 'production', graphqlIntrospection: true }),
    ]);
  });
  afterAll(() => Promise.all([production.close(), allowed.close()]));

  it('refuses __schema and __type with BAD_USER_INPUT when NODE_ENV=production', async () => {
    const res = await production.gql(INTROSPECTION);
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.data).toBeUndefined();
    const type = await production.gql('{ __type(name: "Referral") { fields { name } } }');
    expect(type.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    // Ordinary queries still work, __typename included.
    const plain = await production.gql<{ techniques: unknown[]; __typename: string }>(
      '{ __typename techniques { id } }',
    );
    expect(plain.errors).toBeUndefined();
    expect(plain.data!.__typename).toBe('Query');
  });

  it('serves it in production when GRAPHQL_INTROSPECTION=true', async () => {
    const res = await allowed.gql<{ __schema: { queryType: { name: string } } }>(INTROSPECTION);
    expect(res.errors).toBeUndefined();
    expect(res.data!.__schema.queryType.name).toBe('Query');
  });
});
