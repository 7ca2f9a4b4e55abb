import {
  effectiveStatus,
  isTherapistVerified,
  licensedThrough,
  type Therapist,
  VerificationStatus,
} from '@mmn/directory';
import { todayIso } from '@mmn/shared';

/**
 * What the search index may know about a therapist: an explicit allow-list of PUBLIC profile fields.
 * Nothing else (no referral, patient, visit or account data) can reach the index, because documents are
 * built field by field here and never by spreading an entity.
 *
 * A therapist with several practice locations becomes one document per location; searches set
 * `distinct: therapistId`, so each therapist appears once, at the location that ranks best (the nearest when
 * sorting by distance). A location is placed by its ZIP code alone: its coordinates are always the ZIP's centroid
 * (geocodeLocation), so "within 40 km" is "in one of the ZIP codes within 40 km", exactly, and the index needs no
 * geo data (keeping Meilisearch's geo tree current made every one-document update cost about a second).
 */
export interface TherapistDocument {
  id: string;
  therapistId: string;
  locationId: string | null;
  locationOrdinal: number;
  displayName: string;
  credentialLetters: string | null;
  bio: string | null;
  city: string | null;
  state: string | null;
  languages: string[];
  practiceContexts: string[];
  treatmentIntentions: string[];
  acceptingNewPatients: boolean;
  billsInsurance: boolean;
  conditionIds: string[];
  conditionNames: string[];
  /** Patient words for the conditions (from the reference data), so typos in them still match. */
  conditionTerms: string[];
  techniqueIds: string[];
  techniqueNames: string[];
  techniqueTerms: string[];
  /** Networks with a VERIFIED membership that is in effect today. */
  networkIds: string[];
  verified: boolean;
  /** The last day (yyyymmdd) on which `verified` still holds without new verification; 0 when unverified. */
  verifiedThrough: number;
  /** This document's location is licensed (a VERIFIED, unexpired license of its state): what verified search uses. */
  licenseVerified: boolean;
  /** The last day (yyyymmdd) this location stays licensed without new verification; 0 when it is not. */
  licensedThrough: number;
  referringProviders: number;
  completedReferrals: number;
  endorsements: number;
  reputationScore: number;
  /** Verified prescribers within 50 km of this document's location who referred to the therapist (0 without one). */
  localReferringProviders: number;
  /** reputationScore with the local count in place of the overall one: what ranks reputation near a place. */
  localReputationScore: number;
  /** The location's ZIP code: what radius searches filter on and distance orders measure from (null without one). */
  postalCode: string | null;
}

export const DOCUMENT_FIELDS: readonly (keyof TherapistDocument)[] = [
  'id',
  'therapistId',
  'locationId',
  'locationOrdinal',
  'displayName',
  'credentialLetters',
  'bio',
  'city',
  'state',
  'languages',
  'practiceContexts',
  'treatmentIntentions',
  'acceptingNewPatients',
  'billsInsurance',
  'conditionIds',
  'conditionNames',
  'conditionTerms',
  'techniqueIds',
  'techniqueNames',
  'techniqueTerms',
  'networkIds',
  'verified',
  'verifiedThrough',
  'licenseVerified',
  'licensedThrough',
  'referringProviders',
  'completedReferrals',
  'endorsements',
  'reputationScore',
  'localReferringProviders',
  'localReputationScore',
  'postalCode',
];

export interface VocabularyEntry {
  name: string;
  synonyms: readonly string[];
}

export interface VocabularyNames {
  conditions: ReadonlyMap<string, VocabularyEntry>;
  techniques: ReadonlyMap<string, VocabularyEntry>;
}

function entries(ids: readonly string[], vocabulary: ReadonlyMap<string, VocabularyEntry>): VocabularyEntry[] {
  return ids.map((id) => vocabulary.get(id)).filter((e): e is VocabularyEntry => e !== undefined);
}

function dateNumber(iso: string): number {
  return Number(iso.replace(/-/g, ''));
}

