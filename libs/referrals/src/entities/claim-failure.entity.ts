import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A failed claimReferral (wrong code or birth date), counted per account and per referral for rate limiting. */
@Entity('claim_failures')
@Index('claim_failures_user_idx', ['userId', 'at'])
@Index('claim_failures_referral_idx', ['referralId', 'at'])
export class ClaimFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  /** Null when the code matched no referral. */
  @Column('uuid', { name: 'referral_id', nullable: true })
  referralId: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}
