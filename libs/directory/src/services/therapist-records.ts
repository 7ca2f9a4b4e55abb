import type { EntityManager } from 'typeorm';
import { NotFoundException } from '@mmn/graphql-platform';
import type { Principal } from '@mmn/identity';
import { enqueueSearchUpdate } from '../entities/search-outbox.entity';
import { Therapist } from '../entities/therapist.entity';

/** The caller's own therapist row, locked for the rest of the transaction so changes and history stay in order. */
export async function lockOwnTherapist(manager: EntityManager, principal: Principal): Promise<Therapist> {
  const therapist = await manager.findOne(Therapist, { where: { userId: principal.userId }, lock: { mode: 'pessimistic_write' } });
  if (!therapist) throw new NotFoundException('Therapist profile');
  return therapist;
}

/** Something on the therapist's public profile changed: bump updatedAt and queue a search re-index, same transaction. */
export async function publicProfileChanged(manager: EntityManager, therapistId: string): Promise<void> {
  await manager.createQueryBuilder().update(Therapist).set({ updatedAt: () => 'now()' }).where('id = :id', { id: therapistId }).execute();
  await enqueueSearchUpdate(manager, therapistId);
}

function byCreation(a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

/** Relations of a fully loaded therapist, oldest first. */
export const THERAPIST_RELATIONS = { locations: true, licenses: true, certifications: true, networkMemberships: true } as const;

export function sortRelations(therapist: Therapist): Therapist {
  therapist.locations?.sort(byCreation);
  therapist.licenses?.sort(byCreation);
  therapist.certifications?.sort(byCreation);
  therapist.networkMemberships?.sort(byCreation);
  return therapist;
}
