/**
 * National Provider Identifier check: 10 digits, first digit 1 or 2, Luhn check digit computed over
 * "80840" followed by the first nine digits (CMS NPI standard).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^[12]\d{9}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}

/** Appends the check digit to a 9-digit NPI stem (used to generate valid demo NPIs). */
export function withNpiCheckDigit(stem: string): string {
  for (let d = 0; d <= 9; d++) if (isValidNpi(`${stem}${d}`)) return `${stem}${d}`;
  throw new Error(`Cannot complete NPI stem ${stem}`);
}
