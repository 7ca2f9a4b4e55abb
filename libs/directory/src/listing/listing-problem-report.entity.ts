import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Therapist } from '../entities/therapist.entity';
import { ListingProblemCategory } from './listing-problem.models';

/** A member of the public's report that a listing is wrong or stale, kept for administrators. */
@Entity('listing_problem_reports')
@Index('listing_problem_reports_open_idx', ['createdAt'], { where: 'resolved_at IS NULL' })
@Index('listing_problem_reports_client_idx', ['clientIp', 'createdAt'])
export class ListingProblemReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId: string;

  @ManyToOne(() => Therapist, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'therapist_id', foreignKeyConstraintName: 'listing_problem_reports_therapist_id_fkey' })
  therapist?: Relation<Therapist>;

  @Column('text')
  category: ListingProblemCategory;

  @Column('text')
  details: string;

  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail: string | null;

  /** Only for the per-client throttle. */
  @Column('text', { name: 'client_ip' })
  clientIp: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column('text', { name: 'resolution_note', nullable: true })
  resolutionNote: string | null;
}
