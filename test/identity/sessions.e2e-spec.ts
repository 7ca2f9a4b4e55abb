import { createHash } from 'crypto';
import { Client } from 'pg';
import { createTestApp, type TestApp } from '@mmn/testing';
import { LogoutDocument } from '@mmn/api-client';
import {
  errorCode,
  GOOD_PASSWORD,
  login,
  me,
  refresh,
  registered,
  uniqueEmail,
  type Session,
} from './identity-helpers';

// jsonwebtoken comes with @nestjs/jwt.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jwt = require('jsonwebtoken') as typeof import('jsonwebtoken');

const ISSUER = 'medical-massage-network';
const AUDIENCE = 'medical-massage-network-api';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('identity: sessions', () => {
  let t: TestApp;
  let db: Client;
  let session: Session;
  beforeAll(async () => {
    t = await createTestApp();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    session = await registered(t, { email: uniqueEmail('Session'), role: 'PROVIDER', displayName: 'Pat Provider' });
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  const signIn = async (email: string) => {
    const res = await login(t, email, GOOD_PASSWORD);
    expect(res.errors).toBeUndefined();
    return res.data!.login;
  };
  const freshSession = async () => signIn((await registered(t)).user.email);
  const logout = (refreshToken: string) => t.gql(LogoutDocument, { refreshToken });
  /** Signs a token like the server does; an option set to undefined is left out. */
  const sign = (claims: object, options: import('jsonwebtoken').SignOptions, secret = t.config.jwtSecret) => {
    const merged = {
      algorithm: 'HS256',
      issuer: ISSUER,
      audience: AUDIENCE,
      subject: session.user.id,
      expiresIn: 900,
      ...options,
    };
    const defined = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined));
    return jwt.sign(claims, secret, defined as import('jsonwebtoken').SignOptions);
  };
  const expectRefused = async (token: string) => {
    const res = await me(t, token);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  };

  describe('me', () => {
    it('returns the signed-in user', async () => {
      const res = await me(t, session.accessToken);
      expect(res.errors).toBeUndefined();
      expect(res.data!.me).toEqual({
        id: session.user.id,
        email: session.user.email,
        role: 'PROVIDER',
        displayName: 'Pat Provider',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(res.data!.me.email).toBe(res.data!.me.email.toLowerCase());
      expect(Math.abs(Date.parse(res.data!.me.createdAt) - Date.now())).toBeLessThan(5 * 60_000);
    });

    it('answers UNAUTHENTICATED without a token or with garbage', async () => {
      expect(errorCode(await me(t))).toBe('UNAUTHENTICATED');
      await expectRefused('not-a-jwt');
      expect(
        errorCode(await t.gql('{ me { id } }', undefined, { headers: { authorization: session.accessToken } })),
      ).toBe('UNAUTHENTICATED');
    });
  });

  describe('access tokens', () => {
    it('are HS256 JWTs for 15 minutes with issuer, audience, subject and role', () => {
      expect(session.expiresIn).toBe(900);
      const decoded = jwt.verify(session.accessToken, t.config.jwtSecret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        complete: true,
      });
      expect(decoded.header.alg).toBe('HS256');
      const payload = decoded.payload as import('jsonwebtoken').JwtPayload;
      expect(payload).toMatchObject({ sub: session.user.id, role: 'PROVIDER', iss: ISSUER, aud: AUDIENCE });
      expect(payload.exp! - payload.iat!).toBe(900);
      expect(JSON.stringify(payload)).not.toMatch(/password|email/i);
    });

    it('accepts a token signed like the server does (control for the forgeries below)', async () => {
      const res = await me(t, sign({ role: 'PROVIDER' }, {}));
      expect(res.data!.me.id).toBe(session.user.id);
    });

    it('refuses an unsigned "alg: none" token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: session.user.id, role: 'PROVIDER', iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 900 };
      await expectRefused(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`);
      await expectRefused(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}`);
    });

    it('refuses a bad signature', async () => {
      await expectRefused(sign({ role: 'PROVIDER' }, {}, 'some-other-secret-of-32-characters!!'));
      // A genuine token whose payload was changed (role raised) keeps a signature that no longer matches.
      const [header, , signature] = session.accessToken.split('.');
      const payload = jwt.decode(session.accessToken) as Record<string, unknown>;
      await expectRefused(`${header}.${base64url({ ...payload, role: 'ADMIN' })}.${signature}`);
    });

    it('refuses an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      await expectRefused(sign({ role: 'PROVIDER', iat: now - 1000, exp: now - 100 }, { expiresIn: undefined }));
    });

    it('refuses a wrong audience or issuer', async () => {
      await expectRefused(sign({ role: 'PROVIDER' }, { audience: 'some-other-api' }));
      await expectRefused(sign({ role: 'PROVIDER' }, { issuer: 'someone-else' }));
      await expectRefused(sign({ role: 'PROVIDER' }, { audience: undefined }));
    });

    it('refuses another HMAC algorithm even with the right secret, and tokens without a valid role or subject', async () => {
      await expectRefused(sign({ role: 'PROVIDER' }, { algorithm: 'HS512' }));
      await expectRefused(sign({ role: 'SUPERUSER' }, {}));
      await expectRefused(sign({ role: 'PROVIDER' }, { subject: undefined }));
    });
  });

  describe('refresh', () => {
    it('rotates: the new refresh token works once, the old one no longer does', async () => {
      const first = await freshSession();
      const rotated = await refresh(t, first.refreshToken);
      expect(rotated.errors).toBeUndefined();
      const second = rotated.data!.refreshSession;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(second.expiresIn).toBe(900);
      expect(second.user.id).toBe(first.user.id);
      expect((await me(t, second.accessToken)).data!.me.id).toBe(first.user.id);

      const third = await refresh(t, second.refreshToken);
      expect(third.errors).toBeUndefined();
      expect(errorCode(await refresh(t, second.refreshToken))).toBe('UNAUTHENTICATED');
    });

    it('revokes the whole family when an already-used token is presented', async () => {
      const first = await freshSession();
      const second = (await refresh(t, first.refreshToken)).data!.refreshSession;
      const replay = await refresh(t, first.refreshToken);
      expect(errorCode(replay)).toBe('UNAUTHENTICATED');
      expect(replay.data ?? null).toBeNull();
      // The newer token, never used, stopped working too.
      expect(errorCode(await refresh(t, second.refreshToken))).toBe('UNAUTHENTICATED');
    });

    it('leaves other sessions of the same user alone when one family is revoked', async () => {
      const email = (await registered(t)).user.email;
      const a = await signIn(email);
      const b = await signIn(email);
      await refresh(t, a.refreshToken);
      await refresh(t, a.refreshToken);
      expect((await refresh(t, b.refreshToken)).errors).toBeUndefined();
    });

    it('lets only one of two concurrent refreshes with the same token through', async () => {
      const first = await freshSession();
      const results = await Promise.all([refresh(t, first.refreshToken), refresh(t, first.refreshToken)]);
      const succeeded = results.filter((r) => !r.errors);
      expect(succeeded).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0].extensions.code === 'UNAUTHENTICATED')).toHaveLength(1);
    });

    it('refuses an unknown refresh token', async () => {
      expect(errorCode(await refresh(t, 'made-up-token'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await refresh(t, ''))).toBe('UNAUTHENTICATED');
    });
  });

  describe('logout', () => {
    it('revokes the refresh token', async () => {
      const s = await freshSession();
      const res = await logout(s.refreshToken);
      expect(res.errors).toBeUndefined();
      expect(res.data!.logout).toBe(true);
      expect(errorCode(await refresh(t, s.refreshToken))).toBe('UNAUTHENTICATED');
    });

    it('revokes the rotated successor as well, and only that session', async () => {
      const email = (await registered(t)).user.email;
      const s = await signIn(email);
      const other = await signIn(email);
      const next = (await refresh(t, s.refreshToken)).data!.refreshSession;
      await logout(next.refreshToken);
      expect(errorCode(await refresh(t, next.refreshToken))).toBe('UNAUTHENTICATED');
      expect((await refresh(t, other.refreshToken)).errors).toBeUndefined();
    });

    it('is idempotent and ignores unknown tokens', async () => {
      const s = await freshSession();
      expect((await logout(s.refreshToken)).data!.logout).toBe(true);
      expect((await logout(s.refreshToken)).data!.logout).toBe(true);
      expect((await logout('made-up-token')).data!.logout).toBe(true);
    });
  });

  describe('absolute session lifetime', () => {
    const hash = (token: string) => createHash('sha256').update(token).digest('hex');
    const row = async (token: string) =>
      (
        await db.query<{ family_id: string; expires_at: Date; session_expires_at: Date }>(
          'SELECT family_id, expires_at, session_expires_at FROM refresh_tokens WHERE token_hash = $1',
          [hash(token)],
        )
      ).rows[0];

    it('fixes the end of the session 12 hours after login; refreshing never extends it', async () => {
      const before = Date.now();
      const s = await freshSession();
      const first = await row(s.refreshToken);
      expect(first).toBeDefined();
      expect(first.session_expires_at.getTime()).toBeGreaterThanOrEqual(before + 12 * 3600_000 - 1000);
      expect(first.session_expires_at.getTime()).toBeLessThanOrEqual(Date.now() + 12 * 3600_000 + 1000);
      const next = (await refresh(t, s.refreshToken)).data!.refreshSession;
      const second = await row(next.refreshToken);
      expect(second.family_id).toBe(first.family_id);
      expect(second.session_expires_at.getTime()).toBe(first.session_expires_at.getTime());
      expect(second.expires_at.getTime()).toBeLessThanOrEqual(second.session_expires_at.getTime());
    });

    it('refuses to refresh once the session is over, even with an unused token', async () => {
      const s = await freshSession();
      const next = (await refresh(t, s.refreshToken)).data!.refreshSession;
      const { family_id } = await row(next.refreshToken);
      // Twelve hours after login have passed.
      await db.query(
        `UPDATE refresh_tokens SET session_expires_at = now() - interval '1 second' WHERE family_id = $1`,
        [family_id],
      );
      expect(errorCode(await refresh(t, next.refreshToken))).toBe('UNAUTHENTICATED');
    });

    it('refuses an expired refresh token', async () => {
      const s = await freshSession();
      await db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
        hash(s.refreshToken),
      ]);
      expect(errorCode(await refresh(t, s.refreshToken))).toBe('UNAUTHENTICATED');
    });
  });
});
