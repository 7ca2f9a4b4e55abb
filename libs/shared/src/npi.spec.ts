import { isValidNpi, withNpiCheckDigit } from './npi';

describe('isValidNpi', () => {
  it('accepts the CMS example 1234567893', () => expect(isValidNpi('1234567893')).toBe(true));
  it('refuses a wrong check digit', () => expect(isValidNpi('1234567890')).toBe(false));
  it.each(['123456789', '12345678931', '3234567893', '123456789a', ' 1234567893', ''])('refuses malformed %p', (npi) =>
    expect(isValidNpi(npi)).toBe(false),
  );
  it('accepts exactly one check digit for any stem', () => {
    for (const stem of ['123456789', '199999999', '200000000', '150000123']) {
      const valid = [...'0123456789'].filter((d) => isValidNpi(stem + d));
      expect(valid).toHaveLength(1);
      expect(withNpiCheckDigit(stem)).toBe(stem + valid[0]);
    }
  });
});
