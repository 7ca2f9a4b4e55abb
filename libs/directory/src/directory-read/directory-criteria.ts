/** A date bound for "last updated" filters: `gt` after, `ge` at or after, and so on. */
export interface UpdatedBound {
  op: 'gt' | 'ge' | 'lt' | 'le';
  at: Date;
}

export interface NearPoint {
  latitude: number;
  longitude: number;
  km: number;
}

/**
 * What a standards client (FHIR, HSDS) may filter the public directory by, in the directory's own words. Every
 * list is "any of"; absent means no filter. Text filters are case-insensitive prefixes of a word.
 */
export interface DirectoryCriteria {
  therapistIds?: string[];
  locationIds?: string[];
  networkIds?: string[];
  /** Any word of the display name starts with this. */
  name?: string;
  /** The last word of the display name (the family name) starts with this. */
  family?: string;
  /** A word before the last (a given name) starts with this. */
  given?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  near?: NearPoint;
  updated?: UpdatedBound[];
}

export interface DirectoryPage {
  offset: number;
  limit: number;
}

export interface DirectoryHits {
  ids: string[];
  total: number;
  /** For location searches: the therapist owning each location, in the same order as ids. */
  owners?: string[];
}
