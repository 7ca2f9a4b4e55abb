import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trim } from '@mmn/shared';

@InputType()
export class StartTransferInput {
  @Field(() => ID)
  @IsString()
  referralId: string;

  @Field({ description: '"Miami, FL" or a ZIP, resolved like search\'s `near`' })
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  newCity: string;

  @Field({ description: 'e.g. "I am moving", "my therapist is closing their practice"' })
  @Transform(trim)
  @IsString()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  reason: string;
}
