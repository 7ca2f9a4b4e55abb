import { distanceKm, Gazetteer, type GeoPoint } from './index';

describe('Gazetteer.zipsWithin', () => {
  const gazetteer = Gazetteer.shared();

  /** The brute-force answer: every ZIP code from 00000 to 99999 that the gazetteer knows, measured one by one. */
  function scan(point: GeoPoint, km: number) {
    const found: { zip: string; km: number }[] = [];
    for (let n = 0; n < 100_000; n++) {
      const place = gazetteer.lookupZip(String(n).padStart(5, '0'));
      if (place && distanceKm(point, place) <= km) found.push({ zip: place.zip, km: distanceKm(point, place) });
    }
    return found.sort((a, b) => a.km - b.km || a.zip.localeCompare(b.zip));
  }

  it('lists exactly the ZIP codes within the radius, nearest first, as a scan of every ZIP would', () => {
    const miami = gazetteer.lookupZip('33130')!;
    const found = gazetteer.zipsWithin(miami, 40);
    expect(found).toEqual(scan(miami, 40));
    expect(found.length).toBeGreaterThan(50);
    expect(found[0]).toEqual({ zip: '33130', km: 0 });
  });

  it('is as exact far north, where degrees of longitude are short, and across many grid cells', () => {
    const anchorage = gazetteer.lookupZip('99501')!;
    const found = gazetteer.zipsWithin(anchorage, 150);
    expect(found).toEqual(scan(anchorage, 150));
    expect(found.length).toBeGreaterThan(20);
  });

  it('finds nothing in the open ocean', () => {
    expect(gazetteer.zipsWithin({ latitude: 30, longitude: -60 }, 50)).toEqual([]);
  });
});
