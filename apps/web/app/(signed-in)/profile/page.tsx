import type { Metadata } from 'next';
import { Banner } from '../../../components/forms/fields';
import { CompletenessCheck, ExpiryWarnings } from '../../../components/credentials/completeness';
import { NotFoundContent } from '../../../components/not-found-content';
import { answerNotFound } from '../../../lib/metadata';
import { requireRole } from '../../../lib/session';
import { languagesText } from './languages';
import { PrescriberProfile } from './prescriber-profile';
import { ProfileNav } from './profile-nav';
import { expiringCredentials, loadTherapistEditor, today } from './queries';
import { TherapistProfileForm } from './therapist-profile-form';

export const metadata: Metadata = { title: 'Your profile' };

type Props = { searchParams: Promise<{ done?: string }> };

const DONE: Record<string, string> = {
  profile: 'Your profile is saved. Searches show the change within a minute.',
  prescriber: 'Your profile is saved.',
  location: 'The location is added.',
  'location-removed': 'The location is removed.',
};

/** A therapist's profile editor and completeness check; a prescriber's profile and NPI verification. */
export default async function ProfilePage({ searchParams }: Props) {
  const { done } = await searchParams;
  const session = await requireRole('/profile', ['THERAPIST', 'PROVIDER']);
  if (!session) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const success = done && DONE[done] ? <Banner kind="success">{DONE[done]}</Banner> : null;
  if (session.user.role === 'PROVIDER') return <PrescriberProfile session={session} success={success} />;
  const { profile, vocabulary } = await loadTherapistEditor(session);
  const day = today();
  return (
    <>
      <h1>Your profile</h1>
      <ProfileNav current="/profile" />
      <div role="status">{success}</div>
      <ExpiryWarnings credentials={expiringCredentials(profile)} today={day} />
      <CompletenessCheck profile={profile} today={day} />
      <h2>Edit your profile</h2>
      <TherapistProfileForm
        initial={{
          status: 'idle',
          fieldErrors: {},
          values: {
            displayName: profile.displayName,
            credentialLetters: profile.credentialLetters ?? '',
            bio: profile.bio ?? '',
            languages: languagesText(profile.languages),
            practiceContexts: profile.practiceContexts.join(','),
            treatmentIntentions: profile.treatmentIntentions.join(','),
            acceptingNewPatients: profile.acceptingNewPatients ? 'yes' : '',
            billsInsurance: profile.billsInsurance ? 'yes' : '',
            conditionIds: profile.conditions.map((c) => c.id).join(','),
            techniqueIds: profile.techniques.map((t) => t.id).join(','),
          },
        }}
        conditions={vocabulary.conditions}
        techniques={vocabulary.techniques}
      />
    </>
  );
}
