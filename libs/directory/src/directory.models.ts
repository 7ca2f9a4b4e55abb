import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CredentialKind, VerificationStatus } from './directory.enums';
import { Therapist } from './entities/therapist.entity';

@ObjectType()
export class Verification {
  @Field(() => VerificationStatus)
  status: VerificationStatus;

  @Field(() => Date, { nullable: true })
  verifiedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Primary source checked, e.g. "Florida Board of Massage Therapy online lookup"',
  })
  source: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

export { Reputation } from './entities/reputation.model';

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
