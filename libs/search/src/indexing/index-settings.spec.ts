import { buildSynonyms } from './index-settings';

describe('buildSynonyms', () => {
  const synonyms = buildSynonyms([
    { name: 'Carpal tunnel syndrome', synonyms: ['CTS', 'carpal tunnel'] },
    { name: 'Adhesive capsulitis', synonyms: ['frozen shoulder'] },
  ]);

  it('makes every name and synonym of an entry stand for the others', () => {
    expect(synonyms.cts).toEqual(['carpal tunnel', 'carpal tunnel syndrome']);
    expect(synonyms['frozen shoulder']).toEqual(['adhesive capsulitis']);
    expect(synonyms['adhesive capsulitis']).toEqual(['frozen shoulder']);
  });

  it('links conditions to the techniques that treat them', () => {
    expect(synonyms.lymphedema).toEqual(
      expect.arrayContaining(['mld', 'manual lymphatic drainage', 'lymphatic drainage']),
    );
    expect(synonyms['trigger point']).toContain('neuromuscular therapy');
  });
});
