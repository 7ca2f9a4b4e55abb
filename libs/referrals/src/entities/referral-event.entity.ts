import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Referral } from './referral.entity';

/** The terms a renewal changes. */
export interface PrescriptionTerms {
  visitsAuthorized: number;
  expiresOn: string;
}

/** One row of a referral's timeline; exactly one per winning change. */
@Entity('referral_events')
@Index('referral_events_referral_idx', ['referralId', 'id'])
@Index('referral_events_therapist_idx', ['therapistId', 'type'])
export class ReferralEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'referral_id' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'referral_events_referral_id_fkey' })
  referral?: Relation<Referral>;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;

  /** The acting user; null for the expiry job. */
  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  /** PATIENT, THERAPIST, PROVIDER or SYSTEM. */
  @Column('text', { name: 'actor_role' })
  actorRole: string;

  @Column('text')
  type: string;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus: string | null;

  @Column('text', { name: 'to_status', nullable: true })
  toStatus: string | null;

  /** Progress note, decline or cancellation reason, ...: sealed with the referral's data key (PhiCipher). */
  @Column('bytea', { nullable: true })
  note: Buffer | null;

  /** On RENEWED: the terms the renewal replaced. */
  @Column('jsonb', { name: 'prescription_before', nullable: true })
  prescriptionBefore: PrescriptionTerms | null;

  /** The therapist the referral was addressed to when this happened (who accepted, who declined, ...). */
  @Column('uuid', { name: 'therapist_id', nullable: true })
  therapistId: string | null;
}
