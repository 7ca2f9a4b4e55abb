import { Args, Query, Resolver } from '@nestjs/graphql';
import { PageSize } from '@mmn/graphql-platform';
import { type Caller, CurrentCaller, Roles } from '@mmn/identity';
import { Role } from '@mmn/shared';
import { AuditEntryConnection, AuditLogFilter } from './audit-log.models';
import { AuditLogQuery } from './audit-log-query.service';

@Resolver()
export class AuditLogResolver {
  constructor(private readonly query: AuditLogQuery) {}

  @Roles(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: 'Who did what to which referral; reading it is itself audited' })
  auditLog(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter: AuditLogFilter | null,
    @PageSize({ defaultValue: 50, max: 200 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditEntryConnection> {
    return this.query.list(caller, filter, first, after);
  }
}
