import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Prescribers are verified too: the NPI goes through primary-source verification (NPPES) like a credential.
 * Existing NPIs start PENDING, entered "now", so they join the administrators' queue.
 */
export class ProviderVerification1796146586614 implements MigrationInterface {
  name = 'ProviderVerification1796146586614';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "providers" ADD "npi_status" text NOT NULL DEFAULT \'PENDING\'');
    await q.query('ALTER TABLE "providers" ADD "npi_submitted_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "providers" ADD "npi_verified_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "providers" ADD "npi_verified_by" uuid');
    await q.query('ALTER TABLE "providers" ADD "npi_verification_source" text');
    await q.query('ALTER TABLE "providers" ADD "npi_verification_note" text');
    await q.query('UPDATE "providers" SET "npi_submitted_at" = now() WHERE "npi" IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of [
      'npi_verification_note',
      'npi_verification_source',
      'npi_verified_by',
      'npi_verified_at',
      'npi_submitted_at',
      'npi_status',
    ]) {
      await q.query(`ALTER TABLE "providers" DROP COLUMN "${column}"`);
    }
  }
}
