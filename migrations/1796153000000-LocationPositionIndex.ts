import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Near-searches in SQL (FHIR `location.near`, HSDS `proximity`) narrow by a latitude/longitude box first. */
export class LocationPositionIndex1796153000000 implements MigrationInterface {
  name = 'LocationPositionIndex1796153000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "practice_locations_position_idx" ON "practice_locations" ("latitude", "longitude")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "practice_locations_position_idx"');
  }
}
