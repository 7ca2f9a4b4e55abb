import type { VerificationResult } from '@medplum/fhirtypes';
import { type Certification, effectiveStatus, type License, type Therapist, VerificationStatus } from '@mmn/directory';
import { todayIso } from '@mmn/shared';
import { PROFILES, SYSTEMS } from '../fhir-constants';

export const NETWORK_NAME = 'Medical Massage Network';

type Qualification = { kind: 'license'; credential: License } | { kind: 'certification'; credential: Certification };

/** The license or certification with this id, when the therapist holds one. */
export function findQualification(therapist: Therapist, id: string): Qualification | null {
  const license = therapist.licenses.find((l) => l.id === id);
  if (license) return { kind: 'license', credential: license };
  const certification = therapist.certifications.find((c) => c.id === id);
  return certification ? { kind: 'certification', credential: certification } : null;
}

const VERIFICATION_STATUS: Partial<Record<VerificationStatus, VerificationResult['status']>> = {
  [VerificationStatus.VERIFIED]: 'validated',
  [VerificationStatus.EXPIRED]: 'req-revalid',
};

const code = (system: string, value: string) => ({ coding: [{ system, code: value }] });

/**
 * The primary-source verification of a license or certification as an NDH VerificationResult (its id is the
 * credential's). Only verified credentials have a public one (validated, or req-revalid once expired): pending and
 * rejected ones answer null.
 */
export function toVerificationResult(
  therapist: Therapist,
  qualification: Qualification,
  today = todayIso(),
): VerificationResult | null {
  const { credential } = qualification;
  const status = VERIFICATION_STATUS[effectiveStatus(credential.status, credential.expiresOn, today)];
  if (!status || !credential.verifiedAt) return null;
  const verifiedAt = credential.verifiedAt.toISOString();
  return {
    resourceType: 'VerificationResult',
    id: credential.id,
    meta: { profile: [PROFILES.VerificationResult], lastUpdated: therapist.updatedAt.toISOString() },
    target: [{ reference: `Practitioner/${therapist.id}`, display: therapist.displayName }],
    targetLocation: [`Practitioner.qualification.where(id = '${credential.id}')`],
    need: code(SYSTEMS.verificationNeed, 'periodic'),
    status,
    statusDate: verifiedAt,
    validationType: code(SYSTEMS.validationType, 'primary'),
    validationProcess: [code(SYSTEMS.validationProcess, 'primary')],
    lastPerformed: verifiedAt,
    ...(credential.expiresOn ? { nextScheduled: credential.expiresOn } : {}),
    primarySource: [
      {
        who: { display: credential.verificationSource ?? 'not recorded' },
        type: [code(SYSTEMS.primarySourceType, qualification.kind === 'license' ? 'lic-board' : 'issuer')],
        validationStatus: code('http://terminology.hl7.org/CodeSystem/validation-status', 'successful'),
        validationDate: verifiedAt,
      },
    ],
    attestation: {
      who: { reference: `Practitioner/${therapist.id}`, display: therapist.displayName },
      communicationMethod: code(SYSTEMS.communicationMethod, 'portal'),
      date: credential.createdAt.toISOString().slice(0, 10),
    },
    validator: [{ organization: { display: NETWORK_NAME } }],
  };
}
