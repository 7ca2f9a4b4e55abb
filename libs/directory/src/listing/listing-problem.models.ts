import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { trim } from '../dto/transforms';

export enum ListingProblemCategory {
  WRONG_ADDRESS = 'WRONG_ADDRESS',
  WRONG_PHONE = 'WRONG_PHONE',
  NOT_ACCEPTING_PATIENTS = 'NOT_ACCEPTING_PATIENTS',
  NO_LONGER_PRACTISING = 'NO_LONGER_PRACTISING',
  CREDENTIALS = 'CREDENTIALS',
  OTHER = 'OTHER',
}
registerEnumType(ListingProblemCategory, { name: 'ListingProblemCategory' });

@InputType()
export class ListingProblemInput {
  @Field(() => ID)
  @IsString()
  therapistId: string;

  @Field(() => ListingProblemCategory)
  @IsEnum(ListingProblemCategory)
  category: ListingProblemCategory;

  @Field({ description: '1..2000 characters' })
  @Transform(trim)
  @IsString()
  @Length(1, 2000, { message: 'must be 1 to 2000 characters' })
  details: string;

  @Field(() => String, { nullable: true, description: 'Optional, for a reply' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @IsOptional()
  @MaxLength(254, { message: 'must be at most 254 characters' })
  @IsEmail({}, { message: 'must be an email address' })
  contactEmail?: string;
}
