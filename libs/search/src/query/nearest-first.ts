import type { ZipDistance } from '@mmn/reference-data';

/**
 * Distance orders without geo data in the index. Every location sits at its ZIP code's centroid, so ordering
 * documents by distance is ordering their ZIP codes by distance; Meilisearch orders the rest. These are the pure
 * rules; EngineQuery runs them against the engine.
 */

/** What a nearest-first read needs of each document (retrieved with `distinct: id`: every document, not one per therapist). */
export interface PlacedDocument {
  therapistId: string;
  postalCode: string | null;
  localReputationScore: number;
}

/**
 * The nearest ZIP codes that hold at least `needed` therapists, by counts of one document per therapist (facet
 * counts under `distinct: therapistId`): a therapist counted elsewhere may also practise in these, so they hold at
 * least that many therapists, and the `needed` nearest therapists all practise in them. ZIP codes at the same
 * distance go in together. Returns all of them when the counts never reach `needed`.
 */
export function nearestZips(zips: readonly ZipDistance[], counts: Record<string, number>, needed: number): string[] {
  let sum = 0;
  let end = 0;
  while (end < zips.length && sum < needed) {
    const km = zips[end].km;
    while (end < zips.length && zips[end].km === km) sum += counts[zips[end++].zip] ?? 0;
  }
  return zips.slice(0, end).map((z) => z.zip);
}

/**
 * Documents in engine order (localReputationScore descending, then Meilisearch's own rules, then its document
 * order) reordered nearest first, keeping engine order among equals: exactly the order of a sort by
 * `_geoPoint:asc, localReputationScore:desc` for documents at ZIP centroids.
 */
export function byDistance(documents: readonly PlacedDocument[], kmOf: ReadonlyMap<string, number>): PlacedDocument[] {
  return reordered(documents, kmOf, (a, b) => a.km - b.km);
}

/** The same for `localReputationScore:desc, _geoPoint:asc`: reputation first, nearest first among equals. */
export function byReputationThenDistance(
  documents: readonly PlacedDocument[],
  kmOf: ReadonlyMap<string, number>,
): PlacedDocument[] {
  return reordered(
    documents,
    kmOf,
    (a, b) => b.document.localReputationScore - a.document.localReputationScore || a.km - b.km,
  );
}

interface Measured {
  document: PlacedDocument;
  km: number;
}

/** Documents sorted by `compare`, each measured once (unknown places last), engine order kept among equals. */
function reordered(
  documents: readonly PlacedDocument[],
  kmOf: ReadonlyMap<string, number>,
  compare: (a: Measured, b: Measured) => number,
): PlacedDocument[] {
  return documents
    .map((document, position) => ({
      document,
      position,
      km: document.postalCode === null ? Infinity : (kmOf.get(document.postalCode) ?? Infinity),
    }))
    .sort((a, b) => compare(a, b) || a.position - b.position)
    .map((x) => x.document);
}

/** Each therapist once, at their first document (as `distinct: therapistId` does), skipping those already placed. */
export function firstPerTherapist(documents: readonly PlacedDocument[], placed: ReadonlySet<string>): string[] {
  const seen = new Set(placed);
  const ids: string[] = [];
  for (const document of documents) {
    if (seen.has(document.therapistId)) continue;
    seen.add(document.therapistId);
    ids.push(document.therapistId);
  }
  return ids;
}
