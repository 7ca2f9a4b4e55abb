import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reports of problems with a listing, from anyone, for administrators (reportListingProblem). */
export class ListingProblemReports1796144582948 implements MigrationInterface {
  name = 'ListingProblemReports1796144582948';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "listing_problem_reports" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "therapist_id" uuid NOT NULL, "category" text NOT NULL, "details" text NOT NULL, "contact_email" text, "client_ip" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution_note" text, CONSTRAINT "PK_8d1eee9d93e88e66755606385e0" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "listing_problem_reports_client_idx" ON "listing_problem_reports"  ("client_ip", "created_at") ',
    );
    await q.query(
      'CREATE INDEX "listing_problem_reports_open_idx" ON "listing_problem_reports"  ("created_at") WHERE resolved_at IS NULL',
    );
    await q.query(
      'ALTER TABLE "listing_problem_reports" ADD CONSTRAINT "listing_problem_reports_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "therapists"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "listing_problem_reports" DROP CONSTRAINT "listing_problem_reports_therapist_id_fkey"');
    await q.query('DROP INDEX "public"."listing_problem_reports_open_idx"');
    await q.query('DROP INDEX "public"."listing_problem_reports_client_idx"');
    await q.query('DROP TABLE "listing_problem_reports"');
  }
}
