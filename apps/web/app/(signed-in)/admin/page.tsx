import type { Metadata } from 'next';
import Link from 'next/link';
import { ListingProblemReportsDocument } from '@mmn/api-client';
import { NotFoundContent } from '../../../components/not-found-content';
import { STATE_BOARDS } from '../../../lib/state-boards';
import { stateName } from '../../../lib/wording';
import { AdminNav } from './admin-nav';
import { requireAdmin } from './require-admin';
import { loadQueue } from './verification/queries';

export const metadata: Metadata = { title: 'Admin console' };

/** The admin console: what waits, and the boards where licenses are checked. */
export default async function AdminPage() {
  const session = await requireAdmin('/admin');
  if (!session) return <NotFoundContent />;
  const [queue, reports] = await Promise.all([
    loadQueue(session),
    session.call(ListingProblemReportsDocument, { resolved: false, first: 200 }),
  ]);
  return (
    <>
      <h1>Admin console</h1>
      <AdminNav current="/admin" />
      <ul className="usa-list">
        <li>
          <Link className="usa-link" href="/admin/verification">
            {queue.credentials.length} credential{queue.credentials.length === 1 ? '' : 's'} and{' '}
            {queue.providers.length} NPI{queue.providers.length === 1 ? '' : 's'} wait for verification
          </Link>
        </li>
        <li>
          <Link className="usa-link" href="/admin/reports">
            {reports.listingProblemReports.length} open listing problem report
            {reports.listingProblemReports.length === 1 ? '' : 's'}
          </Link>
        </li>
        <li>
          <Link className="usa-link" href="/admin/audit">
            Audit log
          </Link>
        </li>
      </ul>
      <h2>State massage therapy boards</h2>
      <p>Where each state&apos;s licenses are checked. States without a license law say so.</p>
      <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="State boards">
        <table className="usa-table usa-table--striped">
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Board</th>
              <th scope="col">License look-up</th>
            </tr>
          </thead>
          <tbody>
            {STATE_BOARDS.map((b) => (
              <tr key={b.state}>
                <th scope="row">{stateName(b.state)}</th>
                <td>{b.board ?? b.note}</td>
                <td>
                  {b.lookupUrl ? (
                    <a className="usa-link" href={b.lookupUrl} rel="noopener noreferrer">
                      Look-up<span className="usa-sr-only"> for {stateName(b.state)}</span>
                    </a>
                  ) : (
                    'None'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
