import { Injectable } from '@nestjs/common';
import { SearchEngine } from '../search-engine';

/** How long a read of the index's version is trusted: the longest a cached count can trail an index change. */
export const VERSION_CHECK_MS = 50;

/**
 * The version of the live index, for caches of search results: the index's `updatedAt`, which Meilisearch moves on
 * every change, read at most once per VERSION_CHECK_MS however many searches ask (one shared request). Deliveries
 * made by this process move it at once (`changed`); those of other processes within VERSION_CHECK_MS.
 */
@Injectable()
export class IndexVersion {
  private checkedAt = 0;
  private generation = 0;
  private current: Promise<string | null> | null = null;

  constructor(private readonly engine: SearchEngine) {}

  /** The current version, or null when it cannot be read (then nothing cached may be used). */
  get(): Promise<string | null> {
    const now = Date.now();
    if (!this.current || now - this.checkedAt >= VERSION_CHECK_MS) {
      this.checkedAt = now;
      const generation = this.generation;
      this.current = this.engine.searchClient
        .getRawIndex(this.engine.indexName('therapists'))
        .then((index) => `${index.updatedAt}#${generation}`)
        .catch(() => {
          this.checkedAt = 0;
          return null;
        });
    }
    return this.current;
  }

  /** This process changed the index: nothing read before may be used again. */
  changed(): void {
    this.generation++;
    this.current = null;
  }
}
