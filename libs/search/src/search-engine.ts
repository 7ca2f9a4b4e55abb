import { Inject, Injectable } from '@nestjs/common';
import { MeiliSearch } from 'meilisearch';
import { APP_CONFIG, type ResolvedConfig } from '@mmn/config';

/**
 * Uncompressed responses. With fetch's default `Accept-Encoding: gzip, deflate` Meilisearch streams a compressed
 * body in several small writes, and on a kept-alive connection each response then stalls ~40 ms on delayed
 * ACKs (measured: 48 ms against 4 ms per search on loopback). The engine is on a local network; compression
 * buys nothing there.
 */
const REQUEST_INIT = { headers: { 'Accept-Encoding': 'identity' } };

/**
 * Meilisearch clients with short timeouts, so an outage answers quickly instead of hanging: searches give up
 * after 1.5 s (the API then answers SERVICE_UNAVAILABLE within 2 s), indexing calls after 10 s.
 */
@Injectable()
export class SearchEngine {
  readonly client: MeiliSearch;
  readonly searchClient: MeiliSearch;

  constructor(@Inject(APP_CONFIG) readonly config: ResolvedConfig) {
    this.client = new MeiliSearch({
      host: config.meiliUrl,
      apiKey: config.meiliMasterKey,
      timeout: 10_000,
      requestInit: REQUEST_INIT,
    });
    this.searchClient = new MeiliSearch({
      host: config.meiliUrl,
      apiKey: config.meiliMasterKey,
      timeout: 1500,
      requestInit: REQUEST_INIT,
    });
  }

  async health(): Promise<void> {
    await this.searchClient.health();
  }

  indexName(base: string): string {
    return `${this.config.searchIndexPrefix}${base}`;
  }
}
