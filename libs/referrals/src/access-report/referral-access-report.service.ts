import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@mmn/audit';
import { NotFoundError } from '@mmn/errors';
import type { Caller } from '@mmn/identity';
import { isUuid, Role } from '@mmn/shared';
import { Referral } from '../entities/referral.entity';
import { type AccessReportEntry, type AccessRow, accessReportEntries } from './access-report';

export const ACCESS_REPORT_ACTION = 'READ_ACCESS_REPORT';

/**
 * The patient's right to know who saw their record: every audit row of the referral (reads, lists, changes,
 * refusals, administrators' reads of the audit log), newest first. Only the patient who claimed it; anyone else
 * gets NOT_FOUND (and a DENIED row). Reading the report is audited like any other read.
 */
@Injectable()
export class ReferralAccessReport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async report(caller: Caller, referralId: string): Promise<AccessReportEntry[]> {
    return this.audit.audited(caller, ACCESS_REPORT_ACTION, referralId, () =>
      this.dataSource.transaction(async (manager) => {
        const referral = isUuid(referralId)
          ? await manager.findOne(Referral, { where: { id: referralId }, select: { id: true, claimedBy: true } })
          : null;
        const isClaimant = caller.principal.role === Role.PATIENT && referral?.claimedBy === caller.principal.userId;
        if (!referral || !isClaimant) throw new NotFoundError('Referral');
        const rows = await manager.query<AccessRow[]>(
          `SELECT a."at", a."actor_id", a."actor_role", a."action", a."outcome",
                  COALESCE(p."display_name", th."display_name") AS profile_name, u."display_name" AS account_name
             FROM "audit_log" a
             LEFT JOIN "users" u ON u."id" = a."actor_id"
             LEFT JOIN "providers" p ON a."actor_role" = 'PROVIDER' AND p."user_id" = a."actor_id"
             LEFT JOIN "therapists" th ON a."actor_role" = 'THERAPIST' AND th."user_id" = a."actor_id"
            WHERE a."referral_id" = $1
            ORDER BY a."at" DESC, a."id" DESC`,
          [referral.id],
        );
        await this.audit.allowed(manager, caller, ACCESS_REPORT_ACTION, referral.id);
        return accessReportEntries(rows);
      }),
    );
  }
}
