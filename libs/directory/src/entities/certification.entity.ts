import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '@mmn/graphql-platform';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CredentialBase } from './credential-base';
import { Therapist } from './therapist.entity';

/** A board or technique certification (e.g. NCBTMB, MLD, CDT). */
@ObjectType('Certification')
@Entity('certifications')
@Index('certifications_therapist_idx', ['therapistId'])
export class Certification extends CredentialBase {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Therapist, (therapist) => therapist.certifications, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'therapist_id', foreignKeyConstraintName: 'certifications_therapist_id_fkey' })
  therapist?: Relation<Therapist>;

  @Field()
  @Column('text')
  name: string;

  @Field()
  @Column('text')
  issuer: string;

  @Field(() => GraphQLDate, { nullable: true })
  @Column('date', { name: 'issued_on', nullable: true })
  issuedOn: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  @Column('date', { name: 'expires_on', nullable: true })
  expiresOn: string | null;
}
