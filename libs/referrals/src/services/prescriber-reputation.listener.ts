import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProviderVerificationService } from '@mmn/directory';
import { recomputeForProvider } from './reputation';

/** When a prescriber's NPI is verified, rejected or changed, the reputations their referrals feed follow. */
@Injectable()
export class PrescriberReputationListener implements OnModuleInit {
  constructor(private readonly verification: ProviderVerificationService) {}

  onModuleInit(): void {
    this.verification.onVerificationChanged((manager, providerId) => recomputeForProvider(manager, providerId));
  }
}
