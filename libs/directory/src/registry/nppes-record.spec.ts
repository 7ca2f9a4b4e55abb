import { compareWithRegistry, parseNppesAnswer } from './nppes-record';

const individual = {
  result_count: 1,
  results: [
    {
      number: 1234567893,
      enumeration_type: 'NPI-1',
      basic: { first_name: 'ANA', last_name: 'GARCÍA', credential: 'M.D.', status: 'A' },
      taxonomies: [
        { code: '207Q00000X', desc: 'Family Medicine', primary: true, state: 'FL', license: 'ME123' },
        { code: '208D00000X', desc: 'General Practice', primary: false, state: 'GA' },
      ],
      addresses: [
        { address_purpose: 'MAILING', state: 'NY' },
        { address_purpose: 'LOCATION', state: 'FL' },
      ],
    },
  ],
};

describe('parseNppesAnswer', () => {
  it('reads an individual record: name with credential, active, primary taxonomy, practice and license states', () => {
    expect(parseNppesAnswer(individual)).toEqual({
      npi: '1234567893',
      kind: 'INDIVIDUAL',
      name: 'ANA GARCÍA, M.D.',
      active: true,
      primaryTaxonomy: { code: '207Q00000X', description: 'Family Medicine', state: 'FL' },
      states: ['FL', 'GA'],
    });
  });
  it('reads an organization and an empty answer', () => {
    const org = parseNppesAnswer({
      results: [{ number: '1', enumeration_type: 'NPI-2', basic: { organization_name: 'ACME CLINIC', status: 'D' } }],
    });
    expect(org).toMatchObject({ kind: 'ORGANIZATION', name: 'ACME CLINIC', active: false, primaryTaxonomy: null });
    expect(parseNppesAnswer({ result_count: 0, results: [] })).toBeNull();
  });
  it('throws on a registry error or an unexpected answer', () => {
    expect(() => parseNppesAnswer({ Errors: [{ description: 'Field number must be 10 digits' }] })).toThrow(
      /must be 10 digits/,
    );
    expect(() => parseNppesAnswer('<html>')).toThrow(/unexpected format/);
  });
});

describe('compareWithRegistry', () => {
  const record = parseNppesAnswer(individual)!;
  it('matches names without titles, case or accents, and compares taxonomy and states', () => {
    expect(
      compareWithRegistry({ displayName: 'Dr. Ana Garcia', taxonomyCode: '207Q00000X', states: ['fl'] }, record),
    ).toEqual({ nameMatches: true, taxonomyMatches: true, stateMatches: true, active: true });
  });
  it('says when the name, taxonomy or state differ, and null when the provider gave none', () => {
    expect(
      compareWithRegistry({ displayName: 'Bob Smith', taxonomyCode: '208D00000X', states: ['TX'] }, record),
    ).toEqual({ nameMatches: false, taxonomyMatches: false, stateMatches: false, active: true });
    expect(compareWithRegistry({ displayName: 'Ana Garcia', taxonomyCode: null, states: [] }, record)).toMatchObject({
      taxonomyMatches: null,
      stateMatches: null,
    });
  });
});
