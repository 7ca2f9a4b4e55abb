import { Column, Entity, Index } from 'typeorm';
import { OutboxRow } from '@mmn/database';

/** "Tell this user that this referral changed": queued in the transaction of the change, delivered by a worker. */
@Entity('notification_outbox')
@Index('notification_outbox_pending_idx', ['sentAt', 'nextAttemptAt'])
export class NotificationOutbox extends OutboxRow {
  @Column('uuid', { name: 'recipient_user_id' })
  recipientUserId: string;

  /** The referral event type that caused it, e.g. ACCEPTED. */
  @Column('text')
  kind: string;

  @Column('uuid', { name: 'referral_id', nullable: true })
  referralId: string | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;
}
