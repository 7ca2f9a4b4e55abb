import { Provider, Therapist } from '@mmn/directory';
import { User } from '@mmn/identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { ReferralStatus } from '../state-machine';

/**
 * A referral with its prescription (PHI). Every change goes through a conditional update on (status, version),
 * see ReferralTransitions. therapistId is the therapist it is addressed to now: null while OPEN and after a decline.
 */
@Entity('referrals')
@Index('referrals_provider_idempotency_key', ['providerId', 'idempotencyKey'], { unique: true })
@Index('referrals_access_code_key', ['accessCodeHash'], { unique: true })
@Index('referrals_provider_idx', ['providerId', 'createdAt'])
@Index('referrals_therapist_idx', ['therapistId', 'createdAt'])
@Index('referrals_claimed_by_idx', ['claimedBy', 'createdAt'])
@Index('referrals_expiry_idx', ['status', 'expiresOn'])
@Index('referrals_phi_key_version_idx', ['phiKeyVersion'])
@Index('referrals_continues_key', ['continuesId'], { unique: true, where: 'continues_id IS NOT NULL' })
export class Referral {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'provider_id' })
  providerId: string;

  @ManyToOne(() => Provider)
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'referrals_provider_id_fkey' })
  provider?: Relation<Provider>;

  @Column('uuid', { name: 'therapist_id', nullable: true })
  therapistId: string | null;

  @ManyToOne(() => Therapist)
  @JoinColumn({ name: 'therapist_id', foreignKeyConstraintName: 'referrals_therapist_id_fkey' })
  therapist?: Relation<Therapist>;

  @Column('text')
  status: ReferralStatus;

  @Column('integer', { default: 1 })
  version: number;

  @Column('text', { name: 'idempotency_key' })
  idempotencyKey: string;

  /** sha256 of the canonical createReferral input, to tell a replay from a clash. */
  @Column('text', { name: 'request_hash' })
  requestHash: string;

  /** sha256 of the normalised access code; the code itself is derived with an HMAC and never stored. */
  @Column('text', { name: 'access_code_hash' })
  accessCodeHash: string;

  /** Which ACCESS_CODE_KEY version derived the code (0: the JWT secret, for referrals made before the keyring). */
  @Column('integer', { name: 'access_code_key_version', default: 0 })
  accessCodeKeyVersion: number;

  @Column('uuid', { name: 'claimed_by', nullable: true })
  claimedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'claimed_by', foreignKeyConstraintName: 'referrals_claimed_by_fkey' })
  claimant?: Relation<User>;

  /** Which PHI_KEY version wraps phiDataKey; NULL only for rows from before encryption, until PhiBackfill. */
  @Column('integer', { name: 'phi_key_version', nullable: true })
  phiKeyVersion: number | null;

  /** This referral's own AES-256-GCM data key, wrapped by the PHI_KEY version above (see PhiCipher). */
  @Column('bytea', { name: 'phi_data_key', nullable: true })
  phiDataKey: Buffer | null;

  // Sealed with the data key (PhiCipher): these columns hold ciphertext, never the patient's data in clear.
  @Column('bytea', { name: 'patient_full_name' })
  patientFullName: Buffer;

  @Column('bytea', { name: 'patient_date_of_birth' })
  patientDateOfBirth: Buffer;

  @Column('bytea', { name: 'patient_email', nullable: true })
  patientEmail: Buffer | null;

  @Column('bytea', { name: 'patient_phone', nullable: true })
  patientPhone: Buffer | null;

  @Column('text', { name: 'diagnosis_codes', array: true })
  diagnosisCodes: string[];

  @Column('text', { name: 'body_regions', array: true })
  bodyRegions: string[];

  @Column('integer', { name: 'visits_per_week' })
  visitsPerWeek: number;

  @Column('integer', { name: 'duration_weeks' })
  durationWeeks: number;

  @Column('integer', { name: 'visits_authorized' })
  visitsAuthorized: number;

  @Column('integer', { name: 'session_minutes' })
  sessionMinutes: number;

  @Column('text', { array: true })
  goals: string[];

  @Column('text', { array: true })
  precautions: string[];

  @Column('text', { array: true })
  contraindications: string[];

  @Column('text', { name: 'requested_technique_ids', array: true })
  requestedTechniqueIds: string[];

  /** Sealed (PhiCipher). */
  @Column('bytea', { name: 'prescription_notes', nullable: true })
  prescriptionNotes: Buffer | null;

  /** The prescriber's NPI when the referral was written. */
  @Column('text', { name: 'prescriber_npi' })
  prescriberNpi: string;

  @Column('date', { name: 'written_on' })
  writtenOn: string;

  @Column('date', { name: 'expires_on' })
  expiresOn: string;

  @Column('integer', { name: 'visits_used', default: 0 })
  visitsUsed: number;

  /** Sealed (PhiCipher). */
  @Column('bytea', { name: 'discharge_summary', nullable: true })
  dischargeSummary: Buffer | null;

  @Column('boolean', { name: 'reached_mmi', nullable: true })
  reachedMaximumMedicalImprovement: boolean | null;

  /** The TRANSFERRED referral this one continues (care moved to a new city); unique: one continuation each. */
  @Column('uuid', { name: 'continues_id', nullable: true })
  continuesId: string | null;

  /** Written by the therapist the care was transferred from. Sealed (PhiCipher). */
  @Column('bytea', { name: 'transfer_summary', nullable: true })
  transferSummary: Buffer | null;

  /** On a continuation: the patient lets its therapist see the transferred history (off until they say so). */
  @Column('boolean', { name: 'history_shared', default: false })
  historyShared: boolean;

  /** ... and the SOAP notes of the earlier visits, separately. */
  @Column('boolean', { name: 'soap_notes_shared', default: false })
  soapNotesShared: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
