import { MyProviderProfileDocument, MyTherapistProfileDocument, type MyTherapistProfileQuery } from '@mmn/api-client';
import type { Session } from '../../../lib/session';
import { vocabulary } from '../../../lib/vocabulary';

export type OwnProfile = MyTherapistProfileQuery['myTherapistProfile'];

export async function loadTherapistProfile(session: Session): Promise<OwnProfile> {
  return (await session.call(MyTherapistProfileDocument, {})).myTherapistProfile;
}

export async function loadTherapistEditor(session: Session) {
  const [profile, vocab] = await Promise.all([loadTherapistProfile(session), vocabulary()]);
  return { profile, vocabulary: vocab };
}

export async function loadProviderProfile(session: Session) {
  return (await session.call(MyProviderProfileDocument, {})).myProviderProfile;
}

/** Today as YYYY-MM-DD (UTC, like the API's expiry dates). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Expiring credentials of a profile, for the warnings: what, and when it expires. */
export function expiringCredentials(profile: OwnProfile): { label: string; expiresOn: string | null | undefined }[] {
  return [
    ...profile.licenses.map((l) => ({ label: `${l.state} license ${l.licenseNumber}`, expiresOn: l.expiresOn })),
    ...profile.certifications.map((c) => ({ label: `${c.name} certification`, expiresOn: c.expiresOn })),
    ...profile.networkMemberships.map((m) => ({ label: `${m.network.name} membership`, expiresOn: m.effectiveTo })),
  ];
}
