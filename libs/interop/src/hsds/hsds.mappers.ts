import { createHash } from 'crypto';
import type { PracticeLocation, Therapist } from '@mmn/directory';
import type { Condition, Technique } from '@mmn/reference-data';

/** This feed's namespace for name-based ids (a fixed random UUID; changing it would change every derived id). */
const HSDS_NAMESPACE = '9214737f-b6da-4bf6-b5a4-80d9df590689';

/**
 * A name-based UUID (version 5, RFC 9562): HSDS 3.0 ids are UUIDs, so objects without a row id of their own
 * (taxonomies, terms, attributes, languages) get one derived from what they are, the same on every request.
 */
export function nameUuid(name: string, namespace = HSDS_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type TaxonomyName = 'conditions' | 'techniques';
const taxonomyId = (taxonomy: TaxonomyName) => nameUuid(`taxonomy/${taxonomy}`);
/** The id of a condition's or technique's taxonomy term. */
export const termId = (taxonomy: TaxonomyName, code: string) => nameUuid(`taxonomy_term/${taxonomy}/${code}`);

/** HSDS 3.0 objects as this directory publishes them (the subset of fields it has data for); every id a UUID. */
export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  version: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  /** Which of the directory's taxonomies: `conditions` or `techniques`. */
  taxonomy: TaxonomyName;
  taxonomy_id: string;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  name: string;
  latitude: number;
  longitude: number;
  addresses: HsdsAddress[];
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  location: HsdsLocation;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  taxonomy_term_id: string;
  link_type: string;
  link_entity: 'service';
  value: string;
  taxonomy_term: HsdsTaxonomyTerm;
}

export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  status: 'active';
  languages: { id: string; service_id: string; code: string }[];
  attributes: HsdsAttribute[];
  service_at_locations: HsdsServiceAtLocation[];
  last_modified: string;
}

export interface HsdsOrganization {
  id: string;
  name: string;
  description: string;
  last_modified: string;
}

export const TAXONOMIES: HsdsTaxonomy[] = [
  {
    id: taxonomyId('conditions'),
    name: 'Conditions treated',
    description: 'Conditions a medical massage therapist treats (mapped to ICD-10-CM)',
    version: '1',
  },
  {
    id: taxonomyId('techniques'),
    name: 'Massage techniques',
    description: 'Techniques a therapist practises',
    version: '1',
  },
];

export function conditionTerm(condition: Condition): HsdsTaxonomyTerm {
  return {
    id: termId('conditions', condition.id),
    code: condition.id,
    name: condition.name,
    description: condition.icd10Codes.length ? `ICD-10-CM ${condition.icd10Codes.join(', ')}` : condition.name,
    taxonomy: 'conditions',
    taxonomy_id: taxonomyId('conditions'),
  };
}

export function techniqueTerm(technique: Technique): HsdsTaxonomyTerm {
  return {
    id: termId('techniques', technique.id),
    code: technique.id,
    name: technique.name,
    description: technique.synonyms.length ? `Also: ${technique.synonyms.join(', ')}` : technique.name,
    taxonomy: 'techniques',
    taxonomy_id: taxonomyId('techniques'),
  };
}

export function toServiceAtLocation(therapist: Therapist, location: PracticeLocation): HsdsServiceAtLocation {
  return {
    id: location.id,
    service_id: therapist.id,
    location_id: location.id,
    location: {
      id: location.id,
      location_type: 'physical',
      name: location.label ?? `${therapist.displayName}, ${location.city}`,
      latitude: location.latitude,
      longitude: location.longitude,
      addresses: [
        {
          id: location.id,
          location_id: location.id,
          address_1: location.addressLine,
          city: location.city,
          state_province: location.state,
          postal_code: location.postalCode,
          country: 'US',
          address_type: 'physical',
        },
      ],
    },
  };
}

/**
 * A verified therapist's practice as an HSDS service (its id is the therapist's), offered at their licensed
 * locations; conditions and techniques are taxonomy terms attached as attributes. `terms` is keyed by term id.
 */
export function toService(
  therapist: Therapist,
  locations: PracticeLocation[],
  terms: Map<string, HsdsTaxonomyTerm>,
): HsdsService {
  const attribute = (taxonomy: TaxonomyName, code: string): HsdsAttribute[] => {
    const term = terms.get(termId(taxonomy, code));
    return term
      ? [
          {
            id: nameUuid(`attribute/${therapist.id}/${term.id}`),
            link_id: therapist.id,
            taxonomy_term_id: term.id,
            link_type: term.taxonomy,
            link_entity: 'service',
            value: term.code,
            taxonomy_term: term,
          },
        ]
      : [];
  };
  return {
    id: therapist.id,
    organization_id: therapist.id,
    name: therapist.credentialLetters
      ? `${therapist.displayName}, ${therapist.credentialLetters}`
      : therapist.displayName,
    description: therapist.bio ?? 'Medical massage therapy',
    status: 'active',
    languages: therapist.languages.map((code) => ({
      id: nameUuid(`language/${therapist.id}/${code}`),
      service_id: therapist.id,
      code,
    })),
    attributes: [
      ...therapist.conditionIds.flatMap((id) => attribute('conditions', id)),
      ...therapist.techniqueIds.flatMap((id) => attribute('techniques', id)),
    ],
    service_at_locations: locations.map((location) => toServiceAtLocation(therapist, location)),
    last_modified: therapist.updatedAt.toISOString(),
  };
}

/** The practice behind a service: one organization per therapist (sole practitioners, as the directory knows them). */
export function toOrganization(therapist: Therapist): HsdsOrganization {
  return {
    id: therapist.id,
    name: therapist.displayName,
    description: `Massage therapy practice of ${therapist.displayName}`,
    last_modified: therapist.updatedAt.toISOString(),
  };
}

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** HSDS's page wrapper. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
