import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Referrals with prescriptions, their timeline and visits, claim throttling, notifications, endorsements and the audit log. */
export class Referrals1764300200000 implements MigrationInterface {
  name = 'Referrals1764300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "referrals" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "provider_id" uuid NOT NULL,
      "therapist_id" uuid,
      "status" text NOT NULL,
      "version" integer NOT NULL DEFAULT 1,
      "idempotency_key" text NOT NULL,
      "request_hash" text NOT NULL,
      "access_code_hash" text NOT NULL,
      "claimed_by" uuid,
      "patient_full_name" text NOT NULL,
      "patient_date_of_birth" date NOT NULL,
      "patient_email" text,
      "patient_phone" text,
      "diagnosis_codes" text array NOT NULL,
      "body_regions" text array NOT NULL,
      "visits_per_week" integer NOT NULL,
      "duration_weeks" integer NOT NULL,
      "visits_authorized" integer NOT NULL,
      "session_minutes" integer NOT NULL,
      "goals" text array NOT NULL,
      "precautions" text array NOT NULL,
      "contraindications" text array NOT NULL,
      "requested_technique_ids" text array NOT NULL,
      "prescription_notes" text,
      "prescriber_npi" text NOT NULL,
      "written_on" date NOT NULL,
      "expires_on" date NOT NULL,
      "visits_used" integer NOT NULL DEFAULT 0,
      "discharge_summary" text,
      "reached_mmi" boolean,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_referrals" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE UNIQUE INDEX "referrals_provider_idempotency_key" ON "referrals" ("provider_id", "idempotency_key")`,
    );
    await q.query(`CREATE UNIQUE INDEX "referrals_access_code_key" ON "referrals" ("access_code_hash")`);
    await q.query(`CREATE INDEX "referrals_provider_idx" ON "referrals" ("provider_id", "created_at")`);
    await q.query(`CREATE INDEX "referrals_therapist_idx" ON "referrals" ("therapist_id", "created_at")`);
    await q.query(`CREATE INDEX "referrals_claimed_by_idx" ON "referrals" ("claimed_by", "created_at")`);
    await q.query(`CREATE INDEX "referrals_expiry_idx" ON "referrals" ("status", "expires_on")`);
    await q.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "referrals_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "referrals_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "therapists"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "referrals_claimed_by_fkey" FOREIGN KEY ("claimed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "referral_events" (
      "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "referral_id" uuid NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "actor_id" uuid,
      "actor_role" text NOT NULL,
      "type" text NOT NULL,
      "from_status" text,
      "to_status" text,
      "note" text,
      "therapist_id" uuid,
      CONSTRAINT "PK_referral_events" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "referral_events_referral_idx" ON "referral_events" ("referral_id", "id")`);
    await q.query(`CREATE INDEX "referral_events_therapist_idx" ON "referral_events" ("therapist_id", "type")`);
    await q.query(
      `ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "visits" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "referral_id" uuid NOT NULL,
      "therapist_id" uuid NOT NULL,
      "occurred_on" date NOT NULL,
      "minutes" integer NOT NULL,
      "technique_ids" text array NOT NULL,
      "soap_note" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_visits" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "visits_referral_idx" ON "visits" ("referral_id", "occurred_on")`);
    await q.query(
      `ALTER TABLE "visits" ADD CONSTRAINT "visits_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "claim_failures" (
      "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "user_id" uuid NOT NULL,
      "referral_id" uuid,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_claim_failures" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "claim_failures_user_idx" ON "claim_failures" ("user_id", "at")`);
    await q.query(`CREATE INDEX "claim_failures_referral_idx" ON "claim_failures" ("referral_id", "at")`);

    await q.query(`CREATE TABLE "notification_outbox" (
      "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "recipient_user_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "referral_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "sent_at" TIMESTAMP WITH TIME ZONE,
      "attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "last_error" text,
      CONSTRAINT "PK_notification_outbox" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE INDEX "notification_outbox_pending_idx" ON "notification_outbox" ("sent_at", "next_attempt_at")`,
    );

    await q.query(`CREATE TABLE "endorsements" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "therapist_id" uuid NOT NULL,
      "provider_id" uuid NOT NULL,
      "note" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_endorsements" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE UNIQUE INDEX "endorsements_therapist_provider_key" ON "endorsements" ("therapist_id", "provider_id")`,
    );
    await q.query(
      `ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "therapists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "endorsements" ADD CONSTRAINT "endorsements_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "audit_log" (
      "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "actor_id" uuid,
      "actor_role" text NOT NULL,
      "action" text NOT NULL,
      "referral_id" uuid,
      "outcome" text NOT NULL,
      "request_id" text NOT NULL,
      CONSTRAINT "PK_audit_log" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "audit_log_referral_idx" ON "audit_log" ("referral_id", "at")`);
    await q.query(`CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id", "at")`);
    // Append-only: no code path (nor a stray SQL statement) may rewrite or erase history.
    await q.query(`CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await q.query(
      `CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"()`,
    );
    await q.query(
      `CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'endorsements',
      'notification_outbox',
      'claim_failures',
      'visits',
      'referral_events',
      'referrals',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP FUNCTION "audit_log_append_only"()`);
  }
}
