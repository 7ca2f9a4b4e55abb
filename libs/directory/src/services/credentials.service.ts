import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, DeepPartial, EntityManager, EntityTarget } from 'typeorm';
import { isUniqueViolation } from '@mmn/database';
import { BadUserInputError, ConflictError, NotFoundError } from '@mmn/errors';
import type { Principal } from '@mmn/identity';
import { ReferenceDataService } from '@mmn/reference-data';
import { CredentialKind, VerificationStatus } from '../directory.enums';
import { type CertificationInput, type LicenseInput, type NetworkMembershipInput } from '../dto/credential.inputs';
import { Certification } from '../entities/certification.entity';
import { License } from '../entities/license.entity';
import { NetworkMembership } from '../entities/network-membership.entity';
import { recordChanges } from '../rules/change-log';
import { isUuid } from '@mmn/shared';
import { lockOwnTherapist, publicProfileChanged } from './therapist-records';

export type Credential = License | Certification | NetworkMembership;

const VERIFICATION_FIELDS = ['status', 'verifiedAt', 'verifiedBy', 'verificationSource', 'verificationNote'] as const;

/** Per kind: its entity, the name used in history, and the fields recorded when it is added or removed. */
export const CREDENTIAL_KINDS: Record<
  CredentialKind,
  { entity: EntityTarget<Credential>; name: string; fields: readonly string[] }
> = {
  [CredentialKind.LICENSE]: {
    entity: License,
    name: 'License',
    fields: ['state', 'licenseNumber', 'issuedOn', 'expiresOn', ...VERIFICATION_FIELDS],
  },
  [CredentialKind.CERTIFICATION]: {
    entity: Certification,
    name: 'Certification',
    fields: ['name', 'issuer', 'issuedOn', 'expiresOn', ...VERIFICATION_FIELDS],
  },
  [CredentialKind.NETWORK_MEMBERSHIP]: {
    entity: NetworkMembership,
    name: 'NetworkMembership',
    fields: ['networkId', 'effectiveFrom', 'effectiveTo', ...VERIFICATION_FIELDS],
  },
};

/** `later` must be strictly after `earlier` (both YYYY-MM-DD), else BAD_USER_INPUT naming `path`. */
function requireAfter(
  earlier: string | undefined | null,
  later: string | undefined | null,
  path: string,
  message: string,
): void {
  if (earlier && later && later <= earlier) throw BadUserInputError.field(path, message);
}

/** Licenses, certifications and network memberships a therapist adds (PENDING) or removes, own only. */
@Injectable()
export class CredentialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataService,
  ) {}

  async addLicense(principal: Principal, input: LicenseInput): Promise<License> {
    requireAfter(input.issuedOn, input.expiresOn, 'input.expiresOn', 'must be after issuedOn');
    try {
      return await this.add<License>(principal, CredentialKind.LICENSE, {
        state: input.state,
        licenseNumber: input.licenseNumber,
        issuedOn: input.issuedOn ?? null,
        expiresOn: input.expiresOn,
      });
    } catch (error) {
      if (isUniqueViolation(error, 'licenses_therapist_state_number_key'))
        throw new ConflictError('You already added this license.');
      throw error;
    }
  }

  addCertification(principal: Principal, input: CertificationInput): Promise<Certification> {
    requireAfter(input.issuedOn, input.expiresOn, 'input.expiresOn', 'must be after issuedOn');
    return this.add<Certification>(principal, CredentialKind.CERTIFICATION, {
      name: input.name,
      issuer: input.issuer,
      issuedOn: input.issuedOn ?? null,
      expiresOn: input.expiresOn ?? null,
    });
  }

  async addNetworkMembership(principal: Principal, input: NetworkMembershipInput): Promise<NetworkMembership> {
    requireAfter(input.effectiveFrom, input.effectiveTo, 'input.effectiveTo', 'must be after effectiveFrom');
    if ((await this.referenceData.unknownIds('networks', [input.networkId])).length > 0) {
      throw BadUserInputError.field('input.networkId', 'is not a known network');
    }
    return this.add<NetworkMembership>(principal, CredentialKind.NETWORK_MEMBERSHIP, {
      networkId: input.networkId,
      effectiveFrom: input.effectiveFrom,
      effectiveTo: input.effectiveTo ?? null,
    });
  }

  /** Own credentials only: another therapist's credential answers NOT_FOUND, as one that does not exist. */
  async remove(principal: Principal, kind: CredentialKind, credentialId: string): Promise<boolean> {
    if (!isUuid(credentialId)) throw new NotFoundError('Credential');
    const { entity, name, fields } = CREDENTIAL_KINDS[kind];
    return this.dataSource.transaction(async (manager) => {
      const therapist = await lockOwnTherapist(manager, principal);
      const credential = await manager.findOneBy(entity, { id: credentialId, therapistId: therapist.id });
      if (!credential) throw new NotFoundError('Credential');
      await manager.delete(entity, { id: credential.id });
      await recordChanges(
        manager,
        { actorId: principal.userId, therapistId: therapist.id, entity: name, entityId: credential.id },
        credential,
        null,
        fields,
      );
      await publicProfileChanged(manager, therapist.id);
      return true;
    });
  }

  private async add<T extends Credential>(
    principal: Principal,
    kind: CredentialKind,
    values: DeepPartial<T>,
  ): Promise<T> {
    const { name, fields } = CREDENTIAL_KINDS[kind];
    const entity = CREDENTIAL_KINDS[kind].entity as EntityTarget<T>;
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const therapist = await lockOwnTherapist(manager, principal);
      const pending = { therapistId: therapist.id, status: VerificationStatus.PENDING } as DeepPartial<T>;
      const credential = await manager.save(entity, manager.create(entity, { ...values, ...pending }));
      await recordChanges(
        manager,
        { actorId: principal.userId, therapistId: therapist.id, entity: name, entityId: credential.id },
        null,
        credential,
        fields,
      );
      await publicProfileChanged(manager, therapist.id);
      return credential;
    });
  }
}
