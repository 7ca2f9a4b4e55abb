import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
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

/** A place where a therapist practises or a provider sees patients; exactly one of the two owners is set. */
@ObjectType('PracticeLocation')
@Entity('practice_locations')
@Index('practice_locations_therapist_idx', ['therapistId'])
@Index('practice_locations_provider_idx', ['providerId'])
@Index('practice_locations_position_idx', ['latitude', 'longitude'])
export class PracticeLocation {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'therapist_id', nullable: true })
  therapistId: string | null;

  @ManyToOne(() => Therapist, (therapist) => therapist.locations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'therapist_id', foreignKeyConstraintName: 'practice_locations_therapist_id_fkey' })
  therapist?: Relation<Therapist>;

  @Column('uuid', { name: 'provider_id', nullable: true })
  providerId: string | null;

  @ManyToOne(() => Provider, (provider) => provider.locations, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'practice_locations_provider_id_fkey' })
  provider?: Relation<Provider>;

  @Field(() => String, { nullable: true, description: 'e.g. "Brickell clinic"' })
  @Column('text', { nullable: true })
  label: string | null;

  @Field()
  @Column('text', { name: 'address_line' })
  addressLine: string;

  @Field()
  @Column('text')
  city: string;

  @Field()
  @Column('text')
  state: string;

  @Field()
  @Column('text', { name: 'postal_code' })
  postalCode: string;

  @Field(() => Float)
  @Column('double precision')
  latitude: number;

  @Field(() => Float)
  @Column('double precision')
  longitude: number;

  /**
   * For a therapist's location: distinct verified prescribers with a practice location within 50 km of it who sent
   * this therapist a referral they accepted (kept by the referrals lib; 0 for providers' locations).
   */
  @Column('integer', { name: 'local_referring_providers', default: 0 })
  localReferringProviders: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
