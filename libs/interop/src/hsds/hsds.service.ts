import { Injectable } from '@nestjs/common';
import { type DirectoryCriteria, DirectoryReadModel, type Therapist } from '@mmn/directory';
import { BadUserInputError, NotFoundError } from '@mmn/errors';
import { Gazetteer, ReferenceDataService } from '@mmn/reference-data';
import { licensedLocations } from '../fhir/directory/practitioner-role.mapper';
import {
  conditionTerm,
  type HsdsPage,
  type HsdsService,
  type HsdsTaxonomyTerm,
  hsdsPage,
  TAXONOMIES,
  techniqueTerm,
  toOrganization,
  toService,
  toServiceAtLocation,
} from './hsds.mappers';

export type HsdsQuery = Record<string, string | string[] | undefined>;
export type HsdsCollection = 'services' | 'service_at_locations' | 'organizations';

const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 100;
const MAX_PROXIMITY_METRES = 500_000;
const BATCH = 500;

function one(query: HsdsQuery, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw BadUserInputError.field(name, 'takes one value');
  return value === '' ? undefined : value;
}

function whole(query: HsdsQuery, name: string, fallback: number, max: number): number {
  const raw = one(query, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > max) throw BadUserInputError.field(name, `must be 1 to ${max}`);
  return value;
}

/** The `modified_after` filter: changes strictly after an ISO 8601 date-time. */
export function modifiedAfter(query: HsdsQuery): Date | undefined {
  const raw = one(query, 'modified_after');
  if (raw === undefined) return undefined;
  const at = new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(at.getTime()))
    throw BadUserInputError.field('modified_after', 'must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z');
  return at;
}

/**
 * The directory as an Open Referral HSDS 3.0 feed: a verified therapist's practice is a service (and its
 * organization), each licensed location a service_at_location, conditions and techniques taxonomy terms.
 */
@Injectable()
export class HsdsFeed {
  constructor(
    private readonly directory: DirectoryReadModel,
    private readonly referenceData: ReferenceDataService,
  ) {}

  async taxonomyTerms(): Promise<Map<string, HsdsTaxonomyTerm>> {
    const [conditions, techniques] = await Promise.all([
      this.referenceData.conditions(),
      this.referenceData.techniques(),
    ]);
    const terms = [...conditions.map(conditionTerm), ...techniques.map(techniqueTerm)];
    return new Map(terms.map((term) => [term.id, term]));
  }

  hsdsTaxonomiesPage(): HsdsPage<unknown> {
    return hsdsPage(TAXONOMIES, TAXONOMIES.length, 1, TAXONOMIES.length);
  }

  async taxonomyTermsPage(): Promise<HsdsPage<unknown>> {
    const terms = [...(await this.taxonomyTerms()).values()];
    return hsdsPage(terms, terms.length, 1, terms.length);
  }

  async service(id: string): Promise<HsdsService> {
    const [therapist] = await this.directory.load([id]);
    const locations = therapist ? licensedLocations(therapist) : [];
    if (!therapist || locations.length === 0) throw new NotFoundError('Service');
    return toService(therapist, locations, await this.taxonomyTerms());
  }

  async organization(id: string) {
    const [therapist] = await this.directory.load([id]);
    if (!therapist || licensedLocations(therapist).length === 0) throw new NotFoundError('Organization');
    return toOrganization(therapist);
  }

  /** One page of a collection, in HSDS's page wrapper. */
  async page(collection: HsdsCollection, query: HsdsQuery): Promise<HsdsPage<unknown>> {
    const page = whole(query, 'page', 1, 100_000);
    const perPage = whole(query, 'per_page', DEFAULT_PER_PAGE, MAX_PER_PAGE);
    const criteria = this.criteria(collection, query);
    const window = { offset: (page - 1) * perPage, limit: perPage };
    if (collection === 'service_at_locations') {
      const hits = await this.directory.findListedLocations(criteria, window);
      const therapists = new Map((await this.directory.load(hits.owners ?? [])).map((t) => [t.id, t]));
      const contents = hits.ids.flatMap((id, i) => {
        const therapist = therapists.get(hits.owners![i]);
        const location = therapist?.locations.find((l) => l.id === id);
        return therapist && location ? [toServiceAtLocation(therapist, location)] : [];
      });
      return hsdsPage(contents, hits.total, page, perPage);
    }
    const hits = await this.directory.findListedTherapists(criteria, window);
    const therapists = await this.directory.load(hits.ids);
    const terms = collection === 'services' ? await this.taxonomyTerms() : new Map<string, HsdsTaxonomyTerm>();
    return hsdsPage(therapists.map((t) => this.item(collection, t, terms)).flat(), hits.total, page, perPage);
  }

  /** Every item of a collection, one batch of therapists at a time (memory stays one batch). */
  async *everything(collection: HsdsCollection, query: HsdsQuery): AsyncGenerator<unknown> {
    const since = modifiedAfter(query);
    const terms = collection === 'services' ? await this.taxonomyTerms() : new Map<string, HsdsTaxonomyTerm>();
    let after: string | null = null;
    do {
      const batch = await this.directory.batch(after, BATCH, { since, listedOnly: true });
      for (const therapist of batch.therapists) yield* this.item(collection, therapist, terms);
      after = batch.next;
    } while (after);
  }

  private item(collection: HsdsCollection, therapist: Therapist, terms: Map<string, HsdsTaxonomyTerm>): unknown[] {
    const locations = licensedLocations(therapist);
    if (locations.length === 0) return [];
    switch (collection) {
      case 'services':
        return [toService(therapist, locations, terms)];
      case 'organizations':
        return [toOrganization(therapist)];
      case 'service_at_locations':
        return locations.map((location) => toServiceAtLocation(therapist, location));
    }
  }

  private criteria(collection: HsdsCollection, query: HsdsQuery): DirectoryCriteria {
    const criteria: DirectoryCriteria = {};
    const since = modifiedAfter(query);
    if (since) criteria.updated = [{ op: 'gt', at: since }];
    if (collection !== 'service_at_locations') return criteria;
    const postcode = one(query, 'postcode');
    const proximity = one(query, 'proximity');
    if (proximity !== undefined) {
      const metres = Number(proximity);
      if (!postcode) throw BadUserInputError.field('proximity', 'needs a postcode to measure from');
      if (!Number.isFinite(metres) || metres <= 0 || metres > MAX_PROXIMITY_METRES)
        throw BadUserInputError.field('proximity', `must be metres above 0 and at most ${MAX_PROXIMITY_METRES}`);
      const place = Gazetteer.shared().lookupZip(postcode);
      if (!place) throw BadUserInputError.field('postcode', 'is not a known US ZIP code');
      criteria.near = { latitude: place.latitude, longitude: place.longitude, km: metres / 1000 };
    } else if (postcode) {
      if (!/^\d{5}$/.test(postcode)) throw BadUserInputError.field('postcode', 'must be a five-digit ZIP code');
      criteria.postalCode = postcode;
    }
    return criteria;
  }
}
