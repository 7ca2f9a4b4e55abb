import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { deletedCount } from '@mmn/database';
import { type JobSchedule, PeriodicJob } from '@mmn/jobs';
import { FINAL_STATUSES, NON_FINAL_STATUSES } from '../state-machine';
import { retentionCutoffs } from './retention-rules';

const DAY_MS = 24 * 3_600_000;
const BATCH = 500;

/**
 * Enforces the retention periods (REFERRAL_RETENTION_YEARS, AUDIT_RETENTION_YEARS; see retentionCutoffs): daily,
 * in batches, each batch its own transaction. A referral goes with its visits and timeline (ON DELETE CASCADE)
 * once it has been closed for its period: its last event in a final status, or, for one that lapsed without the
 * expiry job recording it, its prescription's expiry date. Then audit rows past their period whose referral is
 * gone (or that name none); the append-only trigger lets exactly this job's DELETE through (mmn.audit_retention).
 */
@Injectable()
export class RetentionJob extends PeriodicJob {
  protected readonly schedule: JobSchedule = { name: 'retention', everyMs: DAY_MS, runAtStart: true };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {
    super();
  }

  protected override enabled(): boolean {
    return this.config.nodeEnv !== 'test';
  }

  protected runOnce() {
    return this.prune();
  }

  async prune(now: Date = new Date()): Promise<{ referrals: number; auditRows: number }> {
    const { referralsClosedBefore, auditBefore } = retentionCutoffs(now, this.config.retention);
    let referrals = 0;
    for (;;) {
      const deleted = await this.dataSource.query<unknown>(
        `DELETE FROM "referrals" WHERE "id" IN (
           SELECT r."id" FROM "referrals" r
            WHERE (r."status" = ANY($1::text[])
                   AND (SELECT max(e."at") FROM "referral_events" e WHERE e."referral_id" = r."id") < $3)
               OR (r."status" = ANY($2::text[]) AND r."expires_on" < ($3::timestamptz AT TIME ZONE 'UTC')::date)
            LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
         RETURNING 1`,
        [FINAL_STATUSES, NON_FINAL_STATUSES, referralsClosedBefore],
      );
      referrals += deletedCount(deleted);
      if (deletedCount(deleted) < BATCH) break;
    }
    let auditRows = 0;
    for (;;) {
      const deleted = await this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL mmn.audit_retention = 'on'`);
        return deletedCount(
          await manager.query<unknown>(
            `DELETE FROM "audit_log" WHERE "id" IN (
             SELECT a."id" FROM "audit_log" a
              WHERE a."at" < $1
                AND (a."referral_id" IS NULL OR NOT EXISTS (SELECT 1 FROM "referrals" r WHERE r."id" = a."referral_id"))
              LIMIT ${BATCH})
           RETURNING 1`,
            [auditBefore],
          ),
        );
      });
      auditRows += deleted;
      if (deleted < BATCH) break;
    }
    if (referrals + auditRows > 0) {
      this.logger.log(`retention: pruned ${referrals} referrals and ${auditRows} audit rows past their periods`);
    }
    return { referrals, auditRows };
  }
}
