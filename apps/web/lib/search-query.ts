// The /search URL contract: parsing (every parameter validated, bad values dropped with a message) and building.

export type RawParams = Record<string, string | string[] | undefined>;
export type Sort = 'relevance' | 'distance' | 'reputation';
export type Context = 'medical' | 'wellness';

export const RADIUS_MILES = [5, 10, 25, 50, 100, 200] as const;
export const DEFAULT_RADIUS = 25;
export const MAX_TEXT = 200;
export const MAX_PLACE = 100;
export const MAX_PAGE = 1000;
export const PAGE_SIZE = 20;

export interface SearchQuery {
  q: string;
  near: string;
  radius: number;
  conditions: string[];
  techniques: string[];
  networks: string[];
  languages: string[];
  accepting: boolean;
  context: Context | null;
  sort: Sort;
  page: number;
  verifiedOnly: boolean;
}

export interface KnownIds {
  conditions: ReadonlySet<string>;
  techniques: ReadonlySet<string>;
  networks: ReadonlySet<string>;
}

function all(raw: RawParams, name: string): string[] {
  const value = raw[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}

function one(raw: RawParams, name: string): string {
  return all(raw, name)[0] ?? '';
}

// Control characters never belong in a search; markup is harmless (React escapes it) and kept as typed.
function clean(text: string, max: number): { text: string; shortened: boolean } {
  const stripped = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: stripped.slice(0, max), shortened: stripped.length > max };
}

function known(values: string[], ids: ReadonlySet<string>, what: string, notes: string[]): string[] {
  const kept = [...new Set(values)].filter((v) => ids.has(v)).slice(0, 20);
  if (kept.length < new Set(values).size) notes.push(`We ignored ${what} filter we don't recognise.`);
  return kept;
}

/** Reads /search's parameters; `notes` tells the person what was ignored or changed, so nothing fails silently. */
export function parseSearchQuery(raw: RawParams, ids: KnownIds): { query: SearchQuery; notes: string[] } {
  const notes: string[] = [];
  const q = clean(one(raw, 'q'), MAX_TEXT);
  if (q.shortened) notes.push(`Your search was shortened to its first ${MAX_TEXT} characters.`);
  const near = clean(one(raw, 'near'), MAX_PLACE);
  if (near.shortened) notes.push(`The place was shortened to its first ${MAX_PLACE} characters.`);

  let radius = DEFAULT_RADIUS;
  const rawRadius = one(raw, 'radius');
  if (rawRadius !== '') {
    const value = Number(rawRadius);
    if ((RADIUS_MILES as readonly number[]).includes(value)) radius = value;
    else notes.push(`The distance must be one of ${RADIUS_MILES.join(', ')} miles; we used ${DEFAULT_RADIUS}.`);
  }

  let page = 1;
  const rawPage = one(raw, 'page');
  if (rawPage !== '') {
    const value = Number(rawPage);
    if (Number.isInteger(value) && value >= 1 && value <= MAX_PAGE) page = value;
    else notes.push('That page number does not exist; here is the first page.');
  }

  let sort: Sort = 'relevance';
  const rawSort = one(raw, 'sort');
  if (rawSort === 'distance' || rawSort === 'reputation' || rawSort === 'relevance') sort = rawSort;
  else if (rawSort !== '') notes.push('We sorted by best match: that sort order is unknown.');
  if (sort === 'distance' && near.text === '') {
    sort = 'relevance';
    notes.push('Sorting by distance needs a place; we sorted by best match.');
  }

  const rawContext = one(raw, 'context');
  const context = rawContext === 'medical' || rawContext === 'wellness' ? rawContext : null;
  if (rawContext !== '' && context === null) notes.push('We ignored an unknown practice type.');

  const languages = [...new Set(all(raw, 'language'))].filter((l) => /^[a-z]{2,3}$/.test(l)).slice(0, 10);
  if (languages.length < new Set(all(raw, 'language')).size) notes.push(`We ignored a language we don't recognise.`);

  return {
    query: {
      q: q.text,
      near: near.text,
      radius,
      conditions: known(all(raw, 'condition'), ids.conditions, 'a condition', notes),
      techniques: known(all(raw, 'technique'), ids.techniques, 'a technique', notes),
      networks: known(all(raw, 'network'), ids.networks, 'a network', notes),
      languages,
      accepting: one(raw, 'accepting') === '1',
      context,
      sort,
      page,
      verifiedOnly: one(raw, 'verified') !== '0',
    },
    notes,
  };
}

/** The canonical /search URL of a query (defaults left out), with `changes` applied. */
export function searchHref(query: SearchQuery, changes: Partial<SearchQuery> = {}): string {
  const q = { ...query, ...changes };
  const params = new URLSearchParams();
  if (q.q) params.set('q', q.q);
  if (q.near) params.set('near', q.near);
  if (q.radius !== DEFAULT_RADIUS) params.set('radius', String(q.radius));
  for (const id of q.conditions) params.append('condition', id);
  for (const id of q.techniques) params.append('technique', id);
  for (const id of q.networks) params.append('network', id);
  for (const code of q.languages) params.append('language', code);
  if (q.accepting) params.set('accepting', '1');
  if (q.context) params.set('context', q.context);
  if (q.sort !== 'relevance') params.set('sort', q.sort);
  if (!q.verifiedOnly) params.set('verified', '0');
  if (q.page > 1) params.set('page', String(q.page));
  const text = params.toString();
  return text ? `/search?${text}` : '/search';
}

export function hasFilters(query: SearchQuery): boolean {
  return (
    query.conditions.length + query.techniques.length + query.networks.length + query.languages.length > 0 ||
    query.accepting ||
    query.context !== null
  );
}
