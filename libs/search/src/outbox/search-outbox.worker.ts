import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { deletedCount, scheduleRetry } from '@mmn/database';
import { type JobSchedule, PeriodicJob } from '@mmn/jobs';
import { TherapistIndex } from '../indexing/therapist-index';

export const OUTBOX_BATCH_SIZE = 200;
const IDLE_POLL_MS = 100;
const SEARCH_BACKOFF = { baseSeconds: 1, maxSeconds: 300 };

export interface OutboxBacklog {
  backlog: number;
  oldestAgeSeconds: number | null;
  failing: number;
}

/**
 * Delivers search_outbox rows to Meilisearch. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of
 * workers can run side by side and each row goes to exactly one of them; a per-therapist advisory lock keeps
 * two workers from delivering the same therapist out of order. A row is marked done only after Meilisearch
 * reports the task succeeded; failures are retried with exponential back-off.
 */
@Injectable()
export class SearchOutboxWorker extends PeriodicJob {
  protected readonly schedule: JobSchedule = { name: 'search-outbox', everyMs: IDLE_POLL_MS, maxBackoffMs: 5000 };
  private stopping = false;
  private prunedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly therapistIndex: TherapistIndex,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {
    super();
  }

  protected override enabled(): boolean {
    return this.config.runSearchWorker;
  }

  override async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await super.onApplicationShutdown();
  }

  /** Delivers batch after batch until nothing is due; prunes delivered rows once an hour. */
  protected async runOnce(): Promise<void> {
    if (Date.now() - this.prunedAt > 60 * 60 * 1000) {
      this.prunedAt = Date.now();
      await this.prune();
    }
    while (!this.stopping && (await this.processBatch()) > 0);
  }

  /** Delivered rows are kept a week (to look into recent deliveries), then deleted. */
  async prune(): Promise<number> {
    const deleted = await this.dataSource.query<unknown[]>(
      `DELETE FROM search_outbox WHERE processed_at < now() - interval '7 days' RETURNING 1`,
    );
    return deletedCount(deleted);
  }

  /** Claims and delivers one batch. Returns the number of outbox rows handled (delivered or rescheduled). */
  async processBatch(limit = OUTBOX_BATCH_SIZE, onDelivered?: (rowIds: string[]) => void): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; therapist_id: string }[]>(
        `SELECT id, therapist_id FROM search_outbox
          WHERE processed_at IS NULL AND next_attempt_at <= now()
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const candidates = [...new Set(rows.map((r) => r.therapist_id))];
      const locked = await manager.query<{ id: string }[]>(
        `SELECT t.id FROM unnest($1::uuid[]) AS t(id) WHERE pg_try_advisory_xact_lock(hashtextextended(t.id::text, 7243))`,
        [candidates],
      );
      const therapistIds = locked.map((r) => r.id);
      const mine = new Set(therapistIds);
      const rowIds = rows.filter((r) => mine.has(r.therapist_id)).map((r) => r.id);
      if (rowIds.length === 0) return 0;
      try {
        await this.therapistIndex.deliver(therapistIds, undefined, manager);
        await manager.query(
          'UPDATE search_outbox SET processed_at = now(), last_error = NULL WHERE id = ANY($1::bigint[])',
          [rowIds],
        );
        onDelivered?.(rowIds);
      } catch (error) {
        await scheduleRetry(manager, 'search_outbox', rowIds, error, SEARCH_BACKOFF);
      }
      return rowIds.length;
    });
  }

  /** Drains everything that is due now (used by tests and the reindex command). */
  async drain(): Promise<void> {
    while ((await this.processBatch()) > 0);
  }

  async backlog(): Promise<OutboxBacklog> {
    const [row] = await this.dataSource.query<{ backlog: number; oldest: number | null; failing: number }[]>(
      `SELECT count(*)::int AS backlog,
              extract(epoch FROM now() - min(created_at))::float AS oldest,
              count(*) FILTER (WHERE attempts > 0)::int AS failing
         FROM search_outbox WHERE processed_at IS NULL`,
    );
    return {
      backlog: row.backlog,
      oldestAgeSeconds: row.oldest === null ? null : Math.round(row.oldest * 10) / 10,
      failing: row.failing,
    };
  }
}
