import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { DIRECTORY_SEARCHES, PARAM_DOCS } from './directory/directory-search.definitions';
import { PLAN_NET_IG, PROFILES } from './fhir-constants';
import type { ParamType } from './search/search-params';

const SEARCH_TYPE: Record<ParamType, 'string' | 'token' | 'reference' | 'date' | 'special'> = {
  string: 'string',
  token: 'token',
  reference: 'reference',
  date: 'date',
  near: 'special',
};

const DOCS: Record<string, string> = {
  Practitioner:
    'Every therapist whose profile is public (suspended profiles never appear), verified or not: Plan-Net allows a practitioner without qualifications. qualification lists only VERIFIED, current licenses (with the state where valid) and certifications.',
  PractitionerRole:
    'One role per verified therapist (its id is the practitioner id), at the locations covered by a VERIFIED, current license of their state; unverified therapists have none. Sorted by name, or nearest first with location.near.',
  Location: 'Licensed practice locations of verified therapists only.',
  Organization:
    'Each credentialing network (Plan-Net Network, type ntwk) and the organization behind it (id org-<network id>, type payer or prvgrp).',
  VerificationResult:
    'Primary-source verification of a license or certification (id = the credential id): validated, or req-revalid once expired. Pending and rejected credentials have none.',
  ServiceRequest:
    'A referral with its prescription (BSeR referral request), readable by its parties only (Authorization: Bearer); a non-party gets 404. Timing.repeat.boundsPeriod carries the validity (written on to expiry), as occurrence[x] is one choice.',
  Task: 'The referral workflow (code fulfill); search by focus, or owner + status for a therapist worklist. Parties only.',
};

function directoryResource(type: keyof typeof DIRECTORY_SEARCHES): CapabilityStatementRestResource {
  const definition = DIRECTORY_SEARCHES[type];
  return {
    type,
    profile: type === 'Organization' ? PROFILES.Network : PROFILES[type],
    ...(type === 'Organization' ? { supportedProfile: [PROFILES.Network, PROFILES.Organization] } : {}),
    documentation: DOCS[type],
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    searchParam: Object.entries(definition.params).map(([name, type]) => ({
      name,
      type: SEARCH_TYPE[type],
      documentation: PARAM_DOCS[name],
    })),
    ...('include' in definition ? { searchInclude: [...definition.include] } : {}),
    ...('revinclude' in definition ? { searchRevInclude: [...definition.revinclude] } : {}),
  };
}

/** GET /fhir/metadata: what this server does, from the same definitions the searches use. */
export function capabilityStatement(base: string, software: { name: string; version: string }): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    software,
    implementation: { description: 'Medical Massage Network directory and referrals', url: base },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    implementationGuide: [PLAN_NET_IG],
    rest: [
      {
        mode: 'server',
        documentation:
          'Unknown search parameters are refused with 400 (or ignored with Prefer: handling=lenient). _count defaults to 20, at most 100; pages are linked with _offset. JSON only: _format=xml gets 406.',
        security: {
          description:
            'The directory resources, $export and metadata need no account. ServiceRequest and Task need a bearer access token of a party to the referral; every read is audit-logged.',
        },
        resource: [
          directoryResource('Practitioner'),
          directoryResource('PractitionerRole'),
          directoryResource('Location'),
          directoryResource('Organization'),
          directoryResource('VerificationResult'),
          {
            type: 'ServiceRequest',
            profile: PROFILES.ServiceRequest,
            documentation: DOCS.ServiceRequest,
            interaction: [{ code: 'read' }],
          },
          {
            type: 'Task',
            profile: PROFILES.Task,
            documentation: DOCS.Task,
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: [
              { name: 'focus', type: 'reference', documentation: 'ServiceRequest/<referral id> (or the bare id)' },
              { name: 'owner', type: 'reference', documentation: 'Practitioner/<your therapist id>' },
              { name: 'status', type: 'token', documentation: 'Task status' },
            ],
          },
        ],
        operation: [
          {
            name: 'export',
            definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export',
            documentation:
              'System-level bulk export of the public directory (Prefer: respond-async; _type and _since honoured).',
          },
        ],
      },
    ],
  };
}
