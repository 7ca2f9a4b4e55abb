import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { deletedCount } from '@mmn/database';
import { type JobSchedule, PeriodicJob } from '@mmn/jobs';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Keeps the sign-in tables from growing forever: failed sign-ins only matter inside the 15-minute throttle
 * window, and an expired refresh token can never be used again (reusing it is refused as invalid either way).
 */
@Injectable()
export class SessionHousekeeping extends PeriodicJob {
  protected readonly schedule: JobSchedule = { name: 'session-housekeeping.job', everyMs: HOUR_MS };

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  protected runOnce() {
    return this.prune();
  }

  /** Deletes sign-in failures older than a day, refresh tokens expired more than a day ago, stale budget rows. */
  async prune(): Promise<{ loginFailures: number; refreshTokens: number; rateLimits: number }> {
    const failures = await this.dataSource.query<unknown[]>(
      `DELETE FROM "login_failures" WHERE "at" < now() - interval '1 day' RETURNING 1`,
    );
    const tokens = await this.dataSource.query<unknown[]>(
      `DELETE FROM "refresh_tokens" WHERE "expires_at" < now() - interval '1 day' RETURNING 1`,
    );
    // Budget counters (rate-limiter-flexible keeps `expire` in epoch milliseconds) an hour after they expired.
    const budgets = await this.dataSource.query<unknown[]>(
      `DELETE FROM "rate_limits" WHERE "expire" < (extract(epoch FROM now()) * 1000 - 3600000) RETURNING 1`,
    );
    return {
      loginFailures: deletedCount(failures),
      refreshTokens: deletedCount(tokens),
      rateLimits: deletedCount(budgets),
    };
  }
}
