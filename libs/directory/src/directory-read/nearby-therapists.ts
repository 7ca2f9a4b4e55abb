import type { NearPoint } from './directory-criteria';

/** Verified therapists with a licensed location within `km`, nearest first, one page of them. */
export interface NearbyQuery extends NearPoint {
  /** Any of these networks (a verified membership in effect today); null: any. */
  networkIds: string[] | null;
  limit: number;
  offset: number;
}

/**
 * A faster answer to a plain near-search than SQL: the search engine's (bound by the search library, which the
 * directory's readers may not import). `null` means "not for this query, or unavailable": read from SQL instead.
 */
export interface NearbyTherapists {
  find(query: NearbyQuery): Promise<{ ids: string[]; total: number } | null>;
}

export const NEARBY_THERAPISTS = Symbol('NEARBY_THERAPISTS');
