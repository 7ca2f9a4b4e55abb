import { Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@mmn/identity';
import { createTestApp, type TestApp } from '@mmn/testing';

/** A resolver that fails the way a bug would: an error whose message carries SQL. */
@Resolver()
class BrokenResolver {
  @Public()
  @Query(() => String)
  broken(): string {
    throw new Error('relation "secret_table" does not exist: SELECT * FROM secret_table');
  }
}

@Module({ providers: [BrokenResolver] })
class BrokenModule {}

describe('errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ nodeEnv: 'production' }, [BrokenModule]);
  });
  afterAll(() => t.close());

  it('turns an unexpected error into INTERNAL with a request id, without SQL or a stack trace', async () => {
    const res = await t.gql('{ broken }', undefined, { headers: { 'x-request-id': 'req-abc-123' } });
    const error = res.errors![0];
    expect(error.extensions.code).toBe('INTERNAL');
    expect(error.extensions.requestId).toBe('req-abc-123');
    expect(error.message).toContain('req-abc-123');
    expect(JSON.stringify(res)).not.toMatch(/secret_table|SELECT|stacktrace|at .*\.ts/);
  });

  it('names each bad input path on validation failures', async () => {
    const res = await t.gql('mutation($input: RegisterInput!) { register(input: $input) { accessToken } }', {
      input: { email: 'not-an-email', password: 'a long enough password', role: 'PATIENT', displayName: '' },
    });
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields).toEqual(expect.arrayContaining(['input.email', 'input.displayName']));
  });

  it('gives malformed documents and unknown fields BAD_USER_INPUT, without suggesting field names', async () => {
    const syntax = await t.gql('{ conditions { id }');
    expect(syntax.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql('{ conditionz { id } }');
    expect(unknown.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('gives a bad scalar value BAD_USER_INPUT', async () => {
    const res = await t.gql('query($code: String!) { diagnosis(code: $code) { code } }', { code: 12 });
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('looks up ICD-10-CM codes, null when unknown, and knows the billable traps', async () => {
    const res = await t.gql<{ a: unknown; b: unknown; c: unknown; d: unknown }>(
      '{ a: diagnosis(code: "M54.50") { code billable category { code billable } } b: diagnosis(code: "m54.5") { billable } c: diagnosis(code: "S13.4XXA") { billable } d: diagnosis(code: "Z99.999") { code } }',
    );
    expect(res.data).toEqual({
      a: { code: 'M54.50', billable: true, category: { code: 'M54.5', billable: false } },
      b: { billable: false },
      c: { billable: true },
      d: null,
    });
  });
});
