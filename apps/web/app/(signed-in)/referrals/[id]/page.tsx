import type { Metadata } from 'next';
import Link from 'next/link';
import { Banner } from '../../../../components/forms/fields';
import { NotFoundContent } from '../../../../components/not-found-content';
import { ReferralSummary } from '../../../../components/referrals/referral-summary';
import { ReferralTimeline } from '../../../../components/referrals/referral-timeline';
import { TransferDetails } from '../../../../components/referrals/transfer-details';
import { answerNotFound } from '../../../../lib/metadata';
import { requireSession } from '../../../../lib/session';
import { loadReferral } from './queries';
import { ReferralActions } from './referral-actions';

// A generic title: never the patient's name.
export const metadata: Metadata = { title: 'Referral' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = {
  accepted: 'You accepted the referral. The prescriber and the patient are told.',
  declined: 'You declined the referral. The prescriber and the patient are told.',
  visit: 'The visit was recorded.',
  note: 'The progress note was sent to the prescriber.',
  completed: 'The referral is completed; the discharge summary was sent.',
  renewed: 'The referral was renewed.',
  cancelled: 'The referral was cancelled.',
  endorsed: 'Thank you: your endorsement is on the therapist’s profile.',
  chosen: 'The referral was sent to the therapist you chose.',
  claimed: 'The referral is yours now. Here is what happens next.',
  transferred:
    'Care continues in this new referral, with the visits left and the same expiry. Choose a therapist near the new city below.',
  summary: 'The transfer summary was sent. The prescriber reads it, and the next therapist if the patient shares it.',
  shared: 'Your choice is saved: the therapist of this referral may see your earlier care.',
  unshared: 'Your choice is saved: the therapist of this referral sees the prescription only.',
};

// The therapist stays on the referral that ended; everyone else lands on the continuation.
const THERAPIST_DONE: Record<string, string> = {
  transferred: 'Care moved to another city. Please write the transfer summary below for the next therapist.',
};

export default async function ReferralPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { done } = await searchParams;
  const session = await requireSession(`/referrals/${id}`);
  const loaded = await loadReferral(session, id);
  if (!loaded) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const { referral, techniques } = loaded;
  const role = session.user.role;
  const message = done ? ((role === 'THERAPIST' ? THERAPIST_DONE[done] : undefined) ?? DONE[done]) : undefined;
  return (
    <>
      <nav className="usa-breadcrumb margin-top-2" aria-label="Breadcrumbs">
        <ol className="usa-breadcrumb__list">
          <li className="usa-breadcrumb__list-item">
            <Link href="/referrals" className="usa-breadcrumb__link">
              Referrals
            </Link>
          </li>
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            Referral
          </li>
        </ol>
      </nav>
      <h1>Referral for medical massage</h1>
      <div role="status">{message ? <Banner kind="success">{message}</Banner> : null}</div>
      <ReferralSummary referral={referral} techniques={techniques} role={role} />
      <TransferDetails referral={referral} techniques={techniques} role={role} />
      <ReferralActions referral={referral} techniques={techniques} role={role} declinedTherapistIds={[]} />
      <ReferralTimeline referral={referral} techniques={techniques} />
    </>
  );
}
