import type { FieldProblem } from '@mmn/graphql-platform';
import { oneYearAfter } from './dates';

/** The most visits one prescription may authorize, renewals included (the contract's 1..104). */
export const MAX_VISITS_AUTHORIZED = 104;

export interface PrescriptionDates {
  writtenOn: string;
  expiresOn: string;
}

/**
 * Date rules of a prescription, as input problems: written no later than today, expiring after it was written,
 * at most one year later, and not already expired. Dates are YYYY-MM-DD (the Date scalar checked the form).
 */
export function prescriptionDateProblems(
  dates: PrescriptionDates,
  today: string,
  prefix = 'input.prescription',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (dates.writtenOn > today) problems.push({ path: `${prefix}.writtenOn`, message: 'cannot be in the future' });
  if (dates.expiresOn <= dates.writtenOn) {
    problems.push({ path: `${prefix}.expiresOn`, message: 'must be after writtenOn' });
  } else if (dates.expiresOn > oneYearAfter(dates.writtenOn)) {
    problems.push({ path: `${prefix}.expiresOn`, message: 'must be at most one year after writtenOn' });
  } else if (dates.expiresOn < today) {
    problems.push({ path: `${prefix}.expiresOn`, message: 'has already passed' });
  }
  return problems;
}

/**
 * Why a visit cannot be recorded against this prescription, or null when it can. Both reasons send the
 * therapist to the prescriber. Messages carry no prescription details (error messages never hold PHI).
 */
export function visitRefusal(
  prescription: { visitsUsed: number; visitsAuthorized: number; expiresOn: string },
  occurredOn: string,
): string | null {
  if (occurredOn > prescription.expiresOn) {
    return 'The prescription has expired; ask the prescriber for a renewal (an expired referral is closed, so it takes a new referral) before recording more visits.';
  }
  if (prescription.visitsUsed >= prescription.visitsAuthorized) {
    return 'All authorized visits have been recorded; ask the prescriber for a renewal before recording more visits.';
  }
  return null;
}
