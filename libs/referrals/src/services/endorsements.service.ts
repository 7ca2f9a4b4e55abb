import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '@mmn/audit';
import { isUniqueViolation } from '@mmn/database';
import { Endorsement, loadTherapists } from '@mmn/directory';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@mmn/errors';
import type { Caller } from '@mmn/identity';
import { Referral } from '../entities/referral.entity';
import { ReferralStatus } from '../state-machine';
import { profileIdOf } from './referral-parties';
import { recomputeEndorsementCount } from './reputation';

/** A prescriber endorses a therapist once a referral they sent them is completed; it counts toward reputation. */
@Injectable()
export class Endorsements {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async endorse(caller: Caller, therapistId: string, note: string | null | undefined): Promise<Endorsement> {
    return this.audit.audited(caller, 'ENDORSE', null, () =>
      this.dataSource.transaction(async (manager) => {
        const providerId = await profileIdOf(manager, caller.principal);
        if (!providerId) throw new NotFoundError('Provider profile');
        const [therapist] = await loadTherapists(manager, [therapistId]);
        if (!therapist || therapist.suspendedAt) throw new NotFoundError('Therapist');
        if (note != null && note.length > 2000)
          throw BadUserInputError.field('note', 'must be at most 2000 characters');
        const completed = await manager.exists(Referral, {
          where: { providerId, therapistId, status: ReferralStatus.COMPLETED },
        });
        if (!completed)
          throw new ForbiddenError('You can endorse a therapist once a referral you sent them is completed.');
        let id: string;
        try {
          const inserted = await manager.insert(Endorsement, { therapistId, providerId, note: note?.trim() || null });
          id = (inserted.identifiers[0] as { id: string }).id;
        } catch (error) {
          if (isUniqueViolation(error, 'endorsements_therapist_provider_key'))
            throw new ConflictError('You have already endorsed this therapist.');
          throw error;
        }
        await recomputeEndorsementCount(manager, therapistId);
        await this.audit.allowed(manager, caller, 'ENDORSE', null);
        return manager.findOneOrFail(Endorsement, { where: { id }, relations: { provider: { locations: true } } });
      }),
    );
  }
}
