import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In } from 'typeorm';
import { AuditLog } from '@mmn/audit';
import { BadUserInputError } from '@mmn/errors';
import { isUuid, todayIso } from '@mmn/shared';
import { Referral } from '../entities/referral.entity';
import type { ReferralConnection } from '../referrals.models';
import { NON_FINAL_STATUSES, type ReferralStatus } from '../state-machine';
import type { Party } from './referral-parties';
import { partySqlFilter, profileIdOf } from './referral-parties';
import type { Caller } from '@mmn/identity';
import { ReferralViews } from './referral-views.service';

export const MAX_PAGE_SIZE = 100;

interface Row {
  id: string;
  cursor_at: string;
  declined_event_id: string | null;
}

const encodeCursor = (at: string, id: string): string => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      isUuid(value[1]) &&
      !Number.isNaN(Date.parse(value[0]))
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // fall through
  }
  throw BadUserInputError.field('after', 'is not a cursor from this list');
}

/** The caller's own referrals, newest first, as a cursor connection; each listed referral is an audited read. */
@Injectable()
export class ReferralList {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: ReferralViews,
    private readonly audit: AuditLog,
  ) {}

  async list(
    caller: Caller,
    statuses: ReferralStatus[] | undefined,
    first: number,
    after: string | undefined | null,
  ): Promise<ReferralConnection> {
    const manager = this.dataSource.manager;
    const principal = caller.principal;
    const profileId = await profileIdOf(manager, principal);
    // Which referrals are the caller's, and the status each reads as for them (a past therapist sees DECLINED).
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const { visible, declinedEvent } = partySqlFilter(principal, profileId, p);
    const filters = [visible];
    if (statuses && statuses.length > 0) {
      const effective = `CASE WHEN (${declinedEvent}) IS NOT NULL THEN 'DECLINED'
        WHEN r."status" = ANY(${p(NON_FINAL_STATUSES)}::text[]) AND r."expires_on" < ${p(todayIso())}::date THEN 'EXPIRED' ELSE r."status" END`;
      filters.push(`(${effective}) = ANY(${p(statuses)}::text[])`);
    }
    const where = filters.join(' AND ');
    const [{ count }] = await manager.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "referrals" r WHERE ${where}`,
      params,
    );
    const pageFilters = [where];
    if (after) {
      const [at, id] = decodeCursor(after);
      pageFilters.push(`(r."created_at", r."id") < (${p(at)}::timestamptz, ${p(id)}::uuid)`);
    }
    const rows = await manager.query<Row[]>(
      `SELECT r."id", to_char(r."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at, (${declinedEvent})::text AS declined_event_id
       FROM "referrals" r WHERE ${pageFilters.join(' AND ')} ORDER BY r."created_at" DESC, r."id" DESC LIMIT ${p(first + 1)}`,
      params,
    );
    const page = rows.slice(0, first);
    const referrals =
      page.length > 0 ? await manager.find(Referral, { where: { id: In(page.map((row) => row.id)) } }) : [];
    const items = page.map((row) => {
      const party: Party = {
        actor: principal.role as Party['actor'],
        userId: principal.userId,
        declinedAtEventId: row.declined_event_id,
      };
      return { referral: referrals.find((r) => r.id === row.id)!, party };
    });
    const nodes = await this.views.many(manager, items);
    await this.audit.recordMany(
      manager,
      page.map((row) => ({
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'LIST',
        referralId: row.id,
        outcome: 'ALLOWED' as const,
        requestId: caller.meta.requestId,
      })),
    );
    const edges = page.map((row, index) => ({ cursor: encodeCursor(row.cursor_at, row.id), node: nodes[index] }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: count,
    };
  }
}
