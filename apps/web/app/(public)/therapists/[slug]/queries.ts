import { notFound, permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { TherapistProfileDocument, type TherapistProfileQuery } from '@mmn/api-client';
import { callApi } from '../../../../lib/api';
import { profileIdOf, profilePath } from '../../../../lib/paths';

export type Profile = NonNullable<TherapistProfileQuery['therapist']>;

/**
 * The public profile for a path segment: 404 for an unknown or suspended therapist, a 308 to the canonical
 * /therapists/<slug>-<id> for any other spelling. Cached per request (metadata and page share one API call).
 */
export const loadProfile = cache(async (segment: string): Promise<Profile> => {
  const id = profileIdOf(segment);
  if (!id) notFound();
  const { therapist } = await callApi(TherapistProfileDocument, { id });
  if (!therapist) notFound();
  const canonical = profilePath(therapist);
  if (`/therapists/${segment}` !== canonical) permanentRedirect(canonical);
  return therapist;
});
