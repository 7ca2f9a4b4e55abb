import { hashPassword, passwordProblem, personalInputs, verifyPassword } from './password-policy';

describe('password policy', () => {
  it('accepts a long uncommon passphrase, in any script', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('пароль-для-массажа')).toBeNull();
    expect(passwordProblem('plum-harbour-violin-42')).toBeNull();
    expect(passwordProblem('Xk9#mP2$vL7q')).toBeNull();
  });
  it('counts characters, not UTF-16 units', () => {
    // Twelve different emoji (the same one twelve times is a repetition, refused as too easy to guess).
    const twelve = '🌵🦩🎻🐙🍋🚲🧭🪁🦉🌶🎲🪴';
    expect(passwordProblem('😀'.repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem(twelve)).toBeNull();
    expect(passwordProblem('😀'.repeat(129))).toMatch(/at most 128/);
  });
  it('refuses a common breached password', () => {
    expect(passwordProblem('qwerty123456')).toMatch(/common/);
  });
  // Issue 14, finding 3: every one of these was accepted by the length rule alone.
  it.each(['password1234', 'qwertyuiop123', 'iloveyou2024!', 'Summer2024!!', ' '.repeat(12), 'aaaaaaaaaaaa'])(
    'refuses %j as too easy to guess, saying why',
    (password) => {
      expect(passwordProblem(password)).toMatch(/^(is too easy to guess: \S.+|is one of the most common .+)$/);
    },
  );
  it('refuses the email, or the name, as the password', () => {
    const email = 'margaret.holloway@example.org';
    const inputs = personalInputs(email, 'Margaret Holloway');
    expect(passwordProblem(email, inputs)).toMatch(/too easy to guess: .*personal/);
    expect(passwordProblem('margaretholloway', inputs)).toMatch(/too easy to guess/);
    expect(passwordProblem('plum-harbour-violin-42', inputs)).toBeNull();
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
