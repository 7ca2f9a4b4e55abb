import { Injectable } from '@nestjs/common';
import type { ServiceRequest, Task } from '@medplum/fhirtypes';
import { DomainError, ErrorCode } from '@mmn/errors';
import type { Caller } from '@mmn/identity';
import { ReferralAccess, ReferralList, type ReferralStatus } from '@mmn/referrals';
import type { SearchPage } from '../search/bundle';
import { anyOf, parseSearch, type ParsedSearch, type RawQuery, referenceId, single } from '../search/search-params';
import { referralStatusesFor, toServiceRequest, toTask } from './referral.mappers';

export const TASK_SEARCH = {
  params: { focus: 'reference', owner: 'reference', status: 'token', _cursor: 'string' },
} as const;

/**
 * Referrals in FHIR for their parties only, through the same access rule and audit trail as GraphQL: every read is
 * an audited READ (a non-party gets NOT_FOUND, recorded as DENIED) and every listed referral an audited LIST.
 */
@Injectable()
export class FhirReferralsService {
  constructor(
    private readonly access: ReferralAccess,
    private readonly list: ReferralList,
  ) {}

  async serviceRequest(caller: Caller, id: string): Promise<ServiceRequest> {
    return toServiceRequest(await this.access.read(caller, id));
  }

  async task(caller: Caller, id: string): Promise<Task> {
    return toTask(await this.access.read(caller, id));
  }

  /** Task?focus=ServiceRequest/<id>, or the caller's referrals as Tasks narrowed by owner and status. */
  async searchTasks(
    caller: Caller,
    query: RawQuery,
    lenient: boolean,
  ): Promise<{ search: ParsedSearch; page: SearchPage; nextCursor: string | null }> {
    const search = parseSearch(query, TASK_SEARCH, lenient);
    const empty = { search, page: { matches: [], includes: [], total: 0 }, nextCursor: null };
    const focus = anyOf(search, 'focus', (v) => referenceId(v, 'ServiceRequest'));
    if (focus) {
      if (focus.length !== 1) return empty;
      try {
        const task = await this.task(caller, focus[0]);
        return { search, page: { matches: [task], includes: [], total: 1 }, nextCursor: null };
      } catch (error) {
        // Missing and not a party look the same (and the read was audited as DENIED).
        if (error instanceof DomainError && error.code === ErrorCode.NOT_FOUND) return empty;
        throw error;
      }
    }
    const taskStatuses = anyOf(search, 'status', (v) => v);
    let statuses: ReferralStatus[] | undefined;
    if (taskStatuses) {
      statuses = taskStatuses.flatMap(referralStatusesFor);
      if (statuses.length === 0) return empty;
    }
    const owners = anyOf(search, 'owner', (v) => `Practitioner/${referenceId(v, 'Practitioner')}`);
    const connection = await this.list.list(caller, statuses, search.count, single(search, '_cursor'));
    const tasks = connection.edges
      .map((edge) => toTask(edge.node))
      .filter((task) => !owners || owners.includes(task.owner?.reference ?? ''));
    return {
      search,
      page: { matches: tasks, includes: [], total: owners ? tasks.length : connection.totalCount },
      nextCursor: connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null,
    };
  }
}
