import type { Metadata } from 'next';
import Link from 'next/link';
import { TherapistProfileDocument } from '@mmn/api-client';
import { Banner } from '../../../../components/forms/fields';
import { NotFoundContent } from '../../../../components/not-found-content';
import {
  CredentialsSection,
  EndorsementsSection,
  LocationsSection,
  ProfileSummary,
} from '../../../../components/profile/profile-sections';
import { answerNotFound } from '../../../../lib/metadata';
import { profilePath } from '../../../../lib/paths';
import { requireRole } from '../../../../lib/session';
import { ProfileNav } from '../profile-nav';
import { loadTherapistProfile } from '../queries';

export const metadata: Metadata = { title: 'Preview of your public profile' };

/** The public profile exactly as patients see it (the public API's answer, not the editor's). */
export default async function PreviewPage() {
  const session = await requireRole('/profile/preview', ['THERAPIST']);
  if (!session) {
    await answerNotFound();
    return <NotFoundContent />;
  }
  const own = await loadTherapistProfile(session);
  const { therapist } = await session.call(TherapistProfileDocument, { id: own.id });
  return (
    <>
      <p className="font-heading-lg text-bold margin-bottom-1">Preview of your public profile</p>
      <ProfileNav current="/profile/preview" />
      {therapist ? (
        <>
          <Banner kind="info">
            This is what patients and prescribers see at{' '}
            <Link className="usa-link" href={profilePath(therapist)}>
              your public profile
            </Link>
            .
          </Banner>
          <div className="border-2px border-base-lighter radius-md padding-3">
            <ProfileSummary therapist={therapist} />
            <LocationsSection therapist={therapist} />
            <CredentialsSection therapist={therapist} />
            <EndorsementsSection therapist={therapist} />
          </div>
        </>
      ) : (
        <>
          <h1>Your profile is not public</h1>
          <Banner kind="warning">
            Your profile is suspended by the network&apos;s administrators, so patients cannot see it. Contact the
            network to have it reinstated.
          </Banner>
        </>
      )}
    </>
  );
}
