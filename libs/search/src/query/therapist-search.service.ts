import { Injectable } from '@nestjs/common';
import type { SearchParams } from 'meilisearch';
import { isLocationLicensed, type PracticeLocation, type Therapist } from '@mmn/directory';
import { todayIso } from '@mmn/shared';
import { BadUserInputError } from '@mmn/errors';
import { distanceKm, Gazetteer, type GeoPoint, ReferenceDataService } from '@mmn/reference-data';
import { reputationScore } from '../documents/therapist-document';
import { TherapistProjection } from '../documents/therapist-projection';
import { type EngineAnswer, EngineQuery, type EngineOrder, type EnginePlan } from './engine-query';
import { buildFilter } from './search-filter';
import {
  type FacetCount,
  type ResolvedPlaceModel,
  type TherapistHit,
  type TherapistSearchInput,
  type TherapistSearchResult,
  TherapistSort,
} from './search.models';

const FACETS = ['conditionIds', 'techniqueIds', 'networkIds', 'languages'] as const;
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
/** The hit's reputation as one number: the local count where the hit has a location in question. */
const score = (t: Therapist) =>
  reputationScore(
    t.reputationLocationId === undefined ? t.referringProviders : t.reputation.localReferringProviders,
    t.completedReferrals,
    t.endorsementCount,
  );

export interface SearchRequest extends EnginePlan {
  point: GeoPoint | null;
  radiusKm: number;
  resolvedPlace: ResolvedPlaceModel | null;
  sort: TherapistSort;
}

interface Located {
  point: GeoPoint | null;
  resolvedPlace: ResolvedPlaceModel | null;
}

/** The patient-facing search: Meilisearch finds and ranks, PostgreSQL supplies the page of profiles in one batch. */
@Injectable()
export class TherapistSearchService {
  constructor(
    private readonly engineQuery: EngineQuery,
    private readonly projection: TherapistProjection,
    private readonly referenceData: ReferenceDataService,
  ) {}

  /** The engine request for a search (also used by the benchmark to derive the naive request). */
  buildRequest(input: TherapistSearchInput): SearchRequest {
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    const sort = input.sort ?? TherapistSort.RELEVANCE;
    const { point, resolvedPlace } = this.locate(input);
    if (sort === TherapistSort.DISTANCE && !point) {
      throw BadUserInputError.field('input.sort', 'Sorting by distance needs "near" or latitude and longitude.');
    }
    const text = input.text?.trim() ?? '';
    const radiusKm = input.radiusKm ?? 40;
    // The radius in whole metres, as an engine's geo filter takes it.
    const zips = point ? Gazetteer.shared().zipsWithin(point, Math.round(radiusKm * 1000) / 1000) : null;
    const params: SearchParams = {
      filter: buildFilter({
        zips: zips?.map((z) => z.zip) ?? null,
        conditionIds: input.conditionIds ?? [],
        techniqueIds: input.techniqueIds ?? [],
        networkIds: input.networkIds ?? [],
        languages: input.languages ?? [],
        practiceContext: input.practiceContext ?? null,
        acceptingNewPatients: input.acceptingNewPatients ?? null,
        verifiedOnly: input.verifiedOnly ?? true,
        today: Number(todayIso().replace(/-/g, '')),
      }),
      facets: [...FACETS],
      page,
      hitsPerPage: pageSize,
      attributesToRetrieve: ['therapistId'],
      showRankingScore: true,
      matchingStrategy: sort === TherapistSort.RELEVANCE ? 'last' : 'all',
    };
    // Near a place, reputation means reputation with the doctors of that place, and distance orders come from
    // the ZIP codes (EngineQuery). RELEVANCE with text: relevance alone orders the engine's results (ties broken
    // below); without text the relevance rules have nothing to say, so distance and then reputation order them.
    let order: EngineOrder = 'engine';
    if (point && sort === TherapistSort.REPUTATION) order = 'reputation';
    else if (point && (sort === TherapistSort.DISTANCE || text === '')) order = 'distance';
    // Place orders read their documents in EngineQuery's own order; without a place the engine sorts by reputation.
    if (order === 'engine' && (sort === TherapistSort.REPUTATION || (!point && text === '')))
      params.sort = ['reputationScore:desc'];
    return { text, params, order, zips, point, radiusKm, resolvedPlace, sort, page, pageSize };
  }

