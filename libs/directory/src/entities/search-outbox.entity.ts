import type { EntityManager } from 'typeorm';
import { Column, Entity, Index } from 'typeorm';
import { OutboxRow } from '@mmn/database';

/**
 * Transactional outbox for the search index: a row means "re-project this therapist". Written in the same
 * transaction as the change; a worker (not part of this library) processes rows and retries with back-off.
 */
@Entity('search_outbox')
@Index('search_outbox_pending_idx', ['processedAt', 'nextAttemptAt'])
export class SearchOutbox extends OutboxRow {
  @Column('uuid', { name: 'therapist_id' })
  therapistId: string;

  @Column('timestamptz', { name: 'processed_at', nullable: true })
  processedAt: Date | null;
}

/** Queues a re-index of the therapist's public profile; call inside the transaction that changed it. */
export async function enqueueSearchUpdate(manager: EntityManager, therapistId: string): Promise<void> {
  await manager.insert(SearchOutbox, { therapistId });
}
