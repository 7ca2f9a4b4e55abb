import type { Metadata } from 'next';
import { Banner } from '../../../components/forms/fields';
import { requireSession } from '../../../lib/session';
import { ClaimForm } from './claim-form';

export const metadata: Metadata = { title: 'Claim your referral' };

export default async function ClaimPage() {
  const session = await requireSession('/claim');
  return (
    <div className="grid-row">
      <div className="grid-col-12 tablet:grid-col-8">
        <h1>Claim your referral</h1>
        {session.user.role === 'PATIENT' ? (
          <>
            <p className="usa-intro">
              Enter the access code from the hand-out your prescriber gave you, and your date of birth.
            </p>
            <ClaimForm />
          </>
        ) : (
          <Banner kind="info">
            Referrals are claimed by patients. Sign out and sign in with the patient&apos;s own account.
          </Banner>
        )}
      </div>
    </div>
  );
}
