/**
 * The naive engine setup the API is measured against (npm run bench:search) and checked against
 * (nearest-first.e2e-spec): the same documents in a second index that also holds each
 * location's point (`_geo`, from its ZIP code), with `_geo` filterable and sortable, asked today's request with a
 * `_geoRadius` filter and a `_geoPoint` sort. Documents are copied in the live index's own order, so both indexes
 * break ties the same way.
 */
import type { SearchParams } from 'meilisearch';
import { Gazetteer } from '@mmn/reference-data';
import { SearchEngine, type SearchRequest, type TherapistDocument, TherapistIndex, TherapistSort } from '@mmn/search';
import type { INestApplication } from '@nestjs/common';

/** Today's request, as a team would send it to an index with geo data: `_geoRadius` and `_geoPoint`. */
export function naiveRequest(r: SearchRequest): SearchParams & { q: string } {
  const filter = (r.params.filter as string[]).filter((part) => !part.startsWith('postalCode IN'));
  const at = r.point ? `${r.point.latitude}, ${r.point.longitude}` : null;
  if (at) filter.push(`_geoRadius(${at}, ${Math.round(r.radiusKm * 1000)})`);
  const geo = at ? [`_geoPoint(${at}):asc`] : [];
  const reputation = at ? 'localReputationScore:desc' : 'reputationScore:desc';
  const params = { q: r.text, ...r.params, filter } as SearchParams & { q: string };
  delete params.sort;
  if (r.sort === TherapistSort.DISTANCE || (r.sort === TherapistSort.RELEVANCE && r.text === ''))
    params.sort = [...geo, reputation];
  if (r.sort === TherapistSort.REPUTATION) params.sort = [reputation, ...geo];
  return params;
}

/** Builds the naive index beside the live one; returns its name. */
export async function buildNaiveIndex(app: INestApplication, log = console.log): Promise<string> {
  const live = app.get(TherapistIndex);
  const name = `${live.liveName}_naive`;
  const client = app.get(SearchEngine).client;
  await client.createIndex(name, { primaryKey: 'id' }).waitTask({ timeout: 60_000 });
  const settings = await live.settings();
  await client
    .index(name)
    .updateSettings({
      ...settings,
      filterableAttributes: ['_geo', ...(settings.filterableAttributes as string[])],
      sortableAttributes: ['_geo', ...(settings.sortableAttributes ?? [])],
    })
    .waitTask({ timeout: 60_000 });
  const gazetteer = Gazetteer.shared();
  const started = Date.now();
  const tasks: number[] = [];
  const batch = 5000;
  for (let offset = 0; ; offset += batch) {
    const page = await live.index().getDocuments<TherapistDocument>({ offset, limit: batch });
    const documents = page.results.map((d) => {
      const place = d.postalCode ? gazetteer.lookupZip(d.postalCode) : null;
      return place ? { ...d, _geo: { lat: place.latitude, lng: place.longitude } } : d;
    });
    if (documents.length > 0) tasks.push((await client.index(name).addDocuments(documents)).taskUid);
    if (page.results.length < batch) break;
  }
  // Tasks run in order: wait for the last one (one poll loop), then confirm they all succeeded.
  if (tasks.length > 0) await client.tasks.waitForTask(tasks[tasks.length - 1], { timeout: 600_000, interval: 1000 });
  for (const uid of tasks) {
    const task = await client.tasks.getTask(uid);
    if (task.status !== 'succeeded') throw new Error(`naive index task ${uid} ${task.status}: ${task.error?.message}`);
  }
  log(`Naive index (the same documents with _geo) built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return name;
}
