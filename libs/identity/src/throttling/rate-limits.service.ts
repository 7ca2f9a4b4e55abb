import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { RateLimitedError } from '@mmn/errors';

export interface Budget {
  /** Names the counter; keys of different budgets never collide. */
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * Per-client budgets kept in PostgreSQL (table "rate_limits", see the RateLimits migration) by
 * rate-limiter-flexible, whose upsert counts atomically: the limits hold across any number of API instances.
 * Expired rows are pruned by the session housekeeping job.
 */
@Injectable()
export class RateLimitsService {
  private readonly limiters = new Map<string, RateLimiterPostgres>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Spends `points` of `budget` for `key` or throws RATE_LIMITED with the seconds until the budget refills.
   * A request the budget cannot afford spends nothing.
   */
  async spend(budget: Budget, key: string, points: number, message: (retry: number) => string): Promise<void> {
    if (points <= 0) return;
    if (points > budget.points) throw new RateLimitedError(message(budget.durationSeconds), budget.durationSeconds);
    const limiter = this.limiter(budget);
    try {
      await limiter.consume(key, points);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      // The refused request is given back, so a client that waits gets its whole budget.
      await limiter.reward(key, points).catch(() => undefined);
      const retry = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new RateLimitedError(message(retry), retry);
    }
  }

  private limiter(budget: Budget): RateLimiterPostgres {
    let limiter = this.limiters.get(budget.name);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: this.dataSource,
        storeType: 'typeorm',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: budget.name,
        points: budget.points,
        duration: budget.durationSeconds,
      });
      this.limiters.set(budget.name, limiter);
    }
    return limiter;
  }
}
