import type { EntityManager } from 'typeorm';
import { distanceSql, enqueueSearchUpdate } from '@mmn/directory';

/** How near a prescriber's practice must be to a therapist's location to count as a local doctor. */
export const LOCAL_RADIUS_KM = 50;

// Reputation counters are recomputed from the source rows (never incremented), and each change re-queues the
// therapist's search document in the same transaction. The therapist row is locked by a statement of its own
// first: the UPDATE's count then runs on a snapshot taken after any concurrent change to the same therapist has
// committed (READ COMMITTED takes a snapshot per statement), so parallel accepts or completions all count.

async function lockTherapist(manager: EntityManager, therapistId: string): Promise<void> {
  await manager.query('SELECT 1 FROM "therapists" WHERE "id" = $1 FOR UPDATE', [therapistId]);
}

/**
 * Distinct VERIFIED prescribers with a referral this therapist accepted at some point (from the ACCEPTED events):
 * an unverified account with a borrowed NPI adds nothing to anyone's reputation.
 */
export async function recomputeReferringProviders(manager: EntityManager, therapistId: string): Promise<void> {
  await lockTherapist(manager, therapistId);
  await manager.query(
    `UPDATE "therapists" SET "referring_providers" = (
       SELECT count(DISTINCT r."provider_id") FROM "referral_events" e JOIN "referrals" r ON r."id" = e."referral_id"
       JOIN "providers" p ON p."id" = r."provider_id" AND p."npi_status" = 'VERIFIED'
       WHERE e."therapist_id" = $1 AND e."type" = 'ACCEPTED'), "updated_at" = now()
     WHERE "id" = $1`,
    [therapistId],
  );
  await recomputeLocalReferringProviders(manager, therapistId);
  await enqueueSearchUpdate(manager, therapistId);
}

/**
 * Per location of the therapist: the distinct verified prescribers counted above who have a practice location
 * within LOCAL_RADIUS_KM of it ("referred by 4 Miami-area providers"). The caller holds the therapist's lock.
 */
async function recomputeLocalReferringProviders(manager: EntityManager, therapistId: string): Promise<void> {
  await manager.query(
    `UPDATE "practice_locations" tl SET "local_referring_providers" = (
       SELECT count(DISTINCT r."provider_id") FROM "referral_events" e JOIN "referrals" r ON r."id" = e."referral_id"
       JOIN "providers" p ON p."id" = r."provider_id" AND p."npi_status" = 'VERIFIED'
       WHERE e."therapist_id" = $1 AND e."type" = 'ACCEPTED'
         AND EXISTS (SELECT 1 FROM "practice_locations" pl WHERE pl."provider_id" = r."provider_id"
           AND ${distanceSql('pl', 'tl.latitude', 'tl.longitude')} <= ${LOCAL_RADIUS_KM}))
     WHERE tl."therapist_id" = $1`,
    [therapistId],
  );
}

export async function recomputeCompletedReferrals(manager: EntityManager, therapistId: string): Promise<void> {
  await lockTherapist(manager, therapistId);
  await manager.query(
    `UPDATE "therapists" SET "completed_referrals" = (
       SELECT count(*) FROM "referrals" WHERE "therapist_id" = $1 AND "status" = 'COMPLETED'), "updated_at" = now()
     WHERE "id" = $1`,
    [therapistId],
  );
  await enqueueSearchUpdate(manager, therapistId);
}

export async function recomputeEndorsementCount(manager: EntityManager, therapistId: string): Promise<void> {
  await lockTherapist(manager, therapistId);
  await manager.query(
    `UPDATE "therapists" SET "endorsement_count" = (SELECT count(*) FROM "endorsements" WHERE "therapist_id" = $1), "updated_at" = now()
     WHERE "id" = $1`,
    [therapistId],
  );
  await enqueueSearchUpdate(manager, therapistId);
}

/** The therapists whose reputation counts a referral from this provider (after its verification changed). */
export async function recomputeForProvider(manager: EntityManager, providerId: string): Promise<void> {
  const rows = await manager.query<{ therapist_id: string }[]>(
    `SELECT DISTINCT e."therapist_id" FROM "referral_events" e JOIN "referrals" r ON r."id" = e."referral_id"
      WHERE r."provider_id" = $1 AND e."type" = 'ACCEPTED' AND e."therapist_id" IS NOT NULL ORDER BY 1`,
    [providerId],
  );
  for (const row of rows) await recomputeReferringProviders(manager, row.therapist_id);
}
