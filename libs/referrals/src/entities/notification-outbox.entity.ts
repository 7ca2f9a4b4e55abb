import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** "Tell this user that this referral changed": queued in the transaction of the change, delivered by a worker. */
@Entity('notification_outbox')
@Index('notification_outbox_pending_idx', ['sentAt', 'nextAttemptAt'])
export class NotificationOutbox {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'recipient_user_id' })
  recipientUserId: string;

  /** The referral event type that caused it, e.g. ACCEPTED. */
  @Column('text')
  kind: string;

  @Column('uuid', { name: 'referral_id', nullable: true })
  referralId: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;
}
