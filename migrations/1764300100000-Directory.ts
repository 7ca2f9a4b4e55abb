import type { MigrationInterface, QueryRunner } from 'typeorm';

const VERIFICATION_COLUMNS = `
      "status" text NOT NULL,
      "verified_at" TIMESTAMP WITH TIME ZONE,
      "verified_by" uuid,
      "verification_source" text,
      "verification_note" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`;

/** Therapist and provider profiles, credentials, practice locations, change history and the search outbox. */
export class Directory1764300100000 implements MigrationInterface {
  name = 'Directory1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "therapists" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "display_name" text NOT NULL,
      "credential_letters" text,
      "bio" text,
      "languages" text array NOT NULL,
      "practice_contexts" text array NOT NULL,
      "treatment_intentions" text array NOT NULL,
      "accepting_new_patients" boolean NOT NULL DEFAULT false,
      "bills_insurance" boolean NOT NULL DEFAULT false,
      "condition_ids" text array NOT NULL,
      "technique_ids" text array NOT NULL,
      "referring_providers" integer NOT NULL DEFAULT 0,
      "completed_referrals" integer NOT NULL DEFAULT 0,
      "endorsement_count" integer NOT NULL DEFAULT 0,
      "suspended_at" TIMESTAMP WITH TIME ZONE,
      "suspension_reason" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_therapists" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "therapists_user_id_key" ON "therapists" ("user_id")`);
    await q.query(
      `ALTER TABLE "therapists" ADD CONSTRAINT "therapists_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "providers" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "display_name" text NOT NULL,
      "npi" text,
      "taxonomy_code" text,
      "specialty" text,
      "organization" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_providers" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "providers_user_id_key" ON "providers" ("user_id")`);
    await q.query(`CREATE UNIQUE INDEX "providers_npi_key" ON "providers" ("npi")`);
    await q.query(
      `ALTER TABLE "providers" ADD CONSTRAINT "providers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "licenses" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "therapist_id" uuid NOT NULL,
      "state" text NOT NULL,
      "license_number" text NOT NULL,
      "issued_on" date,
      "expires_on" date NOT NULL,${VERIFICATION_COLUMNS},
      CONSTRAINT "PK_licenses" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "licenses_therapist_idx" ON "licenses" ("therapist_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "licenses_therapist_state_number_key" ON "licenses" ("therapist_id", "state", "license_number")`,
    );

    await q.query(`CREATE TABLE "certifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "therapist_id" uuid NOT NULL,
      "name" text NOT NULL,
      "issuer" text NOT NULL,
      "issued_on" date,
      "expires_on" date,${VERIFICATION_COLUMNS},
      CONSTRAINT "PK_certifications" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "certifications_therapist_idx" ON "certifications" ("therapist_id")`);

    await q.query(`CREATE TABLE "network_memberships" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "therapist_id" uuid NOT NULL,
      "network_id" text NOT NULL,
      "effective_from" date NOT NULL,
      "effective_to" date,${VERIFICATION_COLUMNS},
      CONSTRAINT "PK_network_memberships" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "network_memberships_therapist_idx" ON "network_memberships" ("therapist_id")`);

    await q.query(`CREATE TABLE "practice_locations" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "therapist_id" uuid,
      "provider_id" uuid,
      "label" text,
      "address_line" text NOT NULL,
      "city" text NOT NULL,
      "state" text NOT NULL,
      "postal_code" text NOT NULL,
      "latitude" double precision NOT NULL,
      "longitude" double precision NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_practice_locations" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "practice_locations_therapist_idx" ON "practice_locations" ("therapist_id")`);
    await q.query(`CREATE INDEX "practice_locations_provider_idx" ON "practice_locations" ("provider_id")`);

    for (const [table, column, target] of [
      ['licenses', 'therapist_id', 'therapists'],
      ['certifications', 'therapist_id', 'therapists'],
      ['network_memberships', 'therapist_id', 'therapists'],
      ['practice_locations', 'therapist_id', 'therapists'],
      ['practice_locations', 'provider_id', 'providers'],
    ]) {
      await q.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${column}_fkey" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
      );
    }

    await q.query(`CREATE TABLE "profile_changes" (
      "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "therapist_id" uuid,
      "provider_id" uuid,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "actor_id" uuid NOT NULL,
      "entity" text NOT NULL,
      "entity_id" uuid NOT NULL,
      "field" text NOT NULL,
      "old_value" text,
      "new_value" text,
      CONSTRAINT "PK_profile_changes" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "profile_changes_therapist_idx" ON "profile_changes" ("therapist_id", "at")`);
    await q.query(`CREATE INDEX "profile_changes_provider_idx" ON "profile_changes" ("provider_id", "at")`);

    await q.query(`CREATE TABLE "search_outbox" (
      "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "therapist_id" uuid NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "processed_at" TIMESTAMP WITH TIME ZONE,
      "attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "last_error" text,
      CONSTRAINT "PK_search_outbox" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "search_outbox_pending_idx" ON "search_outbox" ("processed_at", "next_attempt_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'search_outbox',
      'profile_changes',
      'practice_locations',
      'network_memberships',
      'certifications',
      'licenses',
      'providers',
      'therapists',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
