import type { Practitioner, PractitionerQualification } from '@medplum/fhirtypes';
import { effectiveStatus, type Therapist, VerificationStatus } from '@mmn/directory';
import { stateName } from '@mmn/reference-data';
import { todayIso } from '@mmn/shared';
import { EXTENSIONS, MASSAGE_THERAPIST, PROFILES, SYSTEMS } from '../fhir-constants';

/** "Ann B. Example" -> family "Example", given ["Ann", "B."]; a single word is the family name. */
export function splitName(displayName: string): { family: string; given: string[] } {
  const words = displayName.trim().split(/\s+/);
  return { family: words.at(-1) ?? displayName, given: words.slice(0, -1) };
}

const current = (status: VerificationStatus, expiresOn: string | null, today: string) =>
  effectiveStatus(status, expiresOn, today) === VerificationStatus.VERIFIED;

const period = (start: string | null, end: string | null) =>
  start || end ? { ...(start ? { start } : {}), ...(end ? { end } : {}) } : undefined;

/**
 * Plan-Net qualifications: VERIFIED, current licenses (valid in their own state) and certifications only. The
 * practitioner-qualification extension's status is fixed to "active", so anything else is left out.
 */
export function qualificationsOf(therapist: Therapist, today = todayIso()): PractitionerQualification[] {
  const licenses = therapist.licenses
    .filter((license) => current(license.status, license.expiresOn, today))
    .map((license): PractitionerQualification => ({
      id: license.id,
      extension: [
        {
          url: EXTENSIONS.qualification,
          extension: [
            { url: 'status', valueCode: 'active' },
            { url: 'whereValid', valueCodeableConcept: { coding: [{ system: SYSTEMS.usps, code: license.state }] } },
          ],
        },
      ],
      identifier: [{ value: license.licenseNumber }],
      code: { coding: [{ ...MASSAGE_THERAPIST }], text: `Massage therapy license (${license.state})` },
      period: period(license.issuedOn, license.expiresOn),
      issuer: { display: `${stateName(license.state) ?? license.state} massage therapy licensing board` },
    }));
  const certifications = therapist.certifications
    .filter((certification) => current(certification.status, certification.expiresOn, today))
    .map((certification): PractitionerQualification => ({
      id: certification.id,
      extension: [{ url: EXTENSIONS.qualification, extension: [{ url: 'status', valueCode: 'active' }] }],
      code: { text: certification.name },
      period: period(certification.issuedOn, certification.expiresOn),
      issuer: { display: certification.issuer },
    }));
  return [...licenses, ...certifications];
}

/** A therapist as a Plan-Net Practitioner. */
export function toPractitioner(therapist: Therapist, today = todayIso()): Practitioner {
  const { family, given } = splitName(therapist.displayName);
  const qualification = qualificationsOf(therapist, today);
  return {
    resourceType: 'Practitioner',
    id: therapist.id,
    meta: { profile: [PROFILES.Practitioner], lastUpdated: therapist.updatedAt.toISOString() },
    active: true,
    name: [
      {
        text: therapist.credentialLetters
          ? `${therapist.displayName}, ${therapist.credentialLetters}`
          : therapist.displayName,
        family,
        ...(given.length > 0 ? { given } : {}),
        ...(therapist.credentialLetters ? { suffix: therapist.credentialLetters.split(/\s*,\s*/) } : {}),
      },
    ],
    ...(qualification.length > 0 ? { qualification } : {}),
    ...(therapist.languages.length > 0
      ? { communication: therapist.languages.map((code) => ({ coding: [{ system: SYSTEMS.language, code }] })) }
      : {}),
  };
}
