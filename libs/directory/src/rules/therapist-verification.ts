import { todayIso } from '@mmn/shared';
import { VerificationStatus } from '../directory.enums';

/**
 * The status a credential reads as: a VERIFIED credential whose expiry date has passed reads EXPIRED from
 * the day after that date, without any job having to run. `expiresOn` is YYYY-MM-DD or null (no expiry).
 */
export function effectiveStatus(
  stored: VerificationStatus,
  expiresOn: string | null,
  today: string = todayIso(),
): VerificationStatus {
  if (stored === VerificationStatus.VERIFIED && expiresOn !== null && expiresOn < today)
    return VerificationStatus.EXPIRED;
  return stored;
}

export interface LicenseFacts {
  state: string;
  status: VerificationStatus;
  expiresOn: string;
}

/**
 * THE rule for Therapist.verified: at least one VERIFIED, unexpired license in the state of one of the
 * therapist's practice locations. A license is valid only in its own state.
 */
export function isTherapistVerified(
  licenses: readonly LicenseFacts[],
  locationStates: readonly string[],
  today: string = todayIso(),
): boolean {
  const practising = new Set(locationStates.map((state) => state.toUpperCase()));
  return licenses.some(
    (license) =>
      practising.has(license.state.toUpperCase()) &&
      effectiveStatus(license.status, license.expiresOn, today) === VerificationStatus.VERIFIED,
  );
}
