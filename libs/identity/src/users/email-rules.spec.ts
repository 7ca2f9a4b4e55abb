import { emailLookAlikeProblem, normaliseEmail } from './email-rules';

describe('email rules', () => {
  it('trims, lower-cases and folds full-width letters', () => {
    expect(normaliseEmail('  Ann@Example.ORG ')).toBe('ann@example.org');
    expect(normaliseEmail('ａｄｍｉｎ@example.org')).toBe('admin@example.org');
  });
  it('refuses a local part or a domain label that mixes scripts', () => {
    expect(emailLookAlikeProblem('\u0430dmin@example.org')).toMatch(/scripts/);
    expect(emailLookAlikeProblem('admin@ex\u0430mple.org')).toMatch(/scripts/);
    expect(emailLookAlikeProblem('p\u03bfstmaster@example.org')).toMatch(/scripts/);
  });
  it('accepts addresses written in one script each', () => {
    expect(emailLookAlikeProblem('ann.lee+tag@example.org')).toBeNull();
    expect(emailLookAlikeProblem('анна@пример.рф')).toBeNull();
    expect(emailLookAlikeProblem('анна@example.org')).toBeNull();
    expect(emailLookAlikeProblem('たなか太郎@example.jp')).toBeNull();
  });
});
