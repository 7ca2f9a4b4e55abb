import type { EntityManager } from 'typeorm';
import { Provider, Therapist } from '@mmn/directory';
import type { Principal } from '@mmn/identity';
import { Role } from '@mmn/shared';
import { ReferralEvent } from '../entities/referral-event.entity';
import type { Referral } from '../entities/referral.entity';
import type { ReferralActor } from '../state-machine';

/**
 * How the caller stands to one referral. `declinedAtEventId` is set for a therapist who declined it and is no
 * longer addressed: they keep seeing the timeline up to that event, nothing newer, and cannot act.
 */
export interface Party {
  actor: ReferralActor;
  userId: string | null;
  declinedAtEventId: string | null;
}

export const SYSTEM_PARTY: Party = { actor: 'SYSTEM', userId: null, declinedAtEventId: null };

/** The caller's provider or therapist profile id (null for patients, admins, or a missing profile). */
export async function profileIdOf(manager: EntityManager, principal: Principal): Promise<string | null> {
  switch (principal.role) {
    case Role.PROVIDER:
      return (
        (await manager.findOne(Provider, { where: { userId: principal.userId }, select: { id: true } }))?.id ?? null
      );
    case Role.THERAPIST:
      return (
        (await manager.findOne(Therapist, { where: { userId: principal.userId }, select: { id: true } }))?.id ?? null
      );
    case Role.PATIENT:
    case Role.ADMIN:
      return null;
  }
}

/**
 * The one access rule for referrals: the referring provider, the addressed therapist (from SENT on; a past
 * therapist only up to their decline) and the patient who claimed it. Everyone else, admins included: null.
 */
export async function partyOf(manager: EntityManager, referral: Referral, principal: Principal): Promise<Party | null> {
  const party = (actor: ReferralActor, declinedAtEventId: string | null = null): Party => ({
    actor,
    userId: principal.userId,
    declinedAtEventId,
  });
  switch (principal.role) {
    case Role.PROVIDER:
      return (await profileIdOf(manager, principal)) === referral.providerId ? party('PROVIDER') : null;
    case Role.PATIENT:
      return referral.claimedBy === principal.userId ? party('PATIENT') : null;
    case Role.THERAPIST: {
      const therapistId = await profileIdOf(manager, principal);
      if (!therapistId) return null;
      if (referral.therapistId === therapistId) return party('THERAPIST');
      const declined = await manager.findOne(ReferralEvent, {
        where: { referralId: referral.id, therapistId, type: 'DECLINED' },
        order: { id: 'DESC' },
        select: { id: true },
      });
      return declined ? party('THERAPIST', declined.id) : null;
    }
    case Role.ADMIN:
      return null;
  }
}

/**
 * partyOf as SQL, for lists over `referrals r`: `visible` selects the caller's referrals and `declinedEvent` is
 * the decline event a past therapist's view stops at (NULL otherwise). Keep the two forms of the rule together.
 */
export function partySqlFilter(
  principal: Principal,
  profileId: string | null,
  param: (value: unknown) => string,
): { visible: string; declinedEvent: string } {
  const none = { visible: 'false', declinedEvent: 'NULL::bigint' };
  switch (principal.role) {
    case Role.PROVIDER:
      return profileId ? { ...none, visible: `r."provider_id" = ${param(profileId)}` } : none;
    case Role.PATIENT:
      return { ...none, visible: `r."claimed_by" = ${param(principal.userId)}` };
    case Role.THERAPIST: {
      if (!profileId) return none;
      const t = param(profileId);
      const declined = `FROM "referral_events" e WHERE e."referral_id" = r."id" AND e."therapist_id" = ${t} AND e."type" = 'DECLINED'`;
      return {
        visible: `(r."therapist_id" = ${t} OR EXISTS (SELECT 1 ${declined}))`,
        declinedEvent: `CASE WHEN r."therapist_id" IS DISTINCT FROM ${t} THEN (SELECT max(e."id") ${declined}) END`,
      };
    }
    case Role.ADMIN:
      return none;
  }
}
