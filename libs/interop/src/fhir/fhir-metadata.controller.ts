import { Controller, Get, Header, Req } from '@nestjs/common';
import type { CapabilityStatement } from '@medplum/fhirtypes';
import type { Request } from 'express';
import { Public } from '@mmn/identity';
import { capabilityStatement } from './capability-statement';
import { FHIR_CONTENT_TYPE, fhirBase } from './fhir-http';

const SOFTWARE = { name: 'Medical Massage Network API', version: '0.1.0' };

@Controller('fhir')
export class FhirMetadataController {
  @Public()
  @Get('metadata')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  metadata(@Req() req: Request): CapabilityStatement {
    return capabilityStatement(fhirBase(req), SOFTWARE);
  }
}
