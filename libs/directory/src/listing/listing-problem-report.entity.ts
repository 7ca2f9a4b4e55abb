import { Field, ID, ObjectType } from '@nestjs/graphql';
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
@ObjectType('ListingProblemReport')
@Entity('listing_problem_reports')
@Index('listing_problem_reports_open_idx', ['createdAt'], { where: 'resolved_at IS NULL' })
@Index('listing_problem_reports_client_idx', ['clientIp', 'createdAt'])
export class ListingProblemReport {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId: string;

  @Field(() => Therapist, { description: 'The listing reported (loaded by the admin queries)' })
  @ManyToOne(() => Therapist, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'therapist_id', foreignKeyConstraintName: 'listing_problem_reports_therapist_id_fkey' })
  therapist?: Relation<Therapist>;

  @Field(() => ListingProblemCategory)
  @Column('text')
  category: ListingProblemCategory;

  @Field()
  @Column('text')
  details: string;

  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail: string | null;

  /** Only for the per-client throttle. */
  @Column('text', { name: 'client_ip' })
  clientIp: string;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'resolution_note', nullable: true })
  resolutionNote: string | null;

  @Column('uuid', { name: 'resolved_by', nullable: true })
  resolvedBy: string | null;
}
