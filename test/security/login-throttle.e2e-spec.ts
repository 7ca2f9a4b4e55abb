import { Client } from 'pg';
import { createTestApp, type TestApp } from '@mmn/testing';
import { errorCode, GOOD_PASSWORD, login, registered, uniqueEmail } from '../identity/identity-helpers';

const WRONG = 'not-the-password-at-all';
const codes = (responses: { errors?: { extensions: { code: string } }[] }[]) =>
  responses.map((res) => res.errors?.[0]?.extensions.code ?? 'OK');
const count = (list: string[], code: string) => list.filter((c) => c === code).length;

describe('security: the sign-in throttle holds under concurrency (finding 1)', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const failures = async (email: string) =>
    Number(
      (await db.query<{ n: string }>('SELECT count(*) AS n FROM login_failures WHERE email = $1', [email])).rows[0].n,
    );

  it('checks at most 10 of 100 parallel wrong passwords, and refuses the right one arriving among them', async () => {
    const email = uniqueEmail('victim');
    await registered(t, { email });
    const from = { 'x-forwarded-for': '198.51.100.20' };
    const wrong = Array.from({ length: 100 }, (_, i) => login(t, email, `${WRONG}-${i}`, from));
    // Wait until the limit is reached while most of the guesses are still in flight, then send the right password.
    for (let i = 0; i < 200 && (await failures(email)) < 10; i++) await new Promise((r) => setTimeout(r, 10));
    const right = await login(t, email, GOOD_PASSWORD, from);
    const results = codes(await Promise.all(wrong));
    expect(count(results, 'UNAUTHENTICATED')).toBe(10);
    expect(count(results, 'RATE_LIMITED')).toBe(90);
    expect(errorCode(right)).toBe('RATE_LIMITED');
    expect(await failures(email)).toBe(10);
  });

  it('lets at most 10 of 30 parallel tries be checked when the right password is one of them', async () => {
    const email = uniqueEmail('victim');
    await registered(t, { email });
    const from = { 'x-forwarded-for': '198.51.100.21' };
    const tries = Array.from({ length: 30 }, (_, i) =>
      login(t, email, i === 29 ? GOOD_PASSWORD : `${WRONG}-${i}`, from),
    );
    const results = codes(await Promise.all(tries));
    expect(count(results, 'UNAUTHENTICATED') + count(results, 'OK')).toBe(10);
    expect(count(results, 'RATE_LIMITED')).toBe(20);
  });

  it('a successful sign-in is not left behind as a failure', async () => {
    const email = uniqueEmail();
    await registered(t, { email });
    expect((await login(t, email, GOOD_PASSWORD, { 'x-forwarded-for': '198.51.100.22' })).errors).toBeUndefined();
    expect(await failures(email)).toBe(0);
  });
});

describe('security: a stranger cannot lock the owner out (finding 4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('ten failures from one address throttle that address for the account, not the owner elsewhere', async () => {
    const email = uniqueEmail('owner');
    await registered(t, { email });
    const stranger = { 'x-forwarded-for': '203.0.113.200' };
    for (let i = 0; i < 10; i++) expect(errorCode(await login(t, email, WRONG, stranger))).toBe('UNAUTHENTICATED');
    const refused = await login(t, email, GOOD_PASSWORD, stranger);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0].extensions.retryAfterSeconds).toBeGreaterThan(890);
    // The owner, from their own address, signs in at once.
    expect((await login(t, email, GOOD_PASSWORD, { 'x-forwarded-for': '198.51.100.99' })).errors).toBeUndefined();
  });

  it('many strangers only slow the account down (growing delays of seconds), they never lock it', async () => {
    const email = uniqueEmail('owner');
    await registered(t, { email });
    for (const stranger of ['203.0.113.201', '203.0.113.202'])
      for (let i = 0; i < 10; i++)
        expect(errorCode(await login(t, email, WRONG, { 'x-forwarded-for': stranger }))).toBe('UNAUTHENTICATED');
    const owner = { 'x-forwarded-for': '198.51.100.98' };
    const slowed = await login(t, email, GOOD_PASSWORD, owner);
    expect(errorCode(slowed)).toBe('RATE_LIMITED');
    const wait = slowed.errors![0].extensions.retryAfterSeconds as number;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    await new Promise((r) => setTimeout(r, wait * 1000 + 100));
    expect((await login(t, email, GOOD_PASSWORD, owner)).errors).toBeUndefined();
  });
});
