import { VerificationStatus } from '../directory.enums';
import { effectiveStatus, isLocationLicensed, isTherapistVerified, licensedThrough } from './therapist-verification';

const today = '2026-03-15';
const fl = (status: VerificationStatus, expiresOn = '2027-01-31') => ({ state: 'FL', status, expiresOn });

describe('effectiveStatus', () => {
  it('reads a VERIFIED credential past its expiry as EXPIRED', () => {
    expect(effectiveStatus(VerificationStatus.VERIFIED, '2026-03-14', today)).toBe(VerificationStatus.EXPIRED);
  });
  it('keeps it VERIFIED through its expiry date', () => {
    expect(effectiveStatus(VerificationStatus.VERIFIED, '2026-03-15', today)).toBe(VerificationStatus.VERIFIED);
  });
  it('never expires a credential without an expiry date', () => {
    expect(effectiveStatus(VerificationStatus.VERIFIED, null, today)).toBe(VerificationStatus.VERIFIED);
  });
  it.each([VerificationStatus.PENDING, VerificationStatus.REJECTED])(
    'leaves %s alone even when past expiry',
    (status) => {
      expect(effectiveStatus(status, '2020-01-01', today)).toBe(status);
    },
  );
});

describe('isTherapistVerified', () => {
  it('is true with a verified license in the state of a location', () => {
    expect(isTherapistVerified([fl(VerificationStatus.VERIFIED)], ['FL'], today)).toBe(true);
  });
  it('is false when the license is for another state (FL license, OH-only practice)', () => {
    expect(isTherapistVerified([fl(VerificationStatus.VERIFIED)], ['OH'], today)).toBe(false);
  });
  it('is true when any location matches', () => {
    expect(isTherapistVerified([fl(VerificationStatus.VERIFIED)], ['OH', 'fl'], today)).toBe(true);
  });
  it('is false without locations', () => {
    expect(isTherapistVerified([fl(VerificationStatus.VERIFIED)], [], today)).toBe(false);
  });
  it('is false when the license is expired', () => {
    expect(isTherapistVerified([fl(VerificationStatus.VERIFIED, '2026-03-01')], ['FL'], today)).toBe(false);
  });
  it.each([VerificationStatus.PENDING, VerificationStatus.REJECTED])('is false when the license is %s', (status) => {
    expect(isTherapistVerified([fl(status)], ['FL'], today)).toBe(false);
  });
  it('is true when one of several licenses qualifies', () => {
    expect(
      isTherapistVerified(
        [fl(VerificationStatus.PENDING), { state: 'OH', status: VerificationStatus.VERIFIED, expiresOn: '2030-01-01' }],
        ['OH'],
        today,
      ),
    ).toBe(true);
  });
});

describe('licensedThrough / isLocationLicensed (a license covers its own state only)', () => {
  it('licenses a Florida location with a verified Florida license, not a New York one', () => {
    const licenses = [fl(VerificationStatus.VERIFIED)];
    expect(isLocationLicensed(licenses, 'FL', today)).toBe(true);
    expect(isLocationLicensed(licenses, 'ny', today)).toBe(false);
  });
  it('gives the latest expiry among the verified licenses of that state', () => {
    const licenses = [fl(VerificationStatus.VERIFIED, '2026-06-30'), fl(VerificationStatus.VERIFIED, '2027-06-30')];
    expect(licensedThrough(licenses, 'FL', today)).toBe('2027-06-30');
  });
  it('drops a location the day after its license lapses, and ignores pending or rejected licenses', () => {
    expect(licensedThrough([fl(VerificationStatus.VERIFIED, '2026-03-14')], 'FL', today)).toBeNull();
    expect(licensedThrough([fl(VerificationStatus.VERIFIED, '2026-03-15')], 'FL', today)).toBe('2026-03-15');
    expect(licensedThrough([fl(VerificationStatus.PENDING), fl(VerificationStatus.REJECTED)], 'FL', today)).toBeNull();
  });
});
