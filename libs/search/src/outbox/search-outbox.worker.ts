import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { TherapistIndex } from '../indexing/therapist-index';

export const OUTBOX_BATCH_SIZE = 200;
const IDLE_POLL_MS = 100;
const MAX_BACKOFF_SECONDS = 300;

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
export class SearchOutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchOutboxWorker.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly therapistIndex: TherapistIndex,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.runSearchWorker) this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Delivered rows are kept a week (to look into recent deliveries), then deleted. */
  async prune(): Promise<number> {
    const deleted = await this.dataSource.query<unknown[]>(
      `DELETE FROM search_outbox WHERE processed_at < now() - interval '7 days' RETURNING 1`,
    );
    return deleted.length;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let prunedAt = 0;
    while (this.running) {
      if (Date.now() - prunedAt > 60 * 60 * 1000) {
        prunedAt = Date.now();
        await this.prune().catch((error: unknown) =>
          this.logger.warn(`search outbox prune: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
      let handled = 0;
      try {
        handled = await this.processBatch();
        failures = 0;
      } catch (error) {
        failures++;
        this.logger.warn(`search outbox: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (handled === 0 && this.running)
        await this.sleep(failures > 0 ? Math.min(5000, 250 * 2 ** failures) : IDLE_POLL_MS);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
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
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        await manager.query(
          `UPDATE search_outbox SET attempts = attempts + 1, last_error = $2,
                  next_attempt_at = now() + make_interval(secs => least(power(2, attempts), $3))
            WHERE id = ANY($1::bigint[])`,
          [rowIds, message, MAX_BACKOFF_SECONDS],
        );
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
