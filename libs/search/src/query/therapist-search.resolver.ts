import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@mmn/identity';
import { TherapistSearchInput, TherapistSearchResult } from './search.models';
import { TherapistSearchService } from './therapist-search.service';

@Resolver()
export class TherapistSearchResolver {
  constructor(private readonly search: TherapistSearchService) {}

  /** Anonymous: nothing about the searcher is stored. */
  @Public()
  @Query(() => TherapistSearchResult)
  searchTherapists(@Args('input') input: TherapistSearchInput): Promise<TherapistSearchResult> {
    return this.search.search(input);
  }
}
