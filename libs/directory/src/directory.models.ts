import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CredentialKind, VerificationStatus } from './directory.enums';
import { Therapist } from './entities/therapist.entity';

@ObjectType()
export class Verification {
  @Field(() => VerificationStatus)
  status: VerificationStatus;

  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Primary source checked, e.g. "Florida Board of Massage Therapy online lookup"' })
  source: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType()
export class Reputation {
  @Field(() => Int, { description: 'Distinct providers whose referral this therapist accepted' })
  referringProviders: number;

  @Field(() => Int)
  completedReferrals: number;

  @Field(() => Int)
  endorsements: number;
}

@ObjectType()
export class PendingCredential {
  @Field(() => CredentialKind)
  kind: CredentialKind;

  @Field(() => ID)
  credentialId: string;

  @Field(() => Therapist)
  therapist: Therapist;

  @Field()
  submittedAt: Date;
}
