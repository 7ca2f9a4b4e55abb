import { Field, Int, ObjectType } from '@nestjs/graphql';

/** A therapist's standing with prescribers, computed from referrals and endorsements. */
@ObjectType()
export class Reputation {
  @Field(() => Int, { description: 'Distinct providers whose referral this therapist accepted' })
  referringProviders: number;

  @Field(() => Int)
  completedReferrals: number;

  @Field(() => Int)
  endorsements: number;
}
