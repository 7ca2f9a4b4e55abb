// Controlled vocabularies (conditions, techniques, networks), the ICD-10-CM subset and the offline gazetteer.
export * from './diagnoses/diagnosis.entity';
export * from './reference-data.module';
export * from './reference-data.service';
export * from './vocabulary/vocabulary.entities';
export * from './gazetteer';
