import Link from 'next/link';
import type { ReferralStatus, WorklistReferralFragment } from '@mmn/api-client';
import type { TileKey } from '../../app/(signed-in)/referrals/queries';
import {
  eventLabel,
  expiryWording,
  formatDateTime,
  needsRenewal,
  STATUS_LABELS,
  visitsLeft,
} from '../../lib/referral-wording';
import { StatusTag } from './status-tag';
import { tileLabel } from './worklist-tiles';

const NEXT_STEP: Partial<Record<ReferralStatus, string>> = {
  OPEN: 'Choose a therapist to send it to.',
  SENT: 'The therapist will accept or decline it; we will email you.',
  DECLINED: 'Choose another therapist.',
  ACCEPTED: 'Book your first visit with the therapist.',
  IN_PROGRESS: 'Keep your visits; your therapist reports to your prescriber.',
  COMPLETED: 'Your treatment is complete.',
  EXPIRED: 'Ask your prescriber for a new referral if you need more treatment.',
};

/** The rows of the worklist; each names what the reader needs to act on. */
export function WorklistTable({
  role,
  rows,
  tile,
  totalCount,
  endCursor,
}: {
  role: string;
  rows: WorklistReferralFragment[];
  tile: TileKey | null;
  totalCount: number;
  endCursor: string | null;
}) {
  const caption = tile ? tileLabel(role, tile) : 'All referrals';
  if (rows.length === 0)
    return (
      <section aria-labelledby="worklist-empty" className="margin-top-4">
        <h2 id="worklist-empty">{caption}</h2>
        <p>No referrals here.</p>
      </section>
    );
  const counterpart = role === 'PROVIDER' ? 'Therapist' : role === 'THERAPIST' ? 'Prescriber' : 'Therapist';
  return (
    <section className="margin-top-4">
      <table className="usa-table usa-table--borderless usa-table--stacked width-full worklist">
        <caption>
          {caption}: {totalCount === rows.length ? rows.length : `${rows.length} of ${totalCount}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">{counterpart}</th>
            <th scope="col">Status</th>
            <th scope="col">Visits</th>
            <th scope="col">Expiry</th>
            <th scope="col">{role === 'PATIENT' ? 'What happens next' : 'Last event'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const last = row.events[row.events.length - 1];
            const other =
              role === 'THERAPIST' ? row.provider.displayName : (row.therapist?.displayName ?? 'Not chosen yet');
            const live = row.status === 'ACCEPTED' || row.status === 'IN_PROGRESS';
            return (
              <tr key={row.id}>
                <th scope="row" data-label="Patient">
                  <Link className="usa-link" href={`/referrals/${row.id}`}>
                    {row.patient.fullName}
                  </Link>
                  {role === 'THERAPIST' ? (
                    <div className="font-body-3xs text-base">
                      {row.prescription.diagnoses.map((d) => `${d.code} ${d.description}`).join('; ')}
                    </div>
                  ) : null}
                </th>
                <td data-label={counterpart}>{other}</td>
                <td data-label="Status">
                  <StatusTag status={row.status} />
                </td>
                <td data-label="Visits">
                  {row.visitsUsed} of {row.prescription.visitsAuthorized} used
                  {live && needsRenewal(row) ? (
                    <div className="text-secondary-dark text-bold">{visitsLeft(row)} left: renewal due</div>
                  ) : null}
                </td>
                <td data-label="Expiry">{expiryWording(row.prescription.expiresOn)}</td>
                <td data-label={role === 'PATIENT' ? 'What happens next' : 'Last event'}>
                  {role === 'PATIENT'
                    ? (NEXT_STEP[row.status] ?? STATUS_LABELS[row.status])
                    : last
                      ? `${eventLabel(last.type)}, ${formatDateTime(last.at)}`
                      : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {endCursor ? (
        <p>
          <Link
            className="usa-button usa-button--outline"
            href={`/referrals?${new URLSearchParams({ ...(tile ? { show: tile } : {}), after: endCursor }).toString()}`}
          >
            Next page
          </Link>
        </p>
      ) : null}
    </section>
  );
}
