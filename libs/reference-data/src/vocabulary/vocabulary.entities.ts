import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum NetworkKind {
  HEALTH_PLAN = 'HEALTH_PLAN',
  AUTO_INSURANCE = 'AUTO_INSURANCE',
  WORKERS_COMP = 'WORKERS_COMP',
  HEALTH_SYSTEM = 'HEALTH_SYSTEM',
  OTHER = 'OTHER',
}
registerEnumType(NetworkKind, { name: 'NetworkKind' });

@ObjectType()
@Entity('conditions')
export class Condition {
  @Field(() => ID, { description: 'Stable slug, e.g. "carpal-tunnel-syndrome"' })
  @PrimaryColumn('text')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => [String])
  @Column('text', { name: 'icd10_codes', array: true })
  icd10Codes: string[];

  @Field(() => [String])
  @Column('text', { array: true })
  synonyms: string[];
}

@ObjectType()
@Entity('techniques')
export class Technique {
  @Field(() => ID)
  @PrimaryColumn('text')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => [String])
  @Column('text', { array: true })
  synonyms: string[];
}

@ObjectType()
@Entity('networks')
export class Network {
  @Field(() => ID)
  @PrimaryColumn('text')
  id: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => NetworkKind)
  @Column('text')
  kind: NetworkKind;
}
