import { Field, ID, ObjectType } from '@nestjs/graphql';
import { User } from '@mmn/identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { VerificationStatus } from '../directory.enums';
import { PracticeLocation } from './practice-location.entity';

/** A prescribing/referring provider's profile. Its id is its own uuid; `npi` is a resolved field ("" until set). */
@ObjectType('Provider')
@Entity('providers')
export class Provider {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('providers_user_id_key', { unique: true })
  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'providers_user_id_fkey' })
  user?: User;

  @Field()
  @Column('text', { name: 'display_name' })
  displayName: string;

  /** Null until the provider enters it; unique across providers. */
  @Index('providers_npi_key', { unique: true })
  @Column('text', { nullable: true })
  npi: string | null;

  /** Primary-source verification of the NPI (PENDING until an administrator checks it against NPPES). */
  @Column('text', { name: 'npi_status', default: 'PENDING' })
  npiStatus: VerificationStatus;

  /** When the current NPI was entered: the verification queue is oldest first. */
  @Column('timestamptz', { name: 'npi_submitted_at', nullable: true })
  npiSubmittedAt: Date | null;

  @Column('timestamptz', { name: 'npi_verified_at', nullable: true })
  npiVerifiedAt: Date | null;

  @Column('uuid', { name: 'npi_verified_by', nullable: true })
  npiVerifiedBy: string | null;

  @Column('text', { name: 'npi_verification_source', nullable: true })
  npiVerificationSource: string | null;

  @Column('text', { name: 'npi_verification_note', nullable: true })
  npiVerificationNote: string | null;

  @Field(() => String, { nullable: true, description: 'NUCC code, e.g. "207Q00000X"' })
  @Column('text', { name: 'taxonomy_code', nullable: true })
  taxonomyCode: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  specialty: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  organization: string | null;

  @Field(() => [PracticeLocation])
  @OneToMany(() => PracticeLocation, (location) => location.provider)
  locations: PracticeLocation[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
