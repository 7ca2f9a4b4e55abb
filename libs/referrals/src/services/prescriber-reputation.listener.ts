import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LocationsService, ProviderVerificationService } from '@mmn/directory';
import { recomputeForProvider, recomputeReferringProviders } from './reputation';

/**
 * When a prescriber's NPI is verified, rejected or changed, or where they practise changes, the reputations their
 * referrals feed follow; when a therapist's locations change, so do that therapist's local counts.
 */
@Injectable()
export class PrescriberReputationListener implements OnModuleInit {
  constructor(
    private readonly verification: ProviderVerificationService,
    private readonly locations: LocationsService,
  ) {}

  onModuleInit(): void {
    this.verification.onVerificationChanged((manager, providerId) => recomputeForProvider(manager, providerId));
    this.locations.onLocationsChanged((manager, therapistId) => recomputeReferringProviders(manager, therapistId));
  }
}
