import type { ResolvedPlace } from './index';
import { Gazetteer, distanceKm, isUsStateCode, stateName, toStateCode } from './index';

describe('Gazetteer', () => {
  let gazetteer: Gazetteer;

  beforeAll(() => {
    gazetteer = Gazetteer.shared();
  });

  function resolve(query: string): Pick<ResolvedPlace, 'city' | 'state' | 'kind'> | null {
    const place = gazetteer.resolvePlace(query);
    return place && { city: place.city, state: place.state, kind: place.kind };
  }

  describe('loading', () => {
    it('returns one shared instance', () => {
      expect(Gazetteer.shared()).toBe(gazetteer);
    });

    it('accepts small inline text', () => {
      const small = new Gazetteer(
        [
          'US\t10001\tSmallville\tKansas\tKS\tClark\t025\t\t\t37.0\t-99.0\t4',
          'US\t09001\tAPO AA\t\t\t\t\t\t\t38.1\t15.6\t',
        ].join('\n'),
      );
      expect(small.lookupZip('10001')).toMatchObject({ city: 'Smallville', state: 'KS' });
      expect(small.lookupZip('09001')).toBeNull();
      expect(small.resolvePlace('smallville')).toMatchObject({ label: 'Smallville, KS', latitude: 37, longitude: -99 });
    });
  });

  describe('lookupZip', () => {
    it('finds Miami, FL for 33101', () => {
      expect(gazetteer.lookupZip('33101')).toEqual({
        zip: '33101',
        city: 'Miami',
        state: 'FL',
        county: 'Miami-Dade',
        latitude: expect.closeTo(25.78, 1),
        longitude: expect.closeTo(-80.2, 1),
      });
    });

    it('finds Cincinnati, OH for 45202', () => {
      expect(gazetteer.lookupZip('45202')).toMatchObject({ city: 'Cincinnati', state: 'OH' });
    });

    it('accepts ZIP+4 and surrounding whitespace', () => {
      expect(gazetteer.lookupZip(' 33101-1234 ')).toMatchObject({ zip: '33101', city: 'Miami' });
    });

    it.each(['00000', 'abc', '', '3310', '331011', '33101-12'])('returns null for %j', (zip) => {
      expect(gazetteer.lookupZip(zip)).toBeNull();
    });

    it('hands out copies, so callers cannot corrupt the index', () => {
      const place = gazetteer.lookupZip('33101');
      if (place) place.city = 'Changed';
      expect(gazetteer.lookupZip('33101')?.city).toBe('Miami');
    });
  });

  describe('resolvePlace', () => {
    it.each(['Miami, FL', 'miami fl', 'MIAMI,FL', 'Miami, Florida', 'miami  ,  florida.', '  Miami ,FL!  '])(
      'resolves %j to Miami, FL',
      (query) => {
        expect(gazetteer.resolvePlace(query)).toMatchObject({
          label: 'Miami, FL',
          city: 'Miami',
          state: 'FL',
          kind: 'city',
        });
      },
    );

    it('uses the mean of the city ZIP points as its coordinates', () => {
      const miami = gazetteer.resolvePlace('Miami, FL');
      expect(miami?.latitude).toBeCloseTo(25.77, 1);
      expect(miami?.longitude).toBeCloseTo(-80.26, 1);
    });

    it('resolves a ZIP code to its own point', () => {
      expect(gazetteer.resolvePlace('33101')).toEqual({
        label: '33101 Miami, FL',
        city: 'Miami',
        state: 'FL',
        kind: 'zip',
        latitude: 25.7791,
        longitude: -80.1978,
      });
      expect(resolve('45202-1234')).toEqual({ city: 'Cincinnati', state: 'OH', kind: 'zip' });
    });

    describe('without a state, picks the city+state with the most ZIP codes', () => {
      it.each([
        ['Miami', 'FL'],
        ['Cincinnati', 'OH'],
        ['Portland', 'OR'],
      ])('%s -> %s', (query, state) => {
        expect(resolve(query)).toEqual({ city: query, state, kind: 'city' });
      });

      it('still honours an explicit state', () => {
        expect(resolve('Miami, OK')).toEqual({ city: 'Miami', state: 'OK', kind: 'city' });
        expect(resolve('Portland, Maine')).toEqual({ city: 'Portland', state: 'ME', kind: 'city' });
      });
    });

    it.each([
      ['New York, NY', 'New York', 'NY'],
      ['New York New York', 'New York', 'NY'],
      ['salt lake city ut', 'Salt Lake City', 'UT'],
      ['Fort Lauderdale', 'Fort Lauderdale', 'FL'],
      ['Kansas City, Kansas', 'Kansas City', 'KS'],
      ['Charleston, West Virginia', 'Charleston', 'WV'],
    ])('resolves multi-word %j', (query, city, state) => {
      expect(resolve(query)).toEqual({ city, state, kind: 'city' });
    });

    it.each(['St. Louis', 'St Louis', 'Saint Louis, MO', 'st louis mo', 'ST. LOUIS, MISSOURI', 'St.Louis'])(
      'treats St./Saint alike in %j',
      (query) => {
        expect(resolve(query)).toEqual({ city: 'Saint Louis', state: 'MO', kind: 'city' });
      },
    );

    it('treats St./Saint alike for St. Petersburg', () => {
      expect(resolve('St. Petersburg, FL')).toEqual({ city: 'Saint Petersburg', state: 'FL', kind: 'city' });
    });

    it('matches data spelled "St" from a query spelled "Saint"', () => {
      const abbreviated = gazetteer.resolvePlace('St John');
      expect(abbreviated).not.toBeNull();
      expect(gazetteer.resolvePlace('Saint John')).toEqual(abbreviated);
    });

    it('treats Ft./Fort and Mt./Mount alike', () => {
      expect(resolve('Ft. Lauderdale, FL')).toEqual({ city: 'Fort Lauderdale', state: 'FL', kind: 'city' });
      expect(resolve('ft lauderdale')).toEqual({ city: 'Fort Lauderdale', state: 'FL', kind: 'city' });
      expect(resolve('Mt. Vernon, NY')).toEqual({ city: 'Mount Vernon', state: 'NY', kind: 'city' });
      expect(resolve('mount vernon ny')).toEqual({ city: 'Mount Vernon', state: 'NY', kind: 'city' });
    });

    it('reads MT as Montana, not Mount, at the end of a query', () => {
      expect(resolve('Helena, MT')).toEqual({ city: 'Helena', state: 'MT', kind: 'city' });
    });

    it('ignores apostrophes and spacing in names', () => {
      expect(resolve("O'Fallon, MO")).toEqual({ city: 'O Fallon', state: 'MO', kind: 'city' });
      expect(resolve('coeur dalene id')).toEqual({ city: "Coeur d'Alene", state: 'ID', kind: 'city' });
    });

    it.each(['', '   ', ',,', 'Nowhereville', 'Nowhereville, FL', 'Miami, ZZ', '00000', 'Cincinnati, FL'])(
      'returns null for %j',
      (query) => {
        expect(gazetteer.resolvePlace(query)).toBeNull();
      },
    );
  });

  describe('cityExistsInState', () => {
    it('accepts codes and names in any case', () => {
      expect(gazetteer.cityExistsInState('Miami', 'FL')).toBe(true);
      expect(gazetteer.cityExistsInState('miami', 'florida')).toBe(true);
      expect(gazetteer.cityExistsInState('Cincinnati', 'oh')).toBe(true);
    });

    it('normalises names like resolvePlace', () => {
      expect(gazetteer.cityExistsInState('St. Louis', 'MO')).toBe(true);
      expect(gazetteer.cityExistsInState('Ft Lauderdale', 'FL')).toBe(true);
      expect(gazetteer.cityExistsInState('  new   york ', 'NY')).toBe(true);
    });

    it('rejects wrong states, unknown cities and bad input', () => {
      expect(gazetteer.cityExistsInState('Cincinnati', 'FL')).toBe(false);
      expect(gazetteer.cityExistsInState('Nowhereville', 'FL')).toBe(false);
      expect(gazetteer.cityExistsInState('Miami', 'ZZ')).toBe(false);
      expect(gazetteer.cityExistsInState('', 'FL')).toBe(false);
    });
  });
});

