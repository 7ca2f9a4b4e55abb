import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DirectoryModule } from '@mmn/directory';
import { HTTP_ERROR_RENDERERS } from '@mmn/http';
import { ReferenceDataModule } from '@mmn/reference-data';
import { ReferralsModule } from '@mmn/referrals';
import { FhirDirectoryController } from './fhir/directory/fhir-directory.controller';
import { FhirDirectoryService } from './fhir/directory/fhir-directory.service';
import { fhirErrorRenderer } from './fhir/fhir-error.renderer';
import { FhirExportJob } from './fhir/export/export-job.entity';
import { FhirExportController } from './fhir/export/fhir-export.controller';
import { FhirExportService } from './fhir/export/fhir-export.service';
import { FhirExportWorker } from './fhir/export/fhir-export.worker';
import { FhirFallbackController } from './fhir/fhir-fallback.controller';
import { FhirFormatMiddleware } from './fhir/fhir-format.middleware';
import { FhirMetadataController } from './fhir/fhir-metadata.controller';
import { FhirReferralsController } from './fhir/referrals/fhir-referrals.controller';
import { FhirReferralsService } from './fhir/referrals/fhir-referrals.service';
import { HsdsController } from './hsds/hsds.controller';
import { HsdsFeed } from './hsds/hsds.service';

export const INTEROP_ENTITIES = [FhirExportJob];

/**
 * FHIR R4 (/fhir) and HSDS 3.0 (/hsds) views of the directory and referrals. Provides the OperationOutcome error
 * renderer to the app's exception filter through HTTP_ERROR_RENDERERS.
 */
@Module({
  imports: [TypeOrmModule.forFeature(INTEROP_ENTITIES), DirectoryModule, ReferenceDataModule, ReferralsModule],
  // Order matters: the fallback's /fhir/:type must come after every concrete route.
  controllers: [
    FhirMetadataController,
    FhirDirectoryController,
    FhirReferralsController,
    FhirExportController,
    FhirFallbackController,
    HsdsController,
  ],
  providers: [
    FhirDirectoryService,
    FhirReferralsService,
    HsdsFeed,
    FhirExportService,
    FhirExportWorker,
    { provide: HTTP_ERROR_RENDERERS, useValue: [fhirErrorRenderer] },
  ],
  exports: [HTTP_ERROR_RENDERERS],
})
export class InteropModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FhirFormatMiddleware).forRoutes('fhir', 'fhir/{*path}');
  }
}
