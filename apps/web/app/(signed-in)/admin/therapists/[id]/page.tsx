import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTherapistDocument } from '@mmn/api-client';
import { ActionForm } from '../../../../../components/forms/action-form';
import { Banner } from '../../../../../components/forms/fields';
import { NotFoundContent } from '../../../../../components/not-found-content';
import { answerNotFound } from '../../../../../lib/metadata';
import { profilePath } from '../../../../../lib/paths';
import { formatDateTime } from '../../../../../lib/referral-wording';
import { AdminNav } from '../../admin-nav';
import { requireAdmin } from '../../require-admin';
import { changeSuspension } from './actions';

export const metadata: Metadata = { title: 'Therapist' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = {
  suspended: 'The therapist is suspended: the profile is hidden from the public.',
  reinstated: 'The therapist is reinstated: the profile is public again.',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A therapist for the administrator: suspend or reinstate with a reason, and the profile's change history. */
export default async function AdminTherapistPage({ params, searchParams }: Props) {
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const session = await requireAdmin(`/admin/therapists/${encodeURIComponent(id)}`);
  if (!session) return <NotFoundContent />;
  const data = UUID.test(id) ? await session.call(AdminTherapistDocument, { id, first: 200 }) : null;
  const history = data?.therapistChangeHistory ?? [];
  if (!data || (!data.therapist && history.length === 0)) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const lastSuspension = history.find((change) => change.field === 'suspendedAt');
  const suspended = !data.therapist || Boolean(lastSuspension?.newValue);
  const name =
    data.therapist?.displayName ?? history.find((c) => c.field === 'displayName')?.newValue ?? 'Suspended therapist';
  return (
    <>
      <h1>{name}</h1>
      <AdminNav current="" />
      <div role="status">{done && DONE[done] ? <Banner kind="success">{DONE[done]}</Banner> : null}</div>
      <p>
        {suspended ? (
          <span className="usa-tag bg-secondary-dark">Suspended</span>
        ) : (
          <>
            <span className={`usa-tag ${data.therapist?.verified ? 'bg-green' : 'bg-base-dark'} margin-right-1`}>
              {data.therapist?.verified ? 'Verified' : 'Not verified'}
            </span>
            <Link className="usa-link" href={profilePath({ id, displayName: name })}>
              Open the public listing
            </Link>
          </>
        )}
      </p>
      <h2>{suspended ? 'Reinstate' : 'Suspend'}</h2>
      <ActionForm
        id="suspension"
        action={changeSuspension}
        hidden={{ therapistId: id, intent: suspended ? 'reinstate' : 'suspend' }}
        fields={[{ name: 'reason', label: 'Reason', type: 'textarea', hint: 'Kept in the change history' }]}
        buttons={[{ label: suspended ? 'Reinstate therapist' : 'Suspend therapist', secondary: !suspended }]}
        reloadHref={`/admin/therapists/${id}`}
      />
      <h2 className="margin-top-5">Change history</h2>
      {history.length === 0 ? <p>No changes recorded.</p> : null}
      {history.length > 0 ? (
        <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Change history">
          <table className="usa-table usa-table--striped">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {history.map((c, i) => (
                <tr key={`${c.at}-${c.entityId}-${c.field}-${i}`}>
                  <td>{formatDateTime(c.at)}</td>
                  <td>{c.entity}</td>
                  <td>{c.field}</td>
                  <td className="break-words">{c.oldValue ?? '—'}</td>
                  <td className="break-words">{c.newValue ?? '—'}</td>
                  <td>
                    <code>{c.actorId.slice(0, 8)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
