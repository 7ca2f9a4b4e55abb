import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';
import { NotFoundError } from '@mmn/errors';
import { isUuid } from '@mmn/shared';
import { Provider } from '../entities/provider.entity';
import { compareWithRegistry, parseNppesAnswer, type RegistryRecord } from './nppes-record';
import { type RegistryLookup, RegistryLookupStatus } from './registry.models';

const TIMEOUT_MS = 5000;
const BY_HAND = 'https://npiregistry.cms.hhs.gov/search';

/**
 * Looks a provider's NPI up in the NPPES NPI Registry (API 2.1) for an administrator. Only administrators' requests
 * reach the registry; when it does not answer the administrator is told to check by hand.
 */
@Injectable()
export class NppesClient {
  private readonly logger = new Logger(NppesClient.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  async lookUpProvider(providerId: string): Promise<RegistryLookup> {
    const provider = isUuid(providerId)
      ? await this.dataSource.manager.findOne(Provider, { where: { id: providerId }, relations: { locations: true } })
      : null;
    if (!provider || !provider.npi) throw new NotFoundError('Provider with an NPI');
    let record: RegistryRecord | null;
    try {
      record = await this.fetchRecord(provider.npi);
    } catch (error) {
      this.logger.warn(`NPPES look-up failed: ${error instanceof Error ? error.message : String(error)}`);
      return {
        status: RegistryLookupStatus.UNREACHABLE,
        message: `The NPPES registry did not answer; check NPI ${provider.npi} by hand at ${BY_HAND}.`,
        record: null,
        comparison: null,
      };
    }
    if (!record) {
      return {
        status: RegistryLookupStatus.NOT_FOUND,
        message: `The NPPES registry has no record of NPI ${provider.npi}: reject it, or ask the provider to correct it.`,
        record: null,
        comparison: null,
      };
    }
    const comparison = compareWithRegistry(
      {
        displayName: provider.displayName,
        taxonomyCode: provider.taxonomyCode,
        states: provider.locations.map((l) => l.state),
      },
      record,
    );
    const differences = [
      comparison.nameMatches ? null : 'the name',
      comparison.taxonomyMatches === false ? 'the taxonomy' : null,
      comparison.stateMatches === false ? 'the state' : null,
      comparison.active ? null : 'the NPI is deactivated',
    ].filter(Boolean);
    return {
      status: RegistryLookupStatus.FOUND,
      message:
        differences.length === 0
          ? 'The registry record matches the provider’s entries.'
          : `Check before verifying: ${differences.join(', ')} ${differences.length === 1 ? 'differs' : 'differ'} from the registry.`,
      record,
      comparison,
    };
  }

  private async fetchRecord(npi: string): Promise<RegistryRecord | null> {
    const url = new URL(this.config.nppesApiUrl ?? 'https://npiregistry.cms.hhs.gov/api/');
    url.searchParams.set('version', '2.1');
    url.searchParams.set('number', npi);
    const response = await fetch(url, {
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`the registry answered HTTP ${response.status}`);
    return parseNppesAnswer(await response.json());
  }
}
