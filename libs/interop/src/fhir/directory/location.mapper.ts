import type { Location } from '@medplum/fhirtypes';
import type { PracticeLocation, Therapist } from '@mmn/directory';
import { PROFILES } from '../fhir-constants';

/** A licensed practice location as a Plan-Net Location. */
export function toLocation(location: PracticeLocation, therapist: Therapist): Location {
  return {
    resourceType: 'Location',
    id: location.id,
    meta: { profile: [PROFILES.Location], lastUpdated: therapist.updatedAt.toISOString() },
    status: 'active',
    name: location.label ?? `${therapist.displayName}, ${location.city}`,
    address: {
      use: 'work',
      type: 'physical',
      text: `${location.addressLine}, ${location.city}, ${location.state} ${location.postalCode}`,
      line: [location.addressLine],
      city: location.city,
      state: location.state,
      postalCode: location.postalCode,
      country: 'US',
    },
    position: { latitude: location.latitude, longitude: location.longitude },
  };
}
