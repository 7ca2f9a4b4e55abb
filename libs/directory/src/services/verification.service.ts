import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BadUserInputError, NotFoundError } from '@mmn/errors';
import type { Principal } from '@mmn/identity';
import { CredentialKind, VerificationStatus } from '../directory.enums';
import { type Verification } from '../directory.models';
import { type VerifyCredentialInput } from '../dto/credential.inputs';
import { recordChanges } from '../rules/change-log';
import { isUuid } from '@mmn/shared';
import { effectiveStatus } from '../rules/therapist-verification';
import { CREDENTIAL_KINDS, type Credential } from './credentials.service';
import { publicProfileChanged } from './therapist-records';

/** The end of a credential's validity: expiresOn, or effectiveTo for a network membership. */
export function credentialExpiry(credential: Credential): string | null {
  return 'effectiveTo' in credential ? credential.effectiveTo : credential.expiresOn;
}

/** The verification a credential reads as right now (VERIFIED past its expiry reads EXPIRED). */
export function verificationOf(credential: Credential): Verification {
  return {
    status: effectiveStatus(credential.status, credentialExpiry(credential) ?? null),
    verifiedAt: credential.verifiedAt ?? null,
    source: credential.verificationSource ?? null,
    note: credential.verificationNote ?? null,
  };
}

export interface PendingCredentialRow {
  kind: CredentialKind;
  credentialId: string;
  therapistId: string;
  submittedAt: Date;
}

/** Primary-source verification by network staff. */
@Injectable()
export class VerificationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(admin: Principal, input: VerifyCredentialInput): Promise<Verification> {
    if (input.status !== VerificationStatus.VERIFIED && input.status !== VerificationStatus.REJECTED) {
      throw BadUserInputError.field('input.status', 'must be VERIFIED or REJECTED');
    }
    if (!isUuid(input.credentialId)) throw new NotFoundError('Credential');
    const { entity, name } = CREDENTIAL_KINDS[input.kind];
    return this.dataSource.transaction(async (manager) => {
      const credential = await manager.findOne(entity, {
        where: { id: input.credentialId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!credential) throw new NotFoundError('Credential');
      const before = { ...credential };
      credential.status = input.status;
      credential.verifiedAt = new Date();
      credential.verifiedBy = admin.userId;
      credential.verificationSource = input.source;
      credential.verificationNote = input.note || null;
      await manager.save(entity, credential);
      await recordChanges(
        manager,
        { actorId: admin.userId, therapistId: credential.therapistId, entity: name, entityId: credential.id },
        before,
        credential,
        ['status', 'verifiedAt', 'verifiedBy', 'verificationSource', 'verificationNote'],
      );
      await publicProfileChanged(manager, credential.therapistId);
      return verificationOf(credential);
    });
  }

  /** Credentials awaiting verification, oldest first. */
  async pending(first: number): Promise<PendingCredentialRow[]> {
    const rows: { kind: CredentialKind; id: string; therapist_id: string; created_at: Date }[] =
      await this.dataSource.query(
        `SELECT * FROM (
         SELECT 'LICENSE' AS kind, id, therapist_id, created_at FROM licenses WHERE status = 'PENDING'
         UNION ALL SELECT 'CERTIFICATION', id, therapist_id, created_at FROM certifications WHERE status = 'PENDING'
         UNION ALL SELECT 'NETWORK_MEMBERSHIP', id, therapist_id, created_at FROM network_memberships WHERE status = 'PENDING'
       ) pending ORDER BY created_at, id LIMIT $1`,
        [first],
      );
    return rows.map((row) => ({
      kind: row.kind,
      credentialId: row.id,
      therapistId: row.therapist_id,
      submittedAt: row.created_at,
    }));
  }
}
