import { hashPassword, passwordProblem, verifyPassword } from './password-policy';

describe('password policy', () => {
  it('accepts a long uncommon passphrase, in any script', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('пароль-для-массажа')).toBeNull();
  });
  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('😀'.repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem('😀'.repeat(12))).toBeNull();
    expect(passwordProblem('😀'.repeat(129))).toMatch(/at most 128/);
  });
  it('refuses a common breached password', () => {
    expect(passwordProblem('qwerty123456')).toMatch(/common/);
  });
  it('hashes with argon2id and unique salts, and verifies the whole password', async () => {
    const a = await hashPassword('a very long password 1');
    const b = await hashPassword('a very long password 1');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'a very long password 1')).toBe(true);
    expect(await verifyPassword(a, 'a very long password 2')).toBe(false);
  });
});
