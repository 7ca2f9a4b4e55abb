import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which credential-expiry reminders were sent (60 and 14 days before), so each goes out once. */
export class CredentialReminders1796150865612 implements MigrationInterface {
  name = 'CredentialReminders1796150865612';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "credential_reminders" ("credential_kind" text NOT NULL, "credential_id" uuid NOT NULL, "days_before" integer NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_credential_reminders" PRIMARY KEY ("credential_kind", "credential_id", "days_before"))',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "credential_reminders"');
  }
}
