import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, LessThan } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { DomainError } from '@mmn/errors';
import { type JobSchedule, PeriodicJob } from '@mmn/jobs';
import { todayIso } from '@mmn/shared';
import { Referral } from '../entities/referral.entity';
import { NON_FINAL_STATUSES, ReferralAction } from '../state-machine';
import { ReferralChanges } from './referral-changes.service';
import { SYSTEM_PARTY } from './referral-parties';

const HOUR_MS = 3_600_000;

/**
 * Records EXPIRED for non-final referrals past expiresOn (reads already show EXPIRED via effectiveStatus; this
 * writes the event, audit row and notifications). Runs at start and hourly, except in tests, which call it.
 */
@Injectable()
export class ReferralExpiryJob extends PeriodicJob {
  protected readonly schedule: JobSchedule = { name: 'referral-expiry', everyMs: HOUR_MS, runAtStart: true };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly changes: ReferralChanges,
  ) {
    super();
  }

  protected override enabled(): boolean {
    return this.config.nodeEnv !== 'test';
  }

  protected runOnce() {
    return this.expireDue();
  }

  /** Expires everything due; returns how many referrals it moved. */
  async expireDue(today: string = todayIso()): Promise<number> {
    const due = await this.dataSource.manager.find(Referral, {
      where: { status: In([...NON_FINAL_STATUSES]), expiresOn: LessThan(today) },
      select: { id: true },
      take: 1000,
    });
    let expired = 0;
    for (const { id } of due) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const referral = await manager.findOneOrFail(Referral, { where: { id } });
          await this.changes.transition(
            manager,
            referral,
            { party: SYSTEM_PARTY, auditRole: 'SYSTEM', requestId: 'expiry-job' },
            ReferralAction.EXPIRE,
            {
              eventType: 'EXPIRED',
              note: `The prescription expired on ${referral.expiresOn}.`,
            },
          );
        });
        expired++;
      } catch (error) {
        // Someone moved it first (e.g. completed or cancelled): nothing to expire.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return expired;
  }
}
