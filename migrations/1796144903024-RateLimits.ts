import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters of the per-client budgets (registration, anonymous GraphQL traffic), written by rate-limiter-flexible
 * in this exact shape (key, points, expire in epoch milliseconds). Not an entity: only the limiter reads it.
 */
export class RateLimits1796144903024 implements MigrationInterface {
  name = 'RateLimits1796144903024';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "rate_limits" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT 0, "expire" bigint, CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key"))',
    );
    await q.query('CREATE INDEX "rate_limits_expire_idx" ON "rate_limits" ("expire")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "rate_limits"');
  }
}
