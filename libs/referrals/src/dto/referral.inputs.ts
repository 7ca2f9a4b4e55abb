import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GraphQLDate, IntRange, TextList } from '@mmn/graphql-platform';
import { trim, upperEach } from '@mmn/shared';
import { MAX_VISITS_AUTHORIZED } from '../rules/prescription-rules';
import { ReferralStatus } from '../state-machine';

@InputType()
export class PatientDetailsInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  fullName: string;

  @Field(() => GraphQLDate)
  @IsString()
  dateOfBirth: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an email address' })
  email?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(40)
  phone?: string;
}

@InputType()
export class PrescriptionInput {
  @Field(() => [String], { description: 'ICD-10-CM; unknown codes are BAD_USER_INPUT' })
  @Transform(upperEach)
  @IsString({ each: true })
  @ArrayMinSize(1, { message: 'must list at least one ICD-10-CM code' })
  @ArrayMaxSize(12)
  diagnosisCodes: string[];

  @Field(() => [String])
  @TextList({ itemMax: 100, max: 20 })
  bodyRegions: string[];

  @Field(() => Int)
  @IntRange(1, 7)
  visitsPerWeek: number;

  @Field(() => Int)
  @IntRange(1, 52)
  durationWeeks: number;

  @Field(() => Int)
  @IntRange(1, MAX_VISITS_AUTHORIZED)
  visitsAuthorized: number;

  @Field(() => Int)
  @IntRange(15, 120)
  sessionMinutes: number;

  @Field(() => [String])
  @TextList({ itemMax: 500, max: 20, min: { count: 1, message: 'must list at least one functional goal' } })
  goals: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @TextList({ itemMax: 500, max: 20 })
  precautions?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @TextList({ itemMax: 500, max: 20 })
  contraindications?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  requestedTechniqueIds?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @Field(() => GraphQLDate)
  @IsString()
  writtenOn: string;

  @Field(() => GraphQLDate, { description: 'After writtenOn, at most one year later' })
  @IsString()
  expiresOn: string;
}

@InputType()
export class CreateReferralInput {
  @Field({
    description: 'Replaying the same key with the same input returns the same referral; with different input: CONFLICT',
  })
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  idempotencyKey: string;

  @Field(() => ID, { nullable: true, description: 'Omit for an OPEN referral' })
  @IsOptional()
  @IsString()
  therapistId?: string;

  @Field(() => PatientDetailsInput)
  @ValidateNested()
  @Type(() => PatientDetailsInput)
  patient: PatientDetailsInput;

  @Field(() => PrescriptionInput)
  @ValidateNested()
  @Type(() => PrescriptionInput)
  prescription: PrescriptionInput;
}

@InputType()
export class RecordVisitInput {
  @Field(() => ID)
  @IsString()
  referralId: string;

  @Field(() => GraphQLDate)
  @IsString()
  occurredOn: string;

  @Field(() => Int)
  @IntRange(5, 240)
  minutes: number;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  techniqueIds?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  soapNote?: string;
}

@InputType()
export class CompleteReferralInput {
  @Field(() => ID)
  @IsString()
  referralId: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 10000, { message: 'must be 1 to 10000 characters' })
  dischargeSummary: string;

  @Field()
  @IsBoolean()
  reachedMaximumMedicalImprovement: boolean;
}

@InputType()
export class RenewReferralInput {
  @Field(() => ID)
  @IsString()
  referralId: string;

  @Field(() => Int)
  @IntRange(0, MAX_VISITS_AUTHORIZED)
  additionalVisits: number;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsString()
  newExpiresOn?: string;
}

@InputType()
export class ReferralFilter {
  @Field(() => [ReferralStatus], { nullable: true })
  @IsOptional()
  status?: ReferralStatus[];
}
