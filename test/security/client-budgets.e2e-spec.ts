import * as http from 'http';
import { networkInterfaces } from 'os';
import { loadConfig } from '@mmn/config';
import { createTestApp, type GqlResponse, type TestApp } from '@mmn/testing';
import { registered } from '../identity/identity-helpers';

/** The probe's expensive document: 15 aliased 500 km searches (cost 13 each, 195 in all). */
const WIDE = `{ ${Array.from(
  { length: 15 },
  (_, i) => `s${i}: searchTherapists(input: { near: "Miami, FL", radiusKm: 500, text: "lymphedema" }) { totalHits }`,
).join(' ')} }`;
const CHEAP = '{ searchTherapists(input: { near: "Miami, FL" }) { totalHits } }';

const codes = (res: GqlResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions.code);

/** A non-loopback address of this machine, if it has one: requests to it come from a peer the API does not trust. */
function outsideAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a?.family === 'IPv4' && !a.internal)?.address;
}

describe('security: per-client budgets for anonymous traffic (finding 10)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The production request budget; a cost budget of 390 a minute: exactly two wide documents.
    t = await createTestApp({ limits: { ...loadConfig({}).limits, anonymousCostPerMinute: 390 } });
    // The index is created in the background at start (from the test's own address, which is not used below).
    for (let i = 0; i < 50 && (await t.gql(CHEAP)).errors; i++) await new Promise((r) => setTimeout(r, 100));
  });
  afterAll(() => t.close());

  const as = (visitor: string) => ({ headers: { 'x-forwarded-for': visitor } });

  it('refuses wide searches past the address budget with RATE_LIMITED and retryAfterSeconds', async () => {
    const visitor = as('198.51.100.40');
    expect((await t.gql(WIDE, undefined, visitor)).errors).toBeUndefined();
    expect((await t.gql(WIDE, undefined, visitor)).errors).toBeUndefined();
    const third = await t.gql(WIDE, undefined, visitor);
    expect(codes(third)).toContain('RATE_LIMITED');
    const retry = third.errors!.find((e) => e.extensions.code === 'RATE_LIMITED')!.extensions.retryAfterSeconds;
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    // Even a cheap query from that address now waits; a signed-in caller there is not counted.
    expect(codes(await t.gql(CHEAP, undefined, visitor))).toEqual(['RATE_LIMITED']);
    const session = await registered(t);
    expect((await t.gql(CHEAP, undefined, { ...visitor, token: session.accessToken })).errors).toBeUndefined();
  });

  it('gives two visitors behind the web server (loopback, X-Forwarded-For) separate budgets', async () => {
    const busy = as('198.51.100.50');
    const other = as('198.51.100.51');
    for (let i = 0; i < 3; i++) await t.gql(WIDE, undefined, busy);
    expect(codes(await t.gql(CHEAP, undefined, busy))).toEqual(['RATE_LIMITED']);
    expect((await t.gql(CHEAP, undefined, other)).errors).toBeUndefined();
    expect((await t.gql(WIDE, undefined, other)).errors).toBeUndefined();
  });

  it('caps the number of anonymous operations per address per minute (300)', async () => {
    const visitor = as('198.51.100.60');
    const many = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: techniques { id }`).join(' ')} }`;
    for (let i = 0; i < 20; i++) expect((await t.gql(many, undefined, visitor)).errors).toBeUndefined();
    expect(codes(await t.gql('{ techniques { id } }', undefined, visitor))).toEqual(['RATE_LIMITED']);
  });

  const outside = outsideAddress();
  (outside ? it : it.skip)('does not trust X-Forwarded-For from a peer that is not on loopback', async () => {
    const server = http.createServer(t.app.getHttpAdapter().getInstance() as http.RequestListener);
    await new Promise<void>((resolve) => server.listen(0, outside, resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const post = (spoofed: string) =>
        fetch(`http://${outside}:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofed },
          body: JSON.stringify({ query: WIDE }),
        }).then((res) => res.json() as Promise<GqlResponse<unknown>>);
      // Each request claims another client; all are counted against the real peer address.
      expect((await post('203.0.113.1')).errors).toBeUndefined();
      expect((await post('203.0.113.2')).errors).toBeUndefined();
      expect(codes(await post('203.0.113.3'))).toContain('RATE_LIMITED');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
