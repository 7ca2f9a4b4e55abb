import type { Metadata } from 'next';
import Link from 'next/link';
import { ListingProblemReportsDocument } from '@mmn/api-client';
import { ActionForm } from '../../../../components/forms/action-form';
import { Banner } from '../../../../components/forms/fields';
import { NotFoundContent } from '../../../../components/not-found-content';
import { profilePath } from '../../../../lib/paths';
import { formatDateTime } from '../../../../lib/referral-wording';
import { AdminNav } from '../admin-nav';
import { requireAdmin } from '../require-admin';
import { resolveReport } from './actions';

export const metadata: Metadata = { title: 'Listing problem reports' };

type Props = { searchParams: Promise<{ show?: string; done?: string }> };

const CATEGORIES: Record<string, string> = {
  WRONG_ADDRESS: 'Wrong address',
  WRONG_PHONE: 'Wrong phone number',
  NOT_ACCEPTING_PATIENTS: 'Not accepting patients',
  NO_LONGER_PRACTISING: 'No longer practising',
  CREDENTIALS: 'Credentials',
  OTHER: 'Other',
};

/** Problems visitors reported with listings: open ones oldest first (to resolve), resolved ones newest first. */
export default async function ReportsPage({ searchParams }: Props) {
  const { show, done } = await searchParams;
  const resolved = show === 'resolved';
  const session = await requireAdmin(`/admin/reports${resolved ? '?show=resolved' : ''}`);
  if (!session) return <NotFoundContent />;
  const { listingProblemReports: reports } = await session.call(ListingProblemReportsDocument, {
    resolved,
    first: 100,
  });
  return (
    <>
      <h1>Listing problem reports</h1>
      <AdminNav current="/admin/reports" />
      <div role="status">{done === 'resolved' ? <Banner kind="success">The report is resolved.</Banner> : null}</div>
      <p>
        {resolved ? (
          <Link className="usa-link" href="/admin/reports">
            Show open reports
          </Link>
        ) : (
          <Link className="usa-link" href="/admin/reports?show=resolved">
            Show resolved reports
          </Link>
        )}
      </p>
      <h2>
        {resolved ? 'Resolved' : 'Open'} ({reports.length})
      </h2>
      {reports.length === 0 ? <p>{resolved ? 'No resolved reports.' : 'No open reports.'}</p> : null}
      <ol className="usa-list usa-list--unstyled">
        {reports.map((r) => (
          <li key={r.id} className="border-top border-base-lighter padding-y-2">
            <h3 className="margin-y-05">
              {CATEGORIES[r.category] ?? r.category}: {r.therapist.displayName}
            </h3>
            <p className="margin-y-05">
              Reported {formatDateTime(r.createdAt)}.{' '}
              <Link className="usa-link" href={profilePath(r.therapist)}>
                Open the listing<span className="usa-sr-only"> of {r.therapist.displayName}</span>
              </Link>{' '}
              ·{' '}
              <Link className="usa-link" href={`/admin/therapists/${r.therapist.id}`}>
                Therapist&apos;s history<span className="usa-sr-only"> ({r.therapist.displayName})</span>
              </Link>
            </p>
            <blockquote className="margin-y-1 padding-left-2 border-left-05 border-base-lighter break-words">
              {r.details}
            </blockquote>
            {r.resolvedAt ? (
              <p className="margin-y-05">
                Resolved {formatDateTime(r.resolvedAt)}: {r.resolutionNote}
              </p>
            ) : (
              <ActionForm
                id={`resolve-${r.id}`}
                action={resolveReport}
                hidden={{ id: r.id }}
                fields={[{ name: 'note', label: 'Resolution note', type: 'textarea' }]}
                buttons={[{ label: 'Resolve report' }]}
                reloadHref="/admin/reports"
              />
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
