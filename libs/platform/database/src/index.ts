export * from './data-source-options';
export * from './postgres-error';
export * from './outbox-row';
export * from './deleted-count';
