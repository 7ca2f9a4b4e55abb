import { Field, ObjectType } from '@nestjs/graphql';
import { AUDIT_OUTCOMES, type AuditOutcome } from '@mmn/audit';
import { Role } from '@mmn/shared';

/** One access to a referral as its patient sees it: when, who (role and name), what, and the outcome. */
@ObjectType()
export class AccessReportEntry {
  @Field(() => Date)
  at: Date;

  @Field(() => Role)
  actorRole: Role;

  @Field({ description: "The party's display name (prescriber, therapist, administrator, the patient themself)" })
  actorName: string;

  @Field({ description: 'e.g. READ, LIST, CLAIM, ACCEPT, RECORD_VISIT, READ_AUDIT_LOG' })
  action: string;

  @Field(() => AUDIT_OUTCOMES)
  outcome: AuditOutcome;
}

/** An audit row of the referral with the names its actor goes by. */
export interface AccessRow {
  at: Date;
  actor_id: string | null;
  actor_role: string;
  action: string;
  outcome: AuditOutcome;
  /** The provider's or therapist's profile name, for rows in those roles. */
  profile_name: string | null;
  /** The account's display name. */
  account_name: string | null;
}

/** The network itself (jobs such as the expiry of a prescription): the contract's Role has no SYSTEM. */
export const SYSTEM_ACTOR_NAME = 'Medical Massage Network (automatic)';
export const UNKNOWN_ACTOR_NAME = 'A deleted account';

const ROLES = new Set<string>(Object.values(Role));

/** Audit rows to report entries: the name a party is known by, the system shown as the network's administration. */
export function accessReportEntries(rows: AccessRow[]): AccessReportEntry[] {
  return rows.map((row) => {
    const system = row.actor_role === 'SYSTEM' || !ROLES.has(row.actor_role);
    return {
      at: row.at,
      actorRole: system ? Role.ADMIN : (row.actor_role as Role),
      actorName: system ? SYSTEM_ACTOR_NAME : (row.profile_name ?? row.account_name ?? UNKNOWN_ACTOR_NAME),
      action: row.action,
      outcome: row.outcome,
    };
  });
}
