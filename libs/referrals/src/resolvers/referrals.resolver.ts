import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Endorsement } from '@mmn/directory';
import { GraphQLDate } from '@mmn/graphql-platform';
import { CurrentUser, type Principal, RequestMeta, type RequestMetaValue, Roles, SignedIn } from '@mmn/identity';
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
import { ReferralList } from '../services/referral-list.service';
import { ReferralsService } from '../services/referrals.service';

// Operations on one referral are open to any signed-in user: whether the caller is a party is decided per
// referral in the service (non-parties get NOT_FOUND, parties in the wrong role INVALID_STATE).
@Resolver()
export class ReferralsResolver {
  constructor(
    private readonly referralService: ReferralsService,
    private readonly list: ReferralList,
  ) {}

  @SignedIn()
  @Query(() => ReferralView, { description: 'Parties only, else NOT_FOUND' })
  referral(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ReferralView> {
    return this.referralService.read({ principal, meta }, id);
  }

  @SignedIn()
  @Query(() => ReferralConnection, { description: "The caller's own" })
  referrals(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('filter', { type: () => ReferralFilter, nullable: true }) filter: ReferralFilter | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ReferralConnection> {
    return this.list.list({ principal, meta }, filter?.status ?? undefined, first, after);
  }

  @Roles(Role.PROVIDER)
  @Mutation(() => CreatedReferral)
  createReferral(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('input') input: CreateReferralInput,
  ): Promise<CreatedReferral> {
    return this.referralService.create({ principal, meta }, input);
  }

  @Roles(Role.PATIENT)
  @Mutation(() => ReferralView, { description: 'Wrong code or birth date: NOT_FOUND; rate limited' })
  claimReferral(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('accessCode') accessCode: string,
    @Args('dateOfBirth', { type: () => GraphQLDate }) dateOfBirth: string,
  ): Promise<ReferralView> {
    return this.referralService.claim({ principal, meta }, accessCode, dateOfBirth);
  }

  @SignedIn()
  @Mutation(() => ReferralView, {
    description: 'The patient who claimed it, or its provider; OPEN or DECLINED -> SENT',
  })
  chooseTherapist(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('therapistId', { type: () => ID }) therapistId: string,
  ): Promise<ReferralView> {
    return this.referralService.chooseTherapist({ principal, meta }, referralId, therapistId);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Addressed THERAPIST; SENT -> ACCEPTED' })
  acceptReferral(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('referralId', { type: () => ID }) referralId: string,
  ): Promise<ReferralView> {
    return this.referralService.accept({ principal, meta }, referralId);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Addressed THERAPIST; SENT -> DECLINED' })
  declineReferral(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('reason') reason: string,
  ): Promise<ReferralView> {
    return this.referralService.decline({ principal, meta }, referralId, reason);
  }

  @SignedIn()
  @Mutation(() => Visit, {
    description:
      'Addressed THERAPIST; ACCEPTED|IN_PROGRESS -> IN_PROGRESS; not beyond visitsAuthorized nor after expiresOn',
  })
  recordVisit(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('input') input: RecordVisitInput,
  ): Promise<Visit> {
    return this.referralService.recordVisit({ principal, meta }, input);
  }

  @SignedIn()
  @Mutation(() => ReferralView, {
    description: 'Addressed THERAPIST; ACCEPTED|IN_PROGRESS; the provider sees it in events',
  })
  addProgressNote(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('note') note: string,
  ): Promise<ReferralView> {
    return this.referralService.addProgressNote({ principal, meta }, referralId, note);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Its PROVIDER; ACCEPTED|IN_PROGRESS' })
  renewReferral(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('input') input: RenewReferralInput,
  ): Promise<ReferralView> {
    return this.referralService.renew({ principal, meta }, input);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Addressed THERAPIST; IN_PROGRESS -> COMPLETED' })
  completeReferral(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('input') input: CompleteReferralInput,
  ): Promise<ReferralView> {
    return this.referralService.complete({ principal, meta }, input);
  }

  @SignedIn()
  @Mutation(() => ReferralView, { description: 'Its PROVIDER or claiming PATIENT; any non-final state -> CANCELLED' })
  cancelReferral(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('referralId', { type: () => ID }) referralId: string,
    @Args('reason') reason: string,
  ): Promise<ReferralView> {
    return this.referralService.cancel({ principal, meta }, referralId, reason);
  }

  @Roles(Role.PROVIDER)
  @Mutation(() => Endorsement, {
    description: 'PROVIDER with at least one COMPLETED referral to that therapist, once per pair',
  })
  endorseTherapist(
    @CurrentUser() principal: Principal,
    @RequestMeta() meta: RequestMetaValue,
    @Args('therapistId', { type: () => ID }) therapistId: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<Endorsement> {
    return this.referralService.endorse({ principal, meta }, therapistId, note);
  }
}
