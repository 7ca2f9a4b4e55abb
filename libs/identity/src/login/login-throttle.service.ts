import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RateLimitedError } from '@mmn/errors';
import { LoginFailure } from './login-failure.entity';
import {
  accountDelaySeconds,
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_IP,
  MAX_FAILURES_PER_PAIR,
} from './login-throttle.rules';

/** An attempt that was admitted: recorded as a failure until the password proves right. */
export interface AdmittedAttempt {
  id: string;
}

interface Counts {
  pair: number;
  pairOldest: Date | null;
  ip: number;
  ipOldest: Date | null;
  account: number;
  accountLatest: Date | null;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Stops password guessing without letting a stranger lock the owner out:
 * - one address may fail 10 times for one account, and 50 times in all, within 15 minutes;
 * - an account failed from anywhere more than 20 times is slowed down (growing delays, at most a minute between
 *   attempts), never locked.
 * Counting and admitting happen atomically under advisory locks on the address and the account, and an admitted
 * attempt is recorded before its password is checked, so parallel guesses cannot overtake the count.
 */
@Injectable()
export class LoginThrottleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Admits one password check or throws RATE_LIMITED. The caller settles the attempt with `succeeded`. */
  admit(email: string, ip: string): Promise<AdmittedAttempt> {
    return this.dataSource.transaction(async (manager) => {
      // Always the address first, then the account: a fixed order, so two admissions never deadlock.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('login-ip:' || $1, 0))`, [ip]);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('login-account:' || $1, 0))`, [email]);
      const counts = await this.counts(manager, email, ip);
      const now = Date.now();
      if (counts.pair >= MAX_FAILURES_PER_PAIR || counts.ip >= MAX_FAILURES_PER_IP) {
        const oldest = counts.pair >= MAX_FAILURES_PER_PAIR ? counts.pairOldest : counts.ipOldest;
        const retry = seconds((oldest?.getTime() ?? now) + LOGIN_WINDOW_MS - now);
        throw new RateLimitedError(
          `Too many failed sign-in attempts from your address; wait ${retry} seconds and try again.`,
          retry,
        );
      }
      const delay = accountDelaySeconds(counts.account) * 1000;
      const waitMs = (counts.accountLatest?.getTime() ?? 0) + delay - now;
      if (delay > 0 && waitMs > 0) {
        const retry = seconds(waitMs);
        throw new RateLimitedError(
          `This account has had many failed sign-in attempts; wait ${retry} seconds and try again.`,
          retry,
        );
      }
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO "login_failures" ("email", "ip") VALUES ($1, $2) RETURNING "id"`,
        [email, ip],
      );
      return { id: String(row.id) };
    });
  }

  /** The password was right: the admitted attempt was no failure. */
  async succeeded(attempt: AdmittedAttempt): Promise<void> {
    await this.dataSource.getRepository(LoginFailure).delete({ id: attempt.id });
  }

  private async counts(manager: EntityManager, email: string, ip: string): Promise<Counts> {
    const since = new Date(Date.now() - LOGIN_WINDOW_MS);
    const [row] = await manager.query<Record<string, string | Date | null>[]>(
      `SELECT count(*) FILTER (WHERE "email" = $1 AND "ip" = $2) AS pair,
              min("at") FILTER (WHERE "email" = $1 AND "ip" = $2) AS pair_oldest,
              count(*) FILTER (WHERE "ip" = $2) AS ip,
              min("at") FILTER (WHERE "ip" = $2) AS ip_oldest,
              count(*) FILTER (WHERE "email" = $1) AS account,
              max("at") FILTER (WHERE "email" = $1) AS account_latest
         FROM "login_failures"
        WHERE ("email" = $1 OR "ip" = $2) AND "at" > $3`,
      [email, ip, since],
    );
    const date = (value: string | Date | null) => (value === null ? null : new Date(value));
    return {
      pair: Number(row.pair),
      pairOldest: date(row.pair_oldest),
      ip: Number(row.ip),
      ipOldest: date(row.ip_oldest),
      account: Number(row.account),
      accountLatest: date(row.account_latest),
    };
  }
}
