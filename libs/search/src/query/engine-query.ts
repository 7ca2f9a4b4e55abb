import { Injectable } from '@nestjs/common';
import type { SearchParams } from 'meilisearch';
import { ServiceUnavailableError } from '@mmn/errors';
import type { ZipDistance } from '@mmn/reference-data';
import type { TherapistDocument } from '../documents/therapist-document';
import { TherapistIndex } from '../indexing/therapist-index';
import { SearchEngine } from '../search-engine';
import { IndexVersion } from './index-version';
import {
  byDistance,
  byReputationThenDistance,
  firstPerTherapist,
  nearestZips,
  type PlacedDocument,
} from './nearest-first';
import { anyOf } from './search-filter';
import { Coalescer, pageOnlyParams, type SearchTotals, SearchTotalsCache, totalsKey } from './search-totals';

/**
 * How the engine orders a search: by its own rules ('engine': text relevance, or no place), nearest first
 * ('distance'), or local reputation first and nearest among equals ('reputation').
 */
export type EngineOrder = 'engine' | 'distance' | 'reputation';

/** One search as the engine is asked it. */
export interface EnginePlan {
  text: string;
  /** The request in the engine's order: filter, facets, page and hitsPerPage, sort and matching strategy. */
  params: SearchParams;
  order: EngineOrder;
  /** The ZIP codes within the radius, nearest first; null without a place. */
  zips: readonly ZipDistance[] | null;
  page: number;
  pageSize: number;
}

/** What a search needs from the engine: the page (ids and ranking scores) and the exact totals. */
export interface EngineAnswer extends SearchTotals {
  hits: { therapistId: string; score: number }[];
}

const ZIP_FACET = 'postalCode';
const BY_REPUTATION = ['localReputationScore:desc'];
const PLACED_FIELDS = ['therapistId', 'postalCode', 'localReputationScore'];

/**
 * Runs searches against Meilisearch. The totals of a search (the same for every page and sort) are counted once per
 * index version; identical concurrent requests share one engine call. Distance orders are read nearest first from
 * the ZIP codes around the place (nearest-first.ts): the same hits in the same order as a `_geoPoint` sort.
 */
@Injectable()
export class EngineQuery {
  private readonly totals = new SearchTotalsCache();
  private readonly coalescer = new Coalescer<{ hits: Record<string, unknown>[] } & SearchTotals>();

  constructor(
    private readonly engine: SearchEngine,
    private readonly therapistIndex: TherapistIndex,
    private readonly indexVersion: IndexVersion,
  ) {}

  async run(plan: EnginePlan): Promise<EngineAnswer> {
    if (plan.zips?.length === 0) return empty(plan.params.facets ?? []);
    try {
      const version = await this.indexVersion.get();
      return plan.order === 'engine' ? await this.engineOrdered(plan, version) : await this.placeOrdered(plan, version);
    } catch {
      throw new ServiceUnavailableError('Search is temporarily unavailable; please try again shortly.');
    }
  }

  private send(text: string, body: SearchParams) {
    const index = this.engine.searchClient.index<TherapistDocument>(this.therapistIndex.liveName);
    return this.coalescer.run(JSON.stringify([text, body]), async () => {
      const response = await index.search(text, body);
      return {
        hits: response.hits as unknown as Record<string, unknown>[],
        totalHits: (response as { totalHits?: number }).totalHits ?? response.hits.length,
        facetDistribution: response.facetDistribution ?? {},
      };
    });
  }

  /** Counts (exact totals and facet counts) of a request, from the cache of this index version or the engine. */
  private async counted(text: string, body: SearchParams, version: string | null): Promise<SearchTotals> {
    const key = totalsKey(text, body);
    const known = this.totals.get(key, version);
    if (known) return known;
    const { totalHits, facetDistribution } = await this.send(text, { ...body, page: 1, hitsPerPage: 0 });
    this.totals.set(key, version, { totalHits, facetDistribution });
    return { totalHits, facetDistribution };
  }

  private async engineOrdered({ text, params, page, pageSize }: EnginePlan, version: string | null) {
    const key = totalsKey(text, params);
    const known = this.totals.get(key, version);
    const answer = await this.send(text, known ? pageOnlyParams(params, page, pageSize) : params);
    if (!known)
      this.totals.set(key, version, { totalHits: answer.totalHits, facetDistribution: answer.facetDistribution });
    return {
      hits: answer.hits.map((hit) => ({ therapistId: String(hit.therapistId), score: Number(hit._rankingScore ?? 0) })),
      ...(known ?? answer),
    };
  }

