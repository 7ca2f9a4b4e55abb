/**
 * `npm run bench:geo-cost [-- --documents 10000,115000 --updates 20]`
 *
 * What one search-document update costs Meilisearch, with and without geo data, by index size: the cause of the
 * outbox lag in `npm run bench:search`. For each size it builds two scratch indexes with the product's own settings
 * (one as shipped, with `_geo` filterable and sortable; one without `_geo`) from synthetic documents of the product's
 * shape, then sends one-document updates one at a time and prints the engine's own task durations (p50/p95/max).
 * Writes docs/bench/geo-update-cost.svg. Figures only: nothing here asserts timings.
 */
import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { MeiliSearch } from 'meilisearch';
import { startEmbeddedMeilisearch } from '@mmn/runtime';
import { buildSynonyms, therapistIndexSettings } from '@mmn/search';
import { writeChart } from './bench-chart';
import { ms, optionList, option, percentile, progress } from './bench-support';

const TASK_WAIT = { timeout: 900_000, interval: 25 };
const BATCH = 10_000;

function documentOf(i: number, withGeo: boolean, score = 0): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    id: `t${i}_0`,
    therapistId: `t${i}`,
    locationOrdinal: 0,
    displayName: `Therapist ${i} ${['Garcia', 'Nguyen', 'Smith', 'Okafor', 'Rossi'][i % 5]}`,
    bio: `Medical massage for condition ${i % 50} with technique ${i % 30}.`,
    city: `City ${i % 400}`,
    conditionIds: [`c${i % 50}`, `c${(i * 7) % 50}`],
    techniqueIds: [`k${i % 30}`],
    networkIds: [`n${i % 12}`],
    languages: i % 9 === 0 ? ['en', 'es'] : ['en'],
    practiceContexts: ['MEDICAL'],
    acceptingNewPatients: i % 5 !== 0,
    licenseVerified: true,
    licensedThrough: 20291231,
    reputationScore: score,
    localReputationScore: score,
  };
  if (withGeo) doc._geo = { lat: 25 + (i % 2_000) / 100, lng: -122 + (i % 5_000) / 100 };
  return doc;
}

async function measure(client: MeiliSearch, size: number, withGeo: boolean, updates: number): Promise<number[]> {
  const name = `geo_${withGeo ? 'on' : 'off'}_${size}`;
  await client.createIndex(name, { primaryKey: 'id' }).waitTask(TASK_WAIT);
  const settings = therapistIndexSettings(buildSynonyms([]));
  const strip = (attributes: string[]) => attributes.filter((a) => withGeo || a !== '_geo');
  await client
    .index(name)
    .updateSettings({
      ...settings,
      filterableAttributes: strip(settings.filterableAttributes as string[]),
      sortableAttributes: strip(settings.sortableAttributes as string[]),
    })
    .waitTask(TASK_WAIT);
  const started = performance.now();
  for (let from = 0; from < size; from += BATCH) {
    const docs = Array.from({ length: Math.min(BATCH, size - from) }, (_, k) => documentOf(from + k, withGeo));
    await client.index(name).addDocuments(docs).waitTask(TASK_WAIT);
    progress(`${name}: documents indexed`, Math.min(from + BATCH, size), size, started);
  }
  const durations: number[] = [];
  // The first updates after a bulk load also pay for the engine settling its new data: three are not counted.
  for (let k = -3; k < updates; k++) {
    const task = await client
      .index(name)
      .addDocuments([documentOf(k * 97, withGeo, k + 1)])
      .waitTask(TASK_WAIT);
    if (k >= 0) durations.push(new Date(task.finishedAt!).getTime() - new Date(task.startedAt!).getTime());
  }
  await client.deleteIndex(name).waitTask(TASK_WAIT);
  return durations.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const sizes = optionList('documents', [10_000, 115_000]).sort((a, b) => a - b);
  const updates = option('updates', 20);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmn-geo-cost-'));
  const masterKey = 'bench-geo-cost-master-key-0123456789';
  const meili = await startEmbeddedMeilisearch({ dataDir, masterKey });
  const client = new MeiliSearch({ host: meili.url, apiKey: masterKey });
  const rows: { size: number; geo: number[]; plain: number[] }[] = [];
  try {
    for (const size of sizes) {
      console.log(`\n${size.toLocaleString('en-US')} documents:`);
      const geo = await measure(client, size, true, updates);
      const plain = await measure(client, size, false, updates);
      rows.push({ size, geo, plain });
      const line = (label: string, d: number[]) =>
        `  ${label}: one-document update p50 ${ms(percentile(d, 50))} / p95 ${ms(percentile(d, 95))} / max ${ms(d[d.length - 1])}`;
      console.log(line('with _geo (as shipped)', geo));
      console.log(line('without _geo          ', plain));
      console.log(
        `  the geo data makes an update ${(percentile(geo, 50) / Math.max(1, percentile(plain, 50))).toFixed(1)}x as slow (p50); ` +
          `outbox freshness target < 1,000 ms per update: with _geo ${percentile(geo, 95) < 1000 ? 'within' : 'OVER'}, without ${percentile(plain, 95) < 1000 ? 'within' : 'OVER'}`,
      );
    }
  } finally {
    await meili.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const out = path.join(__dirname, '../../docs/bench/geo-update-cost.svg');
  writeChart(out, 'Meilisearch one-document update (engine task, p95) by index size', [
    { label: 'with _geo', color: '#b50909', points: rows.map((r) => ({ size: r.size, p95: percentile(r.geo, 95) })) },
    {
      label: 'without _geo',
      color: '#005ea2',
      points: rows.map((r) => ({ size: r.size, p95: percentile(r.plain, 95) })),
    },
  ]);
  console.log(`\nChart written to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
