// Patient search: the Meilisearch projection of public therapist data, kept current through the outbox.
export * from './documents/therapist-document';
export * from './indexing/credential-expiry-sweep.job';
export * from './indexing/index-settings';
export * from './indexing/reindex.service';
export * from './indexing/therapist-index';
export * from './outbox/search-outbox.worker';
export * from './search-engine';
export * from './search.module';
export * from './query/search.models';
export * from './query/therapist-search.service';
export * from './query/engine-query';
