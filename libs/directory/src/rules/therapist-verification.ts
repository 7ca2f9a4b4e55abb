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
 * A license is valid only in its own state: a practice location is *licensed* while the therapist holds a
 * VERIFIED, unexpired license of that location's state. Returns the last day (YYYY-MM-DD) it stays licensed
 * without new verification, or null when it is not licensed today.
 */
export function licensedThrough(
  licenses: readonly LicenseFacts[],
  locationState: string,
  today: string = todayIso(),
): string | null {
  const state = locationState.toUpperCase();
  const qualifying = licenses
    .filter(
      (license) =>
        license.state.toUpperCase() === state &&
        effectiveStatus(license.status, license.expiresOn, today) === VerificationStatus.VERIFIED,
    )
    .map((license) => license.expiresOn)
    .sort();
  return qualifying.length === 0 ? null : qualifying[qualifying.length - 1];
}

export function isLocationLicensed(
  licenses: readonly LicenseFacts[],
  locationState: string,
  today: string = todayIso(),
): boolean {
  return licensedThrough(licenses, locationState, today) !== null;
}

/** THE rule for Therapist.verified: at least one licensed practice location. */
export function isTherapistVerified(
  licenses: readonly LicenseFacts[],
  locationStates: readonly string[],
  today: string = todayIso(),
): boolean {
  return locationStates.some((state) => isLocationLicensed(licenses, state, today));
}
