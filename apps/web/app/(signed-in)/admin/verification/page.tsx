import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '../../../../components/forms/action-form';
import { Banner } from '../../../../components/forms/fields';
import { NotFoundContent } from '../../../../components/not-found-content';
import { formatDateTime } from '../../../../lib/referral-wording';
import { AdminNav } from '../admin-nav';
import { DECISION_BUTTONS, decisionFields } from '../decision-fields';
import { requireAdmin } from '../require-admin';
import { decideCredential } from './actions';
import { loadQueue } from './queries';

export const metadata: Metadata = { title: 'Verification queue' };

type Props = { searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = {
  verified: 'The credential is verified.',
  rejected: 'The credential is rejected; the therapist sees your note.',
  'npi-verified': 'The NPI is verified: the prescriber can send referrals.',
  'npi-rejected': 'The NPI is rejected; the prescriber sees your note.',
};

const KIND_LABELS = { LICENSE: 'License', CERTIFICATION: 'Certification', NETWORK_MEMBERSHIP: 'Network membership' };

/** Licenses, certifications, memberships and prescriber NPIs waiting for a check, oldest first, with where to check. */
export default async function VerificationQueuePage({ searchParams }: Props) {
  const { done } = await searchParams;
  const session = await requireAdmin('/admin/verification');
  if (!session) return <NotFoundContent />;
  const { credentials, providers } = await loadQueue(session);
  return (
    <>
      <h1>Verification queue</h1>
      <AdminNav current="/admin/verification" />
      <div role="status">{done && DONE[done] ? <Banner kind="success">{DONE[done]}</Banner> : null}</div>
      <section aria-labelledby="npi-heading">
        <h2 id="npi-heading">Prescriber NPIs ({providers.length})</h2>
        {providers.length === 0 ? <p>No NPI waits for verification.</p> : null}
        <ol className="usa-list">
          {providers.map((p) => (
            <li key={p.id}>
              <strong>{p.displayName}</strong>, NPI {p.npi}
              {p.specialty ? `, ${p.specialty}` : ''}
              {p.locations.length ? ` (${p.locations.map((l) => `${l.city}, ${l.state}`).join('; ')})` : ''}.{' '}
              <Link className="usa-link" href={`/admin/verification/npi/${p.id}`}>
                Compare with the NPPES record<span className="usa-sr-only"> of {p.displayName}</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="credentials-heading">
        <h2 id="credentials-heading">Therapist credentials ({credentials.length})</h2>
        {credentials.length === 0 ? <p>No credential waits for verification.</p> : null}
        {credentials.length >= 200 ? <p>The oldest 200 are shown; the next ones appear as these are decided.</p> : null}
        <ol className="usa-list usa-list--unstyled">
          {credentials.map((c) => (
            <li key={c.credentialId} className="border-top border-base-lighter padding-y-2">
              <h3 className="margin-y-05">
                {KIND_LABELS[c.kind]}: {c.title}
              </h3>
              <p className="margin-y-05">
                <Link className="usa-link" href={`/admin/therapists/${c.therapist.id}`}>
                  {c.therapist.displayName}
                </Link>
                , submitted {formatDateTime(c.submittedAt)}. {c.facts.join('. ')}.
              </p>
              <p className="margin-y-05">
                Where to check:{' '}
                {c.check.href ? (
                  <a className="usa-link" href={c.check.href} rel="noopener noreferrer" target="_blank">
                    {c.check.text}
                    <span className="usa-sr-only"> (opens in a new tab)</span>
                  </a>
                ) : (
                  c.check.text
                )}
              </p>
              <ActionForm
                id={`decide-${c.credentialId}`}
                action={decideCredential}
                hidden={{ credentialId: c.credentialId, kind: c.kind }}
                fields={decisionFields(c.check.href ? `${c.check.text}` : '')}
                buttons={DECISION_BUTTONS}
                reloadHref="/admin/verification"
              />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
