import { formatDate } from './referral-wording';
import { stateName } from './wording';

/** A credential's verification as the pages show it. */
export interface CredentialVerification {
  status: string;
  source?: string | null;
  note?: string | null;
  verifiedAt?: string | null;
}

export const STATUS_LABELS: Record<string, string> = {
  PENDING: 'Pending',
  VERIFIED: 'Verified',
  REJECTED: 'Rejected',
  EXPIRED: 'Expired',
};

/** The tag's colour per status (USWDS utility colours with AA contrast on white text). */
export const STATUS_COLOURS: Record<string, string> = {
  PENDING: 'bg-base-dark',
  VERIFIED: 'bg-green',
  REJECTED: 'bg-secondary-dark',
  EXPIRED: 'bg-secondary-dark',
};

/** Days from `today` to `date` (both YYYY-MM-DD), negative when past. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The page warns 60, 30 and 7 days before a credential expires: the nearest threshold not yet passed. */
export const WARNING_DAYS = [7, 30, 60] as const;

export interface ExpiryWarning {
  days: number;
  within: (typeof WARNING_DAYS)[number] | 0;
  text: string;
}

/** A warning when the credential expires within 60 days (or has expired); null otherwise or without a date. */
export function expiryWarning(expiresOn: string | null | undefined, today: string): ExpiryWarning | null {
  if (!expiresOn) return null;
  const days = daysBetween(today, expiresOn);
  if (days < 0) return { days, within: 0, text: `Expired on ${formatDate(expiresOn)}.` };
  const within = WARNING_DAYS.find((limit) => days <= limit);
  if (within === undefined) return null;
  const when = days === 0 ? 'today' : `in ${days} day${days === 1 ? '' : 's'}`;
  return { days, within, text: `Expires ${when}, on ${formatDate(expiresOn)}. Renew it and add the new one here.` };
}

/** What the status means, in words: source and date, or the administrator's note. */
export function verificationDetail(verification: CredentialVerification): string {
  switch (verification.status) {
    case 'VERIFIED': {
      const day = verification.verifiedAt ? ` on ${formatDate(verification.verifiedAt)}` : '';
      return `Verified${verification.source ? ` against ${verification.source}` : ''}${day}.`;
    }
    case 'REJECTED':
      return `Could not be verified${verification.note ? `: ${verification.note}` : '.'}`;
    case 'EXPIRED':
      return 'Expired: it no longer counts toward verification.';
    default:
      return 'Waiting for an administrator to check it with the issuer.';
  }
}

export interface CompletenessFacts {
  bio?: string | null;
  conditions: readonly unknown[];
  techniques: readonly unknown[];
  locations: readonly { city: string; state: string; licenseVerified: boolean }[];
  licenses: readonly { state: string; expiresOn: string; verification: { status: string } }[];
}

/**
 * What stands between the therapist and being found, most important first: a location, a verified license of each
 * location's state (pending, rejected or missing), then what makes the profile useful to patients.
 */
export function completenessGaps(profile: CompletenessFacts, today: string): string[] {
  const gaps: string[] = [];
  if (profile.locations.length === 0) gaps.push('Add a practice location: patients search by place.');
  for (const location of profile.locations.filter((l) => !l.licenseVerified)) {
    const state = stateName(location.state);
    const license = profile.licenses.find((l) => l.state === location.state && daysBetween(today, l.expiresOn) >= 0);
    const where = `at your ${location.city} location`;
    if (license?.verification.status === 'PENDING')
      gaps.push(`Your ${state} license is waiting for verification; once verified you appear as verified ${where}.`);
    else gaps.push(`Add a verified ${state} license to appear as verified ${where}.`);
  }
  if (!profile.bio?.trim()) gaps.push('Write a short bio: what you treat and how you work.');
  if (profile.conditions.length === 0) gaps.push('Choose the conditions you treat, so searches for them find you.');
  if (profile.techniques.length === 0) gaps.push('Choose the techniques you use.');
  return gaps;
}

/** Why a location is or is not licensed, and which license would make it so. */
export function locationLicenseText(location: { state: string; licenseVerified: boolean }): string {
  const state = stateName(location.state);
  return location.licenseVerified
    ? `Licensed: you hold a verified ${state} license.`
    : `Not licensed: a verified, unexpired ${state} license would make this location appear in verified searches.`;
}
