import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '@mmn/testing';

function nested(depth: number): string {
  // The leaf field counts as a level: diagnosis, (depth - 2) categories, code.
  let selection = 'code';
  for (let i = 2; i < depth; i++) selection = `category { ${selection} }`;
  return `{ diagnosis(code: "M54.50") { ${selection} } }`;
}

describe('query limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('allows depth 8 and refuses depth 9', async () => {
    expect((await t.gql(nested(8))).errors).toBeUndefined();
    const deep = await t.gql(nested(9));
    expect(deep.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(deep.errors![0].message).toMatch(/depth/i);
  });

  it('allows 15 aliases and refuses 16', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: techniques { id }`).join(' ')} }`;
    expect((await t.gql(aliases(15))).errors).toBeUndefined();
    const res = await t.gql(aliases(16));
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/alias/i);
  });

  it('refuses a document of more than 2000 tokens', async () => {
    const res = await t.gql(`{ techniques { ${'id '.repeat(2000)} } }`);
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/token/i);
  });

  it('refuses a document whose cost is over the limit', async () => {
    const chain = 'category { category { category { category { category { code description billable } } } } }';
    const res = await t.gql(
      `{ ${Array.from({ length: 15 }, (_, i) => `d${i}: diagnosis(code: "M54.50") { code description billable ${chain} }`).join(' ')} }`,
    );
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/cost/i);
  });

  it('refuses batched HTTP requests', async () => {
    const res = await t.post(
      '/graphql',
      JSON.stringify([{ query: '{ techniques { id } }' }, { query: '{ networks { id } }' }]),
    );
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('"techniques"');
  });

  it('answers 413 to a body over 100 kB, and accepts one just under', async () => {
    const padding = (n: number) =>
      JSON.stringify({ query: '{ techniques { id } }', variables: { pad: 'x'.repeat(n) } });
    const big = await t.post('/graphql', padding(101 * 1024));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const ok = await t.post('/graphql', padding(90 * 1024));
    expect(ok.status).toBe(200);
  });

  it('runs SQL with a statement timeout', async () => {
    const [row] = await t.app.get(DataSource).query('SHOW statement_timeout');
    expect(row.statement_timeout).toBe('5s');
  });
});
