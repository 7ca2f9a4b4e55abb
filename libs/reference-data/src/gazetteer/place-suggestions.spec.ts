import { editDistance, PlaceSuggester } from './place-suggestions';

describe('PlaceSuggester', () => {
  const suggester = PlaceSuggester.shared();
  const labels = (text: string, first?: number) => suggester.suggest(text, first).map((p) => p.label);

  it('suggests the city a typo meant', () => {
    expect(labels('Miamy')[0]).toBe('Miami, FL');
    expect(labels('Miamy, FL')[0]).toBe('Miami, FL');
    expect(labels('Cincinatti, OH')[0]).toBe('Cincinnati, OH');
    expect(labels('Sacremento')).toContain('Sacramento, CA');
  });

  it('completes prefixes for type-ahead, the most prominent first', () => {
    expect(labels('Sacra')[0]).toBe('Sacramento, CA');
    expect(labels('3313')[0]).toMatch(/^3313\d Miami, FL$/);
  });

  it('keeps to the state given', () => {
    expect(labels('Portlnd, ME').every((label) => label.endsWith(', ME'))).toBe(true);
  });

  it('answers nothing for nonsense, markup or empty text, and caps the count', () => {
    expect(labels('')).toEqual([]);
    expect(labels('<script>alert(1)</script>').length).toBeLessThanOrEqual(5);
    expect(labels('qqqqqqqqqqqq')).toEqual([]);
    expect(labels('San', 100).length).toBe(20);
    expect(labels('x'.repeat(10_000))).toEqual([]);
  });

  it('measures edit distance with transpositions', () => {
    expect(editDistance('miami', 'miamy', 2)).toBe(1);
    expect(editDistance('maimi', 'miami', 2)).toBe(1);
    expect(editDistance('abc', 'xyzuvw', 2)).toBe(3);
  });
});
