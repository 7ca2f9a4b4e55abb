/** Canonical URLs and code systems of the profiles this server shapes its resources to. */
export const PLAN_NET = 'http://hl7.org/fhir/us/davinci-pdex-plan-net';
export const PLAN_NET_IG = `${PLAN_NET}/ImplementationGuide/hl7.fhir.us.davinci-pdex-plan-net`;
export const NDH = 'http://hl7.org/fhir/us/ndh';
export const BSER = 'http://hl7.org/fhir/us/bser';

export const PROFILES = {
  Practitioner: `${PLAN_NET}/StructureDefinition/plannet-Practitioner`,
  PractitionerRole: `${PLAN_NET}/StructureDefinition/plannet-PractitionerRole`,
  Location: `${PLAN_NET}/StructureDefinition/plannet-Location`,
  Network: `${PLAN_NET}/StructureDefinition/plannet-Network`,
  Organization: `${PLAN_NET}/StructureDefinition/plannet-Organization`,
  VerificationResult: `${NDH}/StructureDefinition/ndh-Verification`,
  ServiceRequest: `${BSER}/StructureDefinition/BSeR-ReferralRequest`,
  Task: `${BSER}/StructureDefinition/BSeR-ReferralTask`,
  Patient: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient',
} as const;

export const EXTENSIONS = {
  newPatients: `${PLAN_NET}/StructureDefinition/newpatients`,
  networkReference: `${PLAN_NET}/StructureDefinition/network-reference`,
  qualification: `${PLAN_NET}/StructureDefinition/practitioner-qualification`,
} as const;

export const SYSTEMS = {
  nucc: 'http://nucc.org/provider-taxonomy',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  usps: 'https://www.usps.com/',
  orgType: `${PLAN_NET}/CodeSystem/OrgTypeCS`,
  acceptingPatients: `${PLAN_NET}/CodeSystem/AcceptingPatientsCS`,
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  language: 'urn:ietf:bcp:47',
  taskBusinessStatus: `${BSER}/CodeSystem/TaskBusinessStatusCS`,
  taskCode: 'http://hl7.org/fhir/CodeSystem/task-code',
  verificationStatus: 'http://terminology.hl7.org/CodeSystem/verificationresult-status',
  validationType: 'http://terminology.hl7.org/CodeSystem/validation-type',
  validationProcess: 'http://terminology.hl7.org/CodeSystem/validation-process',
  verificationNeed: 'http://terminology.hl7.org/CodeSystem/need',
  primarySourceType: 'http://terminology.hl7.org/CodeSystem/primary-source-type',
  communicationMethod: 'http://terminology.hl7.org/CodeSystem/verificationresult-communication-method',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
} as const;

/** NUCC 225700000X: the one specialty of this directory. */
export const MASSAGE_THERAPIST = { system: SYSTEMS.nucc, code: '225700000X', display: 'Massage Therapist' } as const;

export const FHIR_JSON = 'application/fhir+json';
export const FHIR_NDJSON = 'application/fhir+ndjson';
