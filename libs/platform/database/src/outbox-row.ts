import type { EntityManager } from 'typeorm';
import { Column, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The retry columns every transactional outbox shares. A row is written in the transaction of the change that
 * caused it; a worker claims due rows (`next_attempt_at <= now()`, FOR UPDATE SKIP LOCKED) and either marks
 * them done or calls `scheduleRetry`.
 */
export abstract class OutboxRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;
}

/** Exponential back-off: `baseSeconds × 2^attempts`, capped at `maxSeconds`. */
export interface Backoff {
  baseSeconds: number;
  maxSeconds: number;
}

/** Counts a failed attempt on outbox rows and moves them to their next try, keeping the (trimmed) error. */
export async function scheduleRetry(
  manager: EntityManager,
  table: string,
  ids: string[],
  error: unknown,
  backoff: Backoff,
): Promise<void> {
  const message = (error instanceof Error ? error.message : 'delivery failed').slice(0, 500);
  await manager.query(
    `UPDATE "${table}" SET "attempts" = "attempts" + 1, "last_error" = $2,
            "next_attempt_at" = now() + make_interval(secs => least($3 * power(2, "attempts"), $4))
      WHERE "id" = ANY($1::bigint[])`,
    [ids, message, backoff.baseSeconds, backoff.maxSeconds],
  );
}
