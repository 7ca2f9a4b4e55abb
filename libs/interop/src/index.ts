// FHIR R4 (Plan-Net directory, NDH verification, BSeR referrals, bulk export) and Open Referral HSDS 3.0 views of
// the directory and referrals: pure mappers from the domain libs' read models, thin controllers.
export * from './interop.module';
