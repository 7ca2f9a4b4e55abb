import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Caller, CurrentCaller, Public } from '@mmn/identity';
import { ListingProblemInput } from './listing-problem.models';
import { ListingProblemsService } from './listing-problems.service';
import { PracticeCitiesArgs, PracticeCity, TherapistListingArgs, TherapistListingPage } from './public-listing.models';
import { PublicListingService } from './public-listing.service';

/** What the public website lists beyond search: city pages, the sitemap, and reports of stale listings. */
@Resolver()
export class PublicListingResolver {
  constructor(
    private readonly listing: PublicListingService,
    private readonly problems: ListingProblemsService,
  ) {}

  @Public()
  @Query(() => [PracticeCity], {
    description: 'Cities with verified therapists: most therapists first, or nearest first given a point',
  })
  practiceCities(@Args() args: PracticeCitiesArgs): Promise<PracticeCity[]> {
    return this.listing.practiceCities(args);
  }

  @Public()
  @Query(() => TherapistListingPage, { description: 'Verified public profiles in id order, for the sitemap' })
  verifiedTherapistListing(@Args() args: TherapistListingArgs): Promise<TherapistListingPage> {
    return this.listing.verifiedTherapists(args);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Anyone; stored for administrators; at most 5 per client an hour' })
  reportListingProblem(@CurrentCaller() caller: Caller, @Args('input') input: ListingProblemInput): Promise<boolean> {
    return this.problems.report(input, caller.meta.ip);
  }
}
