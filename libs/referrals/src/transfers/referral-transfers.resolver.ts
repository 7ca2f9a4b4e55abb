import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, SignedIn } from '@mmn/identity';
import { StartTransferInput } from '../dto/transfer.inputs';
import { ReferralView } from '../referrals.models';
import { EarlierCare } from './earlier-care.model';
import { ReferralTransfers } from './referral-transfers.service';

@Resolver(() => ReferralView)
export class ReferralTransfersResolver {
  constructor(private readonly transfers: ReferralTransfers) {}

  @SignedIn()
  @Mutation(() => ReferralView, {
    description:
      'Claiming PATIENT, addressed THERAPIST or its PROVIDER; ACCEPTED|IN_PROGRESS -> TRANSFERRED; returns the continuation (OPEN) to the patient and prescriber, the TRANSFERRED referral to the therapist',
  })
  startTransfer(@CurrentCaller() caller: Caller, @Args('input') input: StartTransferInput): Promise<ReferralView> {
    return this.transfers.start(caller, input);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'The THERAPIST of the TRANSFERRED referral, within 30 days' })
  submitTransferSummary(
    @CurrentCaller() caller: Caller,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('summary') summary: string,
  ): Promise<ReferralView> {
    return this.transfers.submitSummary(caller, referralId, summary);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Claiming PATIENT of the continuation; off until they turn it on' })
  setHistorySharing(
    @CurrentCaller() caller: Caller,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('shareHistory') shareHistory: boolean,
    @Args('shareSoapNotes', { nullable: true, defaultValue: false }) shareSoapNotes: boolean,
  ): Promise<ReferralView> {
    return this.transfers.setHistorySharing(caller, referralId, shareHistory, shareSoapNotes ?? false);
  }

  @ResolveField(() => ReferralView, {
    nullable: true,
    description: 'The referral this one continues (visible to the parties of that one)',
  })
  continues(@CurrentCaller() caller: Caller, @Parent() referral: ReferralView): Promise<ReferralView | null> {
    return this.transfers.linked(caller, referral.continuesId);
  }

  @ResolveField(() => ReferralView, { nullable: true, description: 'The continuation created by a transfer' })
  continuedBy(@CurrentCaller() caller: Caller, @Parent() referral: ReferralView): Promise<ReferralView | null> {
    return this.transfers.linked(caller, referral.continuedById);
  }

  @ResolveField(() => EarlierCare, {
    nullable: true,
    description: 'On a continuation: the care before the transfer, as consented by the patient',
  })
  earlierCare(@CurrentCaller() caller: Caller, @Parent() referral: ReferralView): Promise<EarlierCare | null> {
    return this.transfers.earlierCare(caller, referral);
  }
}
