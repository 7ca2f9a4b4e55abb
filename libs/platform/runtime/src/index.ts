export * from './embedded-meilisearch';
export * from './embedded-postgres';
export * from './free-port';
export * from './secrets';
