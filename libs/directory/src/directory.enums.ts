import { registerEnumType } from '@nestjs/graphql';

export enum PracticeContext {
  MEDICAL = 'MEDICAL',
  WELLNESS = 'WELLNESS',
}
registerEnumType(PracticeContext, { name: 'PracticeContext' });

export enum TreatmentIntention {
  CLINICAL = 'CLINICAL',
  RELAXATION = 'RELAXATION',
}
registerEnumType(TreatmentIntention, { name: 'TreatmentIntention' });

export enum VerificationStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });

export enum CredentialKind {
  LICENSE = 'LICENSE',
  CERTIFICATION = 'CERTIFICATION',
  NETWORK_MEMBERSHIP = 'NETWORK_MEMBERSHIP',
}
registerEnumType(CredentialKind, { name: 'CredentialKind' });
