import type { SearchDefinition } from '../search/search-params';

/** The searches of the public directory (also the source of the capability statement's search parameters). */
export const DIRECTORY_SEARCHES = {
  Practitioner: {
    params: { _id: 'token', _lastUpdated: 'date', name: 'string', family: 'string', given: 'string' },
    revinclude: ['PractitionerRole:practitioner'],
  },
  PractitionerRole: {
    params: {
      _id: 'token',
      _lastUpdated: 'date',
      specialty: 'token',
      location: 'reference',
      network: 'reference',
      practitioner: 'reference',
      'location.near': 'near',
      'location.address-city': 'string',
      'location.address-state': 'string',
      'location.address-postalcode': 'string',
    },
    include: ['PractitionerRole:practitioner', 'PractitionerRole:location', 'PractitionerRole:network'],
  },
  Location: {
    params: {
      _id: 'token',
      _lastUpdated: 'date',
      'address-city': 'string',
      'address-state': 'string',
      'address-postalcode': 'string',
      near: 'near',
    },
    revinclude: ['PractitionerRole:location'],
  },
  Organization: {
    params: { _id: 'token', name: 'string', type: 'token' },
  },
  VerificationResult: {
    params: { _id: 'token', target: 'reference' },
  },
} as const satisfies Record<string, SearchDefinition>;

export type DirectoryType = keyof typeof DIRECTORY_SEARCHES;

/** What each search parameter means here, for the capability statement. */
export const PARAM_DOCS: Record<string, string> = {
  _id: 'Logical id (comma-separated for any of several)',
  _lastUpdated: 'When the therapist profile last changed (eq, gt, ge, lt, le at any precision)',
  name: 'Any word of the name starts with the value (case-insensitive)',
  family: 'The family name starts with the value',
  given: 'A given name starts with the value',
  specialty: 'NUCC taxonomy; only 225700000X (Massage Therapist) matches',
  location: 'Location/<id>: roles at that licensed location',
  network: 'Organization/<network id>: roles of therapists with a verified, current membership',
  practitioner: 'Practitioner/<id>',
  'location.near':
    'latitude|longitude|distance|units around a licensed location (km, m, mi; default 50 km, at most 500); nearest first',
  'location.address-city': 'City of a licensed location starts with the value',
  'location.address-state': 'Two-letter state of a licensed location',
  'location.address-postalcode': 'ZIP code of a licensed location starts with the value',
  'address-city': 'City starts with the value',
  'address-state': 'Two-letter state',
  'address-postalcode': 'ZIP code starts with the value',
  near: 'latitude|longitude|distance|units (km, m, mi; default 50 km, at most 500); nearest first',
  type: 'Plan-Net organization type (OrgTypeCS): ntwk, payer or prvgrp',
  target: 'Practitioner/<id>: verifications of that practitioner’s qualifications',
};
