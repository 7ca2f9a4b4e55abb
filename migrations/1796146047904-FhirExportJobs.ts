import type { MigrationInterface, QueryRunner } from 'typeorm';

/** FHIR bulk $export jobs of the public directory (their NDJSON files live under the data directory). */
export class FhirExportJobs1796146047904 implements MigrationInterface {
  name = 'FhirExportJobs1796146047904';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "fhir_export_jobs" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "status" text NOT NULL, "types" text array NOT NULL, "since" TIMESTAMP WITH TIME ZONE, "base_url" text NOT NULL, "request_url" text NOT NULL, "transaction_time" TIMESTAMP WITH TIME ZONE, "output" jsonb, "error" text, "heartbeat_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_05315d3358117e979bae33bf380" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "fhir_export_jobs_status_idx" ON "fhir_export_jobs"  ("status", "heartbeat_at") ');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."fhir_export_jobs_status_idx"');
    await q.query('DROP TABLE "fhir_export_jobs"');
  }
}
