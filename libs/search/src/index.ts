// Patient search: the Meilisearch projection of public therapist data, kept current through the outbox.
export * from './search-engine';
export * from './search.module';
