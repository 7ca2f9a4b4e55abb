import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { trim, trimUpper } from './transforms';

@InputType()
export class PracticeLocationInput {
  @Field({ nullable: true, description: 'e.g. "Brickell clinic"' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  label?: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  addressLine: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  city: string;

  @Field()
  @Transform(trimUpper)
  @IsString()
  @Length(2, 2, { message: 'must be a two-letter US state code' })
  state: string;

  @Field({ description: 'Coordinates are resolved from it offline; an unknown ZIP is BAD_USER_INPUT' })
  @Transform(trim)
  @IsString()
  @MaxLength(10)
  postalCode: string;
}
