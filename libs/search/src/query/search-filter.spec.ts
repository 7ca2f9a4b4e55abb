import { buildFilter } from './search-filter';

const base = {
  zips: null,
  radiusKm: 40,
  conditionIds: [],
  techniqueIds: [],
  networkIds: [],
  languages: [],
  practiceContext: null,
  acceptingNewPatients: null,
  verifiedOnly: true,
  today: 20261128,
};

describe('buildFilter', () => {
  it('keeps to verified therapists whose verification still holds today by default', () => {
    expect(buildFilter(base)).toEqual(['licenseVerified = true AND licensedThrough >= 20261128']);
  });

  it('combines every criterion, a radius being the ZIP codes within it', () => {
    expect(
      buildFilter({
        ...base,
        verifiedOnly: false,
        zips: ['33130', '33131'],
        conditionIds: ['lymphedema', 'scoliosis'],
        languages: ['es'],
        practiceContext: 'MEDICAL',
        acceptingNewPatients: false,
      }),
    ).toEqual([
      'conditionIds IN ["lymphedema", "scoliosis"]',
      'languages IN ["es"]',
      'practiceContexts = "MEDICAL"',
      'acceptingNewPatients = false',
      'postalCode IN ["33130", "33131"]',
    ]);
  });

  it('quotes values so they cannot change the expression', () => {
    expect(buildFilter({ ...base, verifiedOnly: false, networkIds: ['x" OR verified = false'] })).toEqual([
      'networkIds IN ["x\\" OR verified = false"]',
    ]);
  });
});
