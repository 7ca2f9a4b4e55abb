import { Args, Query, Resolver } from '@nestjs/graphql';
import { Cost, Public } from '@mmn/identity';
import { TherapistSearchInput, TherapistSearchResult } from './search.models';
import { TherapistSearchService } from './therapist-search.service';

/**
 * A search costs more the more it asks of Meilisearch and the database: a base of 1, a point per 10 results of the
 * page and a point per 50 km of radius (a 500 km search of 20 costs 13; the default 40 km search costs about 4).
 */
export function searchCost(args: Record<string, unknown>): number {
  const input = (args.input ?? {}) as TherapistSearchInput;
  return 1 + (input.pageSize ?? 20) / 10 + (input.radiusKm ?? 40) / 50;
}

@Resolver()
export class TherapistSearchResolver {
  constructor(private readonly search: TherapistSearchService) {}

  /** Anonymous: nothing about the searcher is stored. */
  @Public()
  @Cost(searchCost)
  @Query(() => TherapistSearchResult)
  searchTherapists(@Args('input') input: TherapistSearchInput): Promise<TherapistSearchResult> {
    return this.search.search(input);
  }
}
