import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One changed field of a profile, credential, location or verification: append-only change history. */
@ObjectType('ProfileChange')
@Entity('profile_changes')
@Index('profile_changes_therapist_idx', ['therapistId', 'at'])
@Index('profile_changes_provider_idx', ['providerId', 'at'])
export class ProfileChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** The therapist whose profile changed (null for a provider's change). */
  @Column('uuid', { name: 'therapist_id', nullable: true })
  therapistId: string | null;

  @Column('uuid', { name: 'provider_id', nullable: true })
  providerId: string | null;

  @Field()
  @Column('timestamptz', { default: () => 'now()' })
  at: Date;

  @Field(() => ID)
  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @Field({ description: 'Therapist, Provider, License, Certification, NetworkMembership or PracticeLocation' })
  @Column('text')
  entity: string;

  @Field(() => ID)
  @Column('uuid', { name: 'entity_id' })
  entityId: string;

  @Field()
  @Column('text')
  field: string;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'old_value', nullable: true })
  oldValue: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { name: 'new_value', nullable: true })
  newValue: string | null;
}
