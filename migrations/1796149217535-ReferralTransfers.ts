import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Care that moves with the patient: a continuation links to the TRANSFERRED referral; consent to share history. */
export class ReferralTransfers1796149217535 implements MigrationInterface {
  name = 'ReferralTransfers1796149217535';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "referrals" ADD "continues_id" uuid');
    await q.query('ALTER TABLE "referrals" ADD "transfer_summary" bytea');
    await q.query('ALTER TABLE "referrals" ADD "history_shared" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "referrals" ADD "soap_notes_shared" boolean NOT NULL DEFAULT false');
    await q.query(
      'CREATE UNIQUE INDEX "referrals_continues_key" ON "referrals" ("continues_id") WHERE continues_id IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."referrals_continues_key"');
    for (const column of ['soap_notes_shared', 'history_shared', 'transfer_summary', 'continues_id'])
      await q.query(`ALTER TABLE "referrals" DROP COLUMN "${column}"`);
  }
}
