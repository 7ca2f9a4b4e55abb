import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access codes get their own versioned key (ACCESS_CODE_KEY): each referral records the version its code was
 * derived with. Existing referrals were derived from the JWT secret, recorded as version 0.
 */
export class AccessCodeKeyVersion1796146200884 implements MigrationInterface {
  name = 'AccessCodeKeyVersion1796146200884';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "referrals" ADD "access_code_key_version" integer NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "referrals" DROP COLUMN "access_code_key_version"');
  }
}
