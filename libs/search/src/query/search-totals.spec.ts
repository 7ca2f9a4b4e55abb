import { Coalescer, pageOnlyParams, SearchTotalsCache, totalsKey } from './search-totals';

const params = { filter: ['a = 1'], facets: ['languages'], page: 3, hitsPerPage: 20, matchingStrategy: 'all' as const };

describe('search totals', () => {
  it('keys a search by what decides its matches, not by page or sort', () => {
    const key = totalsKey('neck', params);
    expect(totalsKey('neck', { ...params, page: 1, hitsPerPage: 50, sort: ['reputationScore:desc'] })).toBe(key);
    expect(totalsKey('neck', { ...params, filter: ['a = 2'] })).not.toBe(key);
    expect(totalsKey('back', params)).not.toBe(key);
    expect(totalsKey('neck', { ...params, matchingStrategy: 'last' })).not.toBe(key);
  });

  it('asks for one page by offset and limit, without facets or exhaustive paging', () => {
    expect(pageOnlyParams(params, 3, 20)).toEqual({
      filter: ['a = 1'],
      matchingStrategy: 'all',
      offset: 40,
      limit: 20,
    });
  });

  it('forgets every count when the index version changes, and keeps a bounded number', () => {
    const cache = new SearchTotalsCache(2);
    const totals = { totalHits: 3, facetDistribution: {} };
    cache.set('a', 'v1', totals);
    expect(cache.get('a', 'v1')).toBe(totals);
    expect(cache.get('a', 'v2')).toBeUndefined();
    cache.set('b', 'v2', totals);
    expect(cache.get('a', 'v2')).toBeUndefined();
    cache.set('c', 'v2', totals);
    cache.set('d', 'v2', totals);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 'v2')).toBeUndefined();
  });

  it('neither finds nor keeps counts when the index version is unknown', () => {
    const cache = new SearchTotalsCache();
    const totals = { totalHits: 3, facetDistribution: {} };
    cache.set('a', 'v1', totals);
    cache.set('b', null, totals);
    expect(cache.get('a', null)).toBeUndefined();
    expect(cache.get('b', 'v1')).toBeUndefined();
    expect(cache.get('a', 'v1')).toBe(totals);
    expect(cache.size).toBe(1);
  });

  it('shares one call among identical concurrent requests', async () => {
    const coalescer = new Coalescer<number>();
    let calls = 0;
    const call = () => new Promise<number>((resolve) => setTimeout(() => resolve(++calls), 5));
    const [a, b] = await Promise.all([coalescer.run('k', call), coalescer.run('k', call)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    expect(await coalescer.run('k', call)).toBe(2);
  });
});
