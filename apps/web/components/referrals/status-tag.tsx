import type { ReferralStatus } from '@mmn/api-client';
import { STATUS_LABELS } from '../../lib/referral-wording';

/** The status in words, on a tag whose colours keep AA contrast. */
export function StatusTag({ status }: { status: ReferralStatus }) {
  return <span className={`usa-tag status-tag status-tag--${status.toLowerCase()}`}>{STATUS_LABELS[status]}</span>;
}
