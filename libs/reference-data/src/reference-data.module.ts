import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Diagnosis } from './diagnoses/diagnosis.entity';
import { DiagnosisResolver } from './diagnoses/diagnosis.resolver';
import { ReferenceDataResolver } from './reference-data.resolver';
import { ReferenceDataService } from './reference-data.service';
import { Condition, Network, Technique } from './vocabulary/vocabulary.entities';

export const REFERENCE_DATA_ENTITIES = [Condition, Technique, Network, Diagnosis];

@Module({
  imports: [TypeOrmModule.forFeature(REFERENCE_DATA_ENTITIES)],
  providers: [ReferenceDataService, ReferenceDataResolver, DiagnosisResolver],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule {}
