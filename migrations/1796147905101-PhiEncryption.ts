import type { MigrationInterface, QueryRunner } from 'typeorm';

const REFERRAL_COLUMNS = [
  'patient_full_name',
  'patient_date_of_birth',
  'patient_email',
  'patient_phone',
  'prescription_notes',
  'discharge_summary',
];

/**
 * Patient data at rest becomes AES-256-GCM ciphertext (see libs/referrals/src/phi). Each referral gets a data key
 * wrapped by a PHI_KEY version (phi_data_key, phi_key_version); its patient fields, prescription notes, discharge
 * summary, visits' SOAP notes and timeline notes are sealed with that data key. SQL cannot encrypt (the key lives
 * in the application's configuration), so this turns the columns into bytea holding the old text as UTF-8 and
 * leaves phi_key_version NULL; the application encrypts those rows before it serves (PhiBackfill, also run by
 * `npm run keys:rotate`), one referral per transaction, so an interrupted backfill resumes where it stopped.
 */
export class PhiEncryption1796147905101 implements MigrationInterface {
  name = 'PhiEncryption1796147905101';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "referrals" ADD "phi_key_version" integer');
    await q.query('ALTER TABLE "referrals" ADD "phi_data_key" bytea');
    for (const column of REFERRAL_COLUMNS) {
      await q.query(
        `ALTER TABLE "referrals" ALTER COLUMN "${column}" TYPE bytea USING convert_to("${column}"::text, 'UTF8')`,
      );
    }
    await q.query(`ALTER TABLE "visits" ALTER COLUMN "soap_note" TYPE bytea USING convert_to("soap_note", 'UTF8')`);
    await q.query(`ALTER TABLE "referral_events" ALTER COLUMN "note" TYPE bytea USING convert_to("note", 'UTF8')`);
    await q.query('CREATE INDEX "referrals_phi_key_version_idx" ON "referrals" ("phi_key_version")');
  }

  /** Only for a database whose rows were never encrypted (down cannot decrypt). */
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "referrals_phi_key_version_idx"');
    await q.query(`ALTER TABLE "referral_events" ALTER COLUMN "note" TYPE text USING convert_from("note", 'UTF8')`);
    await q.query(`ALTER TABLE "visits" ALTER COLUMN "soap_note" TYPE text USING convert_from("soap_note", 'UTF8')`);
    for (const column of REFERRAL_COLUMNS) {
      const type = column === 'patient_date_of_birth' ? 'date' : 'text';
      await q.query(
        `ALTER TABLE "referrals" ALTER COLUMN "${column}" TYPE ${type} USING convert_from("${column}", 'UTF8')::${type}`,
      );
    }
    await q.query('ALTER TABLE "referrals" DROP COLUMN "phi_data_key"');
    await q.query('ALTER TABLE "referrals" DROP COLUMN "phi_key_version"');
  }
}
