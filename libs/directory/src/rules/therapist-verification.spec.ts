import { VerificationStatus } from '../directory.enums';
import { effectiveStatus, isTherapistVerified } from './therapist-verification';

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
