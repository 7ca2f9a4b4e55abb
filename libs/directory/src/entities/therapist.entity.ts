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
import { PracticeContext, TreatmentIntention } from '../directory.enums';
import { isTherapistVerified } from '../rules/therapist-verification';
import { Certification } from './certification.entity';
import { License } from './license.entity';
import { NetworkMembership } from './network-membership.entity';
import { PracticeLocation } from './practice-location.entity';
import { Reputation } from './reputation.model';

/**
 * A therapist's profile. Its id is its own uuid (not the user's); one profile per user.
 * conditions, techniques and endorsements are resolved fields (see TherapistFieldsResolver); verified and
 * reputation are computed here from the loaded row (plain getters: a page of search hits resolves them without
 * a resolver call each).
 */
@ObjectType('Therapist')
@Entity('therapists')
export class Therapist {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('therapists_user_id_key', { unique: true })
  @Column('uuid', { name: 'user_id' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'therapists_user_id_fkey' })
  user?: User;

  @Field()
  @Column('text', { name: 'display_name' })
  displayName: string;

  @Field(() => String, { nullable: true, description: 'e.g. "LMT, BCTMB"' })
  @Column('text', { name: 'credential_letters', nullable: true })
  credentialLetters: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  bio: string | null;

  @Field(() => [String], { description: 'ISO 639-1, e.g. ["en", "es"]' })
  @Column('text', { array: true })
  languages: string[];

  @Field(() => [PracticeContext])
  @Column('text', { name: 'practice_contexts', array: true })
  practiceContexts: PracticeContext[];

  @Field(() => [TreatmentIntention])
  @Column('text', { name: 'treatment_intentions', array: true })
  treatmentIntentions: TreatmentIntention[];

  @Field()
  @Column('boolean', { name: 'accepting_new_patients', default: false })
  acceptingNewPatients: boolean;

  @Field()
  @Column('boolean', { name: 'bills_insurance', default: false })
  billsInsurance: boolean;

  @Column('text', { name: 'condition_ids', array: true })
  conditionIds: string[];

  @Column('text', { name: 'technique_ids', array: true })
  techniqueIds: string[];

  /** Reputation counters, fed by the referrals feature. */
  @Column('integer', { name: 'referring_providers', default: 0 })
  referringProviders: number;

  @Column('integer', { name: 'completed_referrals', default: 0 })
  completedReferrals: number;

  @Column('integer', { name: 'endorsement_count', default: 0 })
  endorsementCount: number;

  @Column('timestamptz', { name: 'suspended_at', nullable: true })
  suspendedAt: Date | null;

  @Column('text', { name: 'suspension_reason', nullable: true })
  suspensionReason: string | null;

  @Field(() => [PracticeLocation])
  @OneToMany(() => PracticeLocation, (location) => location.therapist)
  locations: PracticeLocation[];

  @Field(() => [License])
  @OneToMany(() => License, (license) => license.therapist)
  licenses: License[];

  @Field(() => [Certification])
  @OneToMany(() => Certification, (certification) => certification.therapist)
  certifications: Certification[];

  @Field(() => [NetworkMembership])
  @OneToMany(() => NetworkMembership, (membership) => membership.therapist)
  networkMemberships: NetworkMembership[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Boolean, { description: 'Holds a VERIFIED, unexpired license in the state of one of its locations' })
  get verified(): boolean {
    return isTherapistVerified(
      this.licenses ?? [],
      (this.locations ?? []).map((location) => location.state),
    );
  }

  /**
   * The location a search hit was found at: its reputation then counts the local doctors of that place. Set only on
   * instances loaded for one search page (each therapist appears there once).
   */
  reputationLocationId?: string;

  @Field(() => Reputation)
  get reputation(): Reputation {
    const local = localReputationLocation(this.locations ?? [], this.reputationLocationId);
    return {
      referringProviders: this.referringProviders,
      localReferringProviders: local?.localReferringProviders ?? 0,
      localArea: local?.city ?? null,
      completedReferrals: this.completedReferrals,
      endorsements: this.endorsementCount,
    };
  }
}

/** The location whose local count a reputation shows: the one asked for, else the one with the most local doctors. */
function localReputationLocation(
  locations: readonly PracticeLocation[],
  locationId: string | undefined,
): PracticeLocation | undefined {
  const asked = locationId === undefined ? undefined : locations.find((location) => location.id === locationId);
  if (asked) return asked;
  return [...locations].sort(
    (a, b) => b.localReferringProviders - a.localReferringProviders || a.id.localeCompare(b.id),
  )[0];
}
