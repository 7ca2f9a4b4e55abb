import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RegistryLookupStatus {
  FOUND = 'FOUND',
  NOT_FOUND = 'NOT_FOUND',
  UNREACHABLE = 'UNREACHABLE',
}
registerEnumType(RegistryLookupStatus, { name: 'RegistryLookupStatus' });

@ObjectType()
export class RegistryTaxonomy {
  @Field()
  code: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  state: string | null;
}

@ObjectType('RegistryRecord')
export class RegistryRecordView {
  @Field()
  npi: string;

  @Field({ description: 'INDIVIDUAL (NPI-1) or ORGANIZATION (NPI-2)' })
  kind: string;

  @Field()
  name: string;

  @Field()
  active: boolean;

  @Field(() => RegistryTaxonomy, { nullable: true })
  primaryTaxonomy: RegistryTaxonomy | null;

  @Field(() => [String])
  states: string[];
}

@ObjectType({ description: "How the provider's entries compare with the registry record (null: nothing to compare)" })
export class RegistryComparison {
  @Field()
  nameMatches: boolean;

  @Field(() => Boolean, { nullable: true })
  taxonomyMatches: boolean | null;

  @Field(() => Boolean, { nullable: true })
  stateMatches: boolean | null;

  @Field()
  active: boolean;
}

@ObjectType({ description: "The NPPES NPI Registry's record of a provider's NPI, for the administrator's check" })
export class RegistryLookup {
  @Field(() => RegistryLookupStatus)
  status: RegistryLookupStatus;

  @Field({ description: 'What to do next, in words ("The registry did not answer: check by hand at ...")' })
  message: string;

  @Field(() => RegistryRecordView, { nullable: true })
  record: RegistryRecordView | null;

  @Field(() => RegistryComparison, { nullable: true })
  comparison: RegistryComparison | null;
}