/** Reputation as one sortable number: distinct referrers weigh most, then completions and endorsements. */
export function reputationScore(referringProviders: number, completedReferrals: number, endorsements: number): number {
  return referringProviders * 100 + endorsements * 10 + completedReferrals;
}

/** The last day any location stays licensed: when Therapist.verified lapses without new verification. */
function verifiedThrough(therapist: Therapist, today: string): number {
  const facts = therapist.licenses.map((l) => ({ state: l.state, status: l.status, expiresOn: l.expiresOn }));
  const days = therapist.locations
    .map((location) => licensedThrough(facts, location.state, today))
    .filter((day): day is string => day !== null);
  return days.length === 0 ? 0 : Math.max(...days.map(dateNumber));
}

/** Builds the documents of one therapist (with locations, licenses and memberships loaded). */
export function therapistDocuments(
  therapist: Therapist,
  names: VocabularyNames,
  today: string = todayIso(),
): TherapistDocument[] {
  const licenseFacts = therapist.licenses.map((l) => ({ state: l.state, status: l.status, expiresOn: l.expiresOn }));
  const verified = isTherapistVerified(
    licenseFacts,
    therapist.locations.map((l) => l.state),
    today,
  );
  const networkIds = [
    ...new Set(
      therapist.networkMemberships
        .filter(
          (m) =>
            m.effectiveFrom <= today && effectiveStatus(m.status, m.effectiveTo, today) === VerificationStatus.VERIFIED,
        )
        .map((m) => m.networkId),
    ),
  ].sort();
  const base = {
    therapistId: therapist.id,
    displayName: therapist.displayName,
    credentialLetters: therapist.credentialLetters,
    bio: therapist.bio,
    languages: [...therapist.languages],
    practiceContexts: [...therapist.practiceContexts],
    treatmentIntentions: [...therapist.treatmentIntentions],
    acceptingNewPatients: therapist.acceptingNewPatients,
    billsInsurance: therapist.billsInsurance,
    conditionIds: [...therapist.conditionIds],
    conditionNames: entries(therapist.conditionIds, names.conditions).map((e) => e.name),
    conditionTerms: entries(therapist.conditionIds, names.conditions).flatMap((e) => e.synonyms),
    techniqueIds: [...therapist.techniqueIds],
    techniqueNames: entries(therapist.techniqueIds, names.techniques).map((e) => e.name),
    techniqueTerms: entries(therapist.techniqueIds, names.techniques).flatMap((e) => e.synonyms),
    networkIds,
    verified,
    verifiedThrough: verified ? verifiedThrough(therapist, today) : 0,
    referringProviders: therapist.referringProviders,
    completedReferrals: therapist.completedReferrals,
    endorsements: therapist.endorsementCount,
    reputationScore: reputationScore(
      therapist.referringProviders,
      therapist.completedReferrals,
      therapist.endorsementCount,
    ),
  };
  const locations = [...therapist.locations].sort((a, b) => a.id.localeCompare(b.id));
  if (locations.length === 0) {
    return [
      {
        id: `${therapist.id}_0`,
        locationId: null,
        locationOrdinal: 0,
        city: null,
        state: null,
        ...base,
        licenseVerified: false,
        licensedThrough: 0,
        localReferringProviders: 0,
        localReputationScore: reputationScore(0, therapist.completedReferrals, therapist.endorsementCount),
        postalCode: null,
      },
    ];
  }
  return locations.map((location, ordinal) => {
    const through = licensedThrough(licenseFacts, location.state, today);
    return {
      id: `${therapist.id}_${ordinal}`,
      locationId: location.id,
      locationOrdinal: ordinal,
      city: location.city,
      state: location.state,
      ...base,
      licenseVerified: through !== null,
      licensedThrough: through === null ? 0 : dateNumber(through),
      localReferringProviders: location.localReferringProviders,
      localReputationScore: reputationScore(
        location.localReferringProviders,
        therapist.completedReferrals,
        therapist.endorsementCount,
      ),
      postalCode: location.postalCode,
    };
  });
}
