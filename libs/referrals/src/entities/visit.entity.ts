import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '@mmn/graphql-platform';
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
import { Referral } from './referral.entity';

/** A treatment visit recorded by the addressed therapist against the authorized count. */
@ObjectType('Visit')
@Entity('visits')
@Index('visits_referral_idx', ['referralId', 'occurredOn'])
export class Visit {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'referral_id' })
  referralId: string;

  @ManyToOne(() => Referral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'visits_referral_id_fkey' })
  referral?: Relation<Referral>;

  @Column('uuid', { name: 'therapist_id' })
  therapistId: string;

  @Field(() => GraphQLDate)
  @Column('date', { name: 'occurred_on' })
  occurredOn: string;

  @Field(() => Int)
  @Column('integer')
  minutes: number;

  @Field(() => [ID])
  @Column('text', { name: 'technique_ids', array: true })
  techniqueIds: string[];

  /** The SOAP note in clear, for the API only: not a column, filled in from sealedSoapNote by ReferralViews. */
  @Field(() => String, { nullable: true, description: 'subjective/objective/assessment/plan' })
  soapNote: string | null;

  /** The SOAP note sealed with the referral's data key (PhiCipher). */
  @Column('bytea', { name: 'soap_note', nullable: true })
  sealedSoapNote: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
