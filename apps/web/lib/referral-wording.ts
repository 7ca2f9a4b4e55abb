// Plain words for referral states and the numbers every party watches (unit-tested in referral-wording.spec.ts).
import type { ReferralStatus } from '@mmn/api-client';

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  OPEN: 'Waiting for the patient to choose a therapist',
  SENT: 'Waiting for the therapist',
  ACCEPTED: 'Accepted',
  IN_PROGRESS: 'In treatment',
  DECLINED: 'Declined: needs a new therapist',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
  TRANSFERRED: 'Transferred: care continues in another city',
};

export const EVENT_LABELS: Record<string, string> = {
  CREATED: 'Referral written',
  CLAIMED: 'Claimed by the patient',
  SENT: 'Sent to the therapist',
  ACCEPTED: 'Accepted by the therapist',
  DECLINED: 'Declined by the therapist',
  VISIT_RECORDED: 'Visit recorded',
  PROGRESS_NOTE: 'Progress note',
  RENEWED: 'Renewed',
  COMPLETED: 'Completed with a discharge summary',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
  TRANSFERRED: 'Care moved to another city',
  CONTINUATION_CREATED: 'Continues care from an earlier referral',
  TRANSFER_SUMMARY: 'Transfer summary written',
  HISTORY_SHARING: "Patient's sharing of earlier care changed",
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? type.charAt(0) + type.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** Today as YYYY-MM-DD in UTC, as the API counts expiry. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function daysUntil(date: string, today = todayIso()): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface Allowance {
  visitsUsed: number;
  prescription: { visitsAuthorized: number; expiresOn: string };
}

export function visitsLeft(referral: Allowance): number {
  return Math.max(0, referral.prescription.visitsAuthorized - referral.visitsUsed);
}

/** One visit left, or under 14 days to expiry: time to ask the prescriber for a renewal. */
export function needsRenewal(referral: Allowance, today = todayIso()): boolean {
  return visitsLeft(referral) <= 1 || daysUntil(referral.prescription.expiresOn, today) < 14;
}

/** "12 March 2026" for a YYYY-MM-DD date (no time zone shifts). */
export function formatDate(date: string): string {
  return new Date(`${date.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-US', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatDateTime(at: string): string {
  return new Date(at).toLocaleString('en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
}

export function expiryWording(expiresOn: string, today = todayIso()): string {
  const days = daysUntil(expiresOn, today);
  if (days < 0) return `expired on ${formatDate(expiresOn)}`;
  if (days === 0) return 'expires today';
  return `expires ${formatDate(expiresOn)} (in ${days} day${days === 1 ? '' : 's'})`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How long the therapist a referral was transferred from has to write the transfer summary. */
export const TRANSFER_SUMMARY_DAYS = 30;

interface TimedEvent {
  type: string;
  at: string;
  note?: string | null;
}

/** The last day the transfer summary can be written (YYYY-MM-DD), from the TRANSFERRED event; null before one. */
export function transferSummaryDueOn(events: readonly TimedEvent[]): string | null {
  const transfer = [...events].reverse().find((e) => e.type === 'TRANSFERRED');
  return transfer ? addDays(transfer.at.slice(0, 10), TRANSFER_SUMMARY_DAYS) : null;
}

/** The city a continuation is for ("Miami, FL"), as its creation event says; null for other referrals. */
export function continuationCity(events: readonly TimedEvent[]): string | null {
  const created = events.find((e) => e.type === 'CONTINUATION_CREATED');
  const match = created?.note ? /choose a therapist near (.+?)\.?$/.exec(created.note) : null;
  return match ? match[1] : null;
}

/** Prescriber and therapist practise in different states (some payers and states want a local prescriber). */
export function prescriberOutOfState(
  prescriberStates: readonly string[],
  therapistStates: readonly string[],
): string | null {
  if (prescriberStates.length === 0 || therapistStates.length === 0) return null;
  const treated = new Set(therapistStates.map((s) => s.toUpperCase()));
  if (prescriberStates.some((s) => treated.has(s.toUpperCase()))) return null;
  return [...new Set(prescriberStates.map((s) => s.toUpperCase()))].join(', ');
}
