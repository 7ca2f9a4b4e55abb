import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '@mmn/audit';
import { ConflictError, InvalidStateError, NotFoundError, RateLimitedError } from '@mmn/errors';
import type { Caller } from '@mmn/identity';
import { todayIso } from '@mmn/shared';
import { ClaimFailure } from '../entities/claim-failure.entity';
import { Referral } from '../entities/referral.entity';
import type { ReferralView } from '../referrals.models';
import { PHI_FIELD, PhiCipher } from '../phi/phi-cipher.service';
import { hashAccessCode } from '../rules/access-code';
import { effectiveStatus, ReferralStatus } from '../state-machine';
import { actorOf } from './referral-access.service';
import { ReferralChanges } from './referral-changes.service';
import type { Party } from './referral-parties';
import { ReferralViews } from './referral-views.service';

/** Wrong-guess limits for claim codes, per rolling hour. */
export const CLAIM_LIMITS = { perReferral: 5, perAccount: 20 } as const;

const failuresWithinHour = async (manager: EntityManager, column: 'user_id' | 'referral_id', id: string) => {
  const [{ count }] = await manager.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM "claim_failures" WHERE "${column}" = $1 AND "at" > now() - interval '1 hour'`,
    [id],
  );
  return count;
};

/** A patient claims a referral with its access code and their date of birth; guesses are limited and counted. */
@Injectable()
export class ReferralClaims {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ReferralChanges,
    private readonly views: ReferralViews,
    private readonly audit: AuditTrail,
    private readonly phi: PhiCipher,
  ) {}

  async claim(caller: Caller, accessCode: string, dateOfBirth: string): Promise<ReferralView> {
    const userId = caller.principal.userId;
    const outcome = await this.audit.audited(caller, 'CLAIM', null, () =>
      this.dataSource.transaction(async (manager) => {
        // One claim at a time per account, so parallel guesses cannot slip past the limit.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`claim:${userId}`]);
        if ((await failuresWithinHour(manager, 'user_id', userId)) >= CLAIM_LIMITS.perAccount)
          throw new RateLimitedError('Too many wrong access codes; try again in an hour.', 3600);
        const referral = await manager.findOne(Referral, { where: { accessCodeHash: hashAccessCode(accessCode) } });
        if (referral) {
          // And one at a time per referral, so guesses from several accounts cannot slip past its limit either.
          await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`claim-referral:${referral.id}`]);
          if ((await failuresWithinHour(manager, 'referral_id', referral.id)) >= CLAIM_LIMITS.perReferral)
            throw new RateLimitedError('Too many wrong attempts on this code; try again in an hour.', 3600);
        }
        const matches =
          referral &&
          // Compared inside the application: the stored date of birth is ciphertext.
          this.phi.keyOf(referral).matches(PHI_FIELD.dateOfBirth, referral.patientDateOfBirth, dateOfBirth) &&
          (referral.claimedBy === null || referral.claimedBy === userId);
        if (!referral || !matches) {
          // Kept (the transaction commits) so that the failure counts; the caller then gets NOT_FOUND.
          await manager.insert(ClaimFailure, { userId, referralId: referral?.id ?? null });
          await this.audit.record(manager, caller, 'CLAIM', referral?.id ?? null, 'DENIED');
          return null;
        }
        const party: Party = { actor: 'PATIENT', userId, declinedAtEventId: null };
        const status = effectiveStatus(referral.status, referral.expiresOn, todayIso());
        if (referral.claimedBy === null && (status === ReferralStatus.CANCELLED || status === ReferralStatus.EXPIRED)) {
          throw new InvalidStateError('This referral was cancelled or has expired; ask your prescriber for a new one.');
        }
        if (referral.claimedBy === userId) {
          await this.audit.allowed(manager, caller, 'READ', referral.id);
          return this.views.one(manager, referral, party);
        }
        const result = await manager
          .createQueryBuilder()
          .update(Referral)
          .set({ claimedBy: userId, version: () => '"version" + 1', updatedAt: () => 'now()' })
          .where('id = :id AND version = :version AND claimed_by IS NULL', {
            id: referral.id,
            version: referral.version,
          })
          .execute();
        if (result.affected !== 1) throw new ConflictError('The referral was changed by someone else; try again.');
        const claimed = await manager.findOneOrFail(Referral, { where: { id: referral.id } });
        await this.changes.record(manager, claimed, actorOf(caller, party), {
          action: 'CLAIM',
          eventType: 'CLAIMED',
          fromStatus: claimed.status,
          toStatus: claimed.status,
        });
        return this.views.one(manager, claimed, party);
      }),
    );
    if (!outcome) throw new NotFoundError('Referral');
    return outcome;
  }
}
