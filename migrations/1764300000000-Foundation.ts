import * as fs from 'fs';
import * as path from 'path';
import type { MigrationInterface, QueryRunner } from 'typeorm';

interface Vocabulary {
  id: string;
  name: string;
  synonyms?: string[];
  icd10Codes?: string[];
  kind?: string;
}

function data<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'data', file), 'utf8')) as T;
}

/** Accounts, sessions, sign-in throttling and the reference vocabularies (seeded from ./data). */
export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "users" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "email" text NOT NULL,
      "role" text NOT NULL,
      "display_name" text NOT NULL,
      "password_hash" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_users" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "users_email_key" ON "users" ("email")`);
    await q.query(`CREATE TABLE "refresh_tokens" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "family_id" uuid NOT NULL,
      "token_hash" text NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "session_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_refresh_tokens" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "refresh_tokens_hash_key" ON "refresh_tokens" ("token_hash")`);
    await q.query(`CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" ("family_id")`);
    await q.query(`CREATE TABLE "login_failures" (
      "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "email" text NOT NULL,
      "ip" text NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_login_failures" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "login_failures_email_idx" ON "login_failures" ("email", "at")`);
    await q.query(`CREATE INDEX "login_failures_ip_idx" ON "login_failures" ("ip", "at")`);

    await q.query(
      `CREATE TABLE "conditions" ("id" text NOT NULL, "name" text NOT NULL, "icd10_codes" text array NOT NULL, "synonyms" text array NOT NULL, CONSTRAINT "PK_conditions" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "techniques" ("id" text NOT NULL, "name" text NOT NULL, "synonyms" text array NOT NULL, CONSTRAINT "PK_techniques" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "networks" ("id" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, CONSTRAINT "PK_networks" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE TABLE "diagnoses" ("code" text NOT NULL, "description" text NOT NULL, "billable" boolean NOT NULL, CONSTRAINT "PK_diagnoses" PRIMARY KEY ("code"))`,
    );

    const icd = data<{ codes: { code: string; description: string; billable: boolean }[] }>('icd10cm.json');
    await q.query(
      `INSERT INTO "diagnoses" ("code", "description", "billable") SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[])`,
      [icd.codes.map((c) => c.code), icd.codes.map((c) => c.description), icd.codes.map((c) => c.billable)],
    );
    for (const c of data<Vocabulary[]>('conditions.json')) {
      await q.query(`INSERT INTO "conditions" ("id", "name", "icd10_codes", "synonyms") VALUES ($1, $2, $3, $4)`, [
        c.id,
        c.name,
        c.icd10Codes,
        c.synonyms,
      ]);
    }
    for (const t of data<Vocabulary[]>('techniques.json')) {
      await q.query(`INSERT INTO "techniques" ("id", "name", "synonyms") VALUES ($1, $2, $3)`, [
        t.id,
        t.name,
        t.synonyms,
      ]);
    }
    for (const n of data<Vocabulary[]>('networks.json')) {
      await q.query(`INSERT INTO "networks" ("id", "name", "kind") VALUES ($1, $2, $3)`, [n.id, n.name, n.kind]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'diagnoses',
      'networks',
      'techniques',
      'conditions',
      'login_failures',
      'refresh_tokens',
      'users',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
