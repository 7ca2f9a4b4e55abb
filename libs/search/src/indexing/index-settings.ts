import type { Settings } from 'meilisearch';

export interface SynonymSource {
  name: string;
  synonyms: string[];
}

/**
 * Patient words across vocabularies that the reference data cannot express on its own: a condition and the
 * technique that treats it.
 */
const CROSS_VOCABULARY: readonly string[][] = [
  ['lymphedema', 'mld', 'manual lymphatic drainage', 'lymphatic drainage'],
  ['trigger point', 'neuromuscular therapy', 'nmt', 'trigger point therapy'],
];

/** Mutual synonyms: every name and synonym of a condition or technique stands for all the others. */
export function buildSynonyms(sources: readonly SynonymSource[]): Record<string, string[]> {
  const groups = [...sources.map((s) => [s.name, ...s.synonyms]), ...CROSS_VOCABULARY];
  const synonyms = new Map<string, Set<string>>();
  for (const group of groups) {
    const words = [...new Set(group.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0))];
    for (const word of words) {
      const set = synonyms.get(word) ?? new Set<string>();
      for (const other of words) if (other !== word) set.add(other);
      synonyms.set(word, set);
    }
  }
  return Object.fromEntries(
    [...synonyms].filter(([, set]) => set.size > 0).map(([word, set]) => [word, [...set].sort()]),
  );
}

/** The index settings, applied at start (idempotent: Meilisearch only re-indexes when they change). */
export function therapistIndexSettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: [
      'conditionNames',
      'conditionTerms',
      'techniqueNames',
      'techniqueTerms',
      'displayName',
      'credentialLetters',
      'city',
      'bio',
    ],
    // No _geo: radius and distance come from the ZIP code (see TherapistDocument), so no geo tree to rewrite.
    filterableAttributes: [
      'id',
      'therapistId',
      'postalCode',
      'localReputationScore',
      'licenseVerified',
      'licensedThrough',
      'conditionIds',
      'techniqueIds',
      'networkIds',
      'languages',
      'practiceContexts',
      'acceptingNewPatients',
      'locationOrdinal',
    ],
    sortableAttributes: ['reputationScore', 'localReputationScore'],
    // "sort" first: an explicit DISTANCE or REPUTATION order is strict; RELEVANCE with text sends no sort.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    distinctAttribute: 'therapistId',
    synonyms,
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
    // Room for the ZIP codes of a wide radius: their counts size the nearest-first reads (query/nearest-first.ts).
    faceting: { maxValuesPerFacet: 3000 },
    // Word proximity per attribute rather than per word position: about a third less indexing work, and the
    // fields searched here are short lists of terms where exact word distance says little.
    proximityPrecision: 'byAttribute',
    // Facet values are listed with counts, never searched.
    facetSearch: false,
    // Searches are submitted whole words (typo tolerant), not typed-ahead prefixes. Keeping prefix data current
    // made single-document updates take 0.2-1.9 s on a 2-core machine instead of a steady ~0.15 s.
    prefixSearch: 'disabled',
    pagination: { maxTotalHits: 100_000 },
  };
}
