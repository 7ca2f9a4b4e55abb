import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who resolved a listing problem report (the administrators' console). */
export class ListingProblemResolution1796147407801 implements MigrationInterface {
  name = 'ListingProblemResolution1796147407801';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "listing_problem_reports" ADD "resolved_by" uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "listing_problem_reports" DROP COLUMN "resolved_by"');
  }
}
