import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trim } from './transforms';

/** For suspendTherapist and reinstateTherapist. */
@InputType()
export class TherapistSuspensionInput {
  @Field(() => ID)
  @IsString()
  therapistId: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 1000, { message: 'must be 1 to 1000 characters' })
  reason: string;
}