  /** The engine's answer for a request: the page of hits and the exact totals. */
  query(request: EnginePlan): Promise<EngineAnswer> {
    return this.engineQuery.run(request);
  }

  async search(input: TherapistSearchInput): Promise<TherapistSearchResult> {
    const request = this.buildRequest(input);
    const { text, point, resolvedPlace, sort, page, pageSize } = request;
    const response = await this.query(request);
    const ids = response.hits.map((hit) => hit.therapistId);
    const therapists = new Map((await this.projection.load(ids)).map((t) => [t.id, t]));
    const scores = new Map(response.hits.map((hit) => [hit.therapistId, hit.score]));
    let hits = ids
      .map((id) => therapists.get(id))
      .filter((t): t is Therapist => t !== undefined)
      .map((therapist) => this.hit(therapist, point, input.verifiedOnly ?? true));
    if (sort === TherapistSort.RELEVANCE && text !== '') {
      hits = hits
        .map((hit, position) => ({ hit, position }))
        .sort(
          (a, b) =>
            (scores.get(b.hit.therapist.id) ?? 0) - (scores.get(a.hit.therapist.id) ?? 0) ||
            (a.hit.distanceKm ?? 0) - (b.hit.distanceKm ?? 0) ||
            score(b.hit.therapist) - score(a.hit.therapist) ||
            a.position - b.position,
        )
        .map((x) => x.hit);
    }
    return {
      hits,
      // page/hitsPerPage make Meilisearch count exhaustively, so totalHits is exact for the filters.
      totalHits: response.totalHits,
      page,
      pageSize,
      facets: await this.facets(response.facetDistribution),
      resolvedPlace,
    };
  }

  private locate(input: TherapistSearchInput): Located {
    if (input.near) {
      const place = Gazetteer.shared().resolvePlace(input.near);
      if (!place)
        throw BadUserInputError.field(
          'input.near',
          `We could not find the place "${input.near}". Try "City, ST" or a 5-digit ZIP code.`,
        );
      return {
        point: place,
        resolvedPlace: { label: place.label, latitude: place.latitude, longitude: place.longitude },
      };
    }
    const hasLat = input.latitude !== undefined && input.latitude !== null;
    const hasLng = input.longitude !== undefined && input.longitude !== null;
    if (hasLat !== hasLng) {
      throw BadUserInputError.field(
        hasLat ? 'input.longitude' : 'input.latitude',
        'Give latitude and longitude together.',
      );
    }
    return {
      point: hasLat && hasLng ? { latitude: input.latitude!, longitude: input.longitude! } : null,
      resolvedPlace: null,
    };
  }

  /** Distance and nearest location (whose local doctors the hit's reputation counts); verified search measures to licensed locations only. */
  private hit(therapist: Therapist, point: GeoPoint | null, licensedOnly: boolean): TherapistHit {
    if (!point || therapist.locations.length === 0) return { therapist, distanceKm: null, nearestLocation: null };
    const licensed = licensedOnly
      ? therapist.locations.filter((location) => isLocationLicensed(therapist.licenses, location.state))
      : [];
    const candidates = licensed.length > 0 ? licensed : therapist.locations;
    let nearest: PracticeLocation = candidates[0];
    let best = Infinity;
    for (const location of candidates) {
      const d = distanceKm(point, location);
      if (d < best) {
        best = d;
        nearest = location;
      }
    }
    therapist.reputationLocationId = nearest.id;
    return { therapist, distanceKm: Math.round(best * 100) / 100, nearestLocation: nearest };
  }

  private async facets(distribution: Record<string, Record<string, number>>) {
    const [conditions, techniques, networks] = await Promise.all([
      this.referenceData.conditions(),
      this.referenceData.techniques(),
      this.referenceData.networks(),
    ]);
    const label = (items: { id: string; name: string }[]) => {
      const names = new Map(items.map((i) => [i.id, i.name]));
      return (value: string) => names.get(value) ?? value;
    };
    const counts = (attribute: string, toLabel: (value: string) => string): FacetCount[] =>
      Object.entries(distribution[attribute] ?? {})
        .map(([value, count]) => ({ value, label: toLabel(value), count }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return {
      conditions: counts('conditionIds', label(conditions)),
      techniques: counts('techniqueIds', label(techniques)),
      networks: counts('networkIds', label(networks)),
      languages: counts('languages', (code) => {
        try {
          return languageNames.of(code) ?? code;
        } catch {
          return code;
        }
      }),
    };
  }
}
