import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsLatitude, IsLongitude, IsOptional, IsString, Max, Min } from 'class-validator';
import { US_STATE_CODES } from '@mmn/reference-data';
import { trimUpper } from '../dto/transforms';

@ObjectType({ description: 'A city where verified therapists practise (for city pages and the sitemap)' })
export class PracticeCity {
  @Field()
  city: string;

  @Field({ description: 'Two-letter US state code' })
  state: string;

  @Field(() => Int, { description: 'Verified, not suspended therapists with a practice location here' })
  therapistCount: number;

  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field(() => Float, { nullable: true, description: 'From the point given; null without one' })
  distanceKm: number | null;

  @Field({ description: 'The latest change to one of those therapists' })
  lastUpdated: Date;
}

@ArgsType()
export class PracticeCitiesArgs {
  @Field(() => String, { nullable: true, description: 'Only this state' })
  @Transform(trimUpper)
  @IsOptional()
  @IsString()
  @IsIn(US_STATE_CODES, { message: 'must be a two-letter US state code' })
  state?: string;

  @Field(() => Float, { nullable: true, description: 'With longitude: nearest first' })
  @IsOptional()
  @IsLatitude({ message: 'must be a latitude' })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude({ message: 'must be a longitude' })
  longitude?: number;

  @Field(() => Int, { defaultValue: 100, description: '1..5000' })
  @IsInt()
  @Min(1)
  @Max(5000)
  first: number = 100;
}

@ObjectType({ description: 'A verified public profile, for the sitemap' })
export class TherapistListingEntry {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class TherapistListingPage {
  @Field(() => [TherapistListingEntry])
  entries: TherapistListingEntry[];

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on the last' })
  endCursor: string | null;
}

@ArgsType()
export class TherapistListingArgs {
  @Field(() => Int, { defaultValue: 1000, description: '1..5000' })
  @IsInt()
  @Min(1)
  @Max(5000)
  first: number = 1000;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string;
}
