import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadUserInputError } from '@mmn/errors';
import { isUuid, Role } from '@mmn/shared';
import { type AuditEntryConnection, type AuditEntryView, type AuditLogFilter } from './audit-log.models';
import { type AuditedCaller, AuditTrail } from './audit-trail';

interface Row {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_role: string;
  action: string;
  referral_id: string | null;
  outcome: AuditEntryView['outcome'];
  request_id: string;
}

const encodeCursor = (id: string) => Buffer.from(`audit:${id}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^audit:(\d{1,19})$/.exec(decoded);
  if (!match) throw BadUserInputError.field('after', 'is not a cursor from this list');
  return match[1];
}

const ROLES = new Set<string>(Object.values(Role));

/** The administrators' view of the audit log: ids and action names only, newest first; reading it is audited. */
@Injectable()
export class AuditLogQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async list(
    caller: AuditedCaller,
    filter: AuditLogFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<AuditEntryConnection> {
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    for (const [field, column] of [
      ['actorId', 'actor_id'],
      ['referralId', 'referral_id'],
    ] as const) {
      const value = filter?.[field];
      if (value == null) continue;
      if (!isUuid(value)) throw BadUserInputError.field(`filter.${field}`, 'must be an id');
      where.push(`"${column}" = ${p(value)}`);
    }
    if (filter?.action) where.push(`"action" = ${p(filter.action.toUpperCase())}`);
    if (filter?.outcome) where.push(`"outcome" = ${p(filter.outcome)}`);
    if (filter?.from) where.push(`"at" >= ${p(filter.from)}`);
    if (filter?.to) where.push(`"at" < ${p(filter.to)}`);
    const filtered = where.length > 0 ? where.join(' AND ') : 'true';
    const filterParams = [...params];
    const page = after ? `${filtered} AND "id" < ${p(decodeCursor(after))}::bigint` : filtered;
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<Row[]>(
        `SELECT * FROM "audit_log" WHERE ${page} ORDER BY "id" DESC LIMIT ${p(first + 1)}`,
        params,
      );
      const [{ count }] = await manager.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM "audit_log" WHERE ${filtered}`,
        filterParams,
      );
      await this.audit.allowed(manager, caller, 'READ_AUDIT_LOG', filter?.referralId ?? null);
      // And once for every other referral the page shows rows of, so each patient's access report lists this read.
      const shown = new Set(rows.slice(0, first).flatMap((row) => (row.referral_id ? [row.referral_id] : [])));
      shown.delete(filter?.referralId ?? '');
      for (const referralId of shown) await this.audit.allowed(manager, caller, 'READ_AUDIT_LOG', referralId);
      const edges = rows.slice(0, first).map((row) => ({
        cursor: encodeCursor(row.id),
        node: {
          id: row.id,
          at: row.at,
          actorId: row.actor_id,
          actorRole: ROLES.has(row.actor_role) ? (row.actor_role as Role) : null,
          action: row.action,
          referralId: row.referral_id,
          outcome: row.outcome,
          requestId: row.request_id,
        },
      }));
      return {
        edges,
        pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: count,
      };
    });
  }
}
