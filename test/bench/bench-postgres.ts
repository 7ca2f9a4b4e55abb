/**
 * The alternative a team would build without a search engine: the same query mix answered by PostgreSQL alone, as a
 * fair, indexed implementation that lives in the benchmark only. One row per practice location (as the search
 * documents), earthdistance on `cube` for the radius (GiST on the point, bounding box first), pg_trgm word
 * similarity for typo-tolerant text (GIN trigram index on names, patient words, city and bio), GIN on the filter
 * arrays, exact totals and facet counts over distinct therapists, one statement per search.
 */
import { Pool } from 'pg';
import type { GeoPoint } from '@mmn/reference-data';
import { type TherapistSearchInput, TherapistSort } from '@mmn/search';
import { performance } from 'perf_hooks';

const SEARCH_TABLE = `
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DROP TABLE IF EXISTS bench_pg_search;
CREATE TABLE bench_pg_search AS
SELECT t.id AS therapist_id, ll_to_earth(pl.latitude, pl.longitude) AS earth,
       t.condition_ids, t.technique_ids, t.languages, t.practice_contexts, t.accepting_new_patients,
       t.referring_providers * 100 + t.endorsement_count * 10 + t.completed_referrals AS reputation,
       coalesce((SELECT array_agg(DISTINCT m.network_id) FROM network_memberships m
                  WHERE m.therapist_id = t.id AND m.status = 'VERIFIED' AND m.effective_from <= current_date
                    AND (m.effective_to IS NULL OR m.effective_to >= current_date)), '{}') AS network_ids,
       (SELECT max(l.expires_on) FROM licenses l WHERE l.therapist_id = t.id AND upper(l.state) = upper(pl.state)
           AND l.status = 'VERIFIED') AS licensed_through,
       lower(concat_ws(' ', t.display_name, t.credential_letters, pl.city, t.bio,
         (SELECT string_agg(c.name || ' ' || array_to_string(c.synonyms, ' '), ' ') FROM conditions c WHERE c.id = ANY(t.condition_ids)),
         (SELECT string_agg(k.name || ' ' || array_to_string(k.synonyms, ' '), ' ') FROM techniques k WHERE k.id = ANY(t.technique_ids))
       )) AS search_text
  FROM therapists t JOIN practice_locations pl ON pl.therapist_id = t.id
 WHERE t.suspended_at IS NULL;
CREATE INDEX ON bench_pg_search USING gist (earth);
CREATE INDEX ON bench_pg_search USING gin (search_text gin_trgm_ops);
CREATE INDEX ON bench_pg_search USING gin (condition_ids);
CREATE INDEX ON bench_pg_search USING gin (technique_ids);
CREATE INDEX ON bench_pg_search USING gin (languages);
CREATE INDEX ON bench_pg_search USING gin (network_ids);
ANALYZE bench_pg_search;`;

const ORDER: Record<string, string> = {
  [TherapistSort.DISTANCE]: 'd, reputation DESC, therapist_id',
  [TherapistSort.REPUTATION]: 'reputation DESC, d, therapist_id',
  text: 'sim DESC, d, reputation DESC, therapist_id',
  [TherapistSort.RELEVANCE]: 'd, reputation DESC, therapist_id',
};

export class PostgresSearch {
  private readonly pool: Pool;

  constructor(url: string) {
    this.pool = new Pool({ connectionString: url, max: 16 });
    // Idle connections are cut when the scratch database stops; that is not an error of the run.
    this.pool.on('error', () => undefined);
  }

  /** Builds the search table and its indexes; returns the seconds it took (its "full index" time). */
  async prepare(): Promise<number> {
    const t0 = performance.now();
    await this.pool.query(SEARCH_TABLE);
    return (performance.now() - t0) / 1000;
  }

  /** One search: exact total and facet counts over distinct therapists, one page of ids. */
  async search(input: TherapistSearchInput, point: GeoPoint | null): Promise<{ total: number; hits: string[] }> {
    const values: unknown[] = [];
    const p = (v: unknown) => `$${values.push(v)}`;
    const where = ['licensed_through >= current_date'];
    let distance = '0::float8';
    if (point) {
      const here = `ll_to_earth(${p(point.latitude)}, ${p(point.longitude)})`;
      const metres = p((input.radiusKm ?? 40) * 1000);
      distance = `earth_distance(earth, ${here})`;
      where.push(`earth_box(${here}, ${metres}) @> earth`, `${distance} <= ${metres}`);
    }
    if (input.conditionIds?.length) where.push(`condition_ids && ${p(input.conditionIds)}::text[]`);
    if (input.techniqueIds?.length) where.push(`technique_ids && ${p(input.techniqueIds)}::text[]`);
    if (input.networkIds?.length) where.push(`network_ids && ${p(input.networkIds)}::text[]`);
    if (input.languages?.length) where.push(`languages && ${p(input.languages)}::text[]`);
    if (input.acceptingNewPatients != null) where.push(`accepting_new_patients = ${p(input.acceptingNewPatients)}`);
    const text = input.text?.trim().toLowerCase() ?? '';
    const sim = text ? `word_similarity(${p(text)}, search_text)` : '0::float4';
    if (text) where.push(`$${values.length} <% search_text`);
    const sort = input.sort ?? TherapistSort.RELEVANCE;
    const order = sort === TherapistSort.RELEVANCE && text ? ORDER.text : ORDER[sort];
    const pageSize = input.pageSize ?? 20;
    const offset = ((input.page ?? 1) - 1) * pageSize;
    const facet = (column: string) =>
      `(SELECT coalesce(json_object_agg(v, n), '{}') FROM (SELECT unnest(${column}) AS v, count(*) AS n FROM best GROUP BY 1) f)`;
    const sql = `
      WITH matched AS (
        SELECT therapist_id, ${distance} AS d, reputation, ${sim} AS sim, condition_ids, technique_ids, network_ids, languages
          FROM bench_pg_search WHERE ${where.join(' AND ')}),
      best AS (SELECT DISTINCT ON (therapist_id) * FROM matched ORDER BY therapist_id, sim DESC, d)
      SELECT (SELECT count(*) FROM best)::int AS total,
             (SELECT coalesce(json_agg(therapist_id), '[]') FROM
               (SELECT therapist_id FROM best ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}) h) AS hits,
             ${facet('condition_ids')} AS conditions, ${facet('technique_ids')} AS techniques,
             ${facet('network_ids')} AS networks, ${facet('languages')} AS languages`;
    const { rows } = await this.pool.query<{ total: number; hits: string[] }>(sql, values);
    return rows[0];
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
