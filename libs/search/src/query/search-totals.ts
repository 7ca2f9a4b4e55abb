import type { SearchParams } from 'meilisearch';

/** What a search counts: the same for every page and every sort order of one search. */
export interface SearchTotals {
  totalHits: number;
  facetDistribution: Record<string, Record<string, number>>;
}

/**
 * The key of a search's totals: everything that decides WHICH therapists match (text, filter, matching strategy,
 * facet list), and nothing that only orders or pages them (sort, page, page size).
 */
export function totalsKey(text: string, params: SearchParams): string {
  return JSON.stringify([text, params.filter ?? null, params.matchingStrategy ?? null, params.facets ?? null]);
}

/**
 * The request for one page when the totals are already known: limit/offset instead of page/hitsPerPage, and no
 * facets. Meilisearch then stops ranking once it has the page (distinct applied lazily) instead of de-duplicating
 * every match to count them exactly, which is about half the work of a search at 100,000 therapists. The hits and
 * their order are the same: paging mode changes counting, not ranking.
 */
export function pageOnlyParams(params: SearchParams, page: number, pageSize: number): SearchParams {
  const rest: SearchParams = { ...params };
  delete rest.facets;
  delete rest.page;
  delete rest.hitsPerPage;
  return { ...rest, offset: (page - 1) * pageSize, limit: pageSize };
}

/**
 * Exact totals of recent searches, valid for one version of the index (its `updatedAt`): any change to the index
 * starts a new version, so a cached count is never one the engine would no longer give. An unknown version (null:
 * the engine could not say) neither finds nor keeps anything. Bounded (least recently used out first): it holds
 * counts, never documents, so it does not grow with the directory.
 */
export class SearchTotalsCache {
  private version: string | null = null;
  private readonly entries = new Map<string, SearchTotals>();

  constructor(private readonly maxEntries = 1000) {}

  get(key: string, version: string | null): SearchTotals | undefined {
    if (version === null || version !== this.version) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, version: string | null, totals: SearchTotals): void {
    if (version === null) return;
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    this.entries.set(key, totals);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
    this.version = null;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Identical concurrent requests share one engine call. */
export class Coalescer<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, call: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = call().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }
}
