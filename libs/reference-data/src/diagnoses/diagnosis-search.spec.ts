import { searchDiagnoses } from './diagnosis-search';

const DIAGNOSES = [
  { code: 'G56.0', description: 'Carpal tunnel syndrome', billable: false },
  { code: 'G56.00', description: 'Carpal tunnel syndrome, unspecified upper limb', billable: true },
  { code: 'G56.01', description: 'Carpal tunnel syndrome, right upper limb', billable: true },
  { code: 'M75.01', description: 'Adhesive capsulitis of right shoulder', billable: true },
  { code: 'M54.50', description: 'Low back pain, unspecified', billable: true },
];
const CONDITIONS = [{ name: 'Adhesive capsulitis', synonyms: ['frozen shoulder'], icd10Codes: ['M75.0'] }];
const codes = (text: string, first = 10) => searchDiagnoses(DIAGNOSES, CONDITIONS, text, first).map((d) => d.code);

describe('searchDiagnoses', () => {
  it('finds codes by prefix, with or without the dot, shortest first', () => {
    expect(codes('G56')).toEqual(['G56.0', 'G56.00', 'G56.01']);
    expect(codes('g5601')).toEqual(['G56.01']);
  });
  it('finds codes by the start of each word of the description, billable first', () => {
    expect(codes('carpal')).toEqual(['G56.00', 'G56.01', 'G56.0']);
    expect(codes('carp right')).toEqual(['G56.01']);
  });
  it("finds codes by the conditions' patient words", () => {
    expect(codes('frozen shoulder')).toEqual(['M75.01']);
  });
  it('stops at `first` and finds nothing for blank or unknown text', () => {
    expect(codes('carpal', 1)).toEqual(['G56.00']);
    expect(codes('   ')).toEqual([]);
    expect(codes('zebra')).toEqual([]);
  });
});
