import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import type { ParsedSearch } from './search-params';

export interface SearchPage {
  matches: Resource[];
  includes: Resource[];
  total: number;
}

/** The URL of a search with the given parameters (in a stable order) and paging. */
export function searchUrl(base: string, type: string, search: ParsedSearch, offset: number): string {
  const query = new URLSearchParams(search.canonical);
  query.set('_count', String(search.count));
  if (offset > 0) query.set('_offset', String(offset));
  return `${base}/${type}?${query.toString()}`;
}

const entry = (base: string, resource: Resource, mode: 'match' | 'include'): BundleEntry => ({
  fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
  resource,
  search: { mode },
});

/** A searchset Bundle: matches then includes (each once), total, and self/first/previous/next links. */
export function searchsetBundle(base: string, type: string, search: ParsedSearch, page: SearchPage): Bundle {
  const link: BundleLink[] = [
    { relation: 'self', url: searchUrl(base, type, search, search.offset) },
    { relation: 'first', url: searchUrl(base, type, search, 0) },
  ];
  if (search.offset > 0)
    link.push({ relation: 'previous', url: searchUrl(base, type, search, Math.max(0, search.offset - search.count)) });
  if (search.offset + page.matches.length < page.total && page.matches.length > 0)
    link.push({ relation: 'next', url: searchUrl(base, type, search, search.offset + search.count) });
  const seen = new Set(page.matches.map((r) => `${r.resourceType}/${r.id}`));
  const includes = page.includes.filter((r) => {
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: new Date().toISOString(),
    total: page.total,
    link,
    entry: [...page.matches.map((r) => entry(base, r, 'match')), ...includes.map((r) => entry(base, r, 'include'))],
  };
}
