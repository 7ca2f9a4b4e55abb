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
import { Provider } from './provider.entity';
import { Therapist } from './therapist.entity';

/** A provider vouching for a therapist they completed a referral with; one per pair (the rule lives in referrals). */
@ObjectType('Endorsement')
@Entity('endorsements')
@Index('endorsements_therapist_provider_key', ['therapistId', 'providerId'], { unique: true })
export class Endorsement {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'therapist_id' })
  therapistId: string;

  @ManyToOne(() => Therapist, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'therapist_id', foreignKeyConstraintName: 'endorsements_therapist_id_fkey' })
  therapist?: Relation<Therapist>;

  @Column('uuid', { name: 'provider_id' })
  providerId: string;

  @Field(() => Provider)
  @ManyToOne(() => Provider, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'endorsements_provider_id_fkey' })
  provider: Relation<Provider>;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
