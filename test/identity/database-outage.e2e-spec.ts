/**
 * Found by `npm run soak` (issue 16): while PostgreSQL restarted, signed-in requests were answered UNAUTHENTICATED,
 * because the failed account look-up of a valid token was taken for a bad token. Clients then sign their users out.
 */
import { createTestApp, sql, type TestApp } from '@mmn/testing';
import { errorCode, me, registered } from './identity-helpers';

describe('identity: a valid token while the account cannot be read', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers SERVICE_UNAVAILABLE, not UNAUTHENTICATED, and signs the caller in again once the database answers', async () => {
    const session = await registered(t);
    // This file's own database: the accounts table goes away for a moment, as in a database restart.
    await sql(t, 'ALTER TABLE users RENAME TO users_away');
    try {
      expect(errorCode(await me(t, session.accessToken))).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await sql(t, 'ALTER TABLE users_away RENAME TO users');
    }
    const back = await me(t, session.accessToken);
    expect(back.errors).toBeUndefined();
    expect(back.data?.me.id).toBe(session.user.id);
  });

  it('still answers UNAUTHENTICATED for a token that is no token of ours', async () => {
    expect(errorCode(await me(t, 'not-a-token'))).toBe('UNAUTHENTICATED');
  });
});
