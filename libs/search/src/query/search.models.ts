import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PracticeContext, PracticeLocation, Therapist } from '@mmn/directory';

export enum TherapistSort {
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
  REPUTATION = 'REPUTATION',
}
registerEnumType(TherapistSort, { name: 'TherapistSort' });

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class TherapistSearchInput {
  @Field(() => String, {
    nullable: true,
    description: 'Free text: condition, technique, name; typo tolerant ("carpal tunel")',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Transform(trim)
  text?: string | null;

  @Field(() => String, { nullable: true, description: '"Miami, FL", "Miami", or a 5-digit ZIP code; resolved offline' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Transform(trim)
  near?: string | null;

  @Field(() => Float, { nullable: true, description: 'Alternative to near' })
  @IsOptional()
  @IsLatitude()
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude()
  longitude?: number | null;

  @Field(() => Float, { nullable: true, defaultValue: 40, description: '1..500' })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(500)
  radiusKm?: number | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  conditionIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  techniqueIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'In-network with any of these (verified membership)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  networkIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  languages?: string[] | null;

  @Field(() => PracticeContext, { nullable: true })
  @IsOptional()
  @IsEnum(PracticeContext)
  practiceContext?: PracticeContext | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  acceptingNewPatients?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean | null;

  @Field(() => TherapistSort, { nullable: true, defaultValue: TherapistSort.RELEVANCE })
  @IsOptional()
  @IsEnum(TherapistSort)
  sort?: TherapistSort | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: '>= 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: '1..50' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  pageSize?: number | null;
}

@ObjectType()
export class TherapistHit {
  @Field(() => Therapist)
  therapist: Therapist;

  @Field(() => Float, { nullable: true, description: 'To the nearest practice location; null when no point was given' })
  distanceKm: number | null;

  @Field(() => PracticeLocation, { nullable: true })
  nearestLocation: PracticeLocation | null;
}

@ObjectType()
export class FacetCount {
  @Field()
  value: string;

  @Field()
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class SearchFacets {
  @Field(() => [FacetCount])
  conditions: FacetCount[];

  @Field(() => [FacetCount])
  techniques: FacetCount[];

  @Field(() => [FacetCount])
  networks: FacetCount[];

  @Field(() => [FacetCount])
  languages: FacetCount[];
}

@ObjectType('ResolvedPlace')
export class ResolvedPlaceModel {
  @Field()
  label: string;

  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

@ObjectType()
export class TherapistSearchResult {
  @Field(() => [TherapistHit])
  hits: TherapistHit[];

  @Field(() => Int)
  totalHits: number;

  @Field(() => Int)
  page: number;

  @Field(() => Int)
  pageSize: number;

  @Field(() => SearchFacets)
  facets: SearchFacets;

  @Field(() => ResolvedPlaceModel, {
    nullable: true,
    description: 'What "near" was understood as; null when not given',
  })
  resolvedPlace: ResolvedPlaceModel | null;
}
