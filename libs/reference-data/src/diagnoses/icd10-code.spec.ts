import { icd10Ancestors } from './icd10-code';

describe('icd10Ancestors', () => {
  it('walks up to the three-character category', () => {
    expect(icd10Ancestors('M54.50')).toEqual(['M54.5', 'M54']);
    expect(icd10Ancestors('S13.4XXA')).toEqual(['S13.4XX', 'S13.4X', 'S13.4', 'S13']);
    expect(icd10Ancestors('m79.1')).toEqual(['M79']);
  });
  it('has nothing above a category', () => {
    expect(icd10Ancestors('G54')).toEqual([]);
  });
});
