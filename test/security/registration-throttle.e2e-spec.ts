import { loadConfig } from '@mmn/config';
import { createTestApp, type TestApp } from '@mmn/testing';
import { errorCode, register, registered, uniqueEmail } from '../identity/identity-helpers';

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const code = (res: { errors?: { extensions: { code: string } }[] }) => res.errors?.[0]?.extensions.code ?? 'OK';

describe('security: registration is throttled per address and in total (finding 5)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The production budgets: 10 per address per hour; the total is lowered to test it with few requests.
    t = await createTestApp({ limits: { ...loadConfig({}).limits, registrationsPerMinute: 25 } });
  });
  afterAll(() => t.close());

  const registerFrom = (ip: string, email = uniqueEmail()) =>
    t.gql<{ register: { user: { id: string } } }>(
      `mutation R($input: RegisterInput!) { register(input: $input) { user { id } } }`,
      { input: { email, password: 'plum-harbour-violin-42', role: 'PATIENT', displayName: 'Ann' } },
      { headers: from(ip) },
    );

  it('lets one address register 10 times an hour (taken emails count too), then answers RATE_LIMITED', async () => {
    const taken = uniqueEmail('taken');
    expect(code(await registerFrom('198.51.100.30', taken))).toBe('OK');
    // Probing a taken email still says CONFLICT, as the contract says, but spends the budget.
    for (let i = 0; i < 4; i++) expect(code(await registerFrom('198.51.100.30', taken))).toBe('CONFLICT');
    for (let i = 0; i < 5; i++) expect(code(await registerFrom('198.51.100.30'))).toBe('OK');
    const refused = await registerFrom('198.51.100.30');
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    const retry = refused.errors![0].extensions.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(3500);
    expect(retry).toBeLessThanOrEqual(3600);
    // A taken email is no longer confirmed either.
    expect(errorCode(await registerFrom('198.51.100.30', taken))).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect(code(await registerFrom('198.51.100.31'))).toBe('OK');
  });

  it('holds under concurrency: of 30 parallel registrations from one address, 10 are admitted', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => registerFrom('198.51.100.32')));
    expect(results.filter((res) => code(res) === 'OK')).toHaveLength(10);
    expect(results.filter((res) => code(res) === 'RATE_LIMITED')).toHaveLength(20);
  });

  it('caps registrations from everyone together per minute', async () => {
    // Whatever the tests above spent of this minute's total (25 in this app), fresh addresses run out of it.
    let tries = 0;
    let last = await registerFrom('192.0.2.100');
    while (code(last) === 'OK' && tries < 30) last = await registerFrom(`192.0.2.${101 + tries++}`);
    expect(tries).toBeLessThan(25);
    expect(errorCode(last)).toBe('RATE_LIMITED');
    expect(last.errors![0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(last.errors![0].message).toMatch(/right now/);
  });
});

describe('security: look-alike emails are refused (finding 11)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses a Cyrillic "а" in a Latin local part, naming input.email', async () => {
    const res = await register(t, { email: `\u0430dmin-${Date.now()}@example.org` });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields).toEqual(['input.email']);
    expect(res.errors![0].message).toMatch(/scripts/);
  });

  it('folds full-width letters, so "ａｄｍｉｎ" is the same account as "admin"', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    await registered(t, { email: `admin${tag}@example.org` });
    const wide = [...`admin${tag}`].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    expect(errorCode(await register(t, { email: `${wide}@example.org` }))).toBe('CONFLICT');
  });
});
