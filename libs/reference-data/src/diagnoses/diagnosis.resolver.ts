import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ReferenceDataService } from '../reference-data.service';
import { Diagnosis } from './diagnosis.entity';

@Resolver(() => Diagnosis)
export class DiagnosisResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @ResolveField(() => Diagnosis, {
    nullable: true,
    description: 'The nearest ICD-10-CM category header above this code in the bundled set',
  })
  category(@Parent() diagnosis: Diagnosis): Promise<Diagnosis | null> {
    return this.referenceData.categoryOf(diagnosis.code);
  }
}
