import type { EntityManager } from 'typeorm';
import { NotFoundError } from '@mmn/errors';
import type { Principal } from '@mmn/identity';
import { Certification } from '../entities/certification.entity';
import { License } from '../entities/license.entity';
import { NetworkMembership } from '../entities/network-membership.entity';
import { PracticeLocation } from '../entities/practice-location.entity';
import { enqueueSearchUpdate } from '../entities/search-outbox.entity';
import { Therapist } from '../entities/therapist.entity';
import { isUuid } from '@mmn/shared';

/** The caller's own therapist row, locked for the rest of the transaction so changes and history stay in order. */
export async function lockOwnTherapist(manager: EntityManager, principal: Principal): Promise<Therapist> {
  const therapist = await manager.findOne(Therapist, {
    where: { userId: principal.userId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!therapist) throw new NotFoundError('Therapist profile');
  return therapist;
}

/** Something on the therapist's public profile changed: bump updatedAt and queue a search re-index, same transaction. */
export async function publicProfileChanged(manager: EntityManager, therapistId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(Therapist)
    .set({ updatedAt: () => 'now()' })
    .where('id = :id', { id: therapistId })
    .execute();
  await enqueueSearchUpdate(manager, therapistId);
}

interface ColumnPlan {
  property: string;
  column: string;
  timestamp: boolean;
}

/** Which JSON keys fill which properties, per entity class: read from the metadata once, not for every row. */
const columnPlans = new WeakMap<object, ColumnPlan[]>();

function columnPlan(manager: EntityManager, target: new () => object): ColumnPlan[] {
  let plan = columnPlans.get(target);
  if (!plan) {
    const metadata = manager.connection.getMetadata(target);
    const relations = new Set(metadata.relations.map((relation) => relation.propertyName));
    plan = metadata.columns
      .filter((column) => !relations.has(column.propertyName))
      .map((column) => ({
        property: column.propertyName,
        column: column.databaseName,
        timestamp: column.type === 'timestamptz',
      }));
    columnPlans.set(target, plan);
  }
  return plan;
}

/** Builds an entity from a `to_jsonb(row)` object, column by column per the entity's metadata (timestamps to Date). */
function hydrate<T extends object>(manager: EntityManager, target: new () => T, row: Record<string, unknown>): T {
  const entity = new target() as Record<string, unknown>;
  for (const { property, column, timestamp } of columnPlan(manager, target)) {
    const value = row[column];
    entity[property] = value !== null && value !== undefined && timestamp ? new Date(value as string) : value;
  }
  return entity as T;
}

interface Created {
  createdAt: Date;
  id: string;
}
const byCreation = (a: Created, b: Created) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const RELATED = [
  ['locations', 'practice_locations', PracticeLocation],
  ['licenses', 'licenses', License],
  ['certifications', 'certifications', Certification],
  ['networkMemberships', 'network_memberships', NetworkMembership],
] as const;

/**
 * Therapists with locations, licenses, certifications and network memberships (each oldest first), in ONE
 * round trip whatever the number of therapists (a page of search hits or a 2,000-therapist reindex batch):
 * the rows of the five tables come back as JSON in one UNION ALL and are built into entities from the entity
 * metadata. (TypeORM's relation loading costs five round trips and matches rows to parents in quadratic time:
 * 10 s for 2,000 therapists; this takes about 3 ms for a page of 20.) Unknown or malformed ids are skipped;
 * `visibleOnly` leaves out suspended profiles.
 */
export async function loadTherapists(
  manager: EntityManager,
  ids: readonly string[],
  options: { visibleOnly?: boolean } = {},
): Promise<Therapist[]> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return [];
  const parts = [
    `SELECT 'therapist' AS kind, to_jsonb(t) AS row FROM therapists t WHERE t.id = ANY($1::uuid[])${options.visibleOnly ? ' AND t.suspended_at IS NULL' : ''}`,
    ...RELATED.map(
      ([kind, table]) => `SELECT '${kind}', to_jsonb(r) FROM ${table} r WHERE r.therapist_id = ANY($1::uuid[])`,
    ),
  ];
  const rows = await manager.query<{ kind: string; row: Record<string, unknown> }[]>(parts.join(' UNION ALL '), [
    wanted,
  ]);
  const therapists = new Map<string, Therapist>();
  for (const { kind, row } of rows) {
    if (kind !== 'therapist') continue;
    const therapist = hydrate(manager, Therapist, row);
    for (const [property] of RELATED) therapist[property] = [];
    therapists.set(therapist.id, therapist);
  }
  for (const { kind, row } of rows) {
    const relation = RELATED.find(([property]) => property === kind);
    const owner = relation && therapists.get(row.therapist_id as string);
    if (owner) (owner[relation[0]] as object[]).push(hydrate(manager, relation[2] as new () => object, row));
  }
  for (const therapist of therapists.values())
    for (const [property] of RELATED) (therapist[property] as Created[]).sort(byCreation);
  return [...therapists.values()];
}
