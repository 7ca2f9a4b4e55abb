import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';
import { VerificationStatus } from '../directory.enums';

/**
 * Columns every credential shares: its owner and its verification record. The stored status is never
 * EXPIRED: expiry is computed when read (see effectiveStatus), so it holds the moment the date passes.
 */
export abstract class CredentialBase {
  @Column('uuid', { name: 'therapist_id' })
  therapistId: string;

  /** PENDING, VERIFIED or REJECTED. */
  @Column('text')
  status: VerificationStatus;

  @Column('timestamptz', { name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @Column('uuid', { name: 'verified_by', nullable: true })
  verifiedBy: string | null;

  @Column('text', { name: 'verification_source', nullable: true })
  verificationSource: string | null;

  @Column('text', { name: 'verification_note', nullable: true })
  verificationNote: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
