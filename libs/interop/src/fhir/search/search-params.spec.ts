import { BadUserInputError } from '@mmn/errors';
import { anyOf, parseDateBounds, parseNear, parseSearch, parseToken, referenceId } from './search-params';
import { searchsetBundle } from './bundle';

const definition = { params: { name: 'string', _id: 'token', near: 'near' }, include: ['A:b'] } as const;

describe('FHIR search parameters', () => {
  it('parses paging, includes and values; refuses unknown parameters unless lenient', () => {
    const parsed = parseSearch(
      { name: 'ann', _id: ['a,b', 'b'], _count: '5', _offset: '10', _include: 'A:b' },
      definition,
    );
    expect(parsed).toMatchObject({ count: 5, offset: 10, include: ['A:b'] });
    expect(anyOf(parsed, '_id', (v) => v)).toEqual(['b']);
    expect(() => parseSearch({ shoe: '9' }, definition)).toThrow(BadUserInputError);
    expect(parseSearch({ shoe: '9' }, definition, true).values.size).toBe(0);
    for (const count of ['0', '101', 'x', '1.5'])
      expect(() => parseSearch({ _count: count }, definition)).toThrow(/_count/);
    expect(() => parseSearch({ _include: 'A:c' }, definition)).toThrow(/_include/);
  });

  it('parses tokens and references', () => {
    expect(parseToken('http://nucc.org/provider-taxonomy|225700000X')).toEqual({
      system: 'http://nucc.org/provider-taxonomy',
      code: '225700000X',
    });
    expect(parseToken('225700000X')).toEqual({ system: undefined, code: '225700000X' });
    expect(referenceId('Location/abc', 'Location')).toBe('abc');
    expect(referenceId('https://x.test/fhir/Location/abc', 'Location')).toBe('abc');
    expect(referenceId('abc', 'Location')).toBe('abc');
    expect(referenceId('Organization/abc', 'Location')).toBe('');
  });

  it('turns date prefixes into bounds at the value’s precision', () => {
    expect(parseDateBounds('_lastUpdated', 'gt2025-01-31')).toEqual([
      { op: 'ge', at: new Date('2025-02-01T00:00:00Z') },
    ]);
    expect(parseDateBounds('_lastUpdated', 'le2025-01')).toEqual([{ op: 'lt', at: new Date('2025-02-01T00:00:00Z') }]);
    expect(parseDateBounds('_lastUpdated', '2025')).toEqual([
      { op: 'ge', at: new Date('2025-01-01T00:00:00Z') },
      { op: 'lt', at: new Date('2026-01-01T00:00:00Z') },
    ]);
    expect(() => parseDateBounds('_lastUpdated', 'yesterday')).toThrow(BadUserInputError);
  });

  it('parses near with units and limits', () => {
    expect(parseNear('near', '25.7|-80.2|10|mi').km).toBeCloseTo(16.09, 2);
    expect(parseNear('near', '25.7|-80.2')).toEqual({ latitude: 25.7, longitude: -80.2, km: 50 });
    for (const bad of ['25.7', '91|0|1|km', '0|0|1|parsec', '0|0|900|km', '0|0|-1|km'])
      expect(() => parseNear('near', bad)).toThrow(BadUserInputError);
  });

  it('builds a searchset with total, links and match/include modes, each resource once', () => {
    const search = parseSearch({ name: 'ann', _count: '1' }, definition);
    const bundle = searchsetBundle('http://h/fhir', 'Practitioner', search, {
      matches: [{ resourceType: 'Practitioner', id: 'p1' }],
      includes: [
        { resourceType: 'Practitioner', id: 'p1' },
        { resourceType: 'Location', id: 'l1' },
      ],
      total: 2,
    });
    expect(bundle.total).toBe(2);
    expect(bundle.entry!.map((e) => [e.fullUrl, e.search!.mode])).toEqual([
      ['http://h/fhir/Practitioner/p1', 'match'],
      ['http://h/fhir/Location/l1', 'include'],
    ]);
    expect(bundle.link!.find((l) => l.relation === 'next')!.url).toBe(
      'http://h/fhir/Practitioner?name=ann&_count=1&_offset=1',
    );
  });
});
