import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Index, Task } from 'meilisearch';
import { ReferenceDataService } from '@mmn/reference-data';
import { type TherapistDocument, therapistDocuments } from '../documents/therapist-document';
import { TherapistProjection } from '../documents/therapist-projection';
import { IndexVersion } from '../query/index-version';
import { SearchEngine } from '../search-engine';
import { buildSynonyms, therapistIndexSettings } from './index-settings';
import type { EntityManager } from 'typeorm';

// Polled often: a delivery is waited for by the outbox row it marks done (and by the index lag it adds).
const TASK_WAIT = { timeout: 30_000, interval: 10 };

function assertSucceeded(task: Task): void {
  if (task.status !== 'succeeded')
    throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? 'no detail'}`);
}

/** The therapists index: its settings, and delivering full current documents for a set of therapists. */
@Injectable()
export class TherapistIndex implements OnApplicationBootstrap {
  private readonly logger = new Logger(TherapistIndex.name);
  private ready?: Promise<void>;

  constructor(
    private readonly engine: SearchEngine,
    private readonly projection: TherapistProjection,
    private readonly referenceData: ReferenceDataService,
    private readonly version: IndexVersion,
  ) {}

  /**
   * Creates the index and applies the settings at start, so searches work on an empty directory and changed
   * settings take effect at once. Not awaited: with Meilisearch down the API still starts, and the next delivery
   * or search retries.
   */
  onApplicationBootstrap(): void {
    this.ensureReady().catch((error: unknown) =>
      this.logger.warn(`search index not ready yet: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  get liveName(): string {
    return this.engine.indexName('therapists');
  }

  index(name = this.liveName): Index<TherapistDocument> {
    return this.engine.client.index<TherapistDocument>(name);
  }

  /** Creates the live index if missing and applies the settings from code; retried until it works once. */
  ensureReady(): Promise<void> {
    this.ready ??= this.prepare(this.liveName).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async prepare(name: string): Promise<void> {
    const exists = await this.engine.client
      .getRawIndex(name)
      .then(() => true)
      .catch((error: { cause?: { code?: string } }) => {
        if (error?.cause?.code === 'index_not_found') return false;
        throw error;
      });
    if (!exists) assertSucceeded(await this.engine.client.createIndex(name, { primaryKey: 'id' }).waitTask(TASK_WAIT));
    assertSucceeded(
      await this.index(name)
        .updateSettings(await this.settings())
        .waitTask(TASK_WAIT),
    );
    this.logger.log(`search index ${name} ready`);
  }

  async settings() {
    const [conditions, techniques] = await Promise.all([
      this.referenceData.conditions(),
      this.referenceData.techniques(),
    ]);
    return therapistIndexSettings(buildSynonyms([...conditions, ...techniques]));
  }

  /**
   * Sends the FULL current documents of these therapists (or deletes them when suspended or gone) and waits
   * until Meilisearch reports success. Documents are replaced in place first; only surplus location
   * documents are deleted afterwards, so a therapist never disappears in between.
   */
  async deliver(therapistIds: readonly string[], indexName = this.liveName, manager?: EntityManager): Promise<void> {
    if (therapistIds.length === 0) return;
    if (indexName === this.liveName) await this.ensureReady();
    const vocabulary = await this.projection.vocabulary();
    const therapists = await this.projection.load(therapistIds, manager);
    const documents = therapists.flatMap((t) => therapistDocuments(t, vocabulary));
    const index = this.index(indexName);
    if (documents.length > 0) {
      assertSucceeded(await index.addDocuments(documents, { primaryKey: 'id' }).waitTask(TASK_WAIT));
      if (indexName === this.liveName) this.version.changed();
    }
    const counts = new Map(therapistIds.map((id) => [id, 0]));
    for (const doc of documents) counts.set(doc.therapistId, (counts.get(doc.therapistId) ?? 0) + 1);
    const filter = [...counts]
      .map(([id, count]) => `(therapistId = "${id}" AND locationOrdinal >= ${count})`)
      .join(' OR ');
    // Every write task costs Meilisearch a commit; look first (a cheap read) and delete only when there is surplus.
    const surplus = await index.search('', { filter, limit: 0 });
    if (surplus.estimatedTotalHits === 0) return;
    assertSucceeded(await index.deleteDocuments({ filter }).waitTask(TASK_WAIT));
    if (indexName === this.liveName) this.version.changed();
  }
}
