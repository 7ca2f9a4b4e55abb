// Therapist and provider profiles, credentials and their verification, change history, and the search outbox.
export * from './directory.enums';
export * from './directory.models';
export * from './directory.module';
export * from './entities/certification.entity';
export * from './entities/endorsement.entity';
export * from './entities/license.entity';
export * from './entities/network-membership.entity';
export * from './entities/practice-location.entity';
export * from './entities/profile-change.entity';
export * from './entities/provider.entity';
export * from './entities/search-outbox.entity';
export * from './entities/therapist.entity';
export * from './listing/listing-problem-report.entity';
export * from './listing/listing-problem.models';
export * from './rules/therapist-verification';
export * from './services/providers.service';
export * from './services/therapists.service';
export { loadTherapists } from './services/therapist-records';