describe('distanceKm', () => {
  it('is about 1540 km from Miami to Cincinnati', () => {
    const gazetteer = Gazetteer.shared();
    const miami = gazetteer.lookupZip('33101');
    const cincinnati = gazetteer.lookupZip('45202');
    if (!miami || !cincinnati) throw new Error('reference ZIPs missing');
    expect(Math.abs(distanceKm(miami, cincinnati) - 1540)).toBeLessThan(15);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { latitude: 40.7, longitude: -74 };
    const b = { latitude: 34.05, longitude: -118.24 };
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
  });

  it('gives half the earth circumference for antipodes', () => {
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(
      Math.PI * 6371.0088,
      6,
    );
  });
});

describe('US states', () => {
  it.each(['FL', 'fl', ' oh ', 'DC', 'PR', 'VI', 'GU', 'AS', 'MP'])('accepts %j', (code) => {
    expect(isUsStateCode(code)).toBe(true);
  });

  it.each(['', 'ZZ', 'F', 'FLA', 'Florida'])('rejects %j', (code) => {
    expect(isUsStateCode(code)).toBe(false);
  });

  it('names states by code', () => {
    expect(stateName('fl')).toBe('Florida');
    expect(stateName('DC')).toBe('District of Columbia');
    expect(stateName('ZZ')).toBeNull();
  });

  it('converts names and codes to codes', () => {
    expect(toStateCode('west virginia')).toBe('WV');
    expect(toStateCode('OH')).toBe('OH');
    expect(toStateCode('Atlantis')).toBeNull();
  });
});
