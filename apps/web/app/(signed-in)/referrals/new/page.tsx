import { randomUUID } from 'crypto';
import type { Metadata } from 'next';
import { Banner } from '../../../../components/forms/fields';
import { NotFoundContent } from '../../../../components/not-found-content';
import { answerNotFound } from '../../../../lib/metadata';
import { requireRole } from '../../../../lib/session';
import { Composer } from './composer';
import { initialValues } from './composer-values';
import { loadComposer } from './queries';

export const metadata: Metadata = { title: 'New referral' };

type Props = { searchParams: Promise<{ therapist?: string }> };

export default async function NewReferralPage({ searchParams }: Props) {
  const { therapist: therapistId } = await searchParams;
  const session = await requireRole(`/referrals/new${therapistId ? `?therapist=${therapistId}` : ''}`, ['PROVIDER']);
  if (!session) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const { vocabulary, verification, therapist } = await loadComposer(session, therapistId);
  const name = therapist
    ? `${therapist.displayName}${therapist.credentialLetters ? `, ${therapist.credentialLetters}` : ''}`
    : undefined;
  return (
    <>
      <h1>New referral for medical massage</h1>
      {verification !== 'VERIFIED' ? (
        <Banner kind="warning" heading="Your NPI is not verified yet">
          Only verified prescribers can send referrals. You can prepare this one now; it can be sent once an
          administrator has checked your NPI against the NPPES registry (add it to your profile if you have not).
        </Banner>
      ) : null}
      <Composer
        initial={{
          step: 'edit',
          status: 'idle',
          fieldErrors: {},
          values: initialValues(randomUUID(), therapist && name ? { id: therapist.id, name } : undefined),
        }}
        vocabulary={vocabulary}
      />
    </>
  );
}
