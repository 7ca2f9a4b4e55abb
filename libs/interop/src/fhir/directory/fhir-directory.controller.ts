import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Request } from 'express';
import { Public } from '@mmn/identity';
import { FHIR_CONTENT_TYPE, fhirBase, isLenient, queryOf } from '../fhir-http';
import { searchsetBundle } from '../search/bundle';
import type { DirectoryType } from './directory-search.definitions';
import { FhirDirectoryService } from './fhir-directory.service';

/** The public directory (Plan-Net: no account needed): read and search of five resource types. */
@Controller('fhir')
@Public()
export class FhirDirectoryController {
  constructor(private readonly directory: FhirDirectoryService) {}

  @Get('Practitioner')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchPractitioners(@Req() req: Request): Promise<Bundle> {
    return this.search('Practitioner', req);
  }

  @Get('Practitioner/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readPractitioner(@Param('id') id: string): Promise<Resource> {
    return this.directory.read('Practitioner', id);
  }

  @Get('PractitionerRole')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchRoles(@Req() req: Request): Promise<Bundle> {
    return this.search('PractitionerRole', req);
  }

  @Get('PractitionerRole/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readRole(@Param('id') id: string): Promise<Resource> {
    return this.directory.read('PractitionerRole', id);
  }

  @Get('Location')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchLocations(@Req() req: Request): Promise<Bundle> {
    return this.search('Location', req);
  }

  @Get('Location/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readLocation(@Param('id') id: string): Promise<Resource> {
    return this.directory.read('Location', id);
  }

  @Get('Organization')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchOrganizations(@Req() req: Request): Promise<Bundle> {
    return this.search('Organization', req);
  }

  @Get('Organization/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readOrganization(@Param('id') id: string): Promise<Resource> {
    return this.directory.read('Organization', id);
  }

  @Get('VerificationResult')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  searchVerifications(@Req() req: Request): Promise<Bundle> {
    return this.search('VerificationResult', req);
  }

  @Get('VerificationResult/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  readVerification(@Param('id') id: string): Promise<Resource> {
    return this.directory.read('VerificationResult', id);
  }

  private async search(type: DirectoryType, req: Request): Promise<Bundle> {
    const { search, page } = await this.directory.search(type, queryOf(req), isLenient(req));
    return searchsetBundle(fhirBase(req), type, search, page);
  }
}
