import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reputation with local doctors: per therapist location, the distinct verified prescribers with a practice location
 * within 50 km who sent this therapist a referral they accepted. Backfilled here, and the therapists whose
 * reputation counts anything are queued for the search index so their documents carry the local figure.
 */
export class LocalReputation1796152000000 implements MigrationInterface {
  name = 'LocalReputation1796152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "practice_locations" ADD "local_referring_providers" integer NOT NULL DEFAULT 0');
    await q.query(
      `UPDATE "practice_locations" tl SET "local_referring_providers" = (
         SELECT count(DISTINCT r."provider_id") FROM "referral_events" e JOIN "referrals" r ON r."id" = e."referral_id"
         JOIN "providers" p ON p."id" = r."provider_id" AND p."npi_status" = 'VERIFIED'
         WHERE e."therapist_id" = tl."therapist_id" AND e."type" = 'ACCEPTED'
           AND EXISTS (SELECT 1 FROM "practice_locations" pl WHERE pl."provider_id" = r."provider_id"
             AND 2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(pl.latitude - tl.latitude) / 2), 2)
               + cos(radians(tl.latitude)) * cos(radians(pl.latitude)) * power(sin(radians(pl.longitude - tl.longitude) / 2), 2)))) <= 50))
       WHERE tl."therapist_id" IS NOT NULL`,
    );
    await q.query(
      `INSERT INTO "search_outbox" ("therapist_id")
       SELECT "id" FROM "therapists" WHERE "referring_providers" > 0 OR "completed_referrals" > 0 OR "endorsement_count" > 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "practice_locations" DROP COLUMN "local_referring_providers"');
  }
}
