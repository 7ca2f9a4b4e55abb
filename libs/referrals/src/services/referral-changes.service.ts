import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditLog } from '@mmn/audit';
import { Provider, Therapist } from '@mmn/directory';
import { ConflictError, InvalidStateError } from '@mmn/errors';
import { todayIso } from '@mmn/shared';
import { NotificationOutbox } from '../entities/notification-outbox.entity';
import { type PrescriptionTerms, ReferralEvent } from '../entities/referral-event.entity';
import { Referral } from '../entities/referral.entity';
import { PHI_FIELD, PhiCipher } from '../phi/phi-cipher.service';
import { effectiveStatus, nextStatus, type ReferralAction, type ReferralStatus, refusalReason } from '../state-machine';
import type { Party } from './referral-parties';

/** Who is acting and on which request (for the event and audit rows). */
export interface Actor {
  party: Party;
  /** Role for the audit row: the principal's role, or SYSTEM. */
  auditRole: string;
  requestId: string;
}

export interface ChangeRecord {
  action: string;
  eventType: string;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus | null;
  note?: string | null;
  /** The therapist the referral is addressed to for this event; defaults to the referral's. */
  therapistId?: string | null;
  /** On a renewal: the terms it replaced. */
  prescriptionBefore?: PrescriptionTerms | null;
}

export const DECLINED_THERAPIST_MESSAGE = 'You declined this referral; it is no longer addressed to you.';

/**
 * The single way a referral changes: a conditional UPDATE on the expected status and version, then exactly one
 * timeline event, one audit row and the notifications, all in the caller's transaction.
 */
@Injectable()
export class ReferralChanges {
  constructor(
    private readonly audit: AuditLog,
    private readonly phi: PhiCipher,
  ) {}

  /** The status the state machine starts from: the stored one, or EXPIRED once expiresOn has passed. */
  statusFor(referral: Referral, actor: Actor): ReferralStatus {
    return actor.party.actor === 'SYSTEM'
      ? referral.status
      : effectiveStatus(referral.status, referral.expiresOn, todayIso());
  }

  /** Moves the referral by the transition table, or throws INVALID_STATE / CONFLICT. Returns the updated row. */
  async transition(
    manager: EntityManager,
    referral: Referral,
    actor: Actor,
    action: ReferralAction,
    change: {
      eventType: string;
      note?: string | null;
      set?: QueryDeepPartialEntity<Referral>;
      prescriptionBefore?: PrescriptionTerms;
    },
  ): Promise<Referral> {
    if (actor.party.declinedAtEventId !== null) throw new InvalidStateError(DECLINED_THERAPIST_MESSAGE);
    const from = this.statusFor(referral, actor);
    const to = nextStatus(from, action, actor.party.actor);
    if (to === null) throw new InvalidStateError(refusalReason(from, action, actor.party.actor));
    const result = await manager
      .createQueryBuilder()
      .update(Referral)
      .set({ ...change.set, status: to, version: () => '"version" + 1', updatedAt: () => 'now()' })
      .where('id = :id AND status = :status AND version = :version', {
        id: referral.id,
        status: referral.status,
        version: referral.version,
      })
      .execute();
    if (result.affected !== 1) {
      const current = await manager.findOneOrFail(Referral, { where: { id: referral.id } });
      if (current.version !== referral.version)
        throw new ConflictError('The referral was changed by someone else; reload it and try again.');
      throw new InvalidStateError(refusalReason(this.statusFor(current, actor), action, actor.party.actor));
    }
    const updated = await manager.findOneOrFail(Referral, { where: { id: referral.id } });
    const therapistId =
      change.set && 'therapistId' in change.set
        ? ((change.set.therapistId as string | null) ?? referral.therapistId)
        : referral.therapistId;
    await this.record(manager, updated, actor, {
      action,
      eventType: change.eventType,
      fromStatus: from,
      toStatus: to,
      note: change.note ?? null,
      therapistId,
      prescriptionBefore: change.prescriptionBefore ?? null,
    });
    return updated;
  }

  /** The event, audit and notification rows of one winning change. */
  async record(manager: EntityManager, referral: Referral, actor: Actor, change: ChangeRecord): Promise<void> {
    await manager.insert(ReferralEvent, {
      referralId: referral.id,
      actorId: actor.party.userId,
      actorRole: actor.party.actor,
      type: change.eventType,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      // Timeline notes (progress notes, decline and cancellation reasons) are sealed like the rest of the PHI.
      note: this.phi.keyOf(referral).sealOrNull(PHI_FIELD.eventNote, change.note),
      therapistId: change.therapistId === undefined ? referral.therapistId : change.therapistId,
      prescriptionBefore: change.prescriptionBefore ?? null,
    });
    await this.audit.record(manager, {
      actorId: actor.party.userId,
      actorRole: actor.auditRole,
      action: change.action,
      referralId: referral.id,
      outcome: 'ALLOWED',
      requestId: actor.requestId,
    });
    await this.notifyParties(manager, referral, change.eventType, actor.party.userId);
  }

  /** Queues "something changed" for every current party but the actor (a therapist who declined is no longer one). */
  private async notifyParties(
    manager: EntityManager,
    referral: Referral,
    kind: string,
    actorUserId: string | null,
  ): Promise<void> {
    const recipients = new Set<string>();
    const provider = await manager.findOne(Provider, { where: { id: referral.providerId }, select: { userId: true } });
    if (provider) recipients.add(provider.userId);
    if (referral.therapistId) {
      const therapist = await manager.findOne(Therapist, {
        where: { id: referral.therapistId },
        select: { userId: true },
      });
      if (therapist) recipients.add(therapist.userId);
    }
    if (referral.claimedBy) recipients.add(referral.claimedBy);
    if (actorUserId) recipients.delete(actorUserId);
    if (recipients.size === 0) return;
    await manager.insert(
      NotificationOutbox,
      [...recipients].map((recipientUserId) => ({ recipientUserId, kind, referralId: referral.id })),
    );
  }
}
