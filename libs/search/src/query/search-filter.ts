export interface SearchCriteria {
  /** The ZIP codes within the radius of the place asked for (null: anywhere). Never empty: see EngineQuery. */
  zips: readonly string[] | null;
  conditionIds: string[];
  techniqueIds: string[];
  networkIds: string[];
  languages: string[];
  practiceContext: string | null;
  acceptingNewPatients: boolean | null;
  verifiedOnly: boolean;
  /** yyyymmdd of today, so a license that lapsed since the last index update no longer counts. */
  today: number;
}

/** Meilisearch filter values are quoted; ids and codes never contain quotes, but escape anyway. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function anyOf(attribute: string, values: string[]): string | null {
  return values.length === 0 ? null : `${attribute} IN [${values.map(quote).join(', ')}]`;
}

/** Turns the patient's criteria into a Meilisearch filter expression (AND of the given parts). */
export function buildFilter(criteria: SearchCriteria): string[] {
  const parts = [
    // Verified search considers licensed locations only: the radius and distances use them alone.
    criteria.verifiedOnly ? `licenseVerified = true AND licensedThrough >= ${criteria.today}` : null,
    anyOf('conditionIds', criteria.conditionIds),
    anyOf('techniqueIds', criteria.techniqueIds),
    anyOf('networkIds', criteria.networkIds),
    anyOf('languages', criteria.languages),
    criteria.practiceContext ? `practiceContexts = ${quote(criteria.practiceContext)}` : null,
    criteria.acceptingNewPatients === null ? null : `acceptingNewPatients = ${criteria.acceptingNewPatients}`,
    // Locations sit at their ZIP's centroid, so this is the radius exactly.
    criteria.zips ? anyOf('postalCode', [...criteria.zips]) : null,
  ];
  return parts.filter((p): p is string => p !== null);
}
