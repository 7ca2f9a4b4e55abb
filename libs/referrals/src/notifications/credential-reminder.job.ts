import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { type JobSchedule, PeriodicJob } from '@mmn/jobs';
import { todayIso } from '@mmn/shared';

/** Reminder windows, in days before expiry; a credential inside the shorter window gets only that reminder. */
export const REMINDER_DAYS = [60, 14] as const;

/**
 * Reminds therapists by mail that a VERIFIED license, certification or network membership expires soon: 60 and 14
 * days before, each once (credential_reminders holds what was sent), through the notification outbox like every
 * other mail. Runs at start and every 6 hours (the reminders are per day), except in tests, which call remind().
 */
@Injectable()
export class CredentialReminderJob extends PeriodicJob {
  protected readonly schedule: JobSchedule = { name: 'credential-reminders', everyMs: 6 * 3_600_000, runAtStart: true };

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
    return this.remind();
  }

  /** Queues the reminders due on `today`; returns how many were queued. */
  async remind(today: string = todayIso()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager.query<{ user_id: string; days_before: number }[]>(
        `WITH expiring AS (
           SELECT 'LICENSE' AS kind, id, therapist_id, expires_on AS ends_on FROM licenses WHERE status = 'VERIFIED'
           UNION ALL SELECT 'CERTIFICATION', id, therapist_id, expires_on FROM certifications
             WHERE status = 'VERIFIED' AND expires_on IS NOT NULL
           UNION ALL SELECT 'NETWORK_MEMBERSHIP', id, therapist_id, effective_to FROM network_memberships
             WHERE status = 'VERIFIED' AND effective_to IS NOT NULL
         ), windows AS (
           SELECT w.days, lead(w.days) OVER (ORDER BY w.days DESC) AS shorter FROM unnest($2::int[]) AS w(days)
         ), sent AS (
           INSERT INTO credential_reminders (credential_kind, credential_id, days_before)
           SELECT e.kind, e.id, w.days FROM expiring e CROSS JOIN windows w
            WHERE e.ends_on >= $1::date AND e.ends_on <= $1::date + w.days
              AND (w.shorter IS NULL OR e.ends_on > $1::date + w.shorter)
           ON CONFLICT DO NOTHING
           RETURNING credential_kind, credential_id, days_before
         )
         SELECT t.user_id, s.days_before FROM sent s JOIN expiring e ON e.kind = s.credential_kind AND e.id = s.credential_id
           JOIN therapists t ON t.id = e.therapist_id`,
        [today, [...REMINDER_DAYS]],
      );
      for (const row of due) {
        await manager.query(
          `INSERT INTO notification_outbox (recipient_user_id, kind, referral_id) VALUES ($1, $2, NULL)`,
          [row.user_id, `CREDENTIAL_EXPIRES_${row.days_before}`],
        );
      }
      return due.length;
    });
  }
}
