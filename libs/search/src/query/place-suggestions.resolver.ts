import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@mmn/identity';
import { PlaceSuggester } from '@mmn/reference-data';
import { ResolvedPlaceModel } from './search.models';

/** "Did you mean Miami, FL?" for a place search could not resolve, and type-ahead for the place field. */
@Resolver()
export class PlaceSuggestionsResolver {
  @Public()
  @Query(() => [ResolvedPlaceModel], {
    description: 'Close matches and completions from the offline gazetteer ("Miamy" -> Miami, FL); at most 20',
  })
  placeSuggestions(
    @Args('text') text: string,
    // Nullable as the contract says (`first: Int = 5`): an explicit null means the default.
    @Args('first', { type: () => Int, nullable: true, defaultValue: 5 }) first: number | null,
  ): ResolvedPlaceModel[] {
    return PlaceSuggester.shared()
      .suggest(text, first ?? 5)
      .map(({ label, latitude, longitude }) => ({ label, latitude, longitude }));
  }
}
