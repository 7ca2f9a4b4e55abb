import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '@mmn/graphql-platform';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CredentialBase } from './credential-base';
import { Therapist } from './therapist.entity';

/** A state massage-therapy license; valid only for its own state. */
@ObjectType('License')
@Entity('licenses')
@Index('licenses_therapist_idx', ['therapistId'])
@Index('licenses_therapist_state_number_key', ['therapistId', 'state', 'licenseNumber'], { unique: true })
export class License extends CredentialBase {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Therapist, (therapist) => therapist.licenses, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'therapist_id', foreignKeyConstraintName: 'licenses_therapist_id_fkey' })
  therapist?: Relation<Therapist>;

  @Field({ description: 'Two-letter US state code' })
  @Column('text')
  state: string;

  @Field()
  @Column('text', { name: 'license_number' })
  licenseNumber: string;

  @Field(() => GraphQLDate, { nullable: true })
  @Column('date', { name: 'issued_on', nullable: true })
  issuedOn: string | null;

  @Field(() => GraphQLDate)
  @Column('date', { name: 'expires_on' })
  expiresOn: string;
}
