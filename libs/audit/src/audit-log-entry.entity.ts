import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One append-only audit row: who did what to which referral, with what outcome. Ids and action names only,
 * never PHI. A database trigger (see the Referrals migration) refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_log')
@Index('audit_log_referral_idx', ['referralId', 'at'])
@Index('audit_log_actor_idx', ['actorId', 'at'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  /** PATIENT, THERAPIST, PROVIDER, ADMIN, or SYSTEM for jobs. */
  @Column('text', { name: 'actor_role' })
  actorRole: string;

  @Column('text')
  action: string;

  @Column('uuid', { name: 'referral_id', nullable: true })
  referralId: string | null;

  @Column('text')
  outcome: AuditOutcome;

  @Column('text', { name: 'request_id' })
  requestId: string;
}

/** ALLOWED: the operation happened. DENIED: the caller may not see the referral. REFUSED: a rule said no. */
/** ALLOWED: done; DENIED: not a party (or no such referral); REFUSED: a rule said no; FAILED: an unexpected error rolled it back. */
export type AuditOutcome = 'ALLOWED' | 'DENIED' | 'REFUSED' | 'FAILED';
