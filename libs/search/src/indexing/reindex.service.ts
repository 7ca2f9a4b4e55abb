import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { therapistDocuments } from '../documents/therapist-document';
import { TherapistProjection } from '../documents/therapist-projection';
import { IndexVersion } from '../query/index-version';
import { SearchEngine } from '../search-engine';
import { TherapistIndex } from './therapist-index';

export interface ReindexReport {
  therapists: number;
  documents: number;
  seconds: number;
  replayed: number;
}

/**
 * Rebuilds the whole index from PostgreSQL into a NEW index, swaps it with the live one atomically (searches
 * never see an empty or half-built index), then re-queues every therapist that changed meanwhile so the
 * worker brings the new live index up to date.
 */
@Injectable()
export class ReindexService {
  private readonly logger = new Logger(ReindexService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: SearchEngine,
    private readonly therapistIndex: TherapistIndex,
    private readonly projection: TherapistProjection,
    private readonly version: IndexVersion,
  ) {}

  async rebuild(batchSize = 2000): Promise<ReindexReport> {
    const started = Date.now();
    const [{ mark }] = await this.dataSource.query<{ mark: string }[]>(
      'SELECT coalesce(max(id), 0)::text AS mark FROM search_outbox',
    );
    const live = this.therapistIndex.liveName;
    const fresh = `${live}_rebuild_${Date.now()}`;
    await this.therapistIndex.prepare(fresh);
    const vocabulary = await this.projection.vocabulary();
    const tasks: number[] = [];
    let therapists = 0;
    let documents = 0;
    for await (const ids of this.projection.allIds(batchSize)) {
      const loaded = await this.projection.load(ids);
      const docs = loaded.flatMap((t) => therapistDocuments(t, vocabulary));
      therapists += loaded.length;
      documents += docs.length;
      if (docs.length > 0)
        tasks.push((await this.therapistIndex.index(fresh).addDocuments(docs, { primaryKey: 'id' })).taskUid);
    }
    for (const uid of tasks) {
      const task = await this.engine.client.tasks.waitForTask(uid, { timeout: 600_000, interval: 100 });
      if (task.status !== 'succeeded')
        throw new Error(`indexing task ${uid} ${task.status}: ${task.error?.message ?? ''}`);
    }
    await this.therapistIndex.ensureReady();
    const swap = await this.engine.client
      .swapIndexes([{ indexes: [live, fresh], rename: false }])
      .waitTask({ timeout: 60_000 });
    if (swap.status !== 'succeeded') throw new Error(`index swap ${swap.status}: ${swap.error?.message ?? ''}`);
    this.version.changed();
    await this.engine.client.deleteIndex(fresh).waitTask({ timeout: 60_000 });
    const replayed = await this.dataSource.query<unknown[]>(
      `INSERT INTO search_outbox (therapist_id)
       SELECT DISTINCT therapist_id FROM search_outbox WHERE id > $1::bigint RETURNING id`,
      [mark],
    );
    const report = { therapists, documents, seconds: (Date.now() - started) / 1000, replayed: replayed.length };
    this.logger.log(
      `reindexed ${therapists} therapists (${documents} documents) in ${report.seconds.toFixed(1)} s; replayed ${report.replayed}`,
    );
    return report;
  }
}
