import type { MigrationInterface, QueryRunner } from 'typeorm';

const REFUSE = `RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';`;

/**
 * Audit rows have a retention period (AUDIT_RETENTION_YEARS): the append-only trigger now lets a DELETE through
 * only inside a transaction that declared itself the retention job (SET LOCAL mmn.audit_retention = 'on'), which
 * deletes only rows past their period. UPDATE and TRUNCATE stay refused for everyone.
 */
export class AuditRetention1796148163789 implements MigrationInterface {
  name = 'AuditRetention1796148163789';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('mmn.audit_retention', true) = 'on' THEN
          RETURN OLD;
        END IF;
        ${REFUSE}
      END
    $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${REFUSE}
      END
    $$`);
  }
}
