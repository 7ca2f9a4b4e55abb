import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { trim } from '@mmn/shared';
import { VerificationStatus } from '../directory.enums';

/** An administrator's primary-source decision: VERIFIED or REJECTED, what was checked, and a note. */
@InputType({ isAbstract: true })
export abstract class VerificationDecision {
  @Field(() => VerificationStatus, { description: 'VERIFIED or REJECTED' })
  @IsIn([VerificationStatus.VERIFIED, VerificationStatus.REJECTED], { message: 'must be VERIFIED or REJECTED' })
  status: VerificationStatus;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 300, { message: 'must be 1 to 300 characters' })
  source: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

@InputType()
export class VerifyProviderInput extends VerificationDecision {
  @Field(() => ID)
  @IsString()
  providerId: string;
}
