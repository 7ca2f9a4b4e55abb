import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { isUniqueViolation } from '@mmn/database';
import { BadUserInputError, ConflictError, type FieldProblem, NotFoundError } from '@mmn/errors';
import { type Principal, UsersService } from '@mmn/identity';
import { isValidNpi, Role } from '@mmn/shared';
import { type ProviderProfileInput } from '../dto/provider-profile.input';
import { PracticeLocation } from '../entities/practice-location.entity';
import { Provider } from '../entities/provider.entity';
import { recordChanges } from '../rules/change-log';
import { geocodeLocation, type GeocodedLocation } from '../rules/geocode-location';
import { ProviderVerificationService, resetNpiVerification } from './provider-verification.service';
import { isUuid } from '@mmn/shared';

const PROVIDER_FIELDS = ['displayName', 'npi', 'taxonomyCode', 'specialty', 'organization', 'locations'] as const;

function describeLocations(locations: readonly GeocodedLocation[]): string {
  return locations.map((l) => `${l.addressLine}, ${l.city}, ${l.state} ${l.postalCode}`).join('; ');
}

/** Prescribing providers' profiles: created on registration, edited by their owner, readable by signed-in users. */
@Injectable()
export class ProvidersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Provider) private readonly providers: Repository<Provider>,
    private readonly users: UsersService,
    private readonly verification: ProviderVerificationService,
  ) {}

  onModuleInit(): void {
    this.users.onRegistered(async (user, manager) => {
      if (user.role !== Role.PROVIDER) return;
      await manager.save(manager.create(Provider, { userId: user.id, displayName: user.displayName, npi: null }));
    });
  }

  async byId(id: string): Promise<Provider | null> {
    if (!isUuid(id)) return null;
    return this.providers.findOne({
      where: { id },
      relations: { locations: true },
      order: { locations: { createdAt: 'ASC' } },
    });
  }

  async mine(principal: Principal): Promise<Provider> {
    const provider = await this.providers.findOne({
      where: { userId: principal.userId },
      relations: { locations: true },
      order: { locations: { createdAt: 'ASC' } },
    });
    if (!provider) throw new NotFoundError('Provider profile');
    return provider;
  }

  async updateProfile(principal: Principal, input: ProviderProfileInput): Promise<Provider> {
    const problems: FieldProblem[] = [];
    if (input.npi && !isValidNpi(input.npi))
      problems.push({ path: 'input.npi', message: 'must be 10 digits with a valid check digit' });
    const locations: GeocodedLocation[] = [];
    (input.locations ?? []).forEach((location, index) => {
      try {
        locations.push(geocodeLocation(location, `input.locations.${index}`));
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        problems.push(...(error.extensions.problems as FieldProblem[]));
      }
    });
    if (problems.length > 0) throw new BadUserInputError(problems);
    try {
      await this.dataSource.transaction(async (manager) => {
        const provider = await manager.findOne(Provider, {
          where: { userId: principal.userId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!provider) throw new NotFoundError('Provider profile');
        const existing = await manager.find(PracticeLocation, {
          where: { providerId: provider.id },
          order: { createdAt: 'ASC' },
        });
        const before = { ...provider, locations: describeLocations(existing) };
        if (input.displayName != null) provider.displayName = input.displayName;
        const npiBefore = provider.npi;
        if (input.npi !== undefined) provider.npi = input.npi || null;
        // A changed NPI is a different claim: it goes back to PENDING and stops counting until checked again.
        const npiChanged = provider.npi !== npiBefore;
        if (npiChanged) resetNpiVerification(provider);
        if (input.taxonomyCode !== undefined) provider.taxonomyCode = input.taxonomyCode || null;
        if (input.specialty !== undefined) provider.specialty = input.specialty || null;
        if (input.organization !== undefined) provider.organization = input.organization || null;
        await manager.save(provider);
        if (input.locations != null) {
          await manager.delete(PracticeLocation, { providerId: provider.id });
          for (const location of locations)
            await manager.save(
              manager.create(PracticeLocation, { ...location, providerId: provider.id, therapistId: null }),
            );
        }
        const after = {
          ...provider,
          locations: input.locations != null ? describeLocations(locations) : before.locations,
        };
        // Where a prescriber practises decides which therapists count them as a local doctor.
        if (npiChanged || input.locations != null) await this.verification.notifyChanged(manager, provider.id);
        await recordChanges(
          manager,
          { actorId: principal.userId, providerId: provider.id, entity: 'Provider', entityId: provider.id },
          before,
          after,
          PROVIDER_FIELDS,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'providers_npi_key'))
        throw new ConflictError('Another provider already registered this NPI.');
      throw error;
    }
    return this.mine(principal);
  }
}
