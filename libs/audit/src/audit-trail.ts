import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '@mmn/errors';
import { isUuid } from '@mmn/shared';
import type { AuditOutcome } from './audit-log-entry.entity';
import { AuditLog } from './audit-log.service';

/** Who an audit row names: the signed-in account and the request (structurally the identity lib's Caller). */
export interface AuditedCaller {
  principal: { userId: string; role: string };
  meta: { requestId: string };
}

/**
 * Audits PHI operations: `allowed`/`record` write a row in the operation's own transaction; `audited` wraps an
 * operation so that a refusal or failure is recorded too, after the rollback (DENIED when the record is not
 * visible to the caller, REFUSED for other domain errors, FAILED for unexpected ones).
 */
@Injectable()
export class AuditTrail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: AuditLog,
  ) {}

  allowed(manager: EntityManager, caller: AuditedCaller, action: string, referralId: string | null): Promise<void> {
    return this.record(manager, caller, action, referralId, 'ALLOWED');
  }

  record(
    manager: EntityManager,
    caller: AuditedCaller,
    action: string,
    referralId: string | null,
    outcome: AuditOutcome,
  ): Promise<void> {
    return this.log.record(manager, {
      actorId: caller.principal.userId,
      actorRole: caller.principal.role,
      action,
      referralId: referralId !== null && isUuid(referralId) ? referralId : null,
      outcome,
      requestId: caller.meta.requestId,
    });
  }

  async audited<T>(
    caller: AuditedCaller,
    action: string,
    referralId: string | null,
    work: () => Promise<T>,
  ): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // Best effort: the audit row must not replace the original error (e.g. when the database itself is down).
      await this.record(this.dataSource.manager, caller, action, referralId, auditOutcomeOf(error)).catch(
        () => undefined,
      );
      throw error;
    }
  }
}

export function auditOutcomeOf(error: unknown): AuditOutcome {
  if (!(error instanceof DomainError)) return 'FAILED';
  return error.code === ErrorCode.NOT_FOUND ? 'DENIED' : 'REFUSED';
}
