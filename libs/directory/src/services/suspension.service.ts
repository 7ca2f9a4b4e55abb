import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotFoundError } from '@mmn/errors';
import type { Principal } from '@mmn/identity';
import { type TherapistSuspensionInput } from '../dto/admin.inputs';
import { Therapist } from '../entities/therapist.entity';
import { recordChanges } from '../rules/change-log';
import { isUuid } from '@mmn/shared';
import { publicProfileChanged } from './therapist-records';

/** Admins suspend a profile (it disappears from the public) and reinstate it; both recorded with their reason. */
@Injectable()
export class SuspensionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  suspend(admin: Principal, input: TherapistSuspensionInput): Promise<string> {
    return this.change(admin, input, true);
  }

  reinstate(admin: Principal, input: TherapistSuspensionInput): Promise<string> {
    return this.change(admin, input, false);
  }

  private async change(admin: Principal, input: TherapistSuspensionInput, suspend: boolean): Promise<string> {
    if (!isUuid(input.therapistId)) throw new NotFoundError('Therapist');
    return this.dataSource.transaction(async (manager) => {
      const therapist = await manager.findOne(Therapist, {
        where: { id: input.therapistId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!therapist) throw new NotFoundError('Therapist');
      const before = { ...therapist };
      therapist.suspendedAt = suspend ? new Date() : null;
      therapist.suspensionReason = suspend ? input.reason : null;
      await manager.save(therapist);
      const subject = { actorId: admin.userId, therapistId: therapist.id, entity: 'Therapist', entityId: therapist.id };
      await recordChanges(manager, subject, before, therapist, ['suspendedAt', 'suspensionReason']);
      // The reason for reinstating is kept in the history too, since the column is cleared.
      if (!suspend)
        await recordChanges(manager, subject, { reinstatementReason: null }, { reinstatementReason: input.reason }, [
          'reinstatementReason',
        ]);
      await publicProfileChanged(manager, therapist.id);
      return therapist.id;
    });
  }
}
