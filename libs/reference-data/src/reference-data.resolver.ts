import { Args, Query, Resolver } from '@nestjs/graphql';
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
  @Query(() => Diagnosis, { nullable: true, description: 'ICD-10-CM look-up; null when unknown' })
  diagnosis(@Args('code') code: string): Promise<Diagnosis | null> {
    return this.referenceData.diagnosis(code);
  }
}
