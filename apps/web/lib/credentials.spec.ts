import { completenessGaps, expiryWarning, locationLicenseText, verificationDetail } from './credentials';

describe('credential wording', () => {
  it('warns 60, 30 and 7 days before expiry, and after it', () => {
    expect(expiryWarning('2026-03-31', '2026-01-01')).toBeNull();
    expect(expiryWarning('2026-03-01', '2026-01-01')?.within).toBe(60);
    expect(expiryWarning('2026-01-31', '2026-01-01')?.within).toBe(30);
    expect(expiryWarning('2026-01-08', '2026-01-01')?.within).toBe(7);
    expect(expiryWarning('2026-01-01', '2026-01-01')?.text).toMatch(/^Expires today/);
    expect(expiryWarning('2025-12-31', '2026-01-01')?.text).toMatch(/^Expired on December 31, 2025/);
    expect(expiryWarning(null, '2026-01-01')).toBeNull();
  });

  it('says what the status means', () => {
    expect(
      verificationDetail({ status: 'VERIFIED', source: 'the Florida board', verifiedAt: '2026-01-02T10:00:00Z' }),
    ).toBe('Verified against the Florida board on January 2, 2026.');
    expect(verificationDetail({ status: 'REJECTED', note: 'No such license number' })).toBe(
      'Could not be verified: No such license number',
    );
  });

  it('names the license that stands between a location and being found', () => {
    const base = { bio: 'x', conditions: [1], techniques: [1] };
    const miami = { city: 'Miami', state: 'FL', licenseVerified: false };
    expect(completenessGaps({ ...base, locations: [miami], licenses: [] }, '2026-01-01')).toEqual([
      'Add a verified Florida license to appear as verified at your Miami location.',
    ]);
    const pending = { state: 'FL', expiresOn: '2027-01-01', verification: { status: 'PENDING' } };
    expect(completenessGaps({ ...base, locations: [miami], licenses: [pending] }, '2026-01-01')[0]).toMatch(
      /waiting for verification/,
    );
    expect(
      completenessGaps({ ...base, locations: [{ ...miami, licenseVerified: true }], licenses: [] }, '2026-01-01'),
    ).toEqual([]);
    expect(locationLicenseText(miami)).toMatch(/Florida license would make/);
  });
});
