import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '@mmn/audit';
import { isTherapistVerified, loadTherapists } from '@mmn/directory';
import { type FieldProblem, ForbiddenError, InvalidStateError, NotFoundError } from '@mmn/errors';
import type { Caller } from '@mmn/identity';
import { isUuid } from '@mmn/shared';
import { Referral } from '../entities/referral.entity';
import type { ReferralView } from '../referrals.models';
import { type ReferralAction, refusalReason } from '../state-machine';
import { type Actor, ReferralChanges } from './referral-changes.service';
import { type Party, partyOf } from './referral-parties';
import { ReferralViews } from './referral-views.service';

/**
 * How the capability services reach a referral: loaded only for its parties, changed in one audited transaction,
 * and the checks several of them share (state and role, suspension, the addressed therapist).
 */
@Injectable()
export class ReferralAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ReferralChanges,
    private readonly views: ReferralViews,
    readonly audit: AuditTrail,
  ) {}

  async read(caller: Caller, id: string): Promise<ReferralView> {
    return this.audit.audited(caller, 'READ', id, async () => {
      const manager = this.dataSource.manager;
      const { referral, party } = await this.load(manager, caller, id);
      const view = await this.views.one(manager, referral, party);
      await this.audit.allowed(manager, caller, 'READ', referral.id);
      return view;
    });
  }

  /** Loads the referral and the caller's standing; NOT_FOUND for an unknown id and for a non-party alike. */
  async load(manager: EntityManager, caller: Caller, id: string): Promise<{ referral: Referral; party: Party }> {
    const referral = isUuid(id) ? await manager.findOne(Referral, { where: { id } }) : null;
    const party = referral && (await partyOf(manager, referral, caller.principal));
    if (!referral || !party) throw new NotFoundError('Referral');
    return { referral, party };
  }

  /** A transition in one transaction: load, check, change, and return the caller's view of the result. */
  async change(
    caller: Caller,
    action: ReferralAction,
    referralId: string,
    work: (manager: EntityManager, referral: Referral, actor: Actor) => Promise<Referral>,
  ): Promise<ReferralView> {
    return this.audit.audited(caller, action, referralId, () =>
      this.dataSource.transaction(async (manager) => {
        const { referral, party } = await this.load(manager, caller, referralId);
        const updated = await work(manager, referral, actorOf(caller, party));
        return this.views.one(manager, updated, party);
      }),
    );
  }

  /** A suspended therapist keeps read access to their referrals but cannot take on or carry out care. */
  async assertNotSuspended(manager: EntityManager, actor: Actor, referral: Referral): Promise<void> {
    if (actor.party.actor !== 'THERAPIST' || !referral.therapistId) return;
    const [row] = await manager.query<{ suspended: boolean }[]>(
      'SELECT suspended_at IS NOT NULL AS suspended FROM therapists WHERE id = $1',
      [referral.therapistId],
    );
    if (row?.suspended)
      throw new ForbiddenError(
        'Your profile is suspended; you cannot accept referrals or record visits until it is reinstated.',
      );
  }

  /** Fails early (before input checks) when the state or role cannot do this, with the state machine's reason. */
  assertAllowed(referral: Referral, actor: Actor, action: ReferralAction): void {
    if (actor.party.declinedAtEventId !== null) return; // transition() answers with the decline message
    const from = this.changes.statusFor(referral, actor);
    const reason = refusalReason(from, action, actor.party.actor);
    if (reason) throw new InvalidStateError(reason);
  }

  /** The addressed therapist must exist, not be suspended, and be verified. */
  async therapistProblems(manager: EntityManager, therapistId: string, path: string): Promise<FieldProblem[]> {
    const [therapist] = await loadTherapists(manager, [therapistId]);
    if (!therapist || therapist.suspendedAt) return [{ path, message: 'no such therapist' }];
    const states = therapist.locations.map((l) => l.state);
    if (!isTherapistVerified(therapist.licenses, states)) return [{ path, message: 'the therapist is not verified' }];
    return [];
  }
}

export function actorOf(caller: Caller, party: Party): Actor {
  return { party, auditRole: caller.principal.role, requestId: caller.meta.requestId };
}
