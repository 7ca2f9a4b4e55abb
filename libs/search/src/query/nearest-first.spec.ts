import {
  byDistance,
  byReputationThenDistance,
  firstPerTherapist,
  nearestZips,
  type PlacedDocument,
} from './nearest-first';

const zips = [
  { zip: '33130', km: 0 },
  { zip: '33131', km: 1.2 },
  { zip: '33129', km: 1.2 },
  { zip: '33133', km: 4.5 },
  { zip: '33134', km: 7 },
];
const kmOf = new Map(zips.map((z) => [z.zip, z.km]));
const doc = (therapistId: string, postalCode: string | null, localReputationScore = 0): PlacedDocument => ({
  therapistId,
  postalCode,
  localReputationScore,
});

describe('nearestZips', () => {
  it('takes the nearest ZIP codes until their counts reach what is needed', () => {
    expect(nearestZips(zips, { '33130': 3, '33131': 1, '33129': 1, '33133': 9 }, 3)).toEqual(['33130']);
    expect(nearestZips(zips, { '33130': 3, '33133': 9 }, 4)).toEqual(['33130', '33131', '33129', '33133']);
  });

  it('takes ZIP codes at the same distance together', () => {
    expect(nearestZips(zips, { '33130': 1, '33131': 1 }, 2)).toEqual(['33130', '33131', '33129']);
  });

  it('takes them all when the counts never reach the need', () => {
    expect(nearestZips(zips, { '33130': 1 }, 20)).toEqual(zips.map((z) => z.zip));
  });
});

describe('byDistance', () => {
  it('orders nearest first and keeps the engine order among documents at the same distance', () => {
    const engineOrder = [doc('a', '33133', 9), doc('b', '33130', 5), doc('c', '33131', 5), doc('d', '33130', 1)];
    expect(byDistance(engineOrder, kmOf).map((d) => d.therapistId)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('puts documents without a known place last', () => {
    expect(byDistance([doc('x', null, 9), doc('y', '33134')], kmOf).map((d) => d.therapistId)).toEqual(['y', 'x']);
  });
});

describe('byReputationThenDistance', () => {
  it('orders by reputation, then nearest first, then engine order', () => {
    const engineOrder = [doc('a', '33133', 9), doc('b', '33134', 5), doc('c', '33130', 5), doc('d', '33130', 5)];
    expect(byReputationThenDistance(engineOrder, kmOf).map((d) => d.therapistId)).toEqual(['a', 'c', 'd', 'b']);
  });
});

describe('firstPerTherapist', () => {
  it('keeps each therapist at their first document and skips those already placed', () => {
    const ordered = [doc('a', '33130'), doc('b', '33130'), doc('a', '33131'), doc('c', '33133'), doc('b', '33134')];
    expect(firstPerTherapist(ordered, new Set())).toEqual(['a', 'b', 'c']);
    expect(firstPerTherapist(ordered, new Set(['b']))).toEqual(['a', 'c']);
  });
});
