import { Injectable, Logger } from '@nestjs/common';
import type { NearbyQuery, NearbyTherapists } from '@mmn/directory';
import { TherapistSort } from './search.models';
import { TherapistSearchService } from './therapist-search.service';

/** A page size the engine answers in one request; larger FHIR pages read from SQL. */
const MAX_PAGE = 100;

/**
 * Near-searches of the standards interfaces (FHIR `location.near`) answered by the search engine, as the patient
 * search is: the same radius over licensed locations, nearest first, exact totals. Offsets that are not a whole
 * number of pages, and an engine that does not answer, return null so the caller reads from PostgreSQL instead.
 */
@Injectable()
export class EngineNearbyTherapists implements NearbyTherapists {
  private readonly logger = new Logger(EngineNearbyTherapists.name);

  constructor(private readonly search: TherapistSearchService) {}

  async find(query: NearbyQuery): Promise<{ ids: string[]; total: number } | null> {
    if (query.limit < 1 || query.limit > MAX_PAGE || query.offset % query.limit !== 0) return null;
    const page = query.offset / query.limit + 1;
    const request = this.search.buildRequest({
      latitude: query.latitude,
      longitude: query.longitude,
      radiusKm: query.km,
      networkIds: query.networkIds ?? [],
      sort: TherapistSort.DISTANCE,
      verifiedOnly: true,
      page,
      pageSize: query.limit,
    });
    try {
      const answer = await this.search.query(request);
      return { ids: answer.hits.map((hit) => hit.therapistId), total: answer.totalHits };
    } catch (error) {
      this.logger.warn(`near-search falls back to SQL: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
