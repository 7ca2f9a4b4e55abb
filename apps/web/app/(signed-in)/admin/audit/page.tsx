import type { Metadata } from 'next';
import Link from 'next/link';
import { Banner, SelectField, TextField } from '../../../../components/forms/fields';
import { NotFoundContent } from '../../../../components/not-found-content';
import { formatDateTime } from '../../../../lib/referral-wording';
import { plural } from '../../../../lib/wording';
import { AdminNav } from '../admin-nav';
import { requireAdmin } from '../require-admin';
import { type AuditParams, loadAuditPage, OUTCOMES, readFilter } from './queries';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<AuditParams> };

/** Who did what to which referral, when, with what outcome: filtered, newest first, cursor paged. Audit rows only. */
export default async function AuditLogPage({ searchParams }: Props) {
  const params = await searchParams;
  const { values, filter, query } = readFilter(params);
  const here = `/admin/audit${query.size ? `?${query.toString()}` : ''}`;
  const session = await requireAdmin(here);
  if (!session) return <NotFoundContent />;
  const { page, problem } = await loadAuditPage(session, filter, params.after);
  const next = page?.pageInfo.hasNextPage && page.pageInfo.endCursor ? new URLSearchParams(query) : null;
  next?.set('after', page!.pageInfo.endCursor!);
  return (
    <>
      <h1>Audit log</h1>
      <AdminNav current="/admin/audit" />
      <p>Every access to a referral, and its outcome. Reading this log is itself recorded.</p>
      <form className="usa-form usa-form--large" method="get" action="/admin/audit" role="search">
        <div className="grid-row grid-gap">
          <div className="tablet:grid-col-6">
            <TextField
              id="audit-referral"
              name="referral"
              label="Referral ID"
              required={false}
              defaultValue={values.referral}
            />
          </div>
          <div className="tablet:grid-col-6">
            <TextField
              id="audit-actor"
              name="actor"
              label="Actor (user ID)"
              required={false}
              defaultValue={values.actor}
            />
          </div>
          <div className="tablet:grid-col-6">
            <TextField
              id="audit-action"
              name="action"
              label="Action"
              hint="For example READ, CREATE, ACCEPT, RECORD_VISIT"
              required={false}
              defaultValue={values.action}
            />
          </div>
          <div className="tablet:grid-col-6">
            <SelectField
              id="audit-outcome"
              name="outcome"
              label="Outcome"
              required={false}
              blank="Any outcome"
              options={OUTCOMES.map((o) => ({ value: o, label: o.charAt(0) + o.slice(1).toLowerCase() }))}
              defaultValue={values.outcome}
            />
          </div>
          <div className="tablet:grid-col-6">
            <TextField
              id="audit-from"
              name="from"
              label="From (day, UTC)"
              type="date"
              required={false}
              defaultValue={values.from}
            />
          </div>
          <div className="tablet:grid-col-6">
            <TextField
              id="audit-to"
              name="to"
              label="To (day, UTC)"
              type="date"
              required={false}
              defaultValue={values.to}
            />
          </div>
        </div>
        <button className="usa-button" type="submit">
          Filter
        </button>
        <Link className="usa-button usa-button--unstyled margin-left-2" href="/admin/audit">
          Clear filters
        </Link>
      </form>
      {problem ? <Banner kind="error">This filter cannot be used: {problem}</Banner> : null}
      {page ? (
        <>
          <p role="status">
            {plural(page.totalCount, 'entry', 'entries')}
            {params.after ? ' (a later page)' : ''}
          </p>
          <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Audit entries">
            <table className="usa-table usa-table--striped">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Referral</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Request</th>
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node: e }) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>
                      {e.actorRole ? e.actorRole.toLowerCase() : 'the network (job)'}
                      {e.actorId ? (
                        <>
                          {' '}
                          <Link className="usa-link" href={`/admin/audit?actor=${e.actorId}`}>
                            <code>{e.actorId.slice(0, 8)}</code>
                            <span className="usa-sr-only"> (all entries of this actor)</span>
                          </Link>
                        </>
                      ) : null}
                    </td>
                    <td>{e.action}</td>
                    <td>
                      {e.referralId ? (
                        <Link className="usa-link" href={`/admin/audit?referral=${e.referralId}`}>
                          <code>{e.referralId.slice(0, 8)}</code>
                          <span className="usa-sr-only"> (all entries of this referral)</span>
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{e.outcome}</td>
                    <td>{e.requestId ? <code>{e.requestId.slice(0, 12)}</code> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Audit log pages" className="margin-top-2">
            {params.after ? (
              <Link className="usa-button usa-button--outline" href={here}>
                First page
              </Link>
            ) : null}
            {next ? (
              <Link className="usa-button" href={`/admin/audit?${next.toString()}`}>
                Next page
              </Link>
            ) : null}
          </nav>
        </>
      ) : null}
    </>
  );
}
