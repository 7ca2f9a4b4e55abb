import { permanentRedirect } from 'next/navigation';
import { cache } from 'react';
import { TherapistProfileDocument, type TherapistProfileQuery } from '@mmn/api-client';
import { callApi } from '../../../../lib/api';
import { profileIdOf, profilePath } from '../../../../lib/paths';

export type Profile = NonNullable<TherapistProfileQuery['therapist']>;

/**
 * The public profile for a path segment: null for an unknown or suspended therapist (the page answers 404), a
 * 308 to the canonical /therapists/<slug>-<id> for any other spelling. Cached per request (metadata and page share one API call).
 */
export const loadProfile = cache(async (segment: string): Promise<Profile | null> => {
  const id = profileIdOf(segment);
  if (!id) return null;
  const { therapist } = await callApi(TherapistProfileDocument, { id });
  if (!therapist) return null;
  const canonical = profilePath(therapist);
  if (`/therapists/${segment}` !== canonical) permanentRedirect(canonical);
  return therapist;
});
