import { Field, InputType, ObjectType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsString, Length, MaxLength } from 'class-validator';
import { Role, trim } from '@mmn/shared';
import { User } from '../users/user.entity';

@InputType()
export class RegisterInput {
  @Field()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'At least 12 characters' })
  @IsString()
  // The length rule (in characters, not bytes) lives in the password policy; this only stops huge bodies.
  @MaxLength(1024)
  password: string;

  @Field(() => Role, { description: 'PATIENT, THERAPIST or PROVIDER; ADMIN is refused (FORBIDDEN)' })
  @IsEnum(Role)
  role: Role;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(1, 120, { message: 'must be 1 to 120 characters' })
  displayName: string;
}

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(1024)
  password: string;
}

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field({ description: 'Single use: refreshing rotates it; reusing an old one revokes the family' })
  refreshToken: string;

  @Field(() => Int, { description: 'Seconds until accessToken expires' })
  expiresIn: number;

  @Field(() => User)
  user: User;
}
