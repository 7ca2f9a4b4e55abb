import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@mmn/identity';
import { type HsdsCollection, HsdsFeed, type HsdsQuery } from './hsds.service';

const HSDS_PROFILE = 'https://openreferral.org/imls/hsds/';
// The standard's own OpenAPI description: this feed implements its read endpoints without extensions.
const OPENAPI_URL = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json';

/** Open Referral HSDS 3.0 over the public directory (no account needed). `format=ndjson` streams a whole collection. */
@Controller('hsds')
@Public()
export class HsdsController {
  constructor(private readonly feed: HsdsFeed) {}

  @Get()
  root() {
    return { version: '3.0', profile: HSDS_PROFILE, openapi_url: OPENAPI_URL };
  }

  @Get('services')
  services(@Query() query: HsdsQuery, @Res() res: Response) {
    return this.collection('services', query, res);
  }

  @Get('services/:id')
  service(@Param('id') id: string) {
    return this.feed.service(id);
  }

  @Get('service_at_locations')
  serviceAtLocations(@Query() query: HsdsQuery, @Res() res: Response) {
    return this.collection('service_at_locations', query, res);
  }

  @Get('organizations')
  organizations(@Query() query: HsdsQuery, @Res() res: Response) {
    return this.collection('organizations', query, res);
  }

  @Get('organizations/:id')
  organization(@Param('id') id: string) {
    return this.feed.organization(id);
  }

  @Get('taxonomies')
  taxonomies() {
    return this.feed.hsdsTaxonomiesPage();
  }

  @Get('taxonomy_terms')
  async taxonomyTerms() {
    return this.feed.taxonomyTermsPage();
  }

  private async collection(collection: HsdsCollection, query: HsdsQuery, res: Response): Promise<void> {
    if (query.format !== 'ndjson') {
      const { format: _format, ...rest } = query;
      res.json(await this.feed.page(collection, rest));
      return;
    }
    const items = this.feed.everything(collection, query);
    const first = await items.next(); // errors in the query surface before any byte is sent
    res.status(200).type('application/x-ndjson; charset=utf-8');
    if (!first.done) res.write(`${JSON.stringify(first.value)}\n`);
    for await (const item of items) {
      if (!res.write(`${JSON.stringify(item)}\n`)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }
}
