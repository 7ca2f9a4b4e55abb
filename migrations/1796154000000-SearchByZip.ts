import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search documents place a location by its ZIP code instead of a geo point (the index no longer keeps geo data):
 * every therapist is queued for the search index so each document gains its `postalCode`. Until the worker has
 * delivered them, radius searches find only the therapists already re-delivered; `npm run reindex` does it at once.
 */
export class SearchByZip1796154000000 implements MigrationInterface {
  name = 'SearchByZip1796154000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO "search_outbox" ("therapist_id") SELECT "id" FROM "therapists"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO "search_outbox" ("therapist_id") SELECT "id" FROM "therapists"`);
  }
}