  private async placeOrdered(plan: EnginePlan, version: string | null): Promise<EngineAnswer> {
    const { text, params, page, pageSize } = plan;
    const facets = params.facets ?? [];
    const totals = await this.counted(text, { ...params, facets: [...facets, ZIP_FACET] }, version);
    const facetDistribution = { ...totals.facetDistribution };
    const zipCounts = facetDistribution[ZIP_FACET] ?? {};
    delete facetDistribution[ZIP_FACET];
    const offset = (page - 1) * pageSize;
    if (offset >= totals.totalHits) return { hits: [], totalHits: totals.totalHits, facetDistribution };
    const read = new PlaceRead(plan, version, this);
    const filter = (params.filter ?? []) as string[];
    const ids =
      plan.order === 'distance'
        ? await read.nearest(filter, zipCounts, offset + pageSize, new Set())
        : await read.byReputation(filter, offset + pageSize);
    return {
      hits: ids.slice(offset, offset + pageSize).map((therapistId) => ({ therapistId, score: 0 })),
      totalHits: totals.totalHits,
      facetDistribution,
    };
  }

  /** Every document (not one per therapist) matching the filter, engine-ordered, up to `limit`. */
  async documents(plan: EnginePlan, filter: string[], limit: number): Promise<PlacedDocument[]> {
    const answer = await this.send(plan.text, {
      filter,
      sort: BY_REPUTATION,
      distinct: 'id',
      offset: 0,
      limit,
      attributesToRetrieve: PLACED_FIELDS,
      matchingStrategy: plan.params.matchingStrategy,
    });
    return answer.hits as unknown as PlacedDocument[];
  }

  /** One therapist per ZIP code's count (facet counts under `distinct: therapistId`), for a narrower filter. */
  async zipCounts(plan: EnginePlan, filter: string[], version: string | null): Promise<Record<string, number>> {
    const body = { filter, facets: [ZIP_FACET], matchingStrategy: plan.params.matchingStrategy };
    return (await this.counted(plan.text, body, version)).facetDistribution[ZIP_FACET] ?? {};
  }
}

/** One nearest-first read: the documents asked of the engine and the order made of them. */
class PlaceRead {
  private readonly kmOf: ReadonlyMap<string, number>;
  private readonly allZips: string[];

  constructor(
    private readonly plan: EnginePlan,
    private readonly version: string | null,
    private readonly engine: EngineQuery,
  ) {
    this.kmOf = new Map(plan.zips!.map((z) => [z.zip, z.km]));
    this.allZips = plan.zips!.map((z) => z.zip);
  }

  /** Every document of the filter in these ZIP codes (all of them when `zips` is the whole radius). */
  private async documentsIn(filter: string[], zips: string[], expected: number): Promise<PlacedDocument[]> {
    const where = zips.length === this.allZips.length ? filter : [...filter, anyOf(ZIP_FACET, zips)!];
    for (let limit = Math.max(50, expected * 2); ; limit *= 4) {
      const documents = await this.engine.documents(this.plan, where, limit);
      if (documents.length < limit) return documents;
    }
  }

  /** The `needed` nearest therapists of the filter not yet placed, in `_geoPoint:asc, localReputationScore:desc` order. */
  async nearest(filter: string[], counts: Record<string, number>, needed: number, placed: Set<string>) {
    let zips = nearestZips(this.plan.zips!, counts, needed + placed.size);
    for (;;) {
      const expected = zips.reduce((sum, zip) => sum + (counts[zip] ?? 0), 0);
      const ids = firstPerTherapist(byDistance(await this.documentsIn(filter, zips, expected), this.kmOf), placed);
      // Counts from a moment ago can be short of the index now; then the whole radius is read.
      if (ids.length >= needed || zips.length === this.allZips.length) return ids.slice(0, needed);
      zips = this.allZips;
    }
  }

  /**
   * The first `needed` therapists in `localReputationScore:desc, _geoPoint:asc` order: the best-reputed documents
   * first; where the read stops inside one reputation value, that value's therapists are read nearest first.
   */
  async byReputation(filter: string[], needed: number): Promise<string[]> {
    const ids: string[] = [];
    const placed = new Set<string>();
    const place = (found: string[]) => {
      for (const id of found.slice(0, needed - ids.length)) {
        ids.push(id);
        placed.add(id);
      }
    };
    let where = filter;
    while (ids.length < needed) {
      const limit = (needed - ids.length) * 2 + 10;
      const documents = await this.engine.documents(this.plan, where, limit);
      if (documents.length < limit) {
        place(firstPerTherapist(byReputationThenDistance(documents, this.kmOf), placed));
        break;
      }
      const cut = documents[documents.length - 1].localReputationScore;
      const above = documents.filter((d) => d.localReputationScore > cut);
      place(firstPerTherapist(byReputationThenDistance(above, this.kmOf), placed));
      if (ids.length >= needed) break;
      const group = [...where, `localReputationScore = ${cut}`];
      const counts = await this.engine.zipCounts(this.plan, group, this.version);
      place(await this.nearest(group, counts, needed - ids.length, placed));
      where = [...where, `localReputationScore < ${cut}`];
    }
    return ids;
  }
}

function empty(facets: readonly string[]): EngineAnswer {
  return { hits: [], totalHits: 0, facetDistribution: Object.fromEntries(facets.map((f) => [f, {}])) };
}
