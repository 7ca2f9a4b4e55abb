import { Inject, Injectable } from '@nestjs/common';
import { MeiliSearch } from 'meilisearch';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';

/** The Meilisearch client, with short timeouts so an outage answers quickly instead of hanging. */
@Injectable()
export class SearchEngine {
  readonly client: MeiliSearch;

  constructor(@Inject(APP_CONFIG) readonly config: ResolvedConfig) {
    this.client = new MeiliSearch({ host: config.meiliUrl, apiKey: config.meiliMasterKey, timeout: 2000 });
  }

  async health(): Promise<void> {
    await this.client.health();
  }

  indexName(base: string): string {
    return `${this.config.searchIndexPrefix}${base}`;
  }
}
