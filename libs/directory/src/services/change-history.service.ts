import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { NotFoundError } from '@mmn/errors';
import { ProfileChange } from '../entities/profile-change.entity';
import { Therapist } from '../entities/therapist.entity';
import { isUuid } from '@mmn/shared';

/** Reads a therapist's change history, newest first. */
@Injectable()
export class ChangeHistoryService {
  constructor(
    @InjectRepository(ProfileChange) private readonly changes: Repository<ProfileChange>,
    @InjectRepository(Therapist) private readonly therapists: Repository<Therapist>,
  ) {}

  async forTherapist(therapistId: string, first: number): Promise<ProfileChange[]> {
    if (!isUuid(therapistId) || !(await this.therapists.existsBy({ id: therapistId })))
      throw new NotFoundError('Therapist');
    return this.changes.find({ where: { therapistId }, order: { at: 'DESC', id: 'DESC' }, take: first });
  }
}
