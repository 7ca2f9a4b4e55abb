export * from './data-source-options';
export * from './postgres-error';
