import { Field, Int, ObjectType } from '@nestjs/graphql';

/** A therapist's standing with prescribers, computed from referrals and endorsements. */
@ObjectType()
export class Reputation {
  @Field(() => Int, { description: 'Distinct providers whose referral this therapist accepted' })
  referringProviders: number;

  @Field(() => Int, {
    description:
      'Of those, the verified providers who practise within 50 km of the location in question: for a search hit its ' +
      "nearest location, for a profile the best of the therapist's locations",
  })
  localReferringProviders: number;

  @Field(() => String, {
    nullable: true,
    description: 'The city of the location localReferringProviders counts for ("Miami"); null without locations',
  })
  localArea: string | null;

  @Field(() => Int)
  completedReferrals: number;

  @Field(() => Int)
  endorsements: number;
}
