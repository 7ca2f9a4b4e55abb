import { type AuditLogFilter, AuditLogDocument, type AuditOutcome } from '@mmn/api-client';
import { ApiError } from '../../../../lib/api';
import type { Session } from '../../../../lib/session';

export const OUTCOMES: readonly AuditOutcome[] = ['ALLOWED', 'DENIED', 'REFUSED', 'FAILED'];
export const PAGE_SIZE = 50;

export interface AuditParams {
  actor?: string;
  referral?: string;
  action?: string;
  outcome?: string;
  from?: string;
  to?: string;
  after?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const clean = (value: string | undefined, max = 100) => (value ?? '').trim().slice(0, max);

/** The filter form's values, checked: what the API is asked, and what is kept in the links. */
export function readFilter(params: AuditParams) {
  const values = {
    actor: clean(params.actor),
    referral: clean(params.referral),
    action: clean(params.action, 40).toUpperCase(),
    outcome: OUTCOMES.includes(clean(params.outcome) as AuditOutcome) ? clean(params.outcome) : '',
    from: DAY.test(clean(params.from)) ? clean(params.from) : '',
    to: DAY.test(clean(params.to)) ? clean(params.to) : '',
  };
  const filter: AuditLogFilter = {
    ...(values.actor ? { actorId: values.actor } : {}),
    ...(values.referral ? { referralId: values.referral } : {}),
    ...(values.action ? { action: values.action } : {}),
    ...(values.outcome ? { outcome: values.outcome as AuditOutcome } : {}),
    ...(values.from ? { from: `${values.from}T00:00:00.000Z` } : {}),
    ...(values.to ? { to: `${values.to}T23:59:59.999Z` } : {}),
  };
  const query = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
  return { values, filter, query };
}

/** One page of the audit log (newest first); a filter the API refuses comes back as a message. */
export async function loadAuditPage(session: Session, filter: AuditLogFilter, after: string | undefined) {
  try {
    const { auditLog } = await session.call(AuditLogDocument, {
      filter,
      first: PAGE_SIZE,
      after: after ? after.slice(0, 500) : null,
    });
    return { page: auditLog, problem: null };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT')
      return { page: null, problem: error.problems.map((p) => `${p.path}: ${p.message}`).join('; ') || error.message };
    throw error;
  }
}
