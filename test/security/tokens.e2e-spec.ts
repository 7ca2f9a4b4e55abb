import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '@mmn/testing';
import { errorCode, me, registered } from '../identity/identity-helpers';
import { sql } from '../referrals/referral-helpers';

const ISSUER = 'medical-massage-network';
const AUDIENCE = 'medical-massage-network-api';
const PENDING = '{ pendingCredentials { kind } }';

describe('security: access tokens are trusted no further than the account (finding 8)', () => {
  let t: TestApp;
  const jwt = new JwtService();
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const sign = (payload: Record<string, unknown>, options: Record<string, unknown> = {}) =>
    jwt.sign(payload, {
      secret: t.config.jwtSecret,
      algorithm: 'HS256',
      issuer: ISSUER,
      audience: AUDIENCE,
      ...options,
    });

  it('accepts a token as issued (15 minutes)', async () => {
    const { user } = await registered(t);
    const res = await me(t, sign({ role: 'PATIENT' }, { subject: user.id, expiresIn: 900 }));
    expect(res.errors).toBeUndefined();
  });

  it('refuses a token without exp, with exp a century away, or without iat', async () => {
    const { user } = await registered(t);
    expect(errorCode(await me(t, sign({ role: 'PATIENT' }, { subject: user.id })))).toBe('UNAUTHENTICATED');
    const century = sign({ role: 'PATIENT' }, { subject: user.id, expiresIn: 100 * 365 * 24 * 3600 });
    expect(errorCode(await me(t, century))).toBe('UNAUTHENTICATED');
    const noIat = sign({ role: 'PATIENT' }, { subject: user.id, expiresIn: 600, noTimestamp: true });
    expect(errorCode(await me(t, noIat))).toBe('UNAUTHENTICATED');
    // Backdated so it is "within" a 15-minute exp of issue but older than the access-token lifetime.
    const old = sign(
      { role: 'PATIENT', iat: Math.floor(Date.now() / 1000) - 3600, exp: Math.floor(Date.now() / 1000) + 60 },
      { subject: user.id },
    );
    expect(errorCode(await me(t, old))).toBe('UNAUTHENTICATED');
  });

  it('answers a non-UUID sub with UNAUTHENTICATED, not INTERNAL', async () => {
    expect(errorCode(await me(t, sign({ role: 'ADMIN' }, { subject: 'admin', expiresIn: 900 })))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await me(t, sign({ role: 'ADMIN' }, { subject: "1' OR '1'='1", expiresIn: 900 })))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('takes the role from the account, not from the token', async () => {
    const { user } = await registered(t, { role: 'PATIENT' });
    const forged = sign({ role: 'ADMIN' }, { subject: user.id, expiresIn: 900 });
    expect(errorCode(await t.gql(PENDING, undefined, { token: forged }))).toBe('FORBIDDEN');
    const res = await me(t, forged);
    expect(res.data!.me.role).toBe('PATIENT');
  });

  it('a re-roled or deleted account loses its old rights within seconds, before its token expires', async () => {
    const admin = await registered(t, { role: 'PATIENT' });
    await sql(t, `UPDATE users SET role = 'ADMIN' WHERE id = $1`, [admin.user.id]);
    await new Promise((r) => setTimeout(r, 3100));
    expect((await t.gql(PENDING, undefined, { token: admin.accessToken })).errors).toBeUndefined();
    await sql(t, `UPDATE users SET role = 'PATIENT' WHERE id = $1`, [admin.user.id]);
    const gone = await registered(t);
    await sql(t, 'DELETE FROM refresh_tokens WHERE user_id = $1', [gone.user.id]);
    await sql(t, 'DELETE FROM users WHERE id = $1', [gone.user.id]);
    await new Promise((r) => setTimeout(r, 3100));
    expect(errorCode(await t.gql(PENDING, undefined, { token: admin.accessToken }))).toBe('FORBIDDEN');
    expect(errorCode(await me(t, gone.accessToken))).toBe('UNAUTHENTICATED');
  });
});
