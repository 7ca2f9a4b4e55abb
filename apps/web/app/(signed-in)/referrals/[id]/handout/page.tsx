import type { Metadata } from 'next';
import { NotFoundContent } from '../../../../../components/not-found-content';
import { hostContext } from '../../../../../lib/host';
import { answerNotFound } from '../../../../../lib/metadata';
import { formatDate, plural } from '../../../../../lib/referral-wording';
import { requireRole } from '../../../../../lib/session';
import { handoutCode } from '../../handout-code';
import { loadReferral } from '../queries';

export const metadata: Metadata = { title: 'Referral hand-out' };

type Props = { params: Promise<{ id: string }> };

/** The printable patient hand-out: what the referral is for, the code, how to claim it, what happens next. */
export default async function HandoutPage({ params }: Props) {
  const { id } = await params;
  const session = await requireRole(`/referrals/${id}/handout`, ['PROVIDER']);
  const loaded = session ? await loadReferral(session, id) : null;
  if (!loaded) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const { referral } = loaded;
  const { publicUrl } = await hostContext();
  const code = await handoutCode(id);
  const p = referral.prescription;
  return (
    <article className="handout">
      <p className="no-print">
        <button className="usa-button" type="button" data-print="">
          Print this page
        </button>{' '}
        (or use your browser&apos;s Print command)
      </p>
      <h1>Your referral for medical massage</h1>
      <p>
        {referral.provider.displayName} has prescribed medical massage for you: {plural(p.visitsAuthorized, 'visit')} of{' '}
        {p.sessionMinutes} minutes, {p.visitsPerWeek} a week, for{' '}
        {p.diagnoses.map((d) => d.description.toLowerCase()).join('; ')} ({p.bodyRegions.join(', ')}).
      </p>
      <p>The referral is valid until {formatDate(p.expiresOn)}.</p>
      <h2>Your access code</h2>
      {code ? (
        <p className="access-code" data-testid="handout-code">
          {code}
        </p>
      ) : (
        <p>
          <strong>Code: ____-____-____</strong> (the code is shown only once, when the referral is sent; it cannot be
          shown again. Ask your prescriber to write it here.)
        </p>
      )}
      <h2>How to claim it</h2>
      <ol className="usa-list">
        <li>
          Go to <strong>{publicUrl}/claim</strong> and create an account or sign in.
        </li>
        <li>Enter the access code above and your date of birth.</li>
        <li>
          {referral.therapist
            ? `The referral goes to ${referral.therapist.displayName}, who will accept it and contact you.`
            : 'Choose a verified medical massage therapist near you; the referral is sent to them.'}
        </li>
      </ol>
      <h2>What happens next</h2>
      <p>
        Your therapist accepts the referral and books your visits. After each visit they record what was done, and they
        report your progress to your prescriber. Keep this sheet private: the code gives access to your referral.
      </p>
    </article>
  );
}
