import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { GraphQLDate } from '@mmn/graphql-platform';
import { US_STATE_CODES } from '@mmn/reference-data';
import { CredentialKind } from '../directory.enums';
import { trim, trimUpper } from './transforms';
import { VerificationDecision } from './verification-decision.input';

@InputType()
export class LicenseInput {
  @Field()
  @Transform(trimUpper)
  @IsString()
  @IsIn(US_STATE_CODES, { message: 'must be a two-letter US state code' })
  state: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 40, { message: 'must be 1 to 40 characters' })
  licenseNumber: string;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsString()
  issuedOn?: string;

  @Field(() => GraphQLDate)
  @IsString()
  expiresOn: string;
}

@InputType()
export class CertificationInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  issuer: string;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsString()
  issuedOn?: string;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsString()
  expiresOn?: string;
}

@InputType()
export class NetworkMembershipInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(100)
  networkId: string;

  @Field(() => GraphQLDate)
  @IsString()
  effectiveFrom: string;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  @IsString()
  effectiveTo?: string;
}

@InputType()
export class VerifyCredentialInput extends VerificationDecision {
  @Field(() => CredentialKind)
  @IsEnum(CredentialKind)
  kind: CredentialKind;

  @Field(() => ID)
  @IsString()
  credentialId: string;
}
