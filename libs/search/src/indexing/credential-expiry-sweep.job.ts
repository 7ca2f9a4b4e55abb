import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type JobSchedule, PeriodicJob } from '@mmn/jobs';
import { todayIso } from '@mmn/shared';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Credentials lapse by date alone (they read EXPIRED the day after expiresOn, with no write). This job
 * records such lapses for the index: for each day that began since it last ran (a week back at start), it
 * queues every therapist with a license, certification or membership that ended on the day before.
 */
@Injectable()
export class CredentialExpirySweep extends PeriodicJob {
  protected readonly schedule: JobSchedule = {
    name: 'credential-expiry-sweep.job',
    everyMs: HOUR_MS,
    runAtStart: true,
  };
  private lastSweptOn?: string;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  protected runOnce() {
    return this.sweep();
  }

  /** Queues therapists whose credentials lapsed since the last sweep; returns how many were queued. */
  async sweep(today: string = todayIso()): Promise<number> {
    if (this.lastSweptOn === today) return 0;
    const from = this.lastSweptOn ?? new Date(Date.parse(today) - 7 * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO search_outbox (therapist_id)
       SELECT DISTINCT therapist_id FROM (
         SELECT therapist_id FROM licenses WHERE expires_on >= $1::date - 1 AND expires_on < $2::date
         UNION SELECT therapist_id FROM certifications WHERE expires_on >= $1::date - 1 AND expires_on < $2::date
         UNION SELECT therapist_id FROM network_memberships WHERE effective_to >= $1::date - 1 AND effective_to < $2::date
       ) lapsed RETURNING id`,
      [from, today],
    );
    this.lastSweptOn = today;
    return rows.length;
  }
}
