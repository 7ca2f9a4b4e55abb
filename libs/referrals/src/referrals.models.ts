import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Provider, Therapist } from '@mmn/directory';
import { GraphQLDate, PageInfo } from '@mmn/graphql-platform';
import type { Party } from './services/referral-parties';
import { Diagnosis } from '@mmn/reference-data';
import { Role } from '@mmn/shared';
import { Visit } from './entities/visit.entity';
import { ReferralStatus } from './state-machine';

registerEnumType(ReferralStatus, { name: 'ReferralStatus' });

@ObjectType()
export class PatientDetails {
  @Field()
  fullName: string;

  @Field(() => GraphQLDate)
  dateOfBirth: string;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;
}

@ObjectType()
export class Prescription {
  @Field(() => [Diagnosis], { description: 'At least one' })
  diagnoses: Diagnosis[];

  @Field(() => [String])
  bodyRegions: string[];

  @Field(() => Int, { description: '1..7' })
  visitsPerWeek: number;

  @Field(() => Int, { description: '1..52' })
  durationWeeks: number;

  @Field(() => Int, { description: '1..104' })
  visitsAuthorized: number;

  @Field(() => Int, { description: '15..120' })
  sessionMinutes: number;

  @Field(() => [String], { description: 'Functional outcomes' })
  goals: string[];

  @Field(() => [String])
  precautions: string[];

  @Field(() => [String])
  contraindications: string[];

  @Field(() => [ID])
  requestedTechniqueIds: string[];

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => GraphQLDate)
  writtenOn: string;

  @Field(() => GraphQLDate)
  expiresOn: string;
}

@ObjectType('ReferralEvent')
export class ReferralEventView {
  @Field()
  at: Date;

  @Field(() => Role, { description: 'ADMIN stands for the network itself (the expiry job)' })
  actorRole: Role;

  @Field({
    description:
      'CREATED, CLAIMED, SENT, ACCEPTED, DECLINED, VISIT_RECORDED, PROGRESS_NOTE, RENEWED, COMPLETED, CANCELLED, EXPIRED',
  })
  type: string;

  @Field(() => ReferralStatus, { nullable: true })
  fromStatus: ReferralStatus | null;

  @Field(() => ReferralStatus, { nullable: true })
  toStatus: ReferralStatus | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

/** A referral as one party may see it (a therapist who declined sees it as it was when they declined). */
@ObjectType('Referral')
export class ReferralView {
  @Field(() => ID)
  id: string;

  @Field(() => ReferralStatus)
  status: ReferralStatus;

  @Field(() => Provider)
  provider: Provider;

  @Field(() => Therapist, { nullable: true, description: 'Null while OPEN or after a decline' })
  therapist: Therapist | null;

  @Field(() => PatientDetails)
  patient: PatientDetails;

  @Field(() => Prescription)
  prescription: Prescription;

  @Field(() => Int)
  visitsUsed: number;

  @Field(() => [Visit])
  visits: Visit[];

  @Field(() => [ReferralEventView], { description: 'Oldest first: the timeline' })
  events: ReferralEventView[];

  @Field(() => String, { nullable: true })
  dischargeSummary: string | null;

  @Field(() => Boolean, { nullable: true })
  reachedMaximumMedicalImprovement: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Written by the therapist the care was transferred from: on the TRANSFERRED referral for its parties; on the continuation for the patient and prescriber, and for its therapist once the patient shares the history',
  })
  transferSummary: string | null;

  @Field({ description: 'On a continuation: its therapist may see the transferred history (the patient decides)' })
  historyShared: boolean;

  @Field({ description: 'On a continuation: the SOAP notes of the earlier visits are shared too' })
  soapNotesShared: boolean;

  /** Links resolved per caller by ReferralTransferFields (each side is shown only to that referral's parties). */
  continuesId: string | null;
  continuedById: string | null;
  /** How the caller stands to this referral (for the field resolvers). */
  viewer: Party;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class CreatedReferral {
  @Field(() => ReferralView)
  referral: ReferralView;

  @Field({ description: 'Shown to the provider to hand to the patient' })
  accessCode: string;
}

@ObjectType()
export class ReferralEdge {
  @Field()
  cursor: string;

  @Field(() => ReferralView)
  node: ReferralView;
}

@ObjectType()
export class ReferralConnection {
  @Field(() => [ReferralEdge])
  edges: ReferralEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
