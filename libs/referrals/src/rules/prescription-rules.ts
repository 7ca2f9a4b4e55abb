import type { FieldProblem } from '@mmn/errors';
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

/** Said when a visit is recorded after the prescription's expiry: what to do next, and why a renewal is not enough. */
export const EXPIRED_PRESCRIPTION_MESSAGE =
  'The prescription has expired; ask the prescriber for a renewal (an expired referral is closed, so it takes a new referral) before recording more visits.';

/**
 * Why a visit cannot be recorded against this prescription, or null when it can. Both reasons send the
 * therapist to the prescriber. Messages carry no prescription details (error messages never hold PHI).
 */
export function visitRefusal(
  prescription: { visitsUsed: number; visitsAuthorized: number; expiresOn: string },
  occurredOn: string,
): string | null {
  if (occurredOn > prescription.expiresOn) {
    return EXPIRED_PRESCRIPTION_MESSAGE;
  }
  if (prescription.visitsUsed >= prescription.visitsAuthorized) {
    return 'All authorized visits have been recorded; ask the prescriber for a renewal before recording more visits.';
  }
  return null;
}

/** A visit happens on or before today and not before the prescription was written. */
export function visitDateProblems(occurredOn: string, writtenOn: string, today: string): FieldProblem[] {
  if (occurredOn > today) return [{ path: 'input.occurredOn', message: 'cannot be in the future' }];
  if (occurredOn < writtenOn)
    return [{ path: 'input.occurredOn', message: 'cannot be before the prescription was written' }];
  return [];
}

export interface Renewal {
  additionalVisits: number;
  newExpiresOn?: string | null;
}

/**
 * A renewal is a new order written today: it adds visits (never beyond the cap in all) and/or moves the expiry
 * later, to at most one year from today. It must change something.
 */
export function renewalProblems(
  current: { visitsAuthorized: number; expiresOn: string },
  renewal: Renewal,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (renewal.newExpiresOn != null && renewal.newExpiresOn <= current.expiresOn) {
    problems.push({ path: 'input.newExpiresOn', message: 'must be after the current expiry' });
  } else if (renewal.newExpiresOn != null && renewal.newExpiresOn > oneYearAfter(today)) {
    problems.push({ path: 'input.newExpiresOn', message: 'must be at most one year from today' });
  }
  if (current.visitsAuthorized + renewal.additionalVisits > MAX_VISITS_AUTHORIZED) {
    problems.push({
      path: 'input.additionalVisits',
      message: `would authorize more than ${MAX_VISITS_AUTHORIZED} visits in all; write a new referral instead`,
    });
  }
  if (renewal.additionalVisits === 0 && renewal.newExpiresOn == null) {
    problems.push({ path: 'input.additionalVisits', message: 'add visits or give a new expiry date' });
  }
  return problems;
}

/** What the renewal event says: "12 more visits, expires on 2027-06-30". */
export function renewalNote(renewal: Renewal, expiresOn: string): string {
  const parts = [
    renewal.additionalVisits > 0 ? `${renewal.additionalVisits} more visits` : null,
    renewal.newExpiresOn ? `expires on ${expiresOn}` : null,
  ].filter(Boolean);
  return `Renewed: ${parts.join(', ')}`;
}

/** Free text (a reason, a note): not blank, at most `max` characters. */
export function textProblems(path: string, value: string, max: number): FieldProblem[] {
  return value.trim().length === 0 || value.length > max ? [{ path, message: `must be 1 to ${max} characters` }] : [];
}
