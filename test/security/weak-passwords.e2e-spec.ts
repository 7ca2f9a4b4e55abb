import { createTestApp, type TestApp } from '@mmn/testing';
import { errorCode, GOOD_PASSWORD, register, uniqueEmail } from '../identity/identity-helpers';

describe('security: weak passwords are refused, saying why (finding 3)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each(['password1234', 'qwertyuiop123', 'iloveyou2024!', 'Summer2024!!', ' '.repeat(12), 'aaaaaaaaaaaa'])(
    'refuses %j with BAD_USER_INPUT on input.password and a reason',
    async (password) => {
      const res = await register(t, { password });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions.fields).toEqual(['input.password']);
      expect(res.errors![0].message).toMatch(
        /^input\.password: Password (is too easy to guess: \S|is one of the most common)/,
      );
    },
  );

  it('refuses the email address, and the name, as the password', async () => {
    const email = uniqueEmail('rosalind.featherstone');
    const asEmail = await register(t, { email, password: email });
    expect(errorCode(asEmail)).toBe('BAD_USER_INPUT');
    expect(asEmail.errors![0].message).toMatch(/personal/);
    const asName = await register(t, { displayName: 'Rosalind Featherstone', password: 'rosalindfeatherstone' });
    expect(errorCode(asName)).toBe('BAD_USER_INPUT');
  });

  it('still accepts a long uncommon passphrase', async () => {
    expect((await register(t, { password: GOOD_PASSWORD })).errors).toBeUndefined();
  });
});
