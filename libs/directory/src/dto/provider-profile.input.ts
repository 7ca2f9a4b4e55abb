import { Field, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PracticeLocationInput } from './practice-location.input';
import { trim, trimUpper } from './transforms';

/** Omitted fields stay as they are; `locations`, when given, replaces every location of the provider. */
@InputType()
export class ProviderProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  displayName?: string;

  /** Checked against the NPI check digit in the service (isValidNpi). */
  @Field({ nullable: true, description: 'Invalid check digit is BAD_USER_INPUT' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(20)
  npi?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trimUpper)
  @IsString()
  @Matches(/^[0-9]{3}[0-9A-Z]{6}X$/, {
    message: 'must be a 10-character NUCC taxonomy code ending in X, e.g. 207Q00000X',
  })
  taxonomyCode?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  specialty?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  organization?: string;

  @Field(() => [PracticeLocationInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PracticeLocationInput)
  locations?: PracticeLocationInput[];
}
