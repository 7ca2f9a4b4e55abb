import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '@mmn/graphql-platform';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CredentialBase } from './credential-base';
import { Therapist } from './therapist.entity';

/** Credentialing with a payer or health-care network; it "expires" on effectiveTo. `network` is a resolved field. */
@ObjectType('NetworkMembership')
@Entity('network_memberships')
@Index('network_memberships_therapist_idx', ['therapistId'])
export class NetworkMembership extends CredentialBase {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Therapist, (therapist) => therapist.networkMemberships, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'therapist_id', foreignKeyConstraintName: 'network_memberships_therapist_id_fkey' })
  therapist?: Relation<Therapist>;

  @Column('text', { name: 'network_id' })
  networkId: string;

  @Field(() => GraphQLDate)
  @Column('date', { name: 'effective_from' })
  effectiveFrom: string;

  @Field(() => GraphQLDate, { nullable: true })
  @Column('date', { name: 'effective_to', nullable: true })
  effectiveTo: string | null;
}
