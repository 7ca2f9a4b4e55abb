import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { NotFoundError } from '@mmn/errors';
import type { Principal } from '@mmn/identity';
import { isUuid } from '@mmn/shared';
import { VerificationStatus } from '../directory.enums';
import type { Verification } from '../directory.models';
import type { VerifyProviderInput } from '../dto/verification-decision.input';
import { Provider } from '../entities/provider.entity';
import { recordChanges } from '../rules/change-log';

export type ProviderVerificationListener = (manager: EntityManager, providerId: string) => Promise<void>;

/** The verification a provider's NPI reads as. */
export function providerVerificationOf(provider: Provider): Verification {
  return {
    status: provider.npiStatus,
    verifiedAt: provider.npiVerifiedAt,
    source: provider.npiVerificationSource,
    note: provider.npiVerificationNote,
  };
}

/** The fields that make a provider's NPI PENDING again (called when the NPI changes). */
export function resetNpiVerification(provider: Provider, now = new Date()): void {
  provider.npiStatus = VerificationStatus.PENDING;
  provider.npiSubmittedAt = provider.npi ? now : null;
  provider.npiVerifiedAt = null;
  provider.npiVerifiedBy = null;
  provider.npiVerificationSource = null;
  provider.npiVerificationNote = null;
}

/**
 * Primary-source verification of prescribers' NPIs by administrators. Listeners (the referrals lib's reputation
 * counters) run in the same transaction, so a verification and what it changes commit together.
 */
@Injectable()
export class ProviderVerificationService {
  private readonly listeners: ProviderVerificationListener[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onVerificationChanged(listener: ProviderVerificationListener): void {
    this.listeners.push(listener);
  }

  /** Tells the listeners that this provider's verification or practice locations changed, in the caller's transaction. */
  async notifyChanged(manager: EntityManager, providerId: string): Promise<void> {
    for (const listener of this.listeners) await listener(manager, providerId);
  }

  /** Providers with an NPI waiting to be checked, oldest first. */
  pending(first: number): Promise<Provider[]> {
    return this.dataSource.manager.find(Provider, {
      where: { npiStatus: VerificationStatus.PENDING, npi: Not(IsNull()) },
      relations: { locations: true },
      order: { npiSubmittedAt: 'ASC', id: 'ASC' },
      take: first,
    });
  }

  async verify(admin: Principal, input: VerifyProviderInput): Promise<Verification> {
    if (!isUuid(input.providerId)) throw new NotFoundError('Provider');
    return this.dataSource.transaction(async (manager) => {
      const provider = await manager.findOne(Provider, {
        where: { id: input.providerId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!provider || !provider.npi) throw new NotFoundError('Provider with an NPI');
      const before = { ...provider };
      provider.npiStatus = input.status;
      provider.npiVerifiedAt = new Date();
      provider.npiVerifiedBy = admin.userId;
      provider.npiVerificationSource = input.source;
      provider.npiVerificationNote = input.note || null;
      await manager.save(provider);
      await recordChanges(
        manager,
        { actorId: admin.userId, providerId: provider.id, entity: 'Provider', entityId: provider.id },
        before,
        provider,
        ['npiStatus', 'npiVerifiedAt', 'npiVerifiedBy', 'npiVerificationSource', 'npiVerificationNote'],
      );
      await this.notifyChanged(manager, provider.id);
      return providerVerificationOf(provider);
    });
  }
}
