import { VerificationStatus } from '../directory.enums';

/**
 * Why a prescriber may not send referrals yet, or null when they may. With verification required (the default,
 * REQUIRE_VERIFIED_PRESCRIBERS), only a VERIFIED NPI sends; each message says why and what to do.
 */
export function prescriberRefusal(status: VerificationStatus, verificationRequired: boolean): string | null {
  if (!verificationRequired || status === VerificationStatus.VERIFIED) return null;
  if (status === VerificationStatus.REJECTED) {
    return 'Your NPI could not be verified against the NPPES registry; correct it in your provider profile (the note on your verification says why) and it will be checked again.';
  }
  return 'Your NPI is waiting for verification against the NPPES registry; you can send referrals as soon as an administrator has verified it (usually within one business day).';
}
