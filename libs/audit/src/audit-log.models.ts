import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageInfo } from '@mmn/graphql-platform';
import { Role, trim } from '@mmn/shared';
import type { AuditOutcome } from './audit-log-entry.entity';

/** The outcomes as a GraphQL enum (the column holds the same strings). */
export const AUDIT_OUTCOMES = { ALLOWED: 'ALLOWED', DENIED: 'DENIED', REFUSED: 'REFUSED', FAILED: 'FAILED' } as const;
registerEnumType(AUDIT_OUTCOMES, {
  name: 'AuditOutcome',
  description: 'ALLOWED: done; DENIED: not a party or no such record; REFUSED: a rule said no; FAILED: rolled back',
});

@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  actorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  referralId?: string;

  @Field({ nullable: true, description: 'e.g. READ, CREATE, ACCEPT, RECORD_VISIT' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  action?: string;

  @Field(() => AUDIT_OUTCOMES, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(AUDIT_OUTCOMES))
  outcome?: AuditOutcome;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@ObjectType('AuditEntry')
export class AuditEntryView {
  @Field(() => ID)
  id: string;

  @Field(() => Date)
  at: Date;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => Role, { nullable: true, description: 'Null for the system (jobs)' })
  actorRole: Role | null;

  @Field()
  action: string;

  @Field(() => ID, { nullable: true })
  referralId: string | null;

  @Field(() => AUDIT_OUTCOMES)
  outcome: AuditOutcome;

  @Field(() => String, { nullable: true })
  requestId: string | null;
}

@ObjectType()
export class AuditEntryEdge {
  @Field()
  cursor: string;

  @Field(() => AuditEntryView)
  node: AuditEntryView;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}
