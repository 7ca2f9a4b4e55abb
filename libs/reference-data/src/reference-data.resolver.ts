import { Args, Query, Resolver } from '@nestjs/graphql';
import { BadUserInputError } from '@mmn/errors';
import { PageSize } from '@mmn/graphql-platform';
import { Public } from '@mmn/identity';
import { Diagnosis } from './diagnoses/diagnosis.entity';
import { ReferenceDataService } from './reference-data.service';
import { Condition, Network, Technique } from './vocabulary/vocabulary.entities';

@Resolver()
export class ReferenceDataResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Public()
  @Query(() => [Condition])
  conditions(): Promise<Condition[]> {
    return this.referenceData.conditions();
  }

  @Public()
  @Query(() => [Technique])
  techniques(): Promise<Technique[]> {
    return this.referenceData.techniques();
  }

  @Public()
  @Query(() => [Network])
  networks(): Promise<Network[]> {
    return this.referenceData.networks();
  }

  @Public()
  @Query(() => [Diagnosis], {
    description: 'ICD-10-CM codes by code prefix or words ("carpal" -> G56.0x), patient words included',
  })
  searchDiagnoses(
    @Args('text') text: string,
    @PageSize({ defaultValue: 10, max: 50 }) first: number,
  ): Promise<Diagnosis[]> {
    if (text.length > 200) throw BadUserInputError.field('text', 'must be at most 200 characters');
    return this.referenceData.searchDiagnoses(text, first);
  }

  @Public()
  @Query(() => Diagnosis, { nullable: true, description: 'ICD-10-CM look-up; null when unknown' })
  diagnosis(@Args('code') code: string): Promise<Diagnosis | null> {
    return this.referenceData.diagnosis(code);
  }
}
