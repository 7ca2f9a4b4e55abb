import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A reminder that a verified credential expires soon, sent once per credential and window (60 and 14 days). */
@Entity('credential_reminders')
export class CredentialReminder {
  @PrimaryColumn('text', { name: 'credential_kind' })
  credentialKind: string;

  @PrimaryColumn('uuid', { name: 'credential_id' })
  credentialId: string;

  @PrimaryColumn('integer', { name: 'days_before' })
  daysBefore: number;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;
}
