import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ExportJobStatus = 'accepted' | 'in-progress' | 'completed' | 'failed';

export interface ExportFile {
  type: string;
  count: number;
}

/** A FHIR bulk $export of the public directory; its NDJSON files live under the data directory until it expires. */
@Entity('fhir_export_jobs')
@Index('fhir_export_jobs_status_idx', ['status', 'heartbeatAt'])
export class FhirExportJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  status: ExportJobStatus;

  @Column('text', { array: true })
  types: string[];

  @Column('timestamptz', { nullable: true })
  since: Date | null;

  /** The FHIR base URL the client used, for the manifest's absolute URLs. */
  @Column('text', { name: 'base_url' })
  baseUrl: string;

  @Column('text', { name: 'request_url' })
  requestUrl: string;

  @Column('timestamptz', { name: 'transaction_time', nullable: true })
  transactionTime: Date | null;

  @Column('jsonb', { nullable: true })
  output: ExportFile[] | null;

  @Column('text', { nullable: true })
  error: string | null;

  /** Set while a worker writes the files; a stale heartbeat (a crash or restart) lets another worker start over. */
  @Column('timestamptz', { name: 'heartbeat_at', nullable: true })
  heartbeatAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;
}
