import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An ICD-10-CM code from the bundled subset (CDC/NCHS, public domain). */
@ObjectType()
@Entity('diagnoses')
export class Diagnosis {
  @Field()
  @PrimaryColumn('text')
  code: string;

  @Field()
  @Column('text')
  description: string;

  @Field({ description: 'False for category headers, which cannot be billed (e.g. M54.5 since FY2022).' })
  @Column('boolean')
  billable: boolean;
}
