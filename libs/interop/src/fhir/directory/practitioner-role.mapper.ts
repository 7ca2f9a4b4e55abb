import type { Extension, PractitionerRole } from '@medplum/fhirtypes';
import { isTherapistVerified, type PracticeLocation, type Therapist, VerificationStatus } from '@mmn/directory';
import { todayIso } from '@mmn/shared';
import { EXTENSIONS, MASSAGE_THERAPIST, PROFILES, SYSTEMS } from '../fhir-constants';

/** Locations counted for the directory: those under a VERIFIED, current license of their own state. */
export function licensedLocations(therapist: Therapist, today = todayIso()): PracticeLocation[] {
  return therapist.locations.filter((location) => isTherapistVerified(therapist.licenses, [location.state], today));
}

/** Network ids of the therapist's VERIFIED memberships in force today. */
export function currentNetworkIds(therapist: Therapist, today = todayIso()): string[] {
  return therapist.networkMemberships
    .filter(
      (m) =>
        m.status === VerificationStatus.VERIFIED &&
        m.effectiveFrom <= today &&
        (m.effectiveTo === null || m.effectiveTo >= today),
    )
    .map((m) => m.networkId);
}

/**
 * A verified therapist's role in the directory as a Plan-Net PractitionerRole: one per therapist (its id is the
 * therapist's), at their licensed locations, in the networks they are credentialed with. Null when unverified.
 */
export function toPractitionerRole(therapist: Therapist, today = todayIso()): PractitionerRole | null {
  const locations = licensedLocations(therapist, today);
  if (locations.length === 0) return null;
  const newPatients: Extension = {
    url: EXTENSIONS.newPatients,
    extension: [
      {
        url: 'acceptingPatients',
        valueCodeableConcept: {
          coding: [
            { system: SYSTEMS.acceptingPatients, code: therapist.acceptingNewPatients ? 'newpt' : 'existptonly' },
          ],
        },
      },
    ],
  };
  const networks = [...new Set(currentNetworkIds(therapist, today))].map((id): Extension => ({
    url: EXTENSIONS.networkReference,
    valueReference: { reference: `Organization/${id}` },
  }));
  return {
    resourceType: 'PractitionerRole',
    id: therapist.id,
    meta: { profile: [PROFILES.PractitionerRole], lastUpdated: therapist.updatedAt.toISOString() },
    extension: [newPatients, ...networks],
    active: true,
    practitioner: { reference: `Practitioner/${therapist.id}`, display: therapist.displayName },
    code: [{ coding: [{ ...MASSAGE_THERAPIST }], text: 'Massage therapist' }],
    specialty: [{ coding: [{ ...MASSAGE_THERAPIST }] }],
    location: locations.map((location) => ({
      reference: `Location/${location.id}`,
      display: `${location.city}, ${location.state}`,
    })),
  };
}

/** The network ids a role's network-reference extensions point to. */
export function networkIdsOfRole(role: PractitionerRole): string[] {
  return (role.extension ?? [])
    .filter((e) => e.url === EXTENSIONS.networkReference)
    .map((e) => e.valueReference?.reference?.replace(/^Organization\//, '') ?? '')
    .filter(Boolean);
}
