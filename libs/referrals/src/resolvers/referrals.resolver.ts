import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Endorsement } from '@mmn/directory';
import { GraphQLDate, PageSize } from '@mmn/graphql-platform';
import { CurrentCaller, type Caller, Roles, SignedIn } from '@mmn/identity';
import { Role } from '@mmn/shared';
import {
  CompleteReferralInput,
  CreateReferralInput,
  RecordVisitInput,
  ReferralFilter,
  RenewReferralInput,
} from '../dto/referral.inputs';
import { Visit } from '../entities/visit.entity';
import { CreatedReferral, ReferralConnection, ReferralView } from '../referrals.models';
import { MAX_PAGE_SIZE, ReferralList } from '../services/referral-list.service';
import { Endorsements } from '../services/endorsements.service';
import { ReferralAccess } from '../services/referral-access.service';
import { ReferralClaims } from '../services/referral-claims.service';
import { ReferralCreation } from '../services/referral-creation.service';
import { ReferralTransitions } from '../services/referral-transitions.service';

// Operations on one referral are open to any signed-in user: whether the caller is a party is decided per
// referral in the service (non-parties get NOT_FOUND, parties in the wrong role INVALID_STATE).
@Resolver()
export class ReferralsResolver {
  constructor(
    private readonly access: ReferralAccess,
    private readonly creation: ReferralCreation,
    private readonly claims: ReferralClaims,
    private readonly transitions: ReferralTransitions,
    private readonly endorsements: Endorsements,
    private readonly list: ReferralList,
  ) {}

  @SignedIn()
  @Query(() => ReferralView, { description: 'Parties only, else NOT_FOUND' })
  referral(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID }) id: string): Promise<ReferralView> {
    return this.access.read(caller, id);
  }

  @SignedIn()
  @Query(() => ReferralConnection, { description: "The caller's own" })
  referrals(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => ReferralFilter, nullable: true }) filter: ReferralFilter | null,
    @PageSize({ defaultValue: 20, max: MAX_PAGE_SIZE }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ReferralConnection> {
    return this.list.list(caller, filter?.status ?? undefined, first, after);
  }

  @Roles(Role.PROVIDER)
  @Mutation(() => CreatedReferral)
  createReferral(@CurrentCaller() caller: Caller, @Args('input') input: CreateReferralInput): Promise<CreatedReferral> {
    return this.creation.create(caller, input);
  }

  @Roles(Role.PATIENT)
  @Mutation(() => ReferralView, { description: 'Wrong code or birth date: NOT_FOUND; rate limited' })
  claimReferral(
    @CurrentCaller() caller: Caller,
    @Args('accessCode') accessCode: string,
    @Args('dateOfBirth', { type: () => GraphQLDate }) dateOfBirth: string,
  ): Promise<ReferralView> {
    return this.claims.claim(caller, accessCode, dateOfBirth);
  }

  @SignedIn()
  @Mutation(() => ReferralView, {
    description: 'The patient who claimed it, or its provider; OPEN or DECLINED -> SENT',
  })
  chooseTherapist(
    @CurrentCaller() caller: Caller,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('therapistId', { type: () => ID }) therapistId: string,
  ): Promise<ReferralView> {
    return this.transitions.chooseTherapist(caller, referralId, therapistId);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Addressed THERAPIST; SENT -> ACCEPTED' })
  acceptReferral(
    @CurrentCaller() caller: Caller,
    @Args('referralId', { type: () => ID }) referralId: string,
  ): Promise<ReferralView> {
    return this.transitions.accept(caller, referralId);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Addressed THERAPIST; SENT -> DECLINED' })
  declineReferral(
    @CurrentCaller() caller: Caller,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('reason') reason: string,
  ): Promise<ReferralView> {
    return this.transitions.decline(caller, referralId, reason);
  }

  @SignedIn()
  @Mutation(() => Visit, {
    description:
      'Addressed THERAPIST; ACCEPTED|IN_PROGRESS -> IN_PROGRESS; not beyond visitsAuthorized nor after expiresOn',
  })
  recordVisit(@CurrentCaller() caller: Caller, @Args('input') input: RecordVisitInput): Promise<Visit> {
    return this.transitions.recordVisit(caller, input);
  }

  @SignedIn()
  @Mutation(() => ReferralView, {
    description: 'Addressed THERAPIST; ACCEPTED|IN_PROGRESS; the provider sees it in events',
  })
  addProgressNote(
    @CurrentCaller() caller: Caller,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('note') note: string,
  ): Promise<ReferralView> {
    return this.transitions.addProgressNote(caller, referralId, note);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Its PROVIDER; ACCEPTED|IN_PROGRESS' })
  renewReferral(@CurrentCaller() caller: Caller, @Args('input') input: RenewReferralInput): Promise<ReferralView> {
    return this.transitions.renew(caller, input);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Addressed THERAPIST; IN_PROGRESS -> COMPLETED' })
  completeReferral(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CompleteReferralInput,
  ): Promise<ReferralView> {
    return this.transitions.complete(caller, input);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Its PROVIDER or claiming PATIENT; any non-final state -> CANCELLED' })
  cancelReferral(
    @CurrentCaller() caller: Caller,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('reason') reason: string,
  ): Promise<ReferralView> {
    return this.transitions.cancel(caller, referralId, reason);
  }

  @Roles(Role.PROVIDER)
  @Mutation(() => Endorsement, {
    description: 'PROVIDER with at least one COMPLETED referral to that therapist, once per pair',
  })
  endorseTherapist(
    @CurrentCaller() caller: Caller,
    @Args('therapistId', { type: () => ID }) therapistId: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<Endorsement> {
    return this.endorsements.endorse(caller, therapistId, note);
  }
}
