import {
  ACCESS_CODE_ALPHABET,
  canonicalHash,
  deriveAccessCode,
  formatAccessCode,
  hashAccessCode,
  normaliseAccessCode,
} from './access-code';
import { oneYearAfter } from './dates';
import { prescriptionDateProblems, visitRefusal } from './prescription-rules';

describe('access codes', () => {
  const secret = 'x'.repeat(64);

  it('are 12 symbols of the unambiguous alphabet, deterministic per referral and secret', () => {
    const code = deriveAccessCode('5b2f3c1e-0000-4000-8000-000000000001', secret);
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/);
    expect(deriveAccessCode('5b2f3c1e-0000-4000-8000-000000000001', secret)).toBe(code);
    expect(deriveAccessCode('5b2f3c1e-0000-4000-8000-000000000002', secret)).not.toBe(code);
    expect(deriveAccessCode('5b2f3c1e-0000-4000-8000-000000000001', 'y'.repeat(64))).not.toBe(code);
  });

  it('never use 0, O, 1, I or L', () => {
    expect(ACCESS_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    for (let i = 0; i < 200; i++) expect(deriveAccessCode(`id-${i}`, secret)).not.toMatch(/[0O1IL]/);
  });

  it('hash the normalised form, so case, spaces and dashes do not matter', () => {
    const code = deriveAccessCode('abc', secret);
    expect(hashAccessCode(formatAccessCode(code).toLowerCase())).toBe(hashAccessCode(code));
    expect(normaliseAccessCode(' ab-cd ef ')).toBe('ABCDEF');
    expect(hashAccessCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('canonical hashes ignore key order and absent optional fields', () => {
    expect(canonicalHash({ a: 1, b: { c: [1, 2], d: undefined } })).toBe(
      canonicalHash({ b: { c: [1, 2] }, a: 1, e: null }),
    );
    expect(canonicalHash({ a: [1, 2] })).not.toBe(canonicalHash({ a: [2, 1] }));
  });
});

describe('prescription dates', () => {
  const today = '2025-03-10';

  it('accepts a prescription written today expiring within a year', () => {
    expect(prescriptionDateProblems({ writtenOn: today, expiresOn: '2026-03-10' }, today)).toEqual([]);
  });

  it.each([
    [{ writtenOn: '2025-03-11', expiresOn: '2025-06-01' }, 'input.prescription.writtenOn'],
    [{ writtenOn: today, expiresOn: today }, 'input.prescription.expiresOn'],
    [{ writtenOn: today, expiresOn: '2025-01-01' }, 'input.prescription.expiresOn'],
    [{ writtenOn: today, expiresOn: '2026-03-11' }, 'input.prescription.expiresOn'],
    [{ writtenOn: '2024-01-01', expiresOn: '2024-06-01' }, 'input.prescription.expiresOn'],
  ])('refuses %p at %s', (dates, path) => {
    expect(prescriptionDateProblems(dates, today).map((p) => p.path)).toContain(path);
  });

  it('one year after 29 February is 28 February', () => {
    expect(oneYearAfter('2024-02-29')).toBe('2025-02-28');
    expect(oneYearAfter('2025-03-10')).toBe('2026-03-10');
  });
});

describe('visitRefusal', () => {
  it('allows a visit within count and dates', () => {
    expect(visitRefusal({ visitsUsed: 1, visitsAuthorized: 2, expiresOn: '2025-03-10' }, '2025-03-10')).toBeNull();
  });
  it('refuses beyond the authorized count and after expiry (a renewal, or a new referral once expired)', () => {
    expect(visitRefusal({ visitsUsed: 2, visitsAuthorized: 2, expiresOn: '2025-03-10' }, '2025-03-01')).toMatch(
      /renewal/,
    );
    expect(visitRefusal({ visitsUsed: 0, visitsAuthorized: 2, expiresOn: '2025-03-10' }, '2025-03-11')).toMatch(
      /expired.*ask the prescriber for a renewal.*new referral/,
    );
  });
});
