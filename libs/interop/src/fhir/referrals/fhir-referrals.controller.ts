import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import type { Bundle, ServiceRequest, Task } from '@medplum/fhirtypes';
import type { Request } from 'express';
import { type Caller, CurrentCaller, SignedIn } from '@mmn/identity';
import { FHIR_CONTENT_TYPE, fhirBase, isLenient, queryOf } from '../fhir-http';
import { searchsetBundle, searchUrl } from '../search/bundle';
import { FhirReferralsService } from './fhir-referrals.service';

/** Referrals as ServiceRequest + Task: signed-in parties only (Authorization: Bearer), read-only, no caching. */
@Controller('fhir')
@SignedIn()
export class FhirReferralsController {
  constructor(private readonly referrals: FhirReferralsService) {}

  @Get('ServiceRequest/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  serviceRequest(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<ServiceRequest> {
    return this.referrals.serviceRequest(caller, id);
  }

  @Get('Task/:id')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  task(@CurrentCaller() caller: Caller, @Param('id') id: string): Promise<Task> {
    return this.referrals.task(caller, id);
  }

  @Get('Task')
  @Header('Content-Type', FHIR_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  async tasks(@CurrentCaller() caller: Caller, @Req() req: Request): Promise<Bundle> {
    const { search, page, nextCursor } = await this.referrals.searchTasks(caller, queryOf(req), isLenient(req));
    const base = fhirBase(req);
    const bundle = searchsetBundle(base, 'Task', search, page);
    // The list pages by cursor, not offset.
    bundle.link = bundle.link!.filter((l) => l.relation === 'self');
    if (nextCursor) {
      const next = new URL(
        searchUrl(base, 'Task', { ...search, canonical: search.canonical.filter(([k]) => k !== '_cursor') }, 0),
      );
      next.searchParams.set('_cursor', nextCursor);
      bundle.link.push({ relation: 'next', url: next.toString() });
    }
    return bundle;
  }
}
