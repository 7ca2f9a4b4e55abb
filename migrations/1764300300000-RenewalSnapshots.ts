import type { MigrationInterface, QueryRunner } from 'typeorm';

/** RENEWED events keep the prescription terms they replaced, so a therapist who declined earlier sees the terms of their time. */
export class RenewalSnapshots1764300300000 implements MigrationInterface {
  name = 'RenewalSnapshots1764300300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "referral_events" ADD "prescription_before" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "referral_events" DROP COLUMN "prescription_before"`);
  }
}
