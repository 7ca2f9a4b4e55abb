import { Inject, Injectable } from '@nestjs/common';
import { MeiliSearch } from 'meilisearch';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';

/**
 * Meilisearch clients with short timeouts, so an outage answers quickly instead of hanging: searches give up
 * after 1.5 s (the API then answers SERVICE_UNAVAILABLE within 2 s), indexing calls after 10 s.
 */
@Injectable()
export class SearchEngine {
  readonly client: MeiliSearch;
  readonly searchClient: MeiliSearch;

  constructor(@Inject(APP_CONFIG) readonly config: ResolvedConfig) {
    this.client = new MeiliSearch({ host: config.meiliUrl, apiKey: config.meiliMasterKey, timeout: 10_000 });
    this.searchClient = new MeiliSearch({ host: config.meiliUrl, apiKey: config.meiliMasterKey, timeout: 1500 });
  }

  async health(): Promise<void> {
    await this.searchClient.health();
  }

  indexName(base: string): string {
    return `${this.config.searchIndexPrefix}${base}`;
  }
}
