import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { generateTherapists, readVocabulary, seedDirectory } from '@mmn/demo';
import {
  ReindexService,
  SearchEngine,
  type TherapistSearchInput,
  TherapistSearchService,
  TherapistSort,
} from '@mmn/search';
import { createTestApp, type TestApp } from '@mmn/testing';
import { buildNaiveIndex, naiveRequest } from './naive-index';

interface Answer {
  hits: { therapistId: string }[];
  totalHits: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

const sorted = (facets: Record<string, Record<string, number>> = {}) =>
  JSON.stringify(
    Object.keys(facets)
      .sort()
      .map((k) => [k, Object.entries(facets[k]).sort()]),
  );

// Radius and distance orders come from ZIP codes, not from geo data in the index. They must give exactly what an
// index with geo points gives for a `_geoRadius` filter and `_geoPoint` sort: the same therapists, in the same
// order on every page (many share a ZIP code, some practise in two), with the same totals and facet counts.
describe('nearest-first search against an index with geo points', () => {
  let t: TestApp;
  let naive: string;

  const ask = async (input: TherapistSearchInput) => {
    const service = t.app.get(TherapistSearchService);
    const engine = t.app.get(SearchEngine);
    const request = service.buildRequest(input);
    const expected = (await engine.client.index(naive).search(null, naiveRequest(request))) as unknown as Answer;
    const got = await service.query(request);
    return { expected, got };
  };

  beforeAll(async () => {
    t = await createTestApp({ runSearchWorker: false });
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const vocabulary = await readVocabulary(dataSource);
    // Miami (metro 1 of 30) and Fort Lauderdale (metro 29), about 40 km apart: a few hundred therapists in two
    // dozen ZIP codes, some with a second office.
    const therapists = generateTherapists(3000, 11, vocabulary).filter((_, i) => i % 30 === 0 || i % 30 === 28);
    await seedDirectory(dataSource, { therapists, providers: [], passwordHash: 'not-used' });
    // Local reputation from 0 to 3 per location, so reputation orders have ties inside and across ZIP codes.
    await dataSource.query(
      `UPDATE practice_locations SET local_referring_providers = abs(hashtext(id::text)) % 4 WHERE therapist_id IS NOT NULL`,
    );
    await t.app.get(ReindexService).rebuild();
    naive = await buildNaiveIndex(t.app, () => undefined);
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  const searches: [string, TherapistSearchInput][] = [
    ['nearest first', { near: 'Miami, FL', sort: TherapistSort.DISTANCE }],
    ['nearest first across both cities', { near: '33139', radiusKm: 80, sort: TherapistSort.DISTANCE }],
    ['nearest first, Spanish speakers', { near: 'Miami, FL', sort: TherapistSort.DISTANCE, languages: ['es'] }],
    ['reputation, then nearest', { near: 'Miami, FL', radiusKm: 80, sort: TherapistSort.REPUTATION }],
    [
      'reputation of those accepting patients',
      { near: '33301', sort: TherapistSort.REPUTATION, acceptingNewPatients: true },
    ],
    ['relevance without words (nearest first)', { near: 'Fort Lauderdale, FL' }],
    ['words near a place', { near: 'Miami, FL', text: 'lymphedema', radiusKm: 80 }],
    ['words, nearest first', { near: 'Miami, FL', text: 'back pain', sort: TherapistSort.DISTANCE }],
    ['by point, small radius', { latitude: 25.79, longitude: -80.2, radiusKm: 3, sort: TherapistSort.DISTANCE }],
    ['a wide radius (thousands of ZIP codes)', { near: 'Orlando, FL', radiusKm: 500, sort: TherapistSort.DISTANCE }],
    ['all therapists, not only verified', { near: 'Miami, FL', verifiedOnly: false, sort: TherapistSort.REPUTATION }],
  ];

  it.each(searches)('%s: the same pages, totals and facet counts', async (_, base) => {
    let seen = 0;
    for (const page of [1, 2, 3, 4, 9]) {
      const { expected, got } = await ask({ ...base, page, pageSize: 12 });
      expect(got.hits.map((h) => h.therapistId)).toEqual(expected.hits.map((h) => h.therapistId));
      expect(got.totalHits).toBe(expected.totalHits);
      expect(sorted(got.facetDistribution)).toEqual(sorted(expected.facetDistribution));
      seen += got.hits.length;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('finds nothing where no ZIP code is within the radius, and says so with empty counts', async () => {
    const { expected, got } = await ask({ latitude: 25.5, longitude: -79.5, radiusKm: 5 });
    expect(expected.totalHits).toBe(0);
    expect(got).toMatchObject({ hits: [], totalHits: 0 });
  });
});
