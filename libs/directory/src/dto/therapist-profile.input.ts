import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { PracticeContext, TreatmentIntention } from '../directory.enums';
import { ISO_639_1_CODES } from '../rules/languages';
import { lowerEach, trim } from './transforms';

/** Omitted fields stay as they are; an empty credentialLetters or bio clears it. */
@InputType()
export class TherapistProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  displayName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(60)
  credentialLetters?: string;

  @Field({ nullable: true, description: 'At most 2000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  bio?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @Transform(lowerEach)
  @IsArray()
  @ArrayMaxSize(30)
  @IsIn(ISO_639_1_CODES, { each: true, message: 'must hold ISO 639-1 two-letter language codes' })
  languages?: string[];

  @Field(() => [PracticeContext], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(PracticeContext, { each: true })
  practiceContexts?: PracticeContext[];

  @Field(() => [TreatmentIntention], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(TreatmentIntention, { each: true })
  treatmentIntentions?: TreatmentIntention[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  acceptingNewPatients?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  billsInsurance?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  conditionIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  techniqueIds?: string[];
}
