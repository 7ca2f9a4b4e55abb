import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@mmn/identity';
import { ReferenceDataModule } from '@mmn/reference-data';
import { DirectoryReadModel } from './directory-read/directory-read-model';
import { Certification } from './entities/certification.entity';
import { Endorsement } from './entities/endorsement.entity';
import { License } from './entities/license.entity';
import { NetworkMembership } from './entities/network-membership.entity';
import { PracticeLocation } from './entities/practice-location.entity';
import { ProfileChange } from './entities/profile-change.entity';
import { Provider } from './entities/provider.entity';
import { SearchOutbox } from './entities/search-outbox.entity';
import { Therapist } from './entities/therapist.entity';
import { ListingProblemReport } from './listing/listing-problem-report.entity';
import { ListingProblemsService } from './listing/listing-problems.service';
import { PublicListingResolver } from './listing/public-listing.resolver';
import { ListingProblemsAdminResolver } from './listing/listing-problems-admin.resolver';
import { PublicListingService } from './listing/public-listing.service';
import { AdminResolver } from './resolvers/admin.resolver';
import {
  CertificationFieldsResolver,
  LicenseFieldsResolver,
  NetworkMembershipFieldsResolver,
} from './resolvers/credential-fields.resolver';
import { CredentialsResolver } from './resolvers/credentials.resolver';
import { ProvidersResolver } from './resolvers/providers.resolver';
import { PracticeLocationFieldsResolver } from './resolvers/practice-location-fields.resolver';
import { TherapistFieldsResolver } from './resolvers/therapist-fields.resolver';
import { TherapistsResolver } from './resolvers/therapists.resolver';
import { ChangeHistoryService } from './services/change-history.service';
import { CredentialsService } from './services/credentials.service';
import { LocationsService } from './services/locations.service';
import { ProvidersService } from './services/providers.service';
import { ProviderVerificationService } from './services/provider-verification.service';
import { NppesClient } from './registry/nppes-client.service';
import { SuspensionService } from './services/suspension.service';
import { TherapistsService } from './services/therapists.service';
import { VerificationService } from './services/verification.service';

export const DIRECTORY_ENTITIES = [
  Therapist,
  License,
  Certification,
  NetworkMembership,
  PracticeLocation,
  Provider,
  ProfileChange,
  SearchOutbox,
  Endorsement,
  ListingProblemReport,
];

@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES), IdentityModule, ReferenceDataModule],
  providers: [
    TherapistsService,
    DirectoryReadModel,
    LocationsService,
    CredentialsService,
    VerificationService,
    SuspensionService,
    ChangeHistoryService,
    ProvidersService,
    ProviderVerificationService,
    NppesClient,
    TherapistsResolver,
    TherapistFieldsResolver,
    PracticeLocationFieldsResolver,
    CredentialsResolver,
    LicenseFieldsResolver,
    CertificationFieldsResolver,
    NetworkMembershipFieldsResolver,
    AdminResolver,
    ProvidersResolver,
    PublicListingService,
    ListingProblemsService,
    PublicListingResolver,
    ListingProblemsAdminResolver,
  ],
  exports: [TherapistsService, ProvidersService, ProviderVerificationService, LocationsService, DirectoryReadModel],
})
export class DirectoryModule {}
