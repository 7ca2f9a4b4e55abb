import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PageSize } from '@mmn/graphql-platform';
import { type Caller, CurrentCaller, Roles } from '@mmn/identity';
import { Role } from '@mmn/shared';
import { ListingProblemReport } from './listing-problem-report.entity';
import { ListingProblemsService } from './listing-problems.service';

/** The administrators' side of "Report a problem with this listing". */
@Resolver(() => ListingProblemReport)
export class ListingProblemsAdminResolver {
  constructor(private readonly problems: ListingProblemsService) {}

  @Roles(Role.ADMIN)
  @Query(() => [ListingProblemReport], { description: 'Open reports oldest first; resolved ones newest first' })
  listingProblemReports(
    @Args('resolved', { type: () => Boolean, nullable: true, defaultValue: false }) resolved: boolean | null,
    @PageSize({ defaultValue: 50, max: 200 }) first: number,
  ): Promise<ListingProblemReport[]> {
    return this.problems.list(resolved ?? false, first);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ListingProblemReport)
  resolveListingProblemReport(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
  ): Promise<ListingProblemReport> {
    return this.problems.resolve(caller.principal, id, note);
  }
}
